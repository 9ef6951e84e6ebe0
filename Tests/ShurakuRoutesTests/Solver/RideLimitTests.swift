import ShurakuCore
import Testing

@testable import ShurakuRoutes

/// The maximum ride time: every stop's ride to the depot on the rest of its route, and from the
/// depot on the route driven in reverse, stays within the limit.
@Suite("Maximum ride time")
struct RideLimitTests {
    /// A random problem of `n` nodes whose ride limit binds: a fraction of the ride of the single
    /// best tour, but never below any stop's direct ride, so that every stop stays servable.
    static func problem(n: Int, symmetric: Bool, objective: RoutingObjective, rng: inout SeededGenerator) throws -> RoutingProblem {
        let travel =
            symmetric ? RoutingFixtures.euclideanTravel(n: n, rng: &rng) : RoutingFixtures.asymmetricTravel(n: n, rng: &rng)
        let service = [0] + (1..<n).map { _ in Int32(rng.index(below: 30)) }
        let direct = (1..<n).map { max(travel[$0], travel[$0 * n]) }.max() ?? 0
        let open = try RoutingProblem(nodeCount: n, travel: travel, service: service)
        let tour = try #require(RoutingEngine.solve(open, options: RoutingOptions(seed: 1)).routes.first)
        let limit = max(direct, Int32(Double(tour.maxRide) * Double.random(in: 0.35..<0.8, using: &rng)))
        return try RoutingProblem(
            nodeCount: n, travel: travel, service: service, maxRideTime: limit, objective: objective)
    }

    @Test("small problems (4–8 stops, symmetric and one-way costs) reach the exact optimum under a binding ride limit")
    func exactOnSmallProblems() throws {
        var rng = SeededGenerator(seed: 17)
        var binding = 0
        var trials = 0
        for trial in 0..<60 {
            let n = 5 + rng.index(below: 5)
            let p = try Self.problem(
                n: n, symmetric: trial % 2 == 0, objective: trial % 3 == 0 ? .cost : .fewestRoutesThenCost, rng: &rng)
            let exact = try #require(RoutingFixtures.exactOptimum(p))
            let s = RoutingEngine.solve(p, options: RoutingOptions(seed: UInt64(trial), iterations: 300))
            #expect(RoutingFixtures.violation(s, p) == nil, "trial \(trial): \(RoutingFixtures.violation(s, p) ?? "")")
            #expect(s.unassigned.isEmpty)
            // Tolerance: none. Same routes and the same cost as the exhaustive optimum.
            #expect(s.routes.count == exact.routes && s.totalCost == exact.cost, "trial \(trial): \(s.indicators) vs \(exact)")
            trials += 1
            if exact.routes > 1 { binding += 1 }
        }
        // The limit must actually split tours in most trials, or the test checks nothing.
        #expect(binding * 2 > trials, "the ride limit split tours in only \(binding) of \(trials) trials")
    }

    @Test("a binding limit gives more routes and more minutes than none, and never a route over it (60 stops)")
    func bindingLimitChangesRoutes() throws {
        var rng = SeededGenerator(seed: 5)
        for trial in 0..<4 {
            let n = 61
            let travel =
                trial % 2 == 0 ? RoutingFixtures.euclideanTravel(n: n, rng: &rng) : RoutingFixtures.asymmetricTravel(n: n, rng: &rng)
            let service = [0] + Array(repeating: Int32(60), count: n - 1)
            let direct = (1..<n).map { max(travel[$0], travel[$0 * n]) }.max() ?? 0
            let free = try RoutingProblem(
                nodeCount: n, travel: travel, service: service, maxRouteDuration: 4 * direct + 600,
                objective: .fewestRoutesThenCost)
            let unbounded = RoutingEngine.solve(free, options: RoutingOptions(seed: 3, iterations: 200))
            let worst = unbounded.routes.map(\.maxRide).max() ?? 0
            let limit = max(direct + 60, Int32(worst * 6 / 10))
            let bounded = try RoutingProblem(
                nodeCount: n, travel: travel, service: service, maxRouteDuration: 4 * direct + 600, maxRideTime: limit,
                objective: .fewestRoutesThenCost)
            let s = RoutingEngine.solve(bounded, options: RoutingOptions(seed: 3, iterations: 200))
            #expect(RoutingFixtures.violation(s, bounded) == nil, "trial \(trial): \(RoutingFixtures.violation(s, bounded) ?? "")")
            #expect(s.unassigned.isEmpty)
            #expect(s.routes.count > unbounded.routes.count, "trial \(trial): \(s.routes.count) vs \(unbounded.routes.count) routes")
            #expect(s.totalCost > unbounded.totalCost)
        }
    }

    @Test("a stop whose direct ride is over the limit is left out with that reason; the rest are served")
    func infeasibleStop() throws {
        // Depot 0; stop 1 is 100 away, stop 2 is 400 away, stop 3 is 90 away. Limit 300.
        let xs: [Int32] = [0, 100, 400, 90]
        let n = 4
        let travel = (0..<n * n).map { abs(xs[$0 / n] - xs[$0 % n]) }
        let p = try RoutingProblem(nodeCount: n, travel: travel, maxRideTime: 300)
        let s = RoutingEngine.solve(p)
        #expect(s.unassigned == [.init(node: 2, reason: .rideExceedsMaxRideTime)])
        #expect(Set(s.routes.flatMap(\.stops)) == [1, 3])
        #expect(RoutingFixtures.violation(s, p) == nil)
    }

    @Test("a negative limit is refused")
    func negativeLimit() {
        #expect(throws: RoutingError.invalidMaxRideTime(-1)) {
            try RoutingProblem(nodeCount: 2, travel: [0, 1, 1, 0], maxRideTime: -1)
        }
    }
}
