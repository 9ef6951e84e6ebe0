import ShurakuCore
import Testing

@testable import ShurakuNetwork

@Test("lines sharing a vertex meet at a junction; degree-2 chains become one edge with their geometry")
func junctionsAndContraction() throws {
    // A–B–C is one line through B; B–D is another line; the A–B part has shape points.
    let g = try TinyRoads.build([
        TinyRoads.line([(0, 0), (250, 10), (500, -10), (750, 0), (1000, 0), (2000, 0)]),
        TinyRoads.line([(1000, 0), (1000, 1000)]),
    ])
    #expect(g.nodeCount == 4)
    #expect(g.edgeCount == 3)
    #expect(g.arcCount == 6)
    #expect(g.components.components.count == 1)
    let b = try #require(g.nodeXY.firstIndex(of: XY(1000, 0)))
    #expect(g.firstOut[b + 1] - g.firstOut[b] == 3)
    // The contracted A–B edge keeps its shape: its length is the polyline length, not 1000 m.
    let a = try #require(g.nodeXY.firstIndex(of: XY(0, 0)))
    let arc = Int(g.firstOut[a])
    let shape = g.arcGeometry(arc)
    #expect(shape.count == 5)
    let polyLength = zip(shape, shape.dropFirst()).reduce(0) { $0 + $1.0.distance(to: $1.1) }
    #expect(abs(Double(g.meters[arc]) - polyLength) < 1e-3)
    #expect(abs(Double(g.seconds[arc]) - polyLength / TinyRoads.localMps) < 1e-3)
}

@Test("a near-miss T junction is joined only with a snap tolerance, splitting the through line")
func nearMissJoin() throws {
    let lines = [
        TinyRoads.line([(0, 0), (1000, 0)]),
        TinyRoads.line([(500, 0.5), (500, 1000)]),  // stops 0.5 m short of the first line
    ]
    let (loose, r0) = try RoadGraphBuilder.build(lines, options: RoadGraphOptions(snapToleranceMeters: 0))
    #expect(loose.components.components.count == 2)
    #expect(r0.nearMissJoins == 0)
    let (joined, r1) = try RoadGraphBuilder.build(lines, options: RoadGraphOptions(snapToleranceMeters: 1))
    #expect(joined.components.components.count == 1)
    #expect(r1.nearMissJoins == 1)
    #expect(r1.nearMissSplits == 1)
    #expect(joined.nodeCount == 4)  // two ends of the through line, the new junction, the far end
    // (0,0) → (500,1000): 500 m + 0.5 m gap + 999.5 m at 30 km/h = 180 s.
    let net = try RoutingNetwork(roads: joined, places: [XY(0, 0), XY(500, 1000)])
    let m = try net.travelTimes(cutoffSeconds: 3600)
    let e = try #require(m.entry(row: 0, target: 1))
    #expect(abs(Double(e.seconds) - 1500 / TinyRoads.localMps) < 0.01)
    #expect(abs(Double(e.meters) - 1500) < 0.01)
}

@Test("near-miss end to end gap is closed; crossings without a shared vertex stay apart")
func nearMissEndsAndOverpass() throws {
    let ends = try TinyRoads.build(
        [
            TinyRoads.line([(0, 0), (1000, 0)]), TinyRoads.line([(1000.3, 0), (2000, 0)]),
        ], tolerance: 1)
    #expect(ends.components.components.count == 1)
    // Overpass: two lines cross at (500, 0) without a common vertex; tolerance must not join them.
    let bridge = try TinyRoads.build(
        [
            TinyRoads.line([(0, 0), (1000, 0)]), TinyRoads.line([(500, -500), (500, 500)]),
        ], tolerance: 5)
    #expect(bridge.components.components.count == 2)
    // A gap wider than the tolerance stays open.
    let wide = try TinyRoads.build(
        [
            TinyRoads.line([(0, 0), (1000, 0)]), TinyRoads.line([(500, 3), (500, 1000)]),
        ], tolerance: 2)
    #expect(wide.components.components.count == 2)
}

