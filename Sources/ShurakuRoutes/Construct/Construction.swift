import ShurakuCore

/// Builds starting solutions: routes from a constructor, then the route limit enforced by
/// moving the stops of the smallest routes elsewhere (or leaving them unassigned).
enum Construction {
    static func state(from routes: [[Int32]], _ inst: Instance, rng: inout SeededGenerator) -> RouteState {
        var state = RouteState(nodeCount: inst.n)
        // Routes over the ride limit are dissolved: their stops are inserted one by one below.
        var sorted = routes.filter { !$0.isEmpty && inst.keepsRideLimit($0) }
        // Largest routes first, so the smallest ones are dropped if there are too many.
        sorted.sort { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
        var pool: [Int32] = []
        for seq in sorted {
            if state.routeCount < inst.maxRoutes { state.appendRoute(seq, inst) } else { pool += seq }
        }
        let routed = Set(sorted.joined())
        pool += inst.stops.filter { !routed.contains($0) }
        if !pool.isEmpty {
            Recreate.insert(pool, into: &state, inst, blinkRate: 0, routeLimit: inst.maxRoutes, rng: &rng)
        }
        return state
    }
}
