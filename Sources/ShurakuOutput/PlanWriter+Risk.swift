import ShurakuPlan
import ShurakuPlanner

extension PlanWriter {
    /// `plan.json`'s `cut_off` member: isolatable settlements and people, critical and closed
    /// roads (each closed piece named), the settlements the closures cut off, and the drone used;
    /// null without roads and without a drone.
    static func cutOffJSON(_ plan: Plan) -> JSONValue {
        guard plan.criticalRoads != nil || plan.request.risk.drone != nil else { return .null }
        let isolatable = plan.settlements.filter { $0.isolatable == true }
        let cutOff = plan.settlements.filter {
            if case .cutOffByClosedRoads? = $0.reason { return true }
            return false
        }
        func piece(_ r: Plan.RoadPieceRow) -> JSONValue {
            .object([
                "road_id": .int(Int64(r.roadID)), "road_class": r.roadClass.map(JSONValue.string) ?? .null,
                "road_name": r.roadName.map(JSONValue.string) ?? .null, "length_km": .rounded(r.lengthKm, 3),
            ])
        }
        var o: [String: JSONValue] = [
            "isolatable_settlements": .int(Int64(isolatable.count)),
            "isolatable_population": .int(isolatable.reduce(0) { $0 + $1.population }),
            "critical_roads": plan.criticalRoads.map { .int(Int64($0.count)) } ?? .null,
            "closed_roads": plan.closedRoads.map { .array($0.map(piece)) } ?? .null,
            "cut_off_by_closed_roads": .array(cutOff.map { .string($0.id) }),
            "cut_off_by_closed_roads_population": .int(cutOff.reduce(0) { $0 + $1.population }),
        ]
        if let d = plan.request.risk.drone {
            o["drone"] = .object(["range_km": .number(d.rangeKm), "speed_kmh": .number(d.speedKmh), "overhead_min": .number(d.overheadMin)])
            o["isolatable_population_in_drone_range"] = .int(plan.zones.reduce(0) { $0 + ($1.isolatablePopulationInDroneRange ?? 0) })
        } else {
            o["drone"] = .null
        }
        return .object(o)
    }
}