@Test("one-way streets: arcs only where allowed, and travel times differ by direction")
func oneWayLoop() throws {
    // A one-way square P → Q → R → S → P, 1 km sides, plus a two-way spur Q–T.
    let ow = ["road_class": "市区町村道", "oneway": "yes"]
    let lines = [
        TinyRoads.line([(0, 0), (1000, 0)], ow), TinyRoads.line([(1000, 0), (1000, 1000)], ow),
        TinyRoads.line([(0, 1000), (1000, 1000)], ["road_class": "市区町村道", "oneway": "-1"]),  // R → S
        TinyRoads.line([(0, 1000), (0, 0)], ow),
        TinyRoads.line([(1000, 0), (2000, 0)]),
    ]
    let net = try TinyRoads.network(lines, places: [(0, 0), (1000, 0), (2000, 0)])
    let leg = 1000 / TinyRoads.localMps
    let from = try net.travelTimes(cutoffSeconds: 3600, direction: .fromSources)
    let to = try net.travelTimes(cutoffSeconds: 3600, direction: .toSources)
    #expect(abs(Double(try #require(from.entry(row: 0, target: 1)).seconds) - leg) < 0.01)  // P → Q
    #expect(abs(Double(try #require(from.entry(row: 1, target: 0)).seconds) - 3 * leg) < 0.01)  // Q → P around
    #expect(abs(Double(try #require(to.entry(row: 0, target: 1)).seconds) - 3 * leg) < 0.01)  // Q → P
    #expect(abs(Double(try #require(to.entry(row: 1, target: 0)).seconds) - leg) < 0.01)  // P → Q
    #expect(abs(Double(try #require(from.entry(row: 2, target: 0)).seconds) - 4 * leg) < 0.01)  // T → Q → … → P
    // P, R and S are degree-2 with the same direction on both sides, so the square contracts to a
    // loop at Q (one arc); the spur has two. Split at P's snap point, the loop becomes two
    // one-way edges.
    #expect(net.roads.edgeCount == 2)
    #expect(net.roads.arcCount == 1 + 2)
    let split = try net.splitGraph().graph
    #expect(split.edgeCount == 3)
    #expect(split.arcCount == 2 + 2)
}

@Test("OSM oneway values, roundabouts and motorways set the direction; 'no' overrides the implication")
func onewayTags() {
    #expect(OnewayTags.direction(["oneway": "yes"]) == .forward)
    #expect(OnewayTags.direction(["oneway": "1"]) == .forward)
    #expect(OnewayTags.direction(["oneway": "true"]) == .forward)
    #expect(OnewayTags.direction(["oneway": "-1"]) == .backward)
    #expect(OnewayTags.direction(["oneway": "reverse"]) == .backward)
    #expect(OnewayTags.direction(["oneway": "no"]) == .both)
    #expect(OnewayTags.direction(["junction": "roundabout"]) == .forward)
    #expect(OnewayTags.direction(["junction": "roundabout", "oneway": "no"]) == .both)
    #expect(OnewayTags.direction(["highway": "motorway"]) == .forward)
    #expect(OnewayTags.direction(["highway": "residential"]) == .both)
}

@Test("OSM access: the most specific of motorcar, motor_vehicle, vehicle, access decides")
func accessTags() {
    #expect(AccessTags.openToCars([:]))
    #expect(AccessTags.openToCars(["access": "yes"]))
    #expect(!AccessTags.openToCars(["access": "no"]))
    #expect(!AccessTags.openToCars(["access": "private"]))
    #expect(!AccessTags.openToCars(["access": "Private "]))
    #expect(AccessTags.openToCars(["access": "destination"]))
    #expect(AccessTags.openToCars(["access": "permissive"]))
    #expect(!AccessTags.openToCars(["motor_vehicle": "no"]))
    #expect(!AccessTags.openToCars(["vehicle": "agricultural"]))
    #expect(!AccessTags.openToCars(["access": "psv"]))
    // More specific tags win both ways.
    #expect(AccessTags.openToCars(["access": "no", "motor_vehicle": "yes"]))
    #expect(AccessTags.openToCars(["access": "no", "motorcar": "destination"]))
    #expect(!AccessTags.openToCars(["access": "yes", "motor_vehicle": "no"]))
    #expect(!AccessTags.openToCars(["motor_vehicle": "yes", "motorcar": "no"]))
    // First of a list; an empty value says nothing.
    #expect(!AccessTags.openToCars(["access": "no;destination"]))
    #expect(AccessTags.openToCars(["motor_vehicle": "", "access": "yes"]))
}

