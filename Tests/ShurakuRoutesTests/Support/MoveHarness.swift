import ShurakuCore

@testable import ShurakuRoutes

/// Seeded property checks shared by the move tests: on random feasible solutions of random
/// (asymmetric and symmetric, capacity- and duration-limited) problems, every candidate a move
/// kind offers must report its true objective change and leave every route feasible.
enum MoveHarness {
    struct Report {
        var candidates = 0
        var improving = 0
        var failures: [String] = []
    }

    /// A random problem and a random feasible solution of it (stops dealt into routes in a
    /// random order, a new route whenever the next stop does not fit).
    static func randomCase(seed: UInt64) throws -> (RoutingProblem, Instance, RouteState) {
        var rng = SeededGenerator(seed: seed)
        let n = 8 + rng.index(below: 18)
        let travel =
            seed % 2 == 0
            ? RoutingFixtures.asymmetricTravel(n: n, rng: &rng)
            : RoutingFixtures.euclideanTravel(n: n, rng: &rng, side: 500)
        let demand = [0] + (1..<n).map { _ in Int32(1 + rng.index(below: 9)) }
        let service = [0] + (1..<n).map { _ in Int32(rng.index(below: 30)) }
        let maxLeg = travel.max() ?? 1
        let problem = try RoutingProblem(
            nodeCount: n, travel: travel, service: service, demand: demand,
            capacity: Int32(12 + rng.index(below: 20)),
            maxRouteDuration: seed % 3 == 0 ? nil : 2 * maxLeg + 300 + Int32(rng.index(below: 3000)),
            objective: seed % 4 < 2 ? .cost : .fewestRoutesThenCost)
        let stops = (1..<n).map(Int32.init)
        let inst = Instance(problem: problem, stops: stops, neighbourLimit: n)
        var order = stops
        order.shuffle(using: &rng)
        var routes: [[Int32]] = [[]]
        for v in order {
            let trial = routes[routes.count - 1] + [v]
            if fits(trial, inst) { routes[routes.count - 1] = trial } else { routes.append([v]) }
        }
        var state = RouteState(nodeCount: n)
        for seq in routes where !seq.isEmpty { state.appendRoute(seq, inst) }
        return (problem, inst, state)
    }

    static func fits(_ seq: [Int32], _ inst: Instance) -> Bool {
        let (cost, load, service) = figures(seq, inst)
        return load <= inst.capacity && cost + service <= inst.maxDuration
    }

    /// Cost, load and service of a route, from scratch.
    static func figures(_ seq: [Int32], _ inst: Instance) -> (Int64, Int64, Int64) {
        guard !seq.isEmpty else { return (0, 0, 0) }
        var cost: Int64 = 0
        var load: Int64 = 0
        var service: Int64 = 0
        var last = 0
        for v in seq.map(Int.init) {
            cost += inst.d(last, v)
            load += inst.demand[v]
            service += inst.service[v]
            last = v
        }
        return (cost + inst.d(last, 0), load, service)
    }

    /// The search objective recomputed from the routes alone.
    static func objective(_ s: RouteState, _ inst: Instance) -> Int64 {
        let nonEmpty = s.routes.filter { !$0.isEmpty }
        return nonEmpty.reduce(Int64(0)) { $0 + figures($1, inst).0 } + inst.routeFixedCost * Int64(nonEmpty.count)
    }

    /// Describes the first way the cached figures of `s` differ from a fresh computation.
    static func inconsistency(_ s: RouteState, _ inst: Instance, stops: Int) -> String? {
        var seen = 0
        for (r, seq) in s.routes.enumerated() {
            if seq.isEmpty { return "empty route kept" }
            var f: Int64 = 0
            var b: Int64 = 0
            var l: Int64 = 0
            var sv: Int64 = 0
            var last = 0
            for (i, v32) in seq.enumerated() {
                let v = Int(v32)
                seen += 1
                f += inst.d(last, v)
                b += inst.d(v, last)
                l += inst.demand[v]
                sv += inst.service[v]
                if s.routeOf[v] != Int32(r) || s.position[v] != Int32(i) { return "routeOf/position of \(v)" }
                if s.fwd[v] != f || s.bwd[v] != b || s.loadTo[v] != l || s.serviceTo[v] != sv {
                    return "prefix figures of \(v)"
                }
                last = v
            }
            if s.routeCost[r] != f + inst.d(last, 0) || s.routeReverseCost[r] != b + inst.d(0, last) {
                return "route cost of \(r)"
            }
            if s.routeLoad[r] != l || s.routeService[r] != sv { return "route load/service of \(r)" }
            if !fits(seq, inst) { return "route \(r) infeasible" }
        }
        if seen + s.unassigned.count != stops { return "stops lost or duplicated: \(seen)" }
        if s.cost != s.routes.reduce(Int64(0), { $0 + figures($1, inst).0 }) { return "total cost" }
        return nil
    }

    /// Checks every candidate of `kind` around random pairs in random solutions.
    static func check<M: Move>(_ kind: M.Type, cases: Int, pairsPerCase: Int = 40, seed: UInt64) throws -> Report {
        var report = Report()
        for c in 0..<cases {
            let (problem, inst, state) = try randomCase(seed: seed &+ UInt64(c))
            var rng = SeededGenerator(seed: seed ^ UInt64(c * 7919))
            let n = problem.nodeCount
            for _ in 0..<pairsPerCase {
                let u = 1 + rng.index(below: n - 1)
                let v = 1 + rng.index(below: n - 1)
                guard u != v else { continue }
                let before = objective(state, inst)
                M.forEachCandidate(around: u, near: v, in: state, inst) { move in
                    report.candidates += 1
                    if move.gain > 0 { report.improving += 1 }
                    if move.gain(in: state, inst) != move.gain || !move.isFeasible(in: state, inst) {
                        report.failures.append("\(move): recomputed gain or feasibility differs")
                    }
                    var after = state
                    move.apply(to: &after, inst)
                    let change = before - objective(after, inst)
                    if change != move.gain {
                        report.failures.append("\(move): claimed gain \(move.gain), true change \(change)")
                    }
                    if let problem = inconsistency(after, inst, stops: n - 1) {
                        report.failures.append("\(move): \(problem)")
                    }
                }
            }
        }
        return report
    }
}
