import ShurakuCore
import ShurakuPlanner
import Testing

@Suite("p-median own-client groups")
struct OwnGroupTests {
    @Test("uncapacitated with groups: one open facility per group and the enumerated optimum")
    func uncapacitatedOptimum() throws {
        var rng = SeededGenerator(seed: 31)
        var sharedRounds = 0
        for round in 0..<60 {
            let n = Int.random(in: 3...10, using: &rng)
            let fixed = Int.random(in: 0...min(2, n - 1), using: &rng)
            let m = Int.random(in: 4...30, using: &rng)
            var inst = RandomInstance.make(
                clients: m, facilities: n, density: 0.5, p: .auto, fixed: fixed, loads: false, demandRange: 1...9,
                groups: true, rng: &rng)
            let problem0 = try inst.problem()
            let p = Int.random(in: max(1, inst.fixed.count)...max(1, min(problem0.openableCount, inst.fixed.count + 3)), using: &rng)
            inst.p = .exactly(p)
            let problem = try inst.problem()
            if Set(inst.own.filter { $0 >= 0 }).count < inst.own.filter({ $0 >= 0 }).count { sharedRounds += 1 }
            let solution = try PMedianSolver.solve(problem, options: PMedianOptions(seed: UInt64(round)))
            #expect(brokenRule(solution, problem) == nil, "round \(round): \(brokenRule(solution, problem) ?? "")")
            let best = try #require(BruteForce.optimum(inst, count: p), "round \(round)")
            // Stated tolerance: none, the uncapacitated optimum is matched exactly.
            #expect(Objective(solution) == best, "round \(round): \(Objective(solution)) vs optimum \(best)")
        }
        #expect(sharedRounds >= 50, "only \(sharedRounds) instances had a shared own client")
    }

    @Test("load limits with groups: hard rules hold and the enumerated optimum is reached on nearly all instances")
    func capacitatedOptimum() throws {
        var rng = SeededGenerator(seed: 32)
        var hits = 0
        let rounds = 100
        for round in 0..<rounds {
            let n = Int.random(in: 3...7, using: &rng)
            var inst = RandomInstance.make(
                clients: Int.random(in: 3...7, using: &rng), facilities: n, density: 0.6, p: .auto,
                fixed: Int.random(in: 0...1, using: &rng), loads: true, demandRange: 1...5, groups: true, rng: &rng)
            let openable = try inst.problem().openableCount
            guard openable >= max(1, inst.fixed.count) else { continue }
            let p = Int.random(in: max(1, inst.fixed.count)...min(openable, 3), using: &rng)
            inst.p = .exactly(p)
            let problem = try inst.problem()
            let solution = try PMedianSolver.solve(problem, options: PMedianOptions(seed: UInt64(round)))
            #expect(brokenRule(solution, problem) == nil, "round \(round): \(brokenRule(solution, problem) ?? "")")
            let best = try #require(BruteForce.optimum(inst, count: p), "round \(round)")
            #expect(Objective(solution) >= best)
            if Objective(solution) == best { hits += 1 }
        }
        // Stated tolerance, as without groups: the assignment under load limits is a heuristic;
        // at least 90 % of these tiny instances must be solved exactly (99 % at the time of
        // writing).
        #expect(hits * 100 >= rounds * 90, "optimum reached on \(hits) of \(rounds)")
    }

