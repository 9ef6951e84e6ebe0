import Foundation
import ShurakuGeo
import ShurakuTestSupport
import Testing

/// `shuraku evaluate` on the 能登町 sample: an unedited plan comes back as it was; moved
/// settlements get their travel time to the new core, both zones their population, loops and
/// grant, changes.csv its rows, and a move beyond the travel limit its violation.
@Suite("shuraku evaluate")
struct EvaluateCommandTests {
    /// The files an evaluated plan writes exactly as the plan did when nothing was edited: all
    /// but those that carry `violations` (the two layers, plan.gpkg, summary.csv) and plan.json
    /// (report.html shows violations only where there are some).
    static let unchangedFiles = [
        "cores.geojson", "cores.qml", "critical_roads.geojson", "critical_roads.qml", "facilities.geojson", "facilities.qml",
        "map.svg", "network_issues.geojson", "network_issues.qml", "report.html", "routes.geojson", "routes.qml", "settlements.qml",
        "zones.qml",
    ]

    @Test("an unedited plan evaluates to the same zones, populations, travel times and loops; DIR is left alone")
    func unedited() throws {
        let dir = try TempDir()
        let plan = dir.path("noto")
        try EvaluateSupport.notoPlan(plan)
        let before = try InterruptTests.snapshot(plan)
        let r = CapturedRun(["evaluate", "--plan", plan, "--edited", plan + "/plan.gpkg:settlements", "--quiet"])
        #expect(r.status == 0, "\(r.err)")
        #expect(try InterruptTests.snapshot(plan) == before, "the plan folder changed")
        let out = dir.path("noto-evaluated")
        let after = try InterruptTests.snapshot(out)
        #expect(Set(after.keys) == Set(before.keys).union(["changes.csv"]))
        for f in Self.unchangedFiles { #expect(after[f] == before[f], "\(f) differs") }
        #expect(try EvaluateSupport.changes(out).isEmpty)

        // The layers: every field as it was, plus an empty violations field.
        for layer in ["settlements", "zones"] {
            for source in ["\(out)/\(layer).geojson", "\(out)/plan.gpkg:\(layer)"] {
                let old = try EvaluateSupport.rows("\(plan)/\(layer).geojson")
                let new = try EvaluateSupport.rows(source)
                #expect(new.count == old.count)
                for (a, b) in zip(old, new) {
                    var b = b
                    #expect(b.removeValue(forKey: "violations") == .string(""), "\(source)")
                    #expect(a == b, "\(source): \(a) ≠ \(b)")
                }
            }
        }
        let oldCSV = try String(contentsOfFile: plan + "/summary.csv", encoding: .utf8).split(separator: "\n")
        let newCSV = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8).split(separator: "\n")
        #expect(newCSV.first == oldCSV.first.map { $0 + ",violations" })
        #expect(Array(newCSV.dropFirst()) == oldCSV.dropFirst().map { $0 + "," })

        // plan.json: the same, plus what says it is an evaluation.
        let old = try EvaluateSupport.planJSON(plan)
        var new = try EvaluateSupport.planJSON(out)
        #expect((new.removeValue(forKey: "violations") as? [Any])?.isEmpty == true)
        let evaluation = try #require(new.removeValue(forKey: "evaluation") as? [String: Any])
        #expect(evaluation["changes"] as? Int == 0)
        var metrics = try #require(new["metrics"] as? [String: Any])
        #expect(metrics.removeValue(forKey: "violations") as? Int == 0)
        new["metrics"] = metrics
        #expect(NSDictionary(dictionary: old) == NSDictionary(dictionary: new))
    }

    @Test("moves to a neighbouring and to a far zone: travel to the new core, populations, changes.csv, the travel-limit violation")
    func moves() throws {
        let dir = try TempDir()
        let plan = dir.path("noto")
        try EvaluateSupport.notoPlan(plan)
        // 字矢波 (176 people) from 藤波's zone Z03 to 宇出津's Z01, next door; 字柏木 (30) from 鵜川's
        // Z02 in the west to 松波's Z07 in the east, beyond 30 minutes.
        let (near, far) = ("174630050", "174630210")
        let edited = try EvaluateSupport.editedGeoPackage(
            plan, copy: dir.path("edited.gpkg"),
            [
                "UPDATE settlements SET zone_id = 'Z01' WHERE settlement_id = '\(near)'",
                "UPDATE settlements SET zone_id = 'Z07' WHERE settlement_id = '\(far)'",
            ])
        let out = dir.path("evaluated")
        let r = CapturedRun(["evaluate", "--plan", plan, "--edited", edited, "--out", out])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("2 changed"), "\(r.err)")

        let oldS = Dictionary(
            uniqueKeysWithValues: try EvaluateSupport.rows(plan + "/settlements.geojson").map { ($0["settlement_id"]?.text ?? "", $0) })
        let newRows = try EvaluateSupport.rows(out + "/settlements.geojson")
        let newS = Dictionary(uniqueKeysWithValues: newRows.map { ($0["settlement_id"]?.text ?? "", $0) })
        let oldZ = Dictionary(
            uniqueKeysWithValues: try EvaluateSupport.rows(plan + "/zones.geojson").map { ($0["zone_id"]?.text ?? "", $0) })
        let newZ = Dictionary(
            uniqueKeysWithValues: try EvaluateSupport.rows(out + "/zones.geojson").map { ($0["zone_id"]?.text ?? "", $0) })
        let workCRS = try #require(try EvaluateSupport.planJSON(plan)["work_crs"] as? String)

