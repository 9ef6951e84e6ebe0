import ShurakuCore
import Testing

@testable import ShurakuRoutes

@Test("single tours hit the brute-force optimum on random asymmetric instances (1–8 stops)")
func singleTourIsOptimal() throws {
    var rng = SeededGenerator(seed: 2024)
    for n in 2...9 {
        for _ in 0..<3 {
            let travel = RoutingFixtures.asymmetricTravel(n: n, rng: &rng)
            let problem = try RoutingProblem(nodeCount: n, travel: travel)
            let solution = RoutingEngine.solve(problem, options: RoutingOptions(seed: 1))
            #expect(RoutingFixtures.violation(solution, problem) == nil)
            #expect(solution.routes.count == 1)
            #expect(solution.totalCost == RoutingFixtures.bruteForceTour(Array(1..<n), travel: travel, n: n))
        }
    }
}

@Test("capacity- and duration-limited problems (≤ 8 stops, asymmetric) reach the exact optimum")
func smallVehicleRoutingIsOptimal() throws {
    var rng = SeededGenerator(seed: 99)
    var checked = 0
    for trial in 0..<24 {
        let n = 5 + rng.index(below: 5)
        let travel = RoutingFixtures.asymmetricTravel(n: n, rng: &rng)
        let demand = [0] + (1..<n).map { _ in Int32(1 + rng.index(below: 5)) }
        let service = [0] + (1..<n).map { _ in Int32(rng.index(below: 60)) }
        let farthest = (1..<n).map { travel[$0] + travel[$0 * n] + service[$0] }.max() ?? 0
        let problem = try RoutingProblem(
            nodeCount: n, travel: travel, service: service, demand: demand,
            capacity: trial % 3 == 2 ? nil : Int32(6 + rng.index(below: 6)),
            maxRouteDuration: trial % 3 == 0 ? nil : farthest + Int32(rng.index(below: 1500)),
            objective: trial % 2 == 0 ? .cost : .fewestRoutesThenCost)
        let exact = try #require(RoutingFixtures.exactOptimum(problem))
        let solution = RoutingEngine.solve(problem, options: RoutingOptions(seed: UInt64(trial), iterations: 300))
        #expect(RoutingFixtures.violation(solution, problem) == nil)
        #expect(solution.unassigned.isEmpty)
        #expect(solution.totalCost == exact.cost, "trial \(trial): \(solution.totalCost) vs \(exact.cost)")
        if problem.objective == .fewestRoutesThenCost { #expect(solution.routes.count == exact.routes) }
        checked += 1
    }
    #expect(checked == 24)
}

/// Depot at the origin; two heavy stops to the north, two light ones to the south.
func northSouthProblem(_ objective: RoutingObjective) throws -> RoutingProblem {
    let xy: [(Double, Double)] = [(0, 0), (0, 100), (10, 100), (0, -100), (10, -100)]
    let travel = xy.flatMap { a in
        xy.map { b in Int32(((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1)).squareRoot().rounded()) }
    }
    return try RoutingProblem(
        nodeCount: 5, travel: travel, demand: [0, 6, 6, 4, 4], capacity: 10,
        objective: objective)
}

@Test("the fewest-routes objective uses fewer (costlier) loops than the cost objective")
func fewestRoutesUsesFewerRoutes() throws {
    let cheap = RoutingEngine.solve(try northSouthProblem(.cost))
    let few = RoutingEngine.solve(try northSouthProblem(.fewestRoutesThenCost))
    // Cost: north stops alone, south pair together (3 loops); fewest: two mixed loops.
    #expect(cheap.routes.count == 3)
    #expect(few.routes.count == 2)
    #expect(few.totalCost > cheap.totalCost)
    #expect(RoutingFixtures.violation(few, try northSouthProblem(.fewestRoutesThenCost)) == nil)
}

@Test("duration limits split a zone into feasible loops, and fewest-routes never uses more loops")
func durationSplitting() throws {
    var rng = SeededGenerator(seed: 5)
    for trial in 0..<4 {
        let n = 16 + 8 * trial
        let travel = RoutingFixtures.asymmetricTravel(n: n, rng: &rng)
        let service = [0] + (1..<n).map { _ in Int32(60) }
        let farthest = (1..<n).map { travel[$0] + travel[$0 * n] + 60 }.max() ?? 0
        var solutions: [RoutingSolution] = []
        for objective in [RoutingObjective.cost, .fewestRoutesThenCost] {
            let problem = try RoutingProblem(
                nodeCount: n, travel: travel, service: service,
                maxRouteDuration: farthest + 1500, objective: objective)
            let s = RoutingEngine.solve(problem, options: RoutingOptions(seed: 3, iterations: 30, tourIterations: 300))
            #expect(RoutingFixtures.violation(s, problem) == nil)
            #expect(s.unassigned.isEmpty)
            #expect(s.routes.count >= 2)
            solutions.append(s)
        }
        #expect(solutions[1].routes.count <= solutions[0].routes.count)
    }
}

@Test("stops no route can serve are reported with their reason, never dropped")
func unservableStopsAreReported() throws {
    let n = 5
    var travel = [Int32](repeating: 10, count: n * n)
    for i in 0..<n { travel[i * n + i] = 0 }
    travel[0 * n + 2] = 500  // far out
    travel[4 * n + 0] = RoutingProblem.unreachable
    let problem = try RoutingProblem(
        nodeCount: n, travel: travel, service: [0, 5, 5, 5, 5], demand: [0, 1, 1, 9, 1],
        capacity: 5, maxRouteDuration: 100)
    let s = RoutingEngine.solve(problem)
    #expect(RoutingFixtures.violation(s, problem) == nil)
    #expect(s.routes.map(\.stops) == [[1]])
    #expect(
        s.unassigned == [
            .init(node: 2, reason: .roundTripExceedsMaxDuration),
            .init(node: 3, reason: .demandExceedsCapacity),
            .init(node: 4, reason: .unreachable),
        ])
}

