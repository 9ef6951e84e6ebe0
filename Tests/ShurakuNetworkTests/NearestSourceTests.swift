import ShurakuCore
import Testing

@testable import ShurakuNetwork

@Suite("Nearest source: one multi-source search")
struct NearestSourceTests {
    @Test("each place's time to the nearest source equals the least of its matrix times, both directions, with one-way streets")
    func matchesMatrix() throws {
        for seed in UInt64(1)...5 {
            let (lines, places) = RandomRoads.make(seed: seed, size: 12, places: 80)
            let net = try RoutingNetwork(roads: try RoadGraphBuilder.build(lines).graph, places: places)
            var rng = SeededGenerator(seed: seed)
            let sources = Array(Set((0..<6).map { _ in Int32.random(in: 0..<Int32(places.count), using: &rng) })).sorted()
            for direction in [TravelTimeMatrix.Direction.toSources, .fromSources] {
                let cutoff = 360.0
                let nearest = try net.nearestTimes(from: sources, cutoffSeconds: cutoff, direction: direction)
                let m = try net.travelTimes(sources: sources, cutoffSeconds: cutoff, direction: direction)
                for t in 0..<places.count {
                    let best = (0..<m.rowCount).compactMap { m.entry(row: $0, target: Int32(t))?.seconds }.min()
                    switch (nearest[t], best) {
                    case (nil, nil): break
                    case (let a?, let b?): #expect(abs(a.seconds - b) <= 0.01, "seed \(seed) place \(t): \(a.seconds) vs \(b)")
                    case (let a, let b):
                        // Only a pair on the cutoff's edge may differ by rounding.
                        let edge = Double(a?.seconds ?? b ?? 0)
                        #expect(abs(edge - cutoff) <= 0.01, "seed \(seed) place \(t): \(String(describing: a)) vs \(String(describing: b))")
                    }
                }
                for s in sources { #expect(nearest[Int(s)] == NearestSource(seconds: 0, meters: 0)) }
            }
        }
    }

    @Test("no sources: every place is beyond reach; a bad source index is refused")
    func edgeCases() throws {
        let (lines, places) = RandomRoads.make(seed: 2)
        let net = try RoutingNetwork(roads: try RoadGraphBuilder.build(lines).graph, places: places)
        #expect(try net.nearestTimes(from: [], cutoffSeconds: 600, direction: .toSources).allSatisfy { $0 == nil })
        #expect(throws: NetworkError.self) { try net.nearestTimes(from: [Int32(places.count)], cutoffSeconds: 60, direction: .toSources) }
        #expect(throws: NetworkError.self) { try net.nearestTimes(from: [0], cutoffSeconds: .infinity, direction: .toSources) }
    }
}
