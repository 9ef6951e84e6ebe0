import ShurakuCore
import Testing

@testable import ShurakuNetwork

@Test("a path follows the road geometry, starts and ends at the places, and agrees with the matrix")
func pathFollowsRoads() throws {
    let net = try TinyRoads.network(
        [
            TinyRoads.line([(0, 0), (250, 10), (500, -10), (750, 0), (1000, 0), (2000, 0)]),
            TinyRoads.line([(1000, 0), (1000, 1000)]),
        ], places: [(300, 100), (1050, 900)])
    let p = try #require(try net.path(from: 0, to: 1))
    #expect(p.points.first == XY(300, 100))
    #expect(p.points.last == XY(1050, 900))
    #expect(p.points.contains(XY(500, -10)) && p.points.contains(XY(1000, 0)))
    #expect(!p.points.contains(XY(2000, 0)))
    let length = zip(p.points, p.points.dropFirst()).reduce(0) { $0 + $1.0.distance(to: $1.1) }
    #expect(abs(length - p.meters) < 0.01)
    let m = try net.travelTimes(cutoffSeconds: 7200)
    let e = try #require(m.entry(row: 0, target: 1))
    #expect(abs(Double(e.seconds) - p.seconds) < 0.01)
    #expect(abs(Double(e.meters) - p.meters) < 0.01)
}

@Test("paths respect one-way streets and report unreachable places as nil")
func pathOneWay() throws {
    let ow = ["road_class": "市区町村道", "oneway": "yes"]
    let net = try TinyRoads.network(
        [
            TinyRoads.line([(0, 0), (1000, 0)], ow), TinyRoads.line([(5000, 0), (6000, 0)]),
        ], places: [(0, 0), (1000, 0), (5500, 0)])
    let finder = PathFinder(network: net)
    #expect(try finder.path(from: 0, to: 1) != nil)
    #expect(try finder.path(from: 1, to: 0) == nil)
    #expect(try finder.path(from: 0, to: 2) == nil)
    #expect(try finder.path(from: 2, to: 2)?.seconds == 0)
    #expect(throws: NetworkError.self) { try finder.path(from: 0, to: 7) }
}

@Test("on random towns every path's time equals the matrix time and its polyline length its distance")
func pathsMatchMatrix() throws {
    let (lines, places) = RandomRoads.make(seed: 11)
    let net = try RoutingNetwork(roads: try RoadGraphBuilder.build(lines).graph, places: places)
    let m = try net.travelTimes(sources: [0, 1, 2, 3], cutoffSeconds: 3600)
    let finder = PathFinder(network: net)
    var checked = 0
    for r in 0..<m.rowCount {
        for k in m.range(ofRow: r) {
            let p = try #require(try finder.path(from: Int(m.sources[r]), to: Int(m.targets[k])))
            #expect(abs(p.seconds - Double(m.seconds[k])) < 0.05)
            let length = zip(p.points, p.points.dropFirst()).reduce(0) { $0 + $1.0.distance(to: $1.1) }
            #expect(abs(length - p.meters) < 0.5)
            #expect(abs(p.meters - Double(m.meters[k])) < 0.5)
            checked += 1
        }
    }
    #expect(checked > 100)
}

@Test("paths leave a place on a loop edge by its shorter side, and run along one edge directly")
func pathOnLoopEdge() throws {
    // A stem (0,0)–(1000,0) and a two-way 4 km loop from (1000,0): one node with a loop edge.
    let net = try TinyRoads.network(
        [
            TinyRoads.line([(0, 0), (1000, 0)]),
            TinyRoads.line([(1000, 0), (2000, 0), (2000, 1000), (1000, 1000), (1000, 0)]),
        ], places: [(2000, 900), (0, 0), (2000, 100)])
    #expect(net.roads.edgeCount == 2)
    let p = try #require(try net.path(from: 0, to: 1))
    #expect(abs(p.meters - 2900) < 0.01)  // 900 m down to (2000,0), 1 km back, 1 km of stem
    let length = zip(p.points, p.points.dropFirst()).reduce(0) { $0 + $1.0.distance(to: $1.1) }
    #expect(abs(length - 2900) < 0.01)
    #expect(p.points.contains(XY(2000, 0)) && !p.points.contains(XY(1000, 1000)))
    // Two places inside the same loop edge: straight along it.
    let q = try #require(try net.path(from: 0, to: 2))
    #expect(q.points == [XY(2000, 900), XY(2000, 100)])
    #expect(abs(q.meters - 800) < 0.01)
    let back = try #require(try net.path(from: 1, to: 0))
    #expect(abs(back.meters - 2900) < 0.01 && back.points.first == XY(0, 0) && back.points.last == XY(2000, 900))
}
