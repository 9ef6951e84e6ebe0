import ShurakuGeo
import ShurakuPlan

/// The cut-off risk in the layers: settlement and zone fields, `critical_roads` and `drone_rings`.
extension PlanLayers {
    static let settlementRiskFields = [
        FieldInfo(name: "isolatable", type: .boolean), FieldInfo(name: "cut_roads", type: .string),
        FieldInfo(name: "drone_min", type: .real), FieldInfo(name: "drone_faster", type: .boolean),
    ]

    static func riskValues(_ s: Plan.SettlementRow) -> [FieldValue] {
        [
            flag(s.isolatable), s.isolatable == nil ? .null : .string(s.cutRoads.map(String.init).joined(separator: ",")),
            s.droneMin.map { real($0, 2) } ?? .null, flag(s.droneFaster),
        ]
    }

    static let zoneRiskFields = [
        FieldInfo(name: "isolatable_population", type: .integer),
        FieldInfo(name: "isolatable_population_in_drone_range", type: .integer),
    ]

    static func riskValues(_ z: Plan.ZoneRow) -> [FieldValue] {
        [z.isolatablePopulation.map(FieldValue.integer) ?? .null, z.isolatablePopulationInDroneRange.map(FieldValue.integer) ?? .null]
    }

    /// One line per road piece whose loss alone cuts someone off from their core.
    static func criticalRoads(_ rows: [Plan.CriticalRoadRow]) -> OutputLayer {
        let fields = [
            FieldInfo(name: "road_id", type: .integer), FieldInfo(name: "people_cut_off", type: .integer),
            FieldInfo(name: "settlements_cut_off", type: .integer), FieldInfo(name: "road_class", type: .string),
            FieldInfo(name: "road_name", type: .string), FieldInfo(name: "length_km", type: .real),
            FieldInfo(name: "settlement_ids", type: .string), FieldInfo(name: "zones", type: .string),
        ]
        let features = rows.enumerated().map { i, r in
            VectorFeature(
                fid: Int64(i + 1), geometry: .lineString(r.road.line),
                values: [
                    .integer(Int64(r.road.roadID)), .integer(r.peopleCutOff), .integer(Int64(r.settlementIDs.count)),
                    r.road.roadClass.map(FieldValue.string) ?? .null, r.road.roadName.map(FieldValue.string) ?? .null,
                    real(r.road.lengthKm, 3), .string(r.settlementIDs.joined(separator: ",")), .string(r.zoneIDs.joined(separator: ",")),
                ])
        }
        return OutputLayer(name: "critical_roads", geometryType: .lineString, crs: .lonLat, fields: fields, features: features)
    }

    /// The drone's range around each core (only with a drone).
    static func droneRings(_ r: Plan) -> OutputLayer {
        let fields = [
            FieldInfo(name: "zone_id", type: .string), FieldInfo(name: "core_id", type: .string),
            FieldInfo(name: "core_name", type: .string), FieldInfo(name: "range_km", type: .real),
        ]
        let range = r.request.risk.droneRangeKm ?? 0
        let features = r.zones.enumerated().compactMap { i, z in
            z.droneRing.map { ring in
                VectorFeature(
                    fid: Int64(i + 1), geometry: .multiPolygon(ring.polygonParts),
                    values: [.string(z.zoneID), .string(z.coreID), .string(z.coreName), real(range, 3)])
            }
        }
        return OutputLayer(name: "drone_rings", geometryType: .multiPolygon, crs: .lonLat, fields: fields, features: features)
    }

    private static func flag(_ b: Bool?) -> FieldValue { b.map { .integer($0 ? 1 : 0) } ?? .null }
}
