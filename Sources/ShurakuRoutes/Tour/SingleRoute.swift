import ShurakuCore

/// The single-route path: the cheapest closed tour from the depot through the given stops.
/// Exact (Held–Karp) for a few stops, otherwise iterated 2-opt / Or-opt.
enum SingleRoute {
    /// Visiting order of `stops` (without the depot) for a tour depot → stops → depot.
    /// `start`, if given, is an initial order of the same stops; the result is never worse.
    static func solve(
        travel: (Int, Int) -> Int32, stops: [Int32], start: [Int32]? = nil, iterations: Int,
        rng: inout SeededGenerator, deadline: Deadline
    ) -> [Int32] {
        let m = stops.count + 1
        guard stops.count >= 2 else { return stops }
        let city = [Int32(0)] + stops
        var costs = [Int32](repeating: 0, count: m * m)
        for a in 0..<m {
            for b in 0..<m where a != b { costs[a * m + b] = travel(Int(city[a]), Int(city[b])) }
        }
        if let exact = HeldKarp.solve(m: m, costs: costs) {
            return exact.dropFirst().map { city[$0] }
        }
        let search = TourSearch(m: m, costs: costs)
        if let start, start.count == stops.count {
            var local = [Int32: Int](minimumCapacity: m)
            for (i, c) in city.enumerated() { local[c] = i }
            let order = [0] + start.compactMap { local[$0] }
            if Set(order).count == m { search.setTour(order) } else { search.buildNearestNeighbourTour() }
        } else {
            search.buildNearestNeighbourTour()
        }
        search.optimiseFully()
        search.iterate(iterations, rng: &rng, deadline: deadline)
        return search.orderFromDepot.dropFirst().map { city[$0] }
    }
}