    @Test(".auto with groups opens the fewest facilities that reach the least unassigned demand")
    func autoMinimum() throws {
        var rng = SeededGenerator(seed: 33)
        var capacitatedHits = 0
        let rounds = 60
        for round in 0..<rounds {
            let loads = round % 2 == 1
            let n = Int.random(in: 3...7, using: &rng)
            let inst = RandomInstance.make(
                clients: Int.random(in: 3...(loads ? 6 : 20), using: &rng), facilities: n, density: 0.3, p: .auto,
                fixed: Int.random(in: 0...1, using: &rng), loads: loads, demandRange: 1...5, groups: true, rng: &rng)
            let problem = try inst.problem()
            let solution = try PMedianSolver.solve(problem, options: PMedianOptions(seed: 3))
            #expect(brokenRule(solution, problem) == nil, "round \(round): \(brokenRule(solution, problem) ?? "")")
            // The least unassigned demand of any allowed open set, and the smallest count reaching it.
            let optima = (0...n).map { BruteForce.optimum(inst, count: $0) }
            let reachable = optima.compactMap { $0?.unassignedDemand }
            let least = try #require(reachable.min())
            let minimum = try #require(optima.firstIndex { $0?.unassignedDemand == least })
            let exact =
                solution.totals.unassignedDemand == least && solution.open.count == minimum
                && Objective(solution) == optima[minimum]
            if loads {
                if exact { capacitatedHits += 1 }
            } else {
                // Stated tolerance without load limits: none (count and objective exact).
                #expect(
                    exact,
                    "round \(round): opened \(solution.open.count) with \(Objective(solution)), minimum \(minimum) with \(optima[minimum].map(\.description) ?? "-")"
                )
            }
        }
        // Stated tolerance with load limits: the cover is a heuristic (a client held out by a
        // full facility may need a chain of moves two deep); at least 90 % of these rounds must
        // give the minimum count and its optimum (all 30 at the time of writing; over 200
        // rounds with other seeds, 98–99 %).
        #expect(capacitatedHits * 100 >= (rounds / 2) * 90, "exact on \(capacitatedHits) of \(rounds / 2)")
    }

    /// Two clients 0 and 1 (district-like: each is its own group's own client). Facilities 0, 1
    /// belong to client 0; facilities 2, 3 to client 1. Facility 1 serves both clients cheaply.
    func twoDistricts(fixed: [Int32], p: FacilityCount) throws -> PMedianProblem {
        try PMedianProblem(
            demand: [10, 10], facilityCount: 4,
            rows: [[(0, 5), (1, 1), (2, 50)], [(1, 2), (2, 30), (3, 40)]], facilityOwnClient: [0, 0, 1, 1],
            fixedOpen: fixed, p: p)
    }

    @Test("a fixed facility closes its whole group; the search moves a core within its group")
    func fixedClosesGroup() throws {
        // Free: one facility, the best is 1 (cost 1 + 2), not 0 (5 + unreachable for client 1).
        let free = try PMedianSolver.solve(try twoDistricts(fixed: [], p: .exactly(1)))
        #expect(free.open == [1])
        #expect(free.totals.cost == 3)
        // Fixing 0 keeps 1 (its group mate) closed: client 1 needs a core of its own group.
        let fixed = try PMedianSolver.solve(try twoDistricts(fixed: [0], p: .exactly(2)))
        #expect(fixed.open == [0, 2])
        #expect(fixed.assignment == [0, 2])
        #expect(fixed.totals.cost == 5 + 30)
        // Two open: groups allow one each, so {1, 2} (1 + 30) beats {0, 2}.
        let two = try PMedianSolver.solve(try twoDistricts(fixed: [], p: .exactly(2)))
        #expect(two.open == [1, 2])
        #expect(two.totals.cost == 31)
        // With load limits the same rules hold (facility 1 cannot take both clients).
        let capped = try PMedianProblem(
            demand: [10, 10], facilityCount: 4,
            rows: [[(0, 5), (1, 1), (2, 50)], [(1, 2), (2, 30), (3, 40)]], facilityOwnClient: [0, 0, 1, 1],
            fixedOpen: [2], p: .exactly(2), maxLoad: 10)
        let cs = try PMedianSolver.solve(capped)
        #expect(brokenRule(cs, capped) == nil)
        #expect(cs.open == [1, 2])
        #expect(cs.totals.cost == 1 + 30)
    }

    @Test("two fixed facilities in one group, or p above the groups, are typed errors")
    func errors() throws {
        #expect(throws: PMedianError.fixedShareOwnClient(client: 1)) { try twoDistricts(fixed: [2, 3], p: .exactly(2)) }
        // Four facilities but only two groups: at most two can be open.
        #expect(throws: PMedianError.tooFewUsableFacilities(needed: 3, usable: 2)) {
            try PMedianSolver.solve(try twoDistricts(fixed: [], p: .exactly(3)))
        }
        #expect(try twoDistricts(fixed: [], p: .auto).openableCount == 2)
    }

    @Test("same seed, same solution with groups and load limits")
    func deterministic() throws {
        var rng = SeededGenerator(seed: 34)
        let inst = RandomInstance.make(
            clients: 200, facilities: 80, density: 0.15, p: .exactly(12), fixed: 2, loads: true, demandRange: 1...30,
            groups: true, rng: &rng)
        let problem = try inst.problem()
        let a = try PMedianSolver.solve(problem, options: PMedianOptions(seed: 42))
        #expect(brokenRule(a, problem) == nil)
        #expect(a == (try PMedianSolver.solve(problem, options: PMedianOptions(seed: 42))))
        let auto = try problem.withCount(.auto)
        let b = try PMedianSolver.solve(auto, options: PMedianOptions(seed: 7))
        #expect(brokenRule(b, auto) == nil)
        #expect(b == (try PMedianSolver.solve(auto, options: PMedianOptions(seed: 7))))
    }
}
