import Foundation
import ShurakuGeo
import ShurakuPlan

/// An evaluated plan's extras: `changes.csv`, and `plan.json`'s `evaluation`, `violations` and
/// `metrics.violations`. Plans made by `plan` have none of them, so their files stay as they were.
extension PlanWriter {
    /// `changes.csv`: one row per settlement whose zone or core status changed, with the change
    /// in its old and its new zone's population, loops, loop minutes and grant cap (new − old;
    /// a zone that did not exist counts as 0).
    static func changes(_ e: PlanEvaluation) -> OutputLayer {
        func f(_ name: String, _ type: FieldType) -> FieldInfo { FieldInfo(name: name, type: type) }
        var fields = [
            f("settlement_id", .string), f("name", .string), f("population", .integer), f("change", .string), f("old_zone_id", .string),
            f("new_zone_id", .string), f("old_is_core", .boolean), f("new_is_core", .boolean), f("old_travel_min", .real),
            f("new_travel_min", .real),
        ]
        for side in ["old_zone", "new_zone"] {
            fields += [
                f("\(side)_population_change", .integer), f("\(side)_loops_change", .integer), f("\(side)_route_min_change", .real),
                f("\(side)_grant_cap_yen_change", .integer),
            ]
        }
        func deltas(_ zoneID: String?) -> [FieldValue] {
            guard let zoneID, let c = e.zoneChanges[zoneID] else { return [.null, .null, .null, .null] }
            let old = c.old ?? .none
            let new = c.new ?? .none
            return [
                .integer(new.population - old.population), .integer(Int64(new.loops - old.loops)),
                PlanLayers.real(new.routeMin - old.routeMin, 2), .integer(new.grantCapYen - old.grantCapYen),
            ]
        }
        let features = e.changes.enumerated().map { i, c in
            VectorFeature(
                fid: Int64(i + 1), geometry: nil,
                values: [
                    .string(c.settlementID), .string(c.name), .integer(c.population), .string(c.kind),
                    c.oldZoneID.map(FieldValue.string) ?? .null, c.newZoneID.map(FieldValue.string) ?? .null,
                    .integer(c.oldIsCore ? 1 : 0), .integer(c.newIsCore ? 1 : 0), c.oldTravelMin.map { PlanLayers.real($0, 2) } ?? .null,
                    c.newTravelMin.map { PlanLayers.real($0, 2) } ?? .null,
                ] + deltas(c.oldZoneID) + deltas(c.newZoneID))
        }
        return OutputLayer(name: "changes", geometryType: .none, crs: .lonLat, fields: fields, features: features)
    }

    /// `plan.json`'s `evaluation` member: what was edited and what was made of it.
    static func evaluationJSON(_ e: PlanEvaluation) -> JSONValue {
        .object([
            "plan": .string(e.planPath), "edited": .object(["path": .string(e.editedSource), "sha256": .string(e.editedSHA256)]),
            "edits": .array(e.edits.map(JSONValue.string)), "changes": .int(Int64(e.changes.count)),
            "note": .string(
                "zones and cores as the planner edited them; everything else recomputed with the plan's parameters. "
                    + "Broken rules are listed in violations, not refused; changes.csv compares with the plan"),
        ])
    }

    /// `plan.json`'s `violations`: one entry per rule broken, zone by zone.
    static func violationsJSON(_ e: PlanEvaluation) -> JSONValue {
        .array(
            e.violations.map { v in
                .object([
                    "code": .string(v.code.rawValue), "zone_id": v.zoneID.map(JSONValue.string) ?? .null,
                    "settlement_id": v.settlementID.map(JSONValue.string) ?? .null, "detail": .string(v.detail),
                ])
            })
    }
}