@Test("a route limit leaves the stops that do not fit unassigned, as few as possible")
func routeLimitLeavesStopsUnassigned() throws {
    var rng = SeededGenerator(seed: 8)
    let n = 12
    let travel = RoutingFixtures.euclideanTravel(n: n, rng: &rng)
    let problem = try RoutingProblem(
        nodeCount: n, travel: travel, demand: [0] + Array(repeating: 1, count: n - 1),
        capacity: 3, maxRoutes: 2)
    let s = RoutingEngine.solve(problem, options: RoutingOptions(seed: 1, iterations: 200))
    #expect(RoutingFixtures.violation(s, problem) == nil)
    #expect(s.routes.count == 2)
    #expect(s.routes.allSatisfy { $0.stops.count == 3 })
    #expect(s.unassigned.count == 5)
    #expect(s.unassigned.allSatisfy { $0.reason == .noRouteAvailable })
}

@Test("the same problem and seed give the same solution")
func sameSeedSameSolution() throws {
    var rng = SeededGenerator(seed: 77)
    let n = 40
    let travel = RoutingFixtures.asymmetricTravel(n: n, rng: &rng)
    let problem = try RoutingProblem(
        nodeCount: n, travel: travel, demand: [0] + (1..<n).map { Int32($0 % 5 + 1) },
        capacity: 25, objective: .fewestRoutesThenCost)
    let options = RoutingOptions(seed: 42, iterations: 40)
    let a = RoutingEngine.solve(problem, options: options)
    let b = RoutingEngine.solve(problem, options: options)
    #expect(a == b)
    #expect(RoutingFixtures.violation(a, problem) == nil)
    let tsp = try RoutingProblem(nodeCount: n, travel: travel)
    let tourOptions = RoutingOptions(seed: 9, tourIterations: 2_000)
    #expect(RoutingEngine.solve(tsp, options: tourOptions) == RoutingEngine.solve(tsp, options: tourOptions))
}

@Test("arrival times add travel and service along each loop")
func arrivalTimes() throws {
    // 0 → 1 → 2 → 0 on a line with dwell 30 at each stop.
    let travel: [Int32] = [0, 100, 200, 100, 0, 100, 200, 100, 0]
    let problem = try RoutingProblem(nodeCount: 3, travel: travel, service: [0, 30, 30])
    let s = RoutingEngine.solve(problem)
    let route = try #require(s.routes.first)
    #expect(route.cost == 400)
    #expect(route.duration == 460)
    #expect(route.arrivals == (route.stops == [1, 2] ? [100, 230] : [200, 330]))
}

@Test("a problem with only the depot, or only unservable stops, has no routes")
func emptyProblems() throws {
    let lone = RoutingEngine.solve(try RoutingProblem(nodeCount: 1, travel: [0]))
    #expect(lone.routes.isEmpty && lone.unassigned.isEmpty && lone.totalCost == 0)
    let p = try RoutingProblem(nodeCount: 2, travel: [0, 50, 50, 0], maxRouteDuration: 60)
    let s = RoutingEngine.solve(p)
    #expect(s.routes.isEmpty)
    #expect(s.unassigned == [.init(node: 1, reason: .roundTripExceedsMaxDuration)])
}

@Test("a deadline already passed still gives a complete, feasible answer")
func passedDeadline() throws {
    var rng = SeededGenerator(seed: 3)
    let n = 30
    let travel = RoutingFixtures.euclideanTravel(n: n, rng: &rng)
    let problem = try RoutingProblem(
        nodeCount: n, travel: travel, demand: [0] + Array(repeating: 1, count: n - 1),
        capacity: 7)
    let s = RoutingEngine.solve(problem, options: RoutingOptions(seed: 1, deadline: .after(seconds: 0)))
    #expect(RoutingFixtures.violation(s, problem) == nil)
    #expect(s.unassigned.isEmpty)
    #expect(s.routes.count >= 5)
}

@Test("the single-route lower bound never exceeds the best single route's duration")
func singleRouteLowerBoundIsValid() throws {
    var rng = SeededGenerator(seed: 7)
    for _ in 0..<40 {
        let n = 3 + rng.index(below: 7)
        let travel = RoutingFixtures.asymmetricTravel(n: n, rng: &rng)
        let service = [0] + (1..<n).map { _ in Int32(rng.index(below: 60)) }
        let problem = try RoutingProblem(nodeCount: n, travel: travel, service: service)
        let stops = (1..<n).map { Int32($0) }
        let best = RoutingFixtures.bruteForceTour(Array(1..<n), travel: travel, n: n) + Int64(service.reduce(0, +))
        let bound = RoutingEngine.singleRouteLowerBound(problem, stops)
        #expect(bound <= best)
        #expect(bound >= Int64(service.reduce(0, +)))
    }
}
