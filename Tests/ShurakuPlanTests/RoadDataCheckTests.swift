import Foundation
import ShurakuCore
import ShurakuGeo
import ShurakuNetwork
import ShurakuOutput
import ShurakuPlan
import ShurakuTestSupport
import Testing

@Suite("Road data a planner can trust")
struct RoadDataCheckTests {
    @Test("the sample plan shows its 4 crossings and 3 gaps, what joining the crossings changes, byte-identical on a rerun")
    func samplePlan() throws {
        let dir = try TempDir()
        let plan = try Planner.plan(try PlannerTests.sampleRequest())
        let check = try #require(plan.roadCheck)
        #expect(check.crossings == 4 && check.crossingsJoined == 0 && check.gaps == 3 && check.gradeSeparations == 0)
        #expect(check.junctions == .vertices)
        let issues = try #require(plan.networkIssues)
        #expect(issues.map(\.kind.rawValue) == ["crossing", "crossing", "crossing", "crossing", "gap", "gap", "gap"])
        #expect(issues.allSatisfy { !$0.joined && $0.roads.count == 2 })
        let impact = try #require(check.impact)
        #expect(impact.pairsChanged > 0 && impact.pairsChanged <= impact.pairsWithinLimit)
        let largest = try #require(impact.largest)
        #expect((largest.withMin ?? .infinity) < (largest.withoutMin ?? .infinity))
        #expect(plan.notes.contains { $0.hasPrefix("road data: 4 crossings without a shared vertex") })

        try PlanWriter(plan).write(toFolder: dir.path("a"))
        try PlanWriter(try Planner.plan(try PlannerTests.sampleRequest())).write(toFolder: dir.path("b"))
        for f in try FileManager.default.contentsOfDirectory(atPath: dir.path("a")) {
            let a = FileManager.default.contents(atPath: dir.path("a/\(f)"))
            #expect(a != nil && a == FileManager.default.contents(atPath: dir.path("b/\(f)")), "\(f)")
        }
        let layer = try VectorReader.read(SourceSpec(parsing: dir.path("a/plan.gpkg:network_issues")))
        #expect(layer.features.count == 7)
        #expect(layer.fields.map(\.name) == ["kind", "roads", "distance_m", "joined"])
        let json = try #require(
            try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: dir.path("a/plan.json")))) as? [String: Any])
        let counts = try #require(json["network_issues"] as? [String: Any])
        #expect(counts["crossings"] as? Int == 4 && counts["gaps"] as? Int == 3)
    }

    @Test("«junctions» crossings joins the sample's crossings: the travel across them becomes the direct one")
    func sampleJoined() throws {
        var request = try PlannerTests.sampleRequest()
        request.travel.junctions = .crossings
        let plan = try Planner.plan(request)
        let check = try #require(plan.roadCheck)
        #expect(check.crossingsJoined == 4)
        #expect(plan.networkIssues?.filter { $0.kind == .crossing }.allSatisfy(\.joined) == true)
        #expect(plan.notes.contains { $0.contains("4 crossings without a shared vertex, 4 joined") })
        let before = try #require(try Planner.plan(try PlannerTests.sampleRequest()).roadCheck?.impact)
        #expect(check.impact == before)
    }

    @Test("a plan without roads has no network_issues layer")
    func noRoads() throws {
        var request = try PlannerTests.sampleRequest()
        request.inputs.roads = nil
        let plan = try Planner.plan(request)
        #expect(plan.networkIssues == nil && plan.roadCheck == nil)
        let dir = try TempDir()
        try PlanWriter(plan).write(toFolder: dir.path("p"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("p/network_issues.geojson")))
    }
}
