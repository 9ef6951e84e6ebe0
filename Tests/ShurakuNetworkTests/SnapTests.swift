import ShurakuCore
import Testing

@testable import ShurakuNetwork

@Test("a place joins the nearest point on the nearest edge, not the nearest vertex")
func snapsToEdgeInterior() throws {
    // One straight 10 km road with vertices only at its ends.
    let net = try TinyRoads.network(
        [TinyRoads.line([(0, 0), (10000, 0)])],
        places: [(4000, 300), (6000, -2500), (13000, 0)])
    let a = net.places[0]
    #expect(a.snapped == XY(4000, 0))
    #expect(abs(a.connectorMeters - 300) < 1e-9)
    #expect(abs(a.connectorSeconds - 300 / (20 / 3.6)) < 1e-9)
    #expect(a.status == .onNetwork)
    let b = net.places[1]
    #expect(b.snapped == XY(6000, 0))
    #expect(b.isFarFromRoad && b.status == .farFromRoad)
    let c = net.places[2]
    #expect(c.snapped == XY(10000, 0) && abs(c.connectorMeters - 3000) < 1e-9)
    // A → B: 300 m connector + 2000 m road + 2500 m connector.
    let m = try net.travelTimes(cutoffSeconds: 7200)
    let e = try #require(m.entry(row: 0, target: 1))
    let expected = 300 / (20 / 3.6) + 2000 / TinyRoads.localMps + 2500 / (20 / 3.6)
    #expect(abs(Double(e.seconds) - expected) < 0.01)
    #expect(abs(Double(e.meters) - 4800) < 0.01)
}

@Test("places on the same edge route along it, in both directions, including several at one point")
func placesOnOneEdge() throws {
    let net = try TinyRoads.network(
        [TinyRoads.line([(0, 0), (3000, 0)])],
        places: [(1000, 0), (2000, 10), (2000, -10), (0, 0)])
    let m = try net.travelTimes(cutoffSeconds: 3600)
    let c = 10 / (20 / 3.6)
    #expect(abs(Double(try #require(m.entry(row: 0, target: 1)).seconds) - (1000 / TinyRoads.localMps + c)) < 0.01)
    #expect(abs(Double(try #require(m.entry(row: 1, target: 0)).seconds) - (1000 / TinyRoads.localMps + c)) < 0.01)
    #expect(abs(Double(try #require(m.entry(row: 1, target: 2)).seconds) - 2 * c) < 0.01)
    #expect(abs(Double(try #require(m.entry(row: 3, target: 0)).seconds) - 1000 / TinyRoads.localMps) < 0.01)
    let placeNode = try net.splitGraph().placeNode
    #expect(placeNode[1] == placeNode[2])
    #expect(try #require(m.entry(row: 2, target: 2)).seconds == 0)
}

@Test("a place nearest to a fragment joins the main network when it is within reach, else is flagged")
func prefersMajorComponent() throws {
    let lines = [TinyRoads.line([(0, 0), (10000, 0)]), TinyRoads.line([(5000, 500), (5100, 500)])]
    let preferred = try TinyRoads.network(lines, places: [(5050, 450)])
    #expect(preferred.places[0].snapped == XY(5050, 0))
    #expect(preferred.places[0].status == .onNetwork)
    let plain = try TinyRoads.network(
        lines, places: [(5050, 450)],
        connector: ConnectorOptions(preferMajorComponent: false))
    #expect(plain.places[0].snapped == XY(5050, 500))
    #expect(plain.places[0].isOffMainNetwork && plain.places[0].status == .offMainNetwork)
    #expect(plain.places[0].component == 1)
    // Main network out of reach (> 2 km): stays on the fragment, flagged.
    let far = try TinyRoads.network(
        [TinyRoads.line([(0, 0), (10000, 0)]), TinyRoads.line([(5000, 3000), (5100, 3000)])],
        places: [(5050, 2950)])
    #expect(far.places[0].status == .offMainNetwork)
}

@Test("the segment grid finds the same nearest segment as a scan of all segments")
func gridMatchesScan() {
    var rng = SeededGenerator(seed: 7)
    var a: [XY] = []
    var b: [XY] = []
    for _ in 0..<400 {
        let p = XY(Double.random(in: 0...20000, using: &rng), Double.random(in: 0...8000, using: &rng))
        let q = XY(p.x + Double.random(in: -700...700, using: &rng), p.y + Double.random(in: -700...700, using: &rng))
        a.append(p)
        b.append(q)
    }
    let grid = SegmentGrid(a: a, b: b)
    for _ in 0..<500 {
        let p = XY(Double.random(in: -3000...23000, using: &rng), Double.random(in: -3000...11000, using: &rng))
        let hit = grid.nearest(to: p)
        var best = Double.infinity
        for i in a.indices { best = min(best, grid.project(p, i).distance) }
        #expect(hit.map { abs($0.distance - best) < 1e-9 } == true)
    }
}

@Test("two places inside one one-way edge: direct one way, around the loop the other, in both matrix directions")
func sameOneWayEdge() throws {
    let ow = ["road_class": "市区町村道", "oneway": "yes"]
    // A closed one-way square (a pure cycle: one node, one self-loop edge), 4 km round.
    let net = try TinyRoads.network(
        [TinyRoads.line([(0, 0), (1000, 0), (1000, 1000), (0, 1000), (0, 0)], ow)],
        places: [(250, 0), (750, 0)])
    let v = TinyRoads.localMps
    for dir in [TravelTimeMatrix.Direction.fromSources, .toSources] {
        let m = try net.travelTimes(cutoffSeconds: 3600, direction: dir)
        let ab = try #require(m.entry(row: dir == .fromSources ? 0 : 1, target: dir == .fromSources ? 1 : 0))
        let ba = try #require(m.entry(row: dir == .fromSources ? 1 : 0, target: dir == .fromSources ? 0 : 1))
        #expect(abs(Double(ab.seconds) - 500 / v) < 0.01)  // A → B with the traffic
        #expect(abs(Double(ba.seconds) - 3500 / v) < 0.01)  // B → A around the block
        #expect(abs(Double(ba.meters) - 3500) < 0.01)
        try checkAgainstNaive(net, m)
    }
    let ab = try #require(try net.path(from: 0, to: 1))
    let ba = try #require(try net.path(from: 1, to: 0))
    #expect(ab.points == [XY(250, 0), XY(750, 0)])
    #expect(ba.points == [XY(750, 0), XY(1000, 0), XY(1000, 1000), XY(0, 1000), XY(0, 0), XY(250, 0)])
    #expect(abs(ba.seconds - 3500 / v) < 0.01)
}

@Test("a long thin extent keeps the grid small and the nearest segment exact")
func gridThinExtent() {
    // 1,000 segments along 10,000 km of a 1 m wide strip.
    let a = (0..<1000).map { XY(Double($0) * 10_000, 0) }
    let b = (0..<1000).map { XY(Double($0) * 10_000 + 5_000, 1) }
    let grid = SegmentGrid(a: a, b: b)
    #expect(grid.nx * grid.ny <= 3 * (4 * 1000 + 64) + 1)
    let hit = grid.nearest(to: XY(123_456, 50))
    #expect(hit?.segment == 12)
    #expect(hit.map { abs($0.distance - 49.0) < 0.5 } == true)
}