        for (id, zone) in [(near, "Z01"), (far, "Z07")] {
            let s = try #require(newS[id])
            #expect(s["zone_id"]?.text == zone)
            let core = try #require(newZ[zone]?["core_id"]?.text)
            #expect(s["core_id"]?.text == core)
            // The layer rounds to 0.01 min; the searches agree to well under that.
            let expected = try EvaluateSupport.naiveMinutes(from: id, to: core, workCRS: workCRS)
            let got = try #require(s["travel_min"]?.number)
            #expect(abs(got - expected) <= 0.01, "\(id): \(got) min, independent Dijkstra \(expected) min")
        }
        #expect(newS[near]?["travel_min"]?.number ?? .infinity <= 30)
        #expect(newS[far]?["travel_min"]?.number ?? 0 > 30)

        // Zone populations: the sum of their settlements, and the plan's ± the people moved.
        let nearPop = try #require(oldS[near]?["population"]?.number)
        let farPop = try #require(oldS[far]?["population"]?.number)
        for (zone, delta) in [("Z01", nearPop), ("Z03", -nearPop), ("Z07", farPop), ("Z02", -farPop), ("Z04", 0)] {
            let sum = newRows.filter { $0["zone_id"]?.text == zone }.reduce(0.0) { $0 + ($1["population"]?.number ?? 0) }
            #expect(newZ[zone]?["population"]?.number == sum, "\(zone)")
            #expect(newZ[zone]?["population"]?.number == (oldZ[zone]?["population"]?.number ?? 0) + delta, "\(zone)")
        }

        // changes.csv: one row per moved settlement, the zones' changes as the two zones layers say.
        let changes = try EvaluateSupport.changes(out)
        #expect(Set(changes.compactMap { $0["settlement_id"] }) == [near, far] && changes.count == 2)
        for (id, from, to) in [(near, "Z03", "Z01"), (far, "Z02", "Z07")] {
            let row = try #require(changes.first { $0["settlement_id"] == id })
            #expect(row["change"] == "moved" && row["old_zone_id"] == from && row["new_zone_id"] == to)
            #expect(row["old_is_core"] == "0" && row["new_is_core"] == "0")
            #expect(Double(row["old_travel_min"] ?? "") == oldS[id]?["travel_min"]?.number)
            #expect(Double(row["new_travel_min"] ?? "") == newS[id]?["travel_min"]?.number)
            for (side, zone) in [("old_zone", from), ("new_zone", to)] {
                func delta(_ field: String) -> Double? {
                    guard let a = newZ[zone]?[field]?.number, let b = oldZ[zone]?[field]?.number else { return nil }
                    return a - b
                }
                #expect(Double(row["\(side)_population_change"] ?? "") == delta("population"), "\(id) \(side)")
                #expect(Double(row["\(side)_loops_change"] ?? "") == delta("loops"), "\(id) \(side)")
                #expect(Double(row["\(side)_grant_cap_yen_change"] ?? "") == delta("grant_cap_yen"), "\(id) \(side)")
                let minutes = try #require(Double(row["\(side)_route_min_change"] ?? ""))
                #expect(abs(minutes - (delta("route_min") ?? .nan)) <= 0.011, "\(id) \(side)")
            }
        }

        // The far move is flagged, not refused: on the settlement, its zone, plan.json.
        let farViolations = newS[far]?["violations"]?.text ?? ""
        #expect(farViolations.contains("beyond_travel_limit("), "\(farViolations)")
        let nearViolations = newS[near]?["violations"]?.text ?? ""
        #expect(nearViolations.contains("beyond_travel_limit") == false, "\(nearViolations)")
        #expect(newZ["Z07"]?["violations"]?.text?.contains("members(beyond_travel_limit 1") == true)
        #expect(newZ["Z03"]?["violations"]?.text?.contains("below_min_population(851 < 1000)") == true)
        let json = try EvaluateSupport.planJSON(out)
        let list = try #require(json["violations"] as? [[String: Any]])
        #expect(list.contains { $0["code"] as? String == "beyond_travel_limit" && $0["settlement_id"] as? String == far })
        #expect((json["metrics"] as? [String: Any])?["violations"] as? Int == list.count)

        // compare reads it beside the plan.
        let c = CapturedRun(["compare", plan, out])
        #expect(c.status == 0, "\(c.err)")
        #expect(c.out.contains("| violations | – | \(list.count) |"), "\(c.out)")
        #expect(c.out.contains("| same zones as noto | 8 of 8 | 4 of 8 |"), "\(c.out)")
        let j = CapturedRun(["compare", plan, out, "--format", "json"])
        #expect(j.status == 0 && j.out.contains("\"violations\""))

        // --out DIR replaces the plan itself, whole.
        let again = CapturedRun(["evaluate", "--plan", plan, "--edited", edited, "--out", plan, "--quiet"])
        #expect(again.status == 0, "\(again.err)")
        #expect(try InterruptTests.snapshot(plan) == (try InterruptTests.snapshot(out)))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
