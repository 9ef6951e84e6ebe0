import Foundation
import ShurakuTestSupport
import Testing

@Suite("shuraku inspect")
struct InspectCommandTests {
    @Test("the bundled sample: roles, count, population total, no problems")
    func sample() {
        let r = CapturedRun(["inspect", SharedData.repoPath("geodata/noto/settlements.geojson")])
        #expect(r.status == 0)
        #expect(r.out.contains("195 features"))
        #expect(r.out.contains("JINKO") && r.out.contains("← population"))
        #expect(r.out.contains("population total: 15,687 (JINKO)"))
        #expect(r.out.contains("problems: none found"))
    }

    @Test("JSON output parses and carries the same facts")
    func json() throws {
        let r = CapturedRun(["inspect", SharedData.repoPath("geodata/noto/settlements.geojson"), "--format", "json"])
        #expect(r.status == 0)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let layers = try #require(obj["layers"] as? [[String: Any]])
        #expect(layers.first?["featureCount"] as? Int == 195)
        #expect(layers.first?["populationTotal"] as? Double == 15_687)
    }

    @Test("a road layer: crossings, gaps, dead ends and pieces in text and JSON; --gap-report-m changes the gaps")
    func roads() throws {
        let path = SharedData.repoPath("geodata/noto/roads.geojson")
        let text = CapturedRun(["inspect", path])
        #expect(text.status == 0)
        #expect(
            text.out.contains(
                "road data: 307 road lines in 41 connected pieces; 4 crossings without a shared vertex, 0 grade separations "
                    + "(bridge, tunnel, layer), 3 gaps within 25 m not joined by a 1 m snap tolerance, 165 dead ends"))
        let r = CapturedRun(["inspect", path, "--format", "json", "--gap-report-m", "10"])
        #expect(r.status == 0)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let layer = try #require((obj["layers"] as? [[String: Any]])?.first)
        let roads = try #require(layer["roads"] as? [String: Any])
        #expect(roads["crossings"] as? Int == 4)
        #expect(roads["gaps"] as? Int == 0)
        #expect(roads["gapReportM"] as? Double == 10)
        #expect(CapturedRun(["inspect", path, "--gap-report-m", "-1"]).status == 2)
    }

    @Test("a missing file: exit 2 and a message naming it")
    func missing() {
        let r = CapturedRun(["inspect", "/nonexistent/villages.shp"])
        #expect(r.status == 2)
        #expect(r.err.contains("/nonexistent/villages.shp: no such file"))
    }

    @Test("an unreadable file (not a vector format): exit 2 and a message naming it")
    func unreadable() throws {
        let dir = try TempDir()
        let path = try dir.write("garbage.geojson", bytes: [0x00, 0xFF, 0x13, 0x37, 0x42])
        let r = CapturedRun(["inspect", path])
        #expect(r.status == 2)
        #expect(r.err.contains("garbage.geojson"))
        #expect(r.err.contains("not a readable vector data source"))
    }

    @Test("an empty layer: exit 2 and a message saying so")
    func empty() throws {
        let dir = try TempDir()
        let path = try dir.write("empty.geojson", #"{"type":"FeatureCollection","features":[]}"#)
        let r = CapturedRun(["inspect", path])
        #expect(r.status == 2)
        #expect(r.err.contains("empty.geojson") && r.err.contains("has no features"))
    }

    @Test("problems are listed: duplicate ids and a negative population")
    func problems() throws {
        let dir = try TempDir()
        let path = try dir.write("p.csv", "id,pop,lon,lat\na,5,137.1,37.3\na,-1,137.2,37.3\n")
        let r = CapturedRun(["inspect", path])
        #expect(r.status == 0)
        #expect(r.out.contains("feature 2 (id a): field id: duplicate id (also feature 1)"))
        #expect(r.out.contains("feature 2 (id a): field pop: population is negative (-1)"))
    }

    @Test("usage errors: unknown option with a suggestion, bad format value; exit 2")
    func usage() {
        let a = CapturedRun(["inspect", "x.geojson", "--fromat", "json"])
        #expect(a.status == 2)
        #expect(a.err.contains("unknown option '--fromat'") && a.err.contains("--format"))
        let b = CapturedRun(["inspect", "x.geojson", "--format", "xml"])
        #expect(b.status == 2)
        #expect(b.err.contains("'xml' is not one of text, json"))
        let c = CapturedRun(["inspect"])
        #expect(c.status == 2 && c.err.contains("missing SRC"))
    }

    @Test("--help shows usage and an example, exit 0")
    func help() {
        let r = CapturedRun(["inspect", "--help"])
        #expect(r.status == 0)
        #expect(r.out.contains("USAGE: shuraku inspect SRC"))
        #expect(r.out.contains("EXAMPLES:"))
    }
}
