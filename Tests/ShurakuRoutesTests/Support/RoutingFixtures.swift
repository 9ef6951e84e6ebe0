import ShurakuCore

@testable import ShurakuRoutes

/// Small random routing problems and exact answers for them.
enum RoutingFixtures {
    /// A random asymmetric travel matrix over `n` nodes that satisfies the triangle inequality
    /// (shortest paths over random one-way arcs, as road travel times do).
    static func asymmetricTravel(n: Int, rng: inout SeededGenerator, maxArc: Int32 = 1000) -> [Int32] {
        var xy: [(Double, Double)] = []
        for _ in 0..<n { xy.append((Double.random(in: 0..<100, using: &rng), Double.random(in: 0..<100, using: &rng))) }
        var d = [Int64](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n where i != j {
                let dx = xy[i].0 - xy[j].0
                let dy = xy[i].1 - xy[j].1
                let base = (dx * dx + dy * dy).squareRoot() * 10
                // Some arcs are slow in one direction (one-way detours).
                let factor = Double.random(in: 0..<1, using: &rng) < 0.3 ? Double.random(in: 1.2..<2.5, using: &rng) : 1
                d[i * n + j] = min(Int64(maxArc), Int64(base * factor) + 1)
            }
        }
        for k in 0..<n {
            for i in 0..<n {
                for j in 0..<n where d[i * n + k] + d[k * n + j] < d[i * n + j] {
                    d[i * n + j] = d[i * n + k] + d[k * n + j]
                }
            }
        }
        return d.map { Int32($0) }
    }

