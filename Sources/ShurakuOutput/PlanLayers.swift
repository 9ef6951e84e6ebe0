import Foundation
import ShurakuGeo
import ShurakuInput
import ShurakuPlan

/// The output layers of the contract (DESIGN.md), built from a ``Plan``. Field names and order
/// here are what users' scripts read: extend, never rename.
enum PlanLayers {
    /// The per-kind facility count fields of zones: `facilities_school`, … (null without facilities).
    static let facilityKinds = FacilityKind.allCases

    static func zones(_ r: Plan, grouped: Bool) -> OutputLayer {
        var fields: [FieldInfo] = [
            f("zone_id", .string), f("core_id", .string), f("core_name", .string), f("population", .integer),
            f("settlements", .integer), f("max_travel_min", .real), f("mean_travel_min", .real), f("area_km2", .real),
            f("districts", .string), f("meets_min_population", .boolean), f("route_km", .real), f("route_min", .real),
            f("grant_cap_yen", .integer), f("annual_cost_yen", .integer), f("loops", .integer),
        ]
        fields += zoneFleetFields
        fields += [f("grant_basis", .string), f("core_score", .integer), f("core_reason", .string), f("facilities", .string)]
        fields += facilityKinds.map { f("facilities_\($0.rawValue)", .integer) }
        fields += zoneRiskFields
        fields += zoneAccessFields(r) + zoneProjectionFields(r)
        if grouped { fields.append(f("group", .string)) }
        if r.evaluation != nil { fields.append(f("violations", .string)) }
        let violations = r.evaluation?.zoneTexts()
        let features = r.zones.enumerated().map { i, z in
            var v: [FieldValue] = [
                .string(z.zoneID), .string(z.coreID), .string(z.coreName), .integer(z.population), .integer(Int64(z.settlementCount)),
                real(z.maxTravelMin, 2), real(z.meanTravelMin, 2), real(z.areaKm2, 3), .string(z.districts.joined(separator: ";")),
                bool(z.meetsMinPopulation), real(z.routeKm, 3), real(z.routeMin, 2), .integer(z.grantCapYen),
                z.annualCostYen.map(FieldValue.integer) ?? .null, .integer(Int64(z.loops)),
            ]
            v += fleetValues(z)
            v += [
                .string(z.grantBasis), z.coreScore.map(FieldValue.integer) ?? .null, .string(z.coreReason),
                text(z.facilityCounts.map(facilitySummary)),
            ]
            v += facilityKinds.map { k in z.facilityCounts.map { .integer(Int64($0[k] ?? 0)) } ?? .null }
            v += riskValues(z)
            v += accessValues(z, r) + projectionValues(z, r)
            if grouped { v.append(z.group.map(FieldValue.string) ?? .null) }
            if let violations { v.append(.string(violations[z.zoneID] ?? "")) }
            return VectorFeature(fid: Int64(i + 1), geometry: multiPolygon(z.shape), values: v)
        }
        return OutputLayer(name: "zones", geometryType: .multiPolygon, crs: .lonLat, fields: fields, features: features)
    }

    static func settlements(_ r: Plan, grouped: Bool) -> OutputLayer {
        var fields: [FieldInfo] = [
            f("settlement_id", .string), f("name", .string), f("population", .integer), f("zone_id", .string),
            f("core_id", .string), f("is_core", .boolean), f("travel_min", .real), f("status", .string), f("reason", .string),
            f("travel_km", .real), f("district", .string),
        ]
        fields += settlementRiskFields
        fields += settlementAccessFields(r) + settlementProjectionFields(r)
        if grouped { fields.append(f("group", .string)) }
        if r.evaluation != nil { fields.append(f("violations", .string)) }
        let violations = r.evaluation?.settlementTexts()
        let features = r.settlements.enumerated().map { i, s in
            var v: [FieldValue] = [
                .string(s.id), .string(s.name), .integer(s.population), text(s.zoneID), text(s.coreID), bool(s.isCore),
                s.travelMin.map { real($0, 2) } ?? .null, .string(s.status.rawValue), text(s.reason?.description),
                s.travelKm.map { real($0, 3) } ?? .null, text(s.district),
            ]
            v += riskValues(s)
            v += accessValues(s, r) + projectionValues(s, r)
            if grouped { v.append(text(s.group)) }
            if let violations { v.append(.string(violations[s.id] ?? "")) }
            return VectorFeature(fid: Int64(i + 1), geometry: .point(s.lonLat), values: v)
        }
        return OutputLayer(name: "settlements", geometryType: .point, crs: .lonLat, fields: fields, features: features)
    }

