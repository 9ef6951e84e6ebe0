import ShurakuCore
import Testing

@testable import ShurakuNetwork

/// An X: two 2 km lines crossing at (1000, 0) with no shared vertex, and places at two ends.
private let cross = [
    TinyRoads.line([(0, 0), (2000, 0)]),
    TinyRoads.line([(1000, -1000), (1000, 1000)]),
]

private func check(_ lines: [RoadLine], _ options: RoadGraphOptions = RoadGraphOptions()) throws -> NetworkCheck {
    try #require(try RoadGraphBuilder.build(lines, options: options).report.check)
}

@Test("an X of two lines without a shared vertex is a crossing, with both lines and the point")
func crossingFound() throws {
    let c = try check(cross)
    #expect(c.crossings == 1)
    #expect(c.crossingsJoined == 0)
    #expect(c.gradeSeparations == 0)
    #expect(c.issues == [NetworkIssue(kind: .crossing, lines: [0, 1], point: XY(1000, 0), distanceMeters: 0, joined: false)])
    #expect(c.gaps == 0)
    #expect(c.dangles == 4)
}

@Test("with junctions at crossings, the time across an X is the direct one")
func crossingJoinedGivesDirectTime() throws {
    let places = [XY(0, 0), XY(1000, 1000)]
    func seconds(_ rule: JunctionRule) throws -> Float32? {
        let (g, r) = try RoadGraphBuilder.build(cross, options: RoadGraphOptions(junctions: rule))
        #expect(r.crossingsJoined == (rule == .crossings ? 1 : 0))
        let net = try RoutingNetwork(roads: g, places: places)
        let m = try net.travelTimes(cutoffSeconds: 3600, direction: .fromSources, workers: 1)
        return m.entry(row: 0, target: 1)?.seconds
    }
    #expect(try seconds(.vertices) == nil)
    let direct = try #require(try seconds(.crossings))
    #expect(abs(Double(direct) - 2000 / TinyRoads.localMps) < 0.01)
    let joined = try check(cross, RoadGraphOptions(junctions: .crossings))
    #expect(joined.crossingsJoined == 1)
    #expect(joined.issues.map(\.joined) == [true])
}

@Test("OSM bridges, tunnels and different layers are grade separations, neither reported nor joined")
func gradeSeparations() throws {
    for tags in [["bridge": "yes"], ["tunnel": "culvert"], ["layer": "1"]] {
        var over = cross
        over[1].properties.merge(tags) { $1 }
        let (g, r) = try RoadGraphBuilder.build(over, options: RoadGraphOptions(junctions: .crossings))
        let c = try #require(r.check)
        #expect(c.gradeSeparations == 1, "\(tags)")
        #expect(c.crossings == 0 && c.crossingsJoined == 0 && c.issues.isEmpty, "\(tags)")
        #expect(g.components.components.count == 2, "\(tags)")
    }
    var same = cross
    same[0].properties["layer"] = "0"
    same[1].properties.merge(["bridge": "no", "layer": " 0"]) { $1 }
    #expect(try check(same).crossings == 1)
    #expect(GradeSeparation.separates(["layer": "-1"], [:]))
    #expect(!GradeSeparation.separates(["layer": "junk"], ["layer": "0"]))
}

@Test("a line end short of another line is a gap with its distance until the snap tolerance joins it")
func gapsAndDangles() throws {
    let lines = [
        TinyRoads.line([(0, 0), (1000, 0)]),
        TinyRoads.line([(500, 12), (500, 1000)]),  // 12 m short
        TinyRoads.line([(3000, 0), (4000, 0)]),  // far from everything
    ]
    let c = try check(lines, RoadGraphOptions(snapToleranceMeters: 1))
    #expect(c.gaps == 1)
    #expect(c.issues == [NetworkIssue(kind: .gap, lines: [0, 1], point: XY(500, 12), distanceMeters: 12, joined: false)])
    #expect(c.dangles == 5)
    let joined = try check(lines, RoadGraphOptions(snapToleranceMeters: 12))
    #expect(joined.gaps == 0 && joined.issues.isEmpty)
    let narrow = try check(lines, RoadGraphOptions(snapToleranceMeters: 1, gapReportMeters: 10))
    #expect(narrow.gaps == 0 && narrow.dangles == 6)
}

