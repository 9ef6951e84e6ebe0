import ShurakuCore

/// Repeatedly dissolves the smallest route and tries to place all its stops in the remaining
/// routes (ruin & recreate rounds with no new route allowed). A success keeps one route fewer;
/// the first failure, or reaching the load lower bound, ends the attempt. Needed for
/// `.fewestRoutesThenCost`; under `.cost` it gives the cost search a tighter start.
enum RouteMinimizer {
    /// Returns the solution with the fewest routes found (never more unassigned stops than
    /// `start`) and the number of rounds used.
    static func run(
        _ start: RouteState, search: inout IteratedSearch, budget: Int, rng: inout SeededGenerator,
        deadline: Deadline
    ) -> (RouteState, Int) {
        let inst = search.inst
        var best = start
        var used = 0
        let totalDemand = inst.stops.reduce(Int64(0)) { $0 + inst.demand[Int($1)] }
        let byLoad = inst.capacity == .max ? 1 : Int((totalDemand + inst.capacity - 1) / inst.capacity)
        let lowerBound = max(1, byLoad)
        while best.routeCount > lowerBound, used < budget, !deadline.hasPassed {
            var trial = best
            var smallest = 0
            for r in 1..<trial.routeCount {
                let a = (trial.count(r), trial.routeLoad[r])
                let b = (trial.count(smallest), trial.routeLoad[smallest])
                if a < b { smallest = r }
            }
            let removed = trial.routes[smallest]
            trial.remove(removed, inst)
            trial.removeEmptyRoutes()
            let limit = trial.routeCount
            let pool = IteratedSearch.recreateOrder(removed, inst, rng: &rng)
            Recreate.insert(pool, into: &trial, inst, blinkRate: 0, routeLimit: limit, rng: &rng)
            search.driver.run(&trial, dirty: inst.stops, rng: &rng)
            trial.removeEmptyRoutes()
            if trial.unassigned.count > best.unassigned.count {
                let rounds = max(1, (budget - used) / 2)
                let (improved, ran) = search.improve(
                    trial, iterations: rounds, routeLimit: limit, untilAllAssigned: true,
                    rng: &rng, deadline: deadline)
                trial = improved
                used += ran
            } else {
                used += 1
            }
            guard trial.unassigned.count <= best.unassigned.count, trial.routeCount < best.routeCount else { break }
            best = trial
        }
        return (best, used)
    }
}
