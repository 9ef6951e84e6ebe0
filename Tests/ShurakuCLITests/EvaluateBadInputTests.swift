import Foundation
import ShurakuGeo
import ShurakuTestSupport
import Testing

@testable import ShurakuCLI

/// Bad edits and bad plan folders for `shuraku evaluate`: exit status 2 with a message naming
/// the file, the feature and the field, and no output folder left behind; edits that say too
/// little are completed with a note instead.
@Suite("shuraku evaluate: bad edits")
struct EvaluateBadInputTests {
    /// Runs `evaluate --plan plan` with `args`, and checks the failure.
    func expectBad(
        _ plan: String, _ args: [String], in dir: TempDir, mentions: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let out = dir.path("evaluated")
        let r = CapturedRun(["evaluate", "--plan", plan] + args + ["--out", out, "--quiet"])
        #expect(r.status == 2, "status \(r.status); stderr: \(r.err)", sourceLocation: sourceLocation)
        for m in mentions {
            #expect(r.err.contains(m), "stderr lacks '\(m)': \(r.err)", sourceLocation: sourceLocation)
        }
        #expect(!FileManager.default.fileExists(atPath: out), "an output folder was left behind", sourceLocation: sourceLocation)
        let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: dir.url.path)) ?? []).filter { $0.contains(".shuraku-") }
        #expect(leftovers.isEmpty, "staging left behind: \(leftovers)", sourceLocation: sourceLocation)
    }

    @Test("unknown and duplicated settlement ids, a settlement left out: exit 2 naming the file, the feature and the field")
    func settlementIDs() throws {
        let dir = try TempDir()
        let plan = try EvaluateSupport.smallPlan(in: dir)
        let unknown = try EvaluateSupport.editedGeoJSON(plan, to: dir.path("unknown.geojson")) { id, p in
            if id == "e" { p["settlement_id"] = "zz" }
        }
        expectBad(
            plan, ["--edited", unknown], in: dir,
            mentions: ["unknown.geojson", "feature 5 (settlement_id zz)", "field settlement_id", "no settlement of the plan has this id"])
        let duplicated = try EvaluateSupport.editedGeoJSON(plan, to: dir.path("dup.geojson")) { id, p in
            if id == "e" { p["settlement_id"] = "a" }
        }
        expectBad(
            plan, ["--edited", duplicated], in: dir,
            mentions: ["dup.geojson", "feature 5 (settlement_id a)", "field settlement_id", "duplicate settlement_id 'a' (also feature 1)"])
        let data = try Data(contentsOf: URL(fileURLWithPath: plan + "/settlements.geojson"))
        var doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        doc["features"] = (doc["features"] as? [Any])?.dropLast().map { $0 }
        let short = dir.path("short.geojson")
        try JSONSerialization.data(withJSONObject: doc).write(to: URL(fileURLWithPath: short))
        expectBad(plan, ["--edited", short], in: dir, mentions: ["short.geojson", "settlement e (鵜川) of the plan is missing"])
    }

    @Test("zone_id of the wrong type: a fraction, or a number that may mean one of the plan's zones; no zone_id field: exit 2")
    func zoneIDTypes() throws {
        let dir = try TempDir()
        let plan = try EvaluateSupport.smallPlan(in: dir)
        // A numeric zone_id field (a whole column of numbers, as a GIS may retype it).
        let fraction = try EvaluateSupport.editedGeoJSON(plan, to: dir.path("fraction.geojson")) { id, p in
            p["zone_id"] = ["a": 10, "b": 20, "c": 20, "d": 10, "e": 1.5][id]
        }
        expectBad(
            plan, ["--edited", fraction], in: dir,
            mentions: ["fraction.geojson", "feature 5 (settlement_id e)", "field zone_id", "1.5 is not a zone id"])
        let ambiguous = try EvaluateSupport.editedGeoJSON(plan, to: dir.path("two.geojson")) { id, p in
            p["zone_id"] = ["a": 10, "b": 20, "c": 20, "d": 10, "e": 2][id]
        }
        expectBad(
            plan, ["--edited", ambiguous], in: dir,
            mentions: ["two.geojson", "feature 5 (settlement_id e)", "field zone_id", "zone Z02 ends in it: write the zone id as text"])
        let noField = try EvaluateSupport.editedGeoJSON(plan, to: dir.path("nofield.geojson")) { _, p in p["zone_id"] = nil }
        expectBad(plan, ["--edited", noField], in: dir, mentions: ["nofield.geojson", "field zone_id", "no such field"])
        let badCore = try EvaluateSupport.editedGeoJSON(plan, to: dir.path("core.geojson")) { id, p in
            if id == "d" { p["is_core"] = "perhaps" }
        }
        expectBad(plan, ["--edited", badCore], in: dir, mentions: ["core.geojson", "feature 4 (settlement_id d)", "field is_core"])
    }

    @Test("plan folder: missing, without plan.json, unreadable, from another version, an input gone: exit 2 naming it")
    func planFolders() throws {
        let dir = try TempDir()
        let plan = try EvaluateSupport.smallPlan(in: dir)
        let edited = plan + "/plan.gpkg:settlements"
        expectBad(dir.path("nowhere"), ["--edited", edited], in: dir, mentions: ["nowhere", "no such plan folder"])
        try FileManager.default.createDirectory(atPath: dir.path("empty"), withIntermediateDirectories: true)
        expectBad(dir.path("empty"), ["--edited", edited], in: dir, mentions: ["empty/plan.json", "no plan.json"])

        try FileManager.default.copyItem(atPath: plan, toPath: dir.path("garbled"))
        try dir.write("garbled/plan.json", "{\"tool\": \"shuraku\", ")
        expectBad(dir.path("garbled"), ["--edited", edited], in: dir, mentions: ["garbled/plan.json", "not valid JSON"])

        try FileManager.default.copyItem(atPath: plan, toPath: dir.path("future"))
        let json = try String(contentsOfFile: plan + "/plan.json", encoding: .utf8)
        let version = try #require(json.range(of: #""version" : "[^"]*""#, options: .regularExpression))
        try dir.write("future/plan.json", json.replacingCharacters(in: version, with: #""version" : "9.0.0""#))
        expectBad(
            dir.path("future"), ["--edited", edited], in: dir,
            mentions: ["future/plan.json", "field version", "written by shuraku 9.0.0"])

        expectBad(plan, ["--edited", dir.path("none.gpkg")], in: dir, mentions: [dir.path("none.gpkg"), "no such file"])
        try FileManager.default.removeItem(atPath: dir.path("s.csv"))
        expectBad(plan, ["--edited", edited], in: dir, mentions: [dir.path("s.csv"), "field settlements", "input is gone"])
    }

    @Test("usage: --plan and --edited are required")
    func usage() throws {
        let r = CapturedRun(["evaluate", "--edited", "x.gpkg"])
        #expect(r.status == 2 && r.err.contains("missing --plan DIR") && r.err.contains("shuraku evaluate --help"))
        let s = CapturedRun(["evaluate", "--plan", "x"])
        #expect(s.status == 2 && s.err.contains("missing --edited SRC"))
        #expect(EvaluateCommand.defaultOutput("out/noto/") == "out/noto-evaluated")
        #expect(EvaluateCommand.defaultOutput(".") == FileManager.default.currentDirectoryPath + "-evaluated")
    }

    @Test("edits that say too little are completed with a note: a new zone id, two cores, an emptied zone_id, a numeric zone_id")
    func completed() throws {
        let dir = try TempDir()
        let plan = try EvaluateSupport.smallPlan(in: dir)
        let edited = try EvaluateSupport.editedGeoJSON(plan, to: dir.path("edited.geojson")) { id, p in
            switch id {
            case "e": p["zone_id"] = "Z09"  // new zone, e its core
            case "d": p["is_core"] = true  // a second core in Z01 (a is one)
            case "c": p["zone_id"] = NSNull()  // out of every zone
            default: break
            }
        }
        let out = dir.path("out")
        let r = CapturedRun(["evaluate", "--plan", plan, "--edited", edited, "--out", out])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("note: zone Z09 is not in the plan: a new zone with e (鵜川) as its core"), "\(r.err)")
        #expect(r.err.contains("note: zone Z01 has 2 settlements marked as its core (a, d): a (宇出津)"), "\(r.err)")
        #expect(r.err.contains("violation: zone Z09: below_min_population(200 < 1000)"), "\(r.err)")
        let rows = Dictionary(
            uniqueKeysWithValues: try EvaluateSupport.rows(out + "/settlements.geojson").map { ($0["settlement_id"]?.text ?? "", $0) })
        #expect(rows["e"]?["zone_id"]?.text == "Z09" && rows["e"]?["is_core"] == .integer(1))
        #expect(rows["d"]?["is_core"] == .integer(0) && rows["a"]?["is_core"] == .integer(1))
        #expect(rows["c"]?["status"]?.text == "unserved" && rows["c"]?["reason"]?.text == "removed by the planner")
        let changes = try EvaluateSupport.changes(out)
        #expect(changes.map { $0["settlement_id"] ?? "" } == ["c", "e"])
        #expect(changes.map { $0["change"] ?? "" } == ["removed", "moved as core"])
        #expect(changes.last?["new_zone_population_change"] == "200")
        let json = try EvaluateSupport.planJSON(out)
        let edits = (json["evaluation"] as? [String: Any])?["edits"] as? [String] ?? []
        #expect(edits.count == 2, "\(edits)")

        // A numeric zone_id field whose numbers could not mean the plan's zones: taken as their
        // digits, new zones "11", "12" and "7" (a lone settlement is its core).
        let numeric = try EvaluateSupport.editedGeoJSON(plan, to: dir.path("numeric.geojson")) { id, p in
            p["zone_id"] = ["a": 11, "b": 12, "c": 12, "d": 11, "e": 7][id]
        }
        let n = CapturedRun(["evaluate", "--plan", plan, "--edited", numeric, "--out", dir.path("numeric"), "--quiet"])
        #expect(n.status == 0, "\(n.err)")
        let zones = try EvaluateSupport.rows(dir.path("numeric/zones.geojson"))
        #expect(zones.compactMap { $0["zone_id"]?.text } == ["11", "12", "7"])
        #expect(zones.compactMap { $0["core_id"]?.text } == ["a", "b", "e"])
    }

    @Test("an input changed since the plan: a warning naming it, and the evaluation reads it as it is")
    func changedInput() throws {
        let dir = try TempDir()
        let plan = try EvaluateSupport.smallPlan(in: dir)
        try dir.write("s.csv", BadInputTests.goodCSV.replacingOccurrences(of: "e,鵜川,200", with: "e,鵜川,250"))
        let out = dir.path("out")
        let r = CapturedRun(["evaluate", "--plan", plan, "--edited", plan + "/settlements.geojson", "--out", out])
        #expect(r.status == 0, "\(r.err)")
        #expect(
            r.err.contains("warning: the settlements input \(dir.path("s.csv")) changed since the plan was made (sha256 differs)"),
            "\(r.err)")
        let zones = try EvaluateSupport.rows(out + "/zones.geojson")
        #expect(zones.first?["population"]?.number == 1750)
        let warnings = try EvaluateSupport.planJSON(out)["warnings"] as? [String] ?? []
        #expect(warnings.contains { $0.contains("settlements input") && $0.contains("sha256 differs") }, "\(warnings)")
    }
}
