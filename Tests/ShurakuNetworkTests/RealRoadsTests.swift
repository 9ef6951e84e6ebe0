import ShurakuCore
import ShurakuGeo
import Testing

@testable import ShurakuNetwork

/// Every pair time must be at least the straight-line distance between the two places at the
/// fastest speed anywhere on the way (roads or connector). Tolerance: 0.01 s for Float32 sums.
func checkLowerBound(_ net: RoutingNetwork, _ m: TravelTimeMatrix) -> Int {
    let vmax = max(net.roads.fastestKmh, net.connector.speedKmh) / 3.6
    var checked = 0
    for r in 0..<m.rowCount {
        let s = Int(m.sources[r])
        for k in m.range(ofRow: r) {
            let t = Int(m.targets[k])
            let bound = net.places[s].point.distance(to: net.places[t].point) / vmax
            #expect(Double(m.seconds[k]) >= bound - 0.01, "\(s)→\(t): \(m.seconds[k]) s < \(bound) s")
            #expect(Double(m.meters[k]) >= net.places[s].point.distance(to: net.places[t].point) - 0.5)
            checked += 1
        }
    }
    return checked
}

@Test("能登町: every travel time is at least the straight-line bound and equals a naive Dijkstra")
func notoMatchesNaive() throws {
    let data = try RealRoads.noto()
    #expect(data.places.count == 195)
    let (g, report) = try RoadGraphBuilder.build(data.lines)
    #expect(data.lines.count >= 294)  // 294 features, some MultiLineStrings
    #expect(report.linesUsed == data.lines.count)
    #expect(report.linesUnknownClass == 0)
    #expect(g.components.components.count > 1)  // the data has small detached pieces
    let net = try RoutingNetwork(roads: g, places: data.places)
    // SOURCE.md: settlements lie at most ~1.3 km from a road line.
    #expect(net.places.allSatisfy { $0.hasRoad && $0.connectorMeters < 1500 })
    let from = try net.travelTimes(cutoffSeconds: 60 * 60)
    #expect(checkLowerBound(net, from) == from.pairCount)
    try checkAgainstNaive(net, from)
    let to = try net.travelTimes(sources: Array(0..<40), cutoffSeconds: 30 * 60, direction: .toSources)
    try checkAgainstNaive(net, to)
    // 60 minutes reaches most of the town from the centre (宇出津, the first settlements).
    #expect(from.range(ofRow: 0).count > 150)
}

@Test("能登町: the fastest path between two settlements follows the roads and matches the matrix")
func notoPaths() throws {
    let data = try RealRoads.noto()
    let net = try RoutingNetwork(roads: try RoadGraphBuilder.build(data.lines).graph, places: data.places)
    let m = try net.travelTimes(sources: [0, 100], cutoffSeconds: 45 * 60)
    let finder = PathFinder(network: net)
    for r in 0..<m.rowCount {
        for k in m.range(ofRow: r) where k % 7 == 0 {
            let p = try #require(try finder.path(from: Int(m.sources[r]), to: Int(m.targets[k])))
            #expect(abs(p.seconds - Double(m.seconds[k])) < 0.05)
            let length = zip(p.points, p.points.dropFirst()).reduce(0) { $0 + $1.0.distance(to: $1.1) }
            #expect(abs(length - p.meters) < 1)
        }
    }
}

@Test("Andorra OSM: ways closed to cars are left out of the graph")
func andorraAccess() throws {
    let data = try RealRoads.andorra()
    let (g, report) = try RoadGraphBuilder.build(data.lines)
    // 25 = the roads (highway set, class not excluded) whose most specific access tag is no,
    // private, agricultural, …: counted independently from `ogr2ogr -f CSV … lines` with a
    // short script (6 private service roads, 5 tracks motor_vehicle=no, 2 primary access=no, …).
    #expect(report.linesClosedToCars == 25)
    let classifier = RoadClassifier(table: .standard, lines: data.lines)
    var openSegments = Set<[Double]>()
    var closedSegments: [[Double]] = []
    for l in data.lines {
        let kind = classifier.rule(for: l.properties).kind
        guard kind == .road || kind == .closedToCars else { continue }
        for (a, b) in zip(l.points, l.points.dropFirst()) where a != b {
            let key = a.x < b.x || (a.x == b.x && a.y < b.y) ? [a.x, a.y, b.x, b.y] : [b.x, b.y, a.x, a.y]
            if kind == .road { openSegments.insert(key) } else { closedSegments.append(key) }
        }
    }
    let onlyClosed = Set(closedSegments).subtracting(openSegments)
    #expect(onlyClosed.count > 25)
    var driven = 0
    for e in 0..<g.edgeCount {
        let sp = g.edgeSpan[e]
        let pts = g.lines.slice(Int(sp.line), from: sp.from, to: sp.to)
        for (a, b) in zip(pts, pts.dropFirst()) {
            let key = a.x < b.x || (a.x == b.x && a.y < b.y) ? [a.x, a.y, b.x, b.y] : [b.x, b.y, a.x, a.y]
            if onlyClosed.contains(key) { driven += 1 }
        }
    }
    #expect(driven == 0, "\(driven) segments of closed ways are in the graph")
}

