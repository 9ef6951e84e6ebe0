import ShurakuCore

@testable import ShurakuNetwork

/// Hand-made road lines for tests, all in metres.
enum TinyRoads {
    /// 市区町村道 default speed (30 km/h) in m/s.
    static let localMps = 30.0 / 3.6

    static func line(_ pts: [(Double, Double)], _ props: [String: String] = ["road_class": "市区町村道"]) -> RoadLine {
        RoadLine(points: pts.map { XY($0.0, $0.1) }, properties: props)
    }

    static func build(_ lines: [RoadLine], tolerance: Double = 0) throws -> RoadGraph {
        try RoadGraphBuilder.build(lines, options: RoadGraphOptions(snapToleranceMeters: tolerance)).graph
    }

    static func network(
        _ lines: [RoadLine], places: [(Double, Double)], tolerance: Double = 0,
        connector: ConnectorOptions = ConnectorOptions()
    ) throws -> RoutingNetwork {
        try RoutingNetwork(
            roads: build(lines, tolerance: tolerance), places: places.map { XY($0.0, $0.1) },
            connector: connector)
    }
}

/// A deliberately naive Dijkstra in Double precision: an open list scanned linearly for its
/// minimum, no heap, no stamps. Returns (seconds, metres) per node, nil where unreachable.
func naiveDijkstra(_ g: RoadGraph, from s: Int, reverse: Bool = false) -> [(Double, Double)?] {
    var best = [(Double, Double)?](repeating: nil, count: g.nodeCount)
    var done = [Bool](repeating: false, count: g.nodeCount)
    var open: [Int] = [s]
    best[s] = (0, 0)
    while !open.isEmpty {
        var k = 0
        for i in 1..<open.count {
            let a = best[open[i]]!
            let b = best[open[k]]!
            if a.0 < b.0 || (a.0 == b.0 && a.1 < b.1) { k = i }
        }
        let u = open.remove(at: k)
        done[u] = true
        let (du, mu) = best[u]!
        let first = reverse ? g.firstIn : g.firstOut
        for a in Int(first[u])..<Int(first[u + 1]) {
            let v = Int(reverse ? g.tail[a] : g.head[a])
            if done[v] { continue }
            let dv = du + Double(reverse ? g.inSeconds[a] : g.seconds[a])
            let mv = mu + Double(reverse ? g.inMeters[a] : g.meters[a])
            if let cur = best[v] {
                if dv < cur.0 || (dv == cur.0 && mv < cur.1) { best[v] = (dv, mv) }
            } else {
                best[v] = (dv, mv)
                open.append(v)
            }
        }
    }
    return best
}
