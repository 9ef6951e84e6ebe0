import ShurakuCore

/// The routing engine: one entry point for single tours and multi-route problems.
///
/// Steps: stops that no route can serve are set aside with their reason. If one route can
/// carry every stop, the best single tour is found (exact for a few stops, iterated 2-opt /
/// Or-opt otherwise) and returned when it also keeps within the maximum duration. Otherwise
/// routes are built (Clarke–Wright savings, and the giant tour cut by Split), improved by
/// local search, reduced in number by dissolving the smallest routes while the others can take
/// their stops, improved by ruin & recreate rounds, and finally each route is re-optimised as a
/// single tour.
///
/// Costs are assumed to obey the triangle inequality, as shortest-path travel times do: then
/// one route, when it fits, is also the cheapest answer, and the local search can skip moves
/// that cannot gain. Other matrices are still solved, only with weaker guarantees.
public enum RoutingEngine {
    /// Solves `problem`. The same problem and options always give the same solution (unless
    /// the deadline cuts the search short).
    public static func solve(_ problem: RoutingProblem, options: RoutingOptions = RoutingOptions()) -> RoutingSolution {
        let (servable, unservable) = Screening.run(problem)
        guard !servable.isEmpty else { return SolutionBuilder.build(problem, routes: [], unassigned: unservable) }
        var rng = SeededGenerator(seed: options.seed)
        let travel = { (a: Int, b: Int) -> Int32 in problem.travel[a * problem.nodeCount + b] }

        // Single route: every stop fits one vehicle.
        let totalDemand = servable.reduce(Int64(0)) { $0 + Int64(problem.demand[Int($1)]) }
        var giantTour: [Int32]?
        if totalDemand <= Int64(problem.capacity ?? .max) {
            // When no single route can keep the duration limit, the tour only seeds Split: a
            // local optimum is enough, the iterated search would be spent on a route never used.
            let mayFit = problem.maxRouteDuration.map { Int64($0) >= singleRouteLowerBound(problem, servable) } ?? true
            let tour = SingleRoute.solve(
                travel: travel, stops: servable, iterations: mayFit ? options.tourIterations : 0,
                rng: &rng, deadline: options.deadline)
            let single = SolutionBuilder.build(problem, routes: [tour], unassigned: [])
            let route = single.routes.first
            let overRide = problem.maxRideTime.map { limit in (route?.maxRide ?? 0) > Int64(limit) } ?? false
            let overDuration = problem.maxRouteDuration.map { limit in (route?.duration ?? 0) > Int64(limit) } ?? false
            if overRide || overDuration {
                giantTour = tour
            } else {
                return SolutionBuilder.build(problem, routes: [tour], unassigned: unservable)
            }
        }

        let inst = Instance(problem: problem, stops: servable)
        var search = IteratedSearch(inst)
        var starts: [RouteState] = []
        starts.append(Construction.state(from: Savings.build(inst), inst, rng: &rng))
        if let giantTour, let routes = Split.routes(of: giantTour, inst) {
            starts.append(Construction.state(from: routes, inst, rng: &rng))
        }
        var state = starts[0]
        search.optimise(&state, rng: &rng)
        for var other in starts.dropFirst() {
            search.optimise(&other, rng: &rng)
            if IteratedSearch.isBetter(other, than: state, inst) { state = other }
        }
        var budget = options.iterations
        // Dissolve routes while the others can absorb their stops: required when routes are
        // minimised first (up to half the rounds); under `.cost` (up to a quarter) a tight fleet is
        // often cheaper but not always, so the cost search then runs from both starts.
        let start = state
        let share = problem.objective == .cost ? budget / 4 : budget / 2
        let (fewer, used) = RouteMinimizer.run(
            state, search: &search, budget: share, rng: &rng,
            deadline: options.deadline)
        budget -= used
        if problem.objective == .cost, fewer.routeCount < start.routeCount {
            let half = budget / 2
            let (a, _) = search.improve(
                fewer, iterations: half, routeLimit: inst.maxRoutes, rng: &rng,
                deadline: options.deadline)
            let (b, _) = search.improve(
                start, iterations: budget - half, routeLimit: inst.maxRoutes, rng: &rng,
                deadline: options.deadline)
            state = IteratedSearch.isBetter(b, than: a, inst) ? b : a
        } else {
            (state, _) = search.improve(
                fewer, iterations: budget, routeLimit: inst.maxRoutes, rng: &rng,
                deadline: options.deadline)
        }
        state.removeEmptyRoutes()

        // Polish each route as a single tour: cost and duration can only go down. The routes are
        // already 2-opt / Or-opt optimal from the local search, so a short run per stop suffices
        // (no loss on the CVRP X instances or the national plan against 50 rounds per stop).
        // Under a ride limit a shorter tour may ride longer: it is kept only if it keeps the limit.
        var routes: [[Int32]] = []
        for seq in state.routes {
            let polished = SingleRoute.solve(
                travel: travel, stops: seq, start: seq,
                iterations: min(options.tourIterations, 10 * seq.count),
                rng: &rng, deadline: options.deadline)
            routes.append(inst.keepsRideLimit(polished) ? polished : seq)
        }
        let left = state.unassigned.map { RoutingSolution.UnassignedStop(node: Int($0), reason: .noRouteAvailable) }
        return SolutionBuilder.build(problem, routes: routes, unassigned: unservable + left)
    }

    /// A lower bound on the duration of one route through every stop of `stops`: their service
    /// times plus, for the depot and each stop, the cheapest arc into it from the others.
    static func singleRouteLowerBound(_ problem: RoutingProblem, _ stops: [Int32]) -> Int64 {
        let nodes = [Int32(0)] + stops
        var bound: Int64 = 0
        for b in nodes {
            bound += Int64(problem.service[Int(b)])
            var cheapest = Int32.max
            for a in nodes where a != b { cheapest = min(cheapest, problem.travel[Int(a) * problem.nodeCount + Int(b)]) }
            if cheapest != .max { bound += Int64(cheapest) }
        }
        return bound
    }
}
