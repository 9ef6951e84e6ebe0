import ShurakuCore
import ShurakuPlanner
import Testing

@Suite("p-median solver")
struct PMedianSolverTests {
    @Test("uncapacitated: matches the enumerated optimum on small random sparse instances")
    func uncapacitatedOptimum() throws {
        var rng = SeededGenerator(seed: 11)
        for round in 0..<60 {
            let n = Int.random(in: 3...10, using: &rng)
            let fixed = Int.random(in: 0...min(2, n - 1), using: &rng)
            let p = Int.random(in: max(1, fixed)...min(n, fixed + 3), using: &rng)
            let inst = RandomInstance.make(
                clients: Int.random(in: 4...30, using: &rng), facilities: n, density: 0.5, p: .exactly(p),
                fixed: fixed, loads: false, demandRange: 1...9, rng: &rng)
            let problem = try inst.problem()
            let solution = try PMedianSolver.solve(problem, options: PMedianOptions(seed: UInt64(round)))
            #expect(brokenRule(solution, problem) == nil, "round \(round): \(brokenRule(solution, problem) ?? "")")
            let best = try #require(BruteForce.optimum(inst, count: p))
            #expect(Objective(solution) == best, "round \(round): \(Objective(solution)) vs optimum \(best)")
        }
    }

    @Test("load limits: hard rules always hold and the enumerated optimum is reached on nearly all instances")
    func capacitatedOptimum() throws {
        var rng = SeededGenerator(seed: 12)
        var hits = 0
        let rounds = 100
        for round in 0..<rounds {
            let n = Int.random(in: 3...6, using: &rng)
            let fixed = Int.random(in: 0...1, using: &rng)
            let p = Int.random(in: max(1, fixed)...min(n, 3), using: &rng)
            let inst = RandomInstance.make(
                clients: Int.random(in: 3...7, using: &rng), facilities: n, density: 0.6, p: .exactly(p),
                fixed: fixed, loads: true, demandRange: 1...5, rng: &rng)
            let problem = try inst.problem()
            let solution = try PMedianSolver.solve(problem, options: PMedianOptions(seed: UInt64(round)))
            #expect(brokenRule(solution, problem) == nil, "round \(round): \(brokenRule(solution, problem) ?? "")")
            let best = try #require(BruteForce.optimum(inst, count: p))
            #expect(Objective(solution) >= best)
            if Objective(solution) == best { hits += 1 }
        }
        // Stated tolerance: the assignment under load limits is a heuristic (a generalised
        // assignment problem); at least 90 % of these tiny instances must be solved exactly
        // (96 % at the time of writing; the misses are knapsack-like ties and two-client chains).
        #expect(hits * 100 >= rounds * 90, "optimum reached on \(hits) of \(rounds)")
    }

    @Test("hard rules hold on larger sparse instances with load limits and fixed facilities")
    func rulesHoldAtScale() throws {
        var rng = SeededGenerator(seed: 13)
        for round in 0..<6 {
            let inst = RandomInstance.make(
                clients: 150, facilities: 40, density: 0.15, p: .exactly(8), fixed: 3, loads: round % 3 != 0,
                demandRange: 1...40, rng: &rng)
            let problem = try inst.problem()
            let solution = try PMedianSolver.solve(problem, options: PMedianOptions(seed: 5))
            #expect(brokenRule(solution, problem) == nil, "round \(round): \(brokenRule(solution, problem) ?? "")")
            let reported = solution.facilities.reduce(Int64(0)) { $0 + $1.cost }
            #expect(reported == solution.totals.cost)
        }
    }

    @Test("unassigned clients carry the right reason")
    func reasons() throws {
        // Client 0: no pair at all. Client 1: only facility 2, which stays closed.
        // Clients 2 and 3 (demand 5 each) share facility 0 with maxLoad 6: one is left out.
        // Facility 1 is open (fixed) but reaches no one else.
        let rows: [[(Int, Int64)]] = [[], [(2, 1)], [(0, 1)], [(0, 2)], [(1, 0)]]
        let inst = RandomInstance(
            demand: [3, 1, 5, 5, 1], facilityCount: 3, rows: rows, own: [-1, 4, -1], fixed: [0, 1], p: .exactly(2),
            minLoad: nil, maxLoad: 6)
        let problem = try inst.problem()
        let solution = try PMedianSolver.solve(problem)
        #expect(solution.open == [0, 1])
        #expect(solution.unassignedReason[0] == .noCandidateInReach)
        #expect(solution.unassignedReason[1] == .noOpenFacilityInReach)
        #expect(solution.assignment[2] == 0)
        #expect(solution.unassignedReason[3] == .capacity)
        #expect(solution.assignment[4] == 1)
        #expect(solution.totals.unassignedDemand == 9)
        #expect(solution.violations.contains(.unassigned(reason: .capacity, clients: 1, demand: 5)))
    }

