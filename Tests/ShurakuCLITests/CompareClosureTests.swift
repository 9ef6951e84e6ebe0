import Foundation
import ShurakuTestSupport
import Testing

@Suite("compare with closed roads")
struct CompareClosureTests {
    @Test("compare names the settlements a closure cuts off, and how many there are")
    func cutOffListed() throws {
        let dir = try TempDir()
        let scenario = SharedData.repoPath("geodata/scenarios/noto-30min-1000.json")
        let open = dir.path("open")
        #expect(CapturedRun(["plan", "--scenario", scenario, "--out", open, "--quiet"]).status == 0)
        // The critical road that cuts off the most people: a 1 m square on its middle.
        let data = try Data(contentsOf: URL(fileURLWithPath: open + "/critical_roads.geojson"))
        let features = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["features"] as? [[String: Any]])
        let top = try #require(
            features.max { a, b in
                ((a["properties"] as? [String: Any])?["people_cut_off"] as? Int ?? 0)
                    < ((b["properties"] as? [String: Any])?["people_cut_off"] as? Int ?? 0)
            })
        let props = try #require(top["properties"] as? [String: Any])
        let cutCount = try #require(props["settlements_cut_off"] as? Int)
        let line = try #require((top["geometry"] as? [String: Any])?["coordinates"] as? [[Double]])
        let (a, b) = (line[line.count / 2 - 1], line[line.count / 2])
        let (x, y, d) = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, 0.000005)
        let ring = [[x - d, y - d], [x + d, y - d], [x + d, y + d], [x - d, y + d], [x - d, y - d]]
        let closure = try JSONSerialization.data(withJSONObject: [
            "type": "FeatureCollection",
            "features": [["type": "Feature", "properties": [String: Any](), "geometry": ["type": "Polygon", "coordinates": [ring]]]],
        ])
        let closurePath = dir.path("closure.geojson")
        try closure.write(to: URL(fileURLWithPath: closurePath))
        let closed = dir.path("closed")
        let r = CapturedRun(["plan", "--scenario", scenario, "--closed-roads", closurePath, "--out", closed, "--quiet"])
        #expect(r.status == 0, "\(r.err)")
        let c = CapturedRun(["compare", open, closed])
        #expect(c.status == 0)
        #expect(
            c.out.contains("Served in open but not in closed: \(cutCount) settlement(s), \(cutCount) of them cut off by closed roads"),
            "\(c.out)")
    }
}