    static func cores(_ r: Plan, grouped: Bool) -> OutputLayer {
        var fields: [FieldInfo] = [
            f("zone_id", .string), f("core_id", .string), f("core_name", .string), f("zone_population", .integer),
            f("designated", .boolean), f("settlements", .integer), f("core_score", .integer), f("core_reason", .string),
        ]
        if grouped { fields.append(f("group", .string)) }
        let features = r.zones.enumerated().map { i, z in
            var v: [FieldValue] = [
                .string(z.zoneID), .string(z.coreID), .string(z.coreName), .integer(z.population), bool(z.coreDesignated),
                .integer(Int64(z.settlementCount)), z.coreScore.map(FieldValue.integer) ?? .null, .string(z.coreReason),
            ]
            if grouped { v.append(text(z.group)) }
            return VectorFeature(fid: Int64(i + 1), geometry: .point(z.coreLonLat), values: v)
        }
        return OutputLayer(name: "cores", geometryType: .point, crs: .lonLat, fields: fields, features: features)
    }

    static func routes(_ r: Plan) -> OutputLayer {
        let fields: [FieldInfo] = [
            f("zone_id", .string), f("loop", .integer), f("stops", .string), f("length_km", .real), f("duration_min", .real),
            f("stop_count", .integer), f("arrival_min", .string), f("ride_min", .string), f("max_ride_min", .real),
        ]
        let features = r.routes.enumerated().map { i, rt in
            let arrivals = rt.arrivalsMin.map { String(format: "%.1f", $0) }.joined(separator: ",")
            let rides = rt.ridesMin.map { String(format: "%.1f", $0) }.joined(separator: ",")
            return VectorFeature(
                fid: Int64(i + 1), geometry: .lineString(rt.line),
                values: [
                    .string(rt.zoneID), .integer(Int64(rt.loop)), .string(rt.stops.joined(separator: ",")), real(rt.lengthKm, 3),
                    real(rt.durationMin, 2), .integer(Int64(rt.stops.count)), .string(arrivals), .string(rides),
                    real(rt.maxRideMin, 2),
                ])
        }
        return OutputLayer(name: "routes", geometryType: .lineString, crs: .lonLat, fields: fields, features: features)
    }

    /// The facilities with their kind and the zone they lie in.
    static func facilities(_ rows: [Plan.FacilityRow]) -> OutputLayer {
        let fields: [FieldInfo] = [
            f("facility_id", .string), f("name", .string), f("kind", .string), f("kind_label", .string), f("subkind", .string),
            f("zone_id", .string),
        ]
        let features = rows.enumerated().map { i, x in
            VectorFeature(
                fid: Int64(i + 1), geometry: .point(x.lonLat),
                values: [
                    .string(x.id), .string(x.name), .string(x.kind.rawValue), .string(x.kind.label), text(x.subkind), text(x.zoneID),
                ])
        }
        return OutputLayer(name: "facilities", geometryType: .point, crs: .lonLat, fields: fields, features: features)
    }

    /// Where the road data is doubtful: crossings without a junction and gaps, with the lines
    /// involved ("; "-separated) and the gap's length.
    static func networkIssues(_ rows: [Plan.NetworkIssueRow]) -> OutputLayer {
        let fields: [FieldInfo] = [f("kind", .string), f("roads", .string), f("distance_m", .real), f("joined", .boolean)]
        let features = rows.enumerated().map { i, x in
            VectorFeature(
                fid: Int64(i + 1), geometry: .point(x.lonLat),
                values: [.string(x.kind.rawValue), .string(x.roads.joined(separator: "; ")), real(x.distanceMeters, 2), bool(x.joined)])
        }
        return OutputLayer(name: "network_issues", geometryType: .point, crs: .lonLat, fields: fields, features: features)
    }

    /// "役場 1, 病院 1, 学校 3" in kind order, kinds with none left out; "none" when empty.
    static func facilitySummary(_ counts: [FacilityKind: Int]) -> String {
        let parts = FacilityKind.allCases.compactMap { k in counts[k].flatMap { $0 > 0 ? "\(k.label) \($0)" : nil } }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    /// `summary.csv`: one row per zone, the zone fields without geometry.
    static func summary(_ r: Plan, grouped: Bool) -> OutputLayer {
        var z = zones(r, grouped: grouped)
        z.name = "summary"
        z.geometryType = .none
        return z
    }

    // MARK: - Helpers

    private static func f(_ name: String, _ type: FieldType) -> FieldInfo { FieldInfo(name: name, type: type) }
    private static func text(_ s: String?) -> FieldValue { s.map(FieldValue.string) ?? .null }
    private static func bool(_ b: Bool) -> FieldValue { .integer(b ? 1 : 0) }

    /// A real rounded to `digits` decimals, so that outputs do not carry float noise.
    static func real(_ d: Double, _ digits: Int) -> FieldValue {
        guard d.isFinite else { return .null }
        let p = pow(10.0, Double(digits))
        return .real((d * p).rounded() / p)
    }

    private static func multiPolygon(_ g: Geometry) -> Geometry {
        let parts = g.polygonParts
        return .multiPolygon(parts)
    }
}
