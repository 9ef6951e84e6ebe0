import ShurakuCore
import Testing

@testable import ShurakuNetwork

/// Check every row of `m` against the naive Dijkstra on the split graph (places as nodes, an
/// independent form of the network): present pairs have the naive time (within `tol` seconds),
/// and every pair the naive search puts within the cutoff (by more than `tol`) is present.
func checkAgainstNaive(_ net: RoutingNetwork, _ m: TravelTimeMatrix, tol: Double = 0.05) throws {
    let reverse = m.direction == .toSources
    let (graph, placeNode) = try net.splitGraph()
    for r in 0..<m.rowCount {
        let s = Int(m.sources[r])
        let ps = net.places[s]
        var expected: [Int: Double] = [s: 0]
        if placeNode[s] >= 0 {
            let best = naiveDijkstra(graph, from: Int(placeNode[s]), reverse: reverse)
            for (t, pt) in net.places.enumerated() where t != s && placeNode[t] >= 0 {
                if let b = best[Int(placeNode[t])] { expected[t] = b.0 + ps.connectorSeconds + pt.connectorSeconds }
            }
        }
        for k in m.range(ofRow: r) {
            let t = Int(m.targets[k])
            guard let e = expected[t] else {
                Issue.record("row \(r): target \(t) unreachable in naive")
                continue
            }
            #expect(abs(Double(m.seconds[k]) - e) <= tol, "row \(r) target \(t): \(m.seconds[k]) vs \(e)")
        }
        for (t, e) in expected where e <= m.cutoffSeconds - tol {
            #expect(m.entry(row: r, target: Int32(t)) != nil, "row \(r): missing target \(t) at \(e) s")
        }
    }
}

@Test("matrix times equal a naive Dijkstra on random towns with one-way streets, both directions")
func matrixMatchesNaive() throws {
    for seed in UInt64(1)...4 {
        let (lines, places) = RandomRoads.make(seed: seed)
        let g = try RoadGraphBuilder.build(lines).graph
        let net = try RoutingNetwork(roads: g, places: places)
        for dir in [TravelTimeMatrix.Direction.fromSources, .toSources] {
            let m = try net.travelTimes(cutoffSeconds: 420, direction: dir)
            #expect(m.rowCount == places.count)
            try checkAgainstNaive(net, m)
        }
    }
}

@Test("rows are sorted, self pairs are zero, and output is identical for 1, 2 and 3 workers")
func matrixDeterministic() throws {
    let (lines, places) = RandomRoads.make(seed: 9, size: 14, places: 120)
    let net = try RoutingNetwork(roads: try RoadGraphBuilder.build(lines).graph, places: places)
    let sources: [Int32] = [5, 3, 90, 3, 0, 119]
    let ms = try [1, 2, 3].map { try net.travelTimes(sources: sources, cutoffSeconds: 600, workers: $0) }
    for m in ms.dropFirst() {
        #expect(m.rowStart == ms[0].rowStart)
        #expect(m.targets == ms[0].targets)
        #expect(m.seconds == ms[0].seconds)
        #expect(m.meters == ms[0].meters)
    }
    let m = ms[0]
    for r in 0..<m.rowCount {
        let row = m.range(ofRow: r)
        #expect(zip(m.targets[row], m.targets[row].dropFirst()).allSatisfy { $0 < $1 })
        #expect(m.entry(row: r, target: sources[r]).map { $0.seconds == 0 && $0.meters == 0 } == true)
        #expect(m.seconds[row].allSatisfy { Double($0) <= 600 + 1e-3 })
    }
    #expect(m.mode == .road)
}

@Test("with a larger cutoff a row only gains pairs; times never change")
func cutoffMonotone() throws {
    let (lines, places) = RandomRoads.make(seed: 3)
    let net = try RoutingNetwork(roads: try RoadGraphBuilder.build(lines).graph, places: places)
    let small = try net.travelTimes(cutoffSeconds: 200)
    let big = try net.travelTimes(cutoffSeconds: 800)
    #expect(big.pairCount > small.pairCount)
    for r in 0..<small.rowCount {
        for k in small.range(ofRow: r) {
            let e = big.entry(row: r, target: small.targets[k])
            #expect(e?.seconds == small.seconds[k])
        }
    }
}

@Test("bad arguments are typed errors")
func matrixArguments() throws {
    let net = try TinyRoads.network([TinyRoads.line([(0, 0), (100, 0)])], places: [(0, 0)])
    #expect(throws: NetworkError.indexOutOfRange(name: "source", index: 3, count: 1)) {
        try net.travelTimes(sources: [3], cutoffSeconds: 60)
    }
    #expect(throws: NetworkError.self) { try net.travelTimes(cutoffSeconds: -1) }
    #expect(throws: NetworkError.self) { try net.travelTimes(cutoffSeconds: .infinity) }
    #expect(throws: NetworkError.self) { try net.travelTimes(cutoffSeconds: 60, workers: 0) }
}
