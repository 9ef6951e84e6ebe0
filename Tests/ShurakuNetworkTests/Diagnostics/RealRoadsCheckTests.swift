import ShurakuCore
import ShurakuGeo
import ShurakuTestSupport
import Testing

@testable import ShurakuNetwork

/// The sample's road layer in the UTM zone of its centre.
private func notoSampleLines() throws -> [RoadLine] {
    let path = SharedData.repoPath("geodata/noto/roads.geojson")
    let layer = try VectorReader.read(SourceSpec(path: path))
    let center = try #require(layer.envelope).center
    return try RoadSource.read(SourceSpec(path: path), metric: try MetricCRS.utm(forLonLat: center))
}

@Test("the 能登町 sample: 4 crossings and 3 gaps reported, the same on every run")
func notoSampleCheck() throws {
    let lines = try notoSampleLines()
    let c = try #require(try RoadGraphBuilder.build(lines).report.check)
    #expect(c.crossings == 4)
    #expect(c.gradeSeparations == 0)
    #expect(c.gaps == 3)
    #expect(c.dangles == 165)
    #expect(c.issues.filter { $0.kind == .gap }.map { ($0.distanceMeters * 10).rounded() / 10 }.sorted() == [17.1, 20.3, 21.0])
    #expect(c.issues.contains { $0.kind == .crossing && $0.lines.contains { lines[$0].label == "fid 262 (２４９号)" } })
    #expect(try RoadGraphBuilder.build(lines).report.check == c)
    // Joining them all: the same crossings, now joined, and the graph has them as junctions.
    let (g, r) = try RoadGraphBuilder.build(lines, options: RoadGraphOptions(junctions: .crossings))
    #expect(r.crossingsJoined == 4)
    #expect(r.check?.issues.filter { $0.kind == .crossing }.allSatisfy(\.joined) == true)
    #expect(g.nodeCount > (try RoadGraphBuilder.build(lines).graph.nodeCount))
}

@Test("Andorra OSM: bridges over roads are grade separations, not crossings to join")
func andorraBridges() throws {
    let data = try RealRoads.andorra()
    func labelled(_ osmID: String) -> (Int) -> Bool {
        { i in data.lines[i].label == "osm_id \(osmID)" || data.lines[i].label?.hasPrefix("osm_id \(osmID) (") == true }
    }
    let (_, report) = try RoadGraphBuilder.build(data.lines, options: RoadGraphOptions(junctions: .crossings))
    let c = try #require(report.check)
    // Way 6197727, Travessia d'Ordino (CG-3, bridge=yes, layer=1), passes over way 24493526,
    // Camí de Santa Bàrbara (residential, no bridge or layer tag): checked with ogrinfo.
    let bridge = try #require(
        c.separations.first { s in s.lines.contains(where: labelled("6197727")) && s.lines.contains(where: labelled("24493526")) })
    #expect(!c.issues.contains { $0.lines.contains(where: labelled("6197727")) })
    #expect(c.gradeSeparations == c.separations.count)
    #expect(c.gradeSeparations >= 20)
    // Only the crossings of ways at one level are joined: the bridge keeps its own vertex set.
    #expect(c.crossingsJoined == c.crossings)
    let (joined, _) = try RoadGraphBuilder.build(data.lines, options: RoadGraphOptions(junctions: .crossings))
    #expect(!joined.nodeXY.contains(bridge.point))
}