    @Test("minimum load is soft: shortfall is minimised and reported")
    func shortfallReported() throws {
        // Two fixed facilities, four clients of demand 10 all near facility 0; minLoad 20.
        // Best: two clients move to facility 1 despite the cost, leaving no shortfall.
        let rows: [[(Int, Int64)]] = [[(0, 1), (1, 50)], [(0, 1), (1, 60)], [(0, 1), (1, 70)], [(0, 1)]]
        let inst = RandomInstance(
            demand: [10, 10, 10, 10], facilityCount: 2, rows: rows, own: [-1, -1], fixed: [0, 1], p: .exactly(2),
            minLoad: 20, maxLoad: nil)
        let solution = try PMedianSolver.solve(try inst.problem())
        #expect(solution.totals.shortfall == 0)
        #expect(solution.totals.cost == 1 + 1 + 50 + 60)
        // With minLoad 30 the shortfall cannot vanish: 40 demand for two facilities of 30 leaves
        // at least 20. Among the splits with shortfall 20, the cheapest sends only client 0 away.
        var tight = inst
        tight.minLoad = 30
        let s2 = try PMedianSolver.solve(try tight.problem())
        #expect(s2.totals.shortfall == 20)
        #expect(s2.totals.cost == 1 + 1 + 1 + 50)
        #expect(s2.violations == [.belowMinLoad(facilities: 1, totalShortfall: 20)])
        #expect(s2.violations.first?.description == "1 facilities below min load, total shortfall 20")
    }

    @Test(".auto opens the fewest facilities that serve all servable demand")
    func autoMinimumCover() throws {
        var rng = SeededGenerator(seed: 14)
        for round in 0..<40 {
            let loads = round % 2 == 1
            let n = Int.random(in: 3...7, using: &rng)
            let inst = RandomInstance.make(
                clients: Int.random(in: 3...(loads ? 6 : 20), using: &rng), facilities: n, density: 0.3, p: .auto,
                fixed: Int.random(in: 0...1, using: &rng), loads: loads, demandRange: 1...5, rng: &rng)
            let problem = try inst.problem()
            let solution = try PMedianSolver.solve(problem, options: PMedianOptions(seed: 3))
            #expect(brokenRule(solution, problem) == nil, "round \(round): \(brokenRule(solution, problem) ?? "")")
            #expect(solution.totals.unassignedDemand == solution.totals.unservableDemand, "round \(round)")
            // The smallest count whose optimum leaves only unservable demand.
            var minimum = inst.fixed.count
            while minimum <= n,
                (BruteForce.optimum(inst, count: minimum)?.unassignedDemand ?? .max) > solution.totals.unservableDemand
            {
                minimum += 1
            }
            #expect(solution.open.count == minimum, "round \(round): opened \(solution.open.count), minimum \(minimum)")
            #expect(Objective(solution) == BruteForce.optimum(inst, count: minimum), "round \(round)")
        }
    }

    @Test("same seed gives the same solution; the default settings are deterministic")
    func deterministic() throws {
        var rng = SeededGenerator(seed: 15)
        let inst = RandomInstance.make(
            clients: 200, facilities: 60, density: 0.2, p: .exactly(10), fixed: 2, loads: true, demandRange: 1...30,
            rng: &rng)
        let problem = try inst.problem()
        let a = try PMedianSolver.solve(problem, options: PMedianOptions(seed: 42))
        let b = try PMedianSolver.solve(problem, options: PMedianOptions(seed: 42))
        #expect(a == b)
        let plain = try RandomInstance.make(
            clients: 200, facilities: 60, density: 0.2, p: .exactly(10), fixed: 0, loads: false, rng: &rng
        ).problem()
        #expect(try PMedianSolver.solve(plain) == PMedianSolver.solve(plain))
    }

    @Test("p above the usable facilities is a typed error")
    func tooFewUsable() throws {
        // Facility 1's own client (demand 9) exceeds maxLoad 5, so only facility 0 may open.
        let inst = RandomInstance(
            demand: [1, 9], facilityCount: 2, rows: [[(0, 1)], [(1, 0)]], own: [-1, 1], fixed: [], p: .exactly(2),
            minLoad: nil, maxLoad: 5)
        #expect(throws: PMedianError.tooFewUsableFacilities(needed: 2, usable: 1)) {
            try PMedianSolver.solve(try inst.problem())
        }
    }
}
