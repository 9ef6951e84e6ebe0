import ShurakuCore

/// Greedy insertion: each stop, in the given order, goes where it costs least among all
/// feasible positions of all routes, or into a new route when the route limit allows and that
/// is cheaper. Each position is skipped with a small probability ("blinks") so that repeated
/// rounds explore. Stops that fit nowhere join `state.unassigned`. No new route is opened
/// beyond `routeLimit` routes.
enum Recreate {
    static func insert(
        _ stops: [Int32], into state: inout RouteState, _ inst: Instance, blinkRate: Double,
        routeLimit: Int, rng: inout SeededGenerator
    ) {
        let blinkThreshold = UInt64(max(0, min(1, blinkRate)) * Double(UInt64.max >> 11)) << 11
        for c32 in stops {
            let c = Int(c32)
            let demand = inst.demand[c]
            let service = inst.service[c]
            var bestDelta = Int64.max
            var bestRoute = -1
            var bestAfter = -1
            for r in 0..<state.routeCount {
                guard state.routeLoad[r] + demand <= inst.capacity else { continue }
                let budget = inst.maxDuration - state.routeCost[r] - state.routeService[r] - service
                guard budget >= 0 else { continue }
                let seq = state.routes[r]
                var x = 0
                for i in 0...seq.count {
                    let y = i < seq.count ? Int(seq[i]) : 0
                    defer { x = y }
                    if blinkThreshold > 0, rng.next() < blinkThreshold { continue }
                    let delta = inst.d(x, c) + inst.d(c, y) - inst.d(x, y)
                    if delta < bestDelta, delta <= budget, !inst.hasRideLimit || inst.keepsRideLimit(seq.inserting(c32, at: i)) {
                        bestDelta = delta
                        bestRoute = r
                        bestAfter = i - 1
                    }
                }
            }
            if state.routeCount < routeLimit {
                let alone = inst.d(0, c) + inst.d(c, 0)
                if alone + service <= inst.maxDuration, demand <= inst.capacity, max(inst.d(0, c), inst.d(c, 0)) <= inst.maxRide {
                    let delta = alone + inst.routeFixedCost
                    if delta < bestDelta {
                        bestDelta = delta
                        bestRoute = state.routeCount
                    }
                }
            }
            if bestRoute < 0 {
                state.unassigned.append(c32)
            } else if bestRoute == state.routeCount {
                state.appendRoute([c32], inst)
            } else {
                state.insert(c32, route: bestRoute, after: bestAfter, inst)
            }
        }
    }
}

extension Array where Element == Int32 {
    /// This sequence with `v` inserted at position `i`.
    fileprivate func inserting(_ v: Int32, at i: Int) -> [Int32] {
        var out = self
        out.insert(v, at: i)
        return out
    }
}