@Test("a vertex of one line on another's segment is a crossing; a line end there is a gap of 0 m")
func vertexOnSegment() throws {
    let through = [
        TinyRoads.line([(0, 0), (2000, 0)]),
        TinyRoads.line([(1000, -1000), (1000, 0), (1000, 1000)]),
    ]
    let c = try check(through, RoadGraphOptions(snapToleranceMeters: 0))
    #expect(c.crossings == 1)
    #expect(c.issues.first?.point == XY(1000, 0))
    let (g, _) = try RoadGraphBuilder.build(through, options: RoadGraphOptions(snapToleranceMeters: 0, junctions: .crossings))
    #expect(g.components.components.count == 1)
    #expect(g.nodeCount == 5)

    let touching = [TinyRoads.line([(0, 0), (2000, 0)]), TinyRoads.line([(1000, 0), (1000, 1000)])]
    let t = try check(touching, RoadGraphOptions(snapToleranceMeters: 0))
    #expect(t.crossings == 0)
    #expect(t.issues.map(\.kind) == [.gap])
    #expect(t.issues.first?.distanceMeters == 0)
}

@Test("shared vertices, T junctions and lines of one way are not crossings")
func noFalseCrossings() throws {
    let grid = [
        TinyRoads.line([(0, 0), (1000, 0), (2000, 0)]),
        TinyRoads.line([(1000, -1000), (1000, 0), (1000, 1000)]),
        TinyRoads.line([(2000, 0), (2000, 500)]),
        // one line crossing itself is not two lines crossing
        TinyRoads.line([(5000, 0), (6000, 0), (6000, 500), (5500, -500)]),
    ]
    let c = try check(grid)
    #expect(c.crossings == 0)
    #expect(c.gradeSeparations == 0)
}

@Test("seeded random segments: the grid finds exactly the crossings a pairwise scan finds")
func crossingsMatchPairwiseScan() throws {
    var rng = SeededGenerator(seed: 19)
    for _ in 0..<20 {
        var lines: [RoadLine] = []
        for _ in 0..<40 {
            let a = XY(Double.random(in: 0...5000, using: &rng), Double.random(in: 0...5000, using: &rng))
            let b = XY(a.x + Double.random(in: -800...800, using: &rng), a.y + Double.random(in: -800...800, using: &rng))
            lines.append(RoadLine(points: [a, b], properties: ["road_class": "市区町村道"]))
        }
        var expected = 0
        for i in 0..<lines.count {
            for j in (i + 1)..<lines.count where properCross(lines[i].points, lines[j].points) { expected += 1 }
        }
        #expect(try check(lines, RoadGraphOptions(snapToleranceMeters: 0)).crossings == expected)
    }
}

private func properCross(_ p: [XY], _ q: [XY]) -> Bool {
    func orient(_ a: XY, _ b: XY, _ c: XY) -> Double { (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x) }
    return orient(p[0], p[1], q[0]) * orient(p[0], p[1], q[1]) < 0 && orient(q[0], q[1], p[0]) * orient(q[0], q[1], p[1]) < 0
}

@Test("two line ends facing each other across one gap count as one gap")
func facingEnds() throws {
    let lines = [TinyRoads.line([(0, 0), (1000, 0)]), TinyRoads.line([(1015, 0), (2000, 0)])]
    let c = try check(lines)
    #expect(c.gaps == 1)
    #expect(c.issues.map(\.point) == [XY(1000, 0)])
    #expect(c.issues.first?.distanceMeters == 15)
    #expect(c.dangles == 2)
}
