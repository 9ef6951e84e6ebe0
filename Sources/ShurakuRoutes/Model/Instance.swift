/// The problem as the search reads it: Int64 figures, limits with "none" mapped to `.max`, the
/// stops that can be served at all, and each stop's nearest other stops.
///
/// Owns one raw copy of the travel matrix (diagonal set to 0) so that the hot loops read costs
/// without bounds checks or reference counting. Lives inside one `solve` call; not shared.
final class Instance {
    let n: Int
    private let dist: UnsafeMutablePointer<Int32>
    let service: [Int64]
    let demand: [Int64]
    let capacity: Int64
    let maxDuration: Int64
    /// The maximum ride time; `.max` for none.
    let maxRide: Int64
    var hasRideLimit: Bool { maxRide != .max }
    let maxRoutes: Int
    let objective: RoutingObjective
    /// Added to the objective per route when minimising routes first; larger than any cost change.
    let routeFixedCost: Int64
    /// Whether `d(a, b) == d(b, a)` for every pair.
    let isSymmetric: Bool
    /// Stops that can be served alone, increasing.
    let stops: [Int32]
    /// Per node, its `adjacencyCount` nearest stops (by cost both ways), flat row-major.
    let adjacency: [Int32]
    let adjacencyCount: Int
    /// How many of the nearest stops the local search looks at per stop.
    let neighbourCount: Int

    init(problem: RoutingProblem, stops: [Int32], adjacencyLimit: Int = 100, neighbourLimit: Int = 14) {
        let n = problem.nodeCount
        self.n = n
        let copy = RawCostCopy(problem.travel, n: n)
        let dist = copy.pointer
        self.dist = dist
        let maxEntry = copy.maxEntry
        isSymmetric = copy.isSymmetric
        service = problem.service.map(Int64.init)
        demand = problem.demand.map(Int64.init)
        capacity = problem.capacity.map(Int64.init) ?? .max
        maxDuration = problem.maxRouteDuration.map(Int64.init) ?? .max
        maxRide = problem.maxRideTime.map(Int64.init) ?? .max
        maxRoutes = problem.maxRoutes ?? .max
        objective = problem.objective
        // Any solution costs at most (stops + routes) × maxEntry ≤ 2 n maxEntry.
        routeFixedCost = problem.objective == .fewestRoutesThenCost ? 2 * Int64(n + 1) * maxEntry + 1 : 0
        self.stops = stops
        let count = max(0, min(stops.count - 1, adjacencyLimit))
        adjacencyCount = count
        neighbourCount = min(count, neighbourLimit)
        var adjacency = [Int32](repeating: 0, count: n * count)
        if count > 0 {
            var keyed: [(Int64, Int32)] = []
            keyed.reserveCapacity(stops.count)
            for u in stops {
                keyed.removeAll(keepingCapacity: true)
                for v in stops where v != u {
                    let key = Int64(dist[Int(u) * n + Int(v)]) + Int64(dist[Int(v) * n + Int(u)])
                    keyed.append((key, v))
                }
                keyed.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
                for k in 0..<count { adjacency[Int(u) * count + k] = keyed[k].1 }
            }
        }
        self.adjacency = adjacency
    }

    deinit { dist.deallocate() }

    /// Travel cost from `a` to `b` (0 when `a == b`).
    @inline(__always) func d(_ a: Int, _ b: Int) -> Int64 { Int64(dist[a &* n &+ b]) }
    @inline(__always) func d(_ a: Int32, _ b: Int32) -> Int64 { Int64(dist[Int(a) &* n &+ Int(b)]) }

    /// Whether every stop of the route `seq` keeps within the maximum ride time. Rides only
    /// grow towards the start of a route, so the first stop's two rides decide (O(length)).
    func keepsRideLimit(_ seq: [Int32]) -> Bool {
        guard hasRideLimit, let first = seq.first else { return true }
        var inbound: Int64 = 0
        var outbound: Int64 = 0
        var prev = Int(first)
        for v32 in seq.dropFirst() {
            let v = Int(v32)
            inbound += d(prev, v) + service[v]
            outbound += d(v, prev) + service[v]
            prev = v
        }
        return inbound + d(prev, 0) <= maxRide && outbound + d(0, prev) <= maxRide
    }

    /// The `k`-th nearest stop to `u`.
    @inline(__always) func neighbour(_ u: Int, _ k: Int) -> Int { Int(adjacency[u * adjacencyCount + k]) }
}