@Test("a way closed to cars is not driven: the route goes round it, and the report counts it")
func closedWayIsAvoided() throws {
    // A 1 km private shortcut between (0,0) and (1000,0), and an open 3 km detour round it.
    func lines(shortcut: [String: String]) -> [RoadLine] {
        [
            TinyRoads.line([(0, 0), (1000, 0)], shortcut),
            TinyRoads.line([(0, 0), (0, 1000), (1000, 1000), (1000, 0)], ["highway": "residential"]),
        ]
    }
    let open = try TinyRoads.network(lines(shortcut: ["highway": "residential"]), places: [(0, 0), (1000, 0)])
    let (closedGraph, report) = try RoadGraphBuilder.build(lines(shortcut: ["highway": "residential", "access": "private"]))
    #expect(report.linesClosedToCars == 1 && report.linesUsed == 1)
    let closed = try RoutingNetwork(roads: closedGraph, places: [XY(0, 0), XY(1000, 0)])
    let a = try #require(try open.travelTimes(cutoffSeconds: 3600).entry(row: 0, target: 1))
    let b = try #require(try closed.travelTimes(cutoffSeconds: 3600).entry(row: 0, target: 1))
    #expect(abs(Double(a.meters) - 1000) < 0.01)
    #expect(abs(Double(b.meters) - 3000) < 0.01)
}

@Test("components are reported largest first with their sizes")
func componentSizes() throws {
    let g = try TinyRoads.build([
        TinyRoads.line([(0, 0), (5000, 0)]), TinyRoads.line([(5000, 0), (5000, 5000)]),
        TinyRoads.line([(0, 9000), (100, 9000)]),
    ])
    let c = g.components.components
    #expect(c.count == 2)
    // The corner (5000, 0) is a degree-2 vertex: contracted away.
    #expect(c[0].nodes == 2 && c[0].edges == 1 && abs(c[0].meters - 10000) < 1e-6)
    #expect(c[1].nodes == 2 && c[1].edges == 1 && abs(c[1].meters - 100) < 1e-6)
    #expect(c[0].isMajor && !c[1].isMajor)
}

@Test("OSM-like input: footways excluded, untagged lines are not roads, unknown classes counted")
func classificationReport() throws {
    let lines = [
        TinyRoads.line([(0, 0), (100, 0)], ["highway": "residential"]),
        TinyRoads.line([(100, 0), (200, 0)], ["highway": "footway"]),
        TinyRoads.line([(0, 50), (100, 50)], ["waterway": "river"]),
        TinyRoads.line([(200, 0), (300, 0)], ["highway": "mystery_road"]),
        TinyRoads.line([(300, 0), (300, 0)], ["highway": "residential"]),
    ]
    let (g, r) = try RoadGraphBuilder.build(lines)
    #expect(r.linesRead == 5)
    #expect(r.linesUsed == 2)
    #expect(r.linesExcluded == 1)
    #expect(r.linesNotRoads == 1)
    #expect(r.linesInvalid == 1)
    #expect(r.unknownClasses == ["mystery_road": 1])
    #expect(g.edgeCount == 2)
}

@Test("invalid options are rejected with a typed error")
func invalidOptions() {
    #expect(throws: NetworkError.self) {
        try RoadGraphBuilder.build([], options: RoadGraphOptions(snapToleranceMeters: -1))
    }
    #expect(throws: NetworkError.self) {
        try RoadGraphBuilder.build([], options: RoadGraphOptions(snapToleranceMeters: .nan))
    }
}

@Test("an empty or degenerate input gives an empty graph, not a crash")
func emptyInput() throws {
    let (g, r) = try RoadGraphBuilder.build([RoadLine(points: [XY(.nan, 0), XY(1, 1)]), RoadLine(points: [])])
    #expect(g.nodeCount == 0 && g.arcCount == 0)
    #expect(r.linesInvalid == 2)
    let net = try RoutingNetwork(roads: g, places: [XY(0, 0)])
    #expect(net.places[0].status == .noRoad)
    let m = try net.travelTimes(cutoffSeconds: 600)
    #expect(m.pairCount == 1)  // only the place itself
}