    /// Symmetric Euclidean costs (rounded) for random points in a square.
    static func euclideanTravel(n: Int, rng: inout SeededGenerator, side: Double = 1000) -> [Int32] {
        var xy: [(Double, Double)] = []
        for _ in 0..<n { xy.append((Double.random(in: 0..<side, using: &rng), Double.random(in: 0..<side, using: &rng))) }
        var d = [Int32](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                let dx = xy[i].0 - xy[j].0
                let dy = xy[i].1 - xy[j].1
                d[i * n + j] = Int32(((dx * dx + dy * dy).squareRoot()).rounded())
            }
        }
        return d
    }

    /// Cost of the closed tour depot → `order` → depot.
    static func tourCost(_ order: [Int], travel: [Int32], n: Int) -> Int64 {
        var total: Int64 = 0
        var last = 0
        for v in order {
            total += Int64(travel[last * n + v])
            last = v
        }
        return total + Int64(travel[last * n])
    }

    /// The cheapest closed tour through `stops` by trying every order (only orders `accept`
    /// allows; `Int64.max` when it allows none).
    static func bruteForceTour(
        _ stops: [Int], travel: [Int32], n: Int, accept: ([Int]) -> Bool = { _ in true }
    ) -> Int64 {
        var best = Int64.max
        var perm = stops
        func permute(_ k: Int) {
            if k == perm.count {
                let cost = tourCost(perm, travel: travel, n: n)
                if cost < best, accept(perm) { best = cost }
                return
            }
            for i in k..<perm.count {
                perm.swapAt(k, i)
                permute(k + 1)
                perm.swapAt(k, i)
            }
        }
        permute(0)
        return stops.isEmpty ? 0 : best
    }

    /// The exact optimum (routes, cost) of a small problem (≤ 8 stops, every stop servable): the
    /// best single tour per subset of stops, then the best partition into feasible subsets.
    static func exactOptimum(_ p: RoutingProblem) -> (routes: Int, cost: Int64)? {
        let n = p.nodeCount
        let stops = n - 1
        let full = (1 << stops) - 1
        var subsetCost = [Int64?](repeating: nil, count: full + 1)
        for mask in 1...full {
            let members = (0..<stops).filter { mask & (1 << $0) != 0 }.map { $0 + 1 }
            let load = members.reduce(Int64(0)) { $0 + Int64(p.demand[$1]) }
            if let c = p.capacity, load > Int64(c) { continue }
            let cost = bruteForceTour(members, travel: p.travel, n: n) { order in
                p.maxRideTime.map { limit in rides(order, p).allSatisfy { $0 <= Int64(limit) } } ?? true
            }
            if cost == .max { continue }
            let service = members.reduce(Int64(0)) { $0 + Int64(p.service[$1]) }
            if let t = p.maxRouteDuration, cost + service > Int64(t) { continue }
            subsetCost[mask] = cost
        }
        // best[mask]: (routes, cost) to serve exactly `mask`, compared per the objective.
        func better(_ a: (Int, Int64), _ b: (Int, Int64)) -> Bool {
            switch p.objective {
            case .cost: return a.1 != b.1 ? a.1 < b.1 : a.0 < b.0
            case .fewestRoutesThenCost: return a.0 != b.0 ? a.0 < b.0 : a.1 < b.1
            }
        }
        var best = [(Int, Int64)?](repeating: nil, count: full + 1)
        best[0] = (0, 0)
        for mask in 1...full {
            let low = mask & -mask
            var sub = mask
            while sub > 0 {
                if sub & low != 0, let c = subsetCost[sub], let rest = best[mask ^ sub] {
                    let candidate = (rest.0 + 1, rest.1 + c)
                    if p.maxRoutes.map({ candidate.0 <= $0 }) ?? true,
                        best[mask].map({ better(candidate, $0) }) ?? true
                    {
                        best[mask] = candidate
                    }
                }
                sub = (sub - 1) & mask
            }
        }
        return best[full].map { (routes: $0.0, cost: $0.1) }
    }

    /// Each stop's ride on the route `order`, computed leg by leg from the definition: the longer
    /// of (a) the legs from the stop to the depot plus the service of the stops after it, and
    /// (b) on the route driven in reverse, the legs from the depot back to the stop plus the same
    /// services.
    static func rides(_ order: [Int], _ p: RoutingProblem) -> [Int64] {
        order.indices.map { k in
            var inbound: Int64 = 0
            var outbound: Int64 = 0
            for j in k..<order.count {
                let next = j + 1 < order.count ? order[j + 1] : 0
                inbound += Int64(p.travel(from: order[j], to: next))
                outbound += Int64(p.travel(from: next, to: order[j]))
                if j > k { inbound += Int64(p.service[order[j]]) }
                if j > k { outbound += Int64(p.service[order[j]]) }
            }
            return max(inbound, outbound)
        }
    }

    /// Checks a solution against its problem: every stop exactly once (routed or unassigned),
    /// limits kept, figures recomputed. Returns a description of the first problem found.
    static func violation(_ s: RoutingSolution, _ p: RoutingProblem) -> String? {
        var seen = [Int](repeating: 0, count: p.nodeCount)
        var total: Int64 = 0
        if let limit = p.maxRoutes, s.routes.count > limit { return "too many routes" }
        for route in s.routes {
            guard !route.stops.isEmpty else { return "empty route" }
            var time: Int64 = 0
            var cost: Int64 = 0
            var load: Int64 = 0
            var last = 0
            for (k, v) in route.stops.enumerated() {
                guard v > 0, v < p.nodeCount else { return "bad stop \(v)" }
                seen[v] += 1
                let leg = Int64(p.travel(from: last, to: v))
                cost += leg
                time += leg
                guard route.arrivals[k] == time else { return "arrival at \(v)" }
                time += Int64(p.service[v])
                load += Int64(p.demand[v])
                last = v
            }
            let back = Int64(p.travel(from: last, to: 0))
            guard route.cost == cost + back, route.duration == time + back, route.load == load else {
                return "route figures"
            }
            if let c = p.capacity, load > Int64(c) { return "over capacity" }
            if let t = p.maxRouteDuration, time + back > Int64(t) { return "over duration" }
            let rides = rides(route.stops, p)
            guard route.rides == rides else { return "ride figures \(route.rides) ≠ \(rides)" }
            if let limit = p.maxRideTime, let worst = rides.max(), worst > Int64(limit) { return "ride \(worst) over \(limit)" }
            total += route.cost
        }
        for u in s.unassigned { seen[u.node] += 1 }
        guard total == s.totalCost else { return "total cost" }
        if let v = (1..<p.nodeCount).first(where: { seen[$0] != 1 }) { return "stop \(v) seen \(seen[v]) times" }
        return nil
    }
}