@Test("Andorra OSM: the network builds, routes between villages, and drives one-way ways only forwards")
func andorraOneWay() throws {
    let data = try RealRoads.andorra()
    let (g, report) = try RoadGraphBuilder.build(data.lines)
    #expect(report.linesNotRoads > 0)  // rivers, power lines… in the lines layer
    #expect(report.linesExcluded > 0)  // footways, paths…
    #expect(report.linesOneWay > 50)
    // Every one-way edge follows one-way input segments in their allowed direction.
    var allowed = Set<[Double]>()
    var allowedList: [(XY, XY)] = []
    var oneWaySegments = 0
    for l in data.lines {
        let p = l.properties
        let d = OnewayTags.direction(p)
        guard d != .both, RoadClassifier(table: .standard, lines: data.lines).rule(for: p).kind == .road else { continue }
        let pts = d == .forward ? l.points : l.points.reversed()
        for (a, b) in zip(pts, pts.dropFirst()) where a != b {
            allowed.insert([a.x, a.y, b.x, b.y])
            allowedList.append((a, b))
            oneWaySegments += 1
        }
    }
    var oneWayEdges = 0
    for e in 0..<g.edgeCount where g.edgeFlags[e] != 3 {
        oneWayEdges += 1
        let sp = g.edgeSpan[e]
        var pts = g.lines.slice(Int(sp.line), from: sp.from, to: sp.to)
        if g.edgeFlags[e] == 2 { pts.reverse() }
        for (a, b) in zip(pts, pts.dropFirst()) where !allowed.contains([a.x, a.y, b.x, b.y]) {
            // A piece of a one-way segment split by a near-miss join: a and b lie on it, in order.
            let onAllowed = allowedList.contains { c, d in
                let len = c.distance(to: d)
                return abs(c.distance(to: a) + a.distance(to: d) - len) < 1e-6
                    && abs(c.distance(to: b) + b.distance(to: d) - len) < 1e-6
                    && c.distance(to: a) < c.distance(to: b)
            }
            #expect(onAllowed, "edge \(e) drives \(a) → \(b), which the data does not allow")
        }
    }
    #expect(oneWayEdges > 20 && oneWaySegments > 0)
    for a in 0..<g.arcCount {
        let e = Int(g.arcEdge[a] >> 1)
        #expect(g.edgeFlags[e] & (g.arcEdge[a] & 1 == 0 ? 1 : 2) != 0)
    }

    let net = try RoutingNetwork(roads: g, places: data.places)
    #expect(net.placeCount > 40)
    let from = try net.travelTimes(cutoffSeconds: 45 * 60)
    let to = try net.travelTimes(cutoffSeconds: 45 * 60, direction: .toSources)
    try checkAgainstNaive(net, from)
    #expect(checkLowerBound(net, from) == from.pairCount)
    // One-way streets make some trips longer one way than back.
    var asymmetric = 0
    for r in 0..<from.rowCount {
        for k in from.range(ofRow: r) {
            if let back = to.entry(row: r, target: from.targets[k]), abs(back.seconds - from.seconds[k]) > 1 {
                asymmetric += 1
            }
        }
    }
    #expect(asymmetric > 0)
    // And the matrices agree with each other: from(s → t) == to(t ← s).
    for r in 0..<from.rowCount {
        for k in from.range(ofRow: r) {
            let t = Int(from.targets[k])
            if let e = to.entry(row: t, target: from.sources[r]) {
                #expect(abs(e.seconds - from.seconds[k]) < 0.01)
            }
        }
    }
}
