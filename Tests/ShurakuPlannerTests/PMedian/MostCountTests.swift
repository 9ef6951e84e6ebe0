import Foundation
import ShurakuCore
import ShurakuPlanner
import ShurakuTestSupport
import Testing

/// The objective of `.most` as the engine orders it: unassigned demand and clients, shortfall,
/// then the most open facilities, the largest total facility score, the least cost.
struct MostObjective: Comparable, CustomStringConvertible {
    var base: Objective
    var count: Int
    var score: Int64

    static func < (a: MostObjective, b: MostObjective) -> Bool {
        (a.base.unassignedDemand, a.base.unassignedClients, a.base.shortfall, -a.count, -a.score, a.base.cost)
            < (b.base.unassignedDemand, b.base.unassignedClients, b.base.shortfall, -b.count, -b.score, b.base.cost)
    }

    init(base: Objective, count: Int, score: Int64) {
        self.base = base
        self.count = count
        self.score = score
    }

    init(_ s: PMedianSolution) {
        self.init(base: Objective(s), count: s.open.count, score: s.totals.facilityScore)
    }

    var description: String { "\(base) count \(count) score \(score)" }
}

extension BruteForce {
    /// The best `.most` objective over every open set (fixed facilities included, one per
    /// own-client group) with the given facility scores.
    static func most(_ inst: RandomInstance, scores: [Int64]) -> MostObjective? {
        var best: MostObjective? = nil
        for count in inst.fixed.count...inst.facilityCount {
            let fixed = Set(inst.fixed.map(Int.init))
            let fixedGroups = Set(inst.fixed.map { inst.own[Int($0)] }.filter { $0 >= 0 })
            let free = (0..<inst.facilityCount).filter {
                !fixed.contains($0) && usable(inst, $0) && !fixedGroups.contains(inst.own[$0])
            }
            let need = count - fixed.count
            guard need <= free.count else { break }
            forEachSubset(of: free, size: need) { chosen in
                let owners = chosen.map { inst.own[$0] }.filter { $0 >= 0 }
                guard Set(owners).count == owners.count else { return }
                let open = Set(chosen).union(fixed)
                let value = MostObjective(
                    base: evaluate(inst, open: open), count: open.count, score: open.reduce(0) { $0 + scores[$1] })
                if best == nil || value < best! { best = value }
            }
        }
        return best
    }
}

@Suite("p-median facility scores and .most")
struct MostCountTests {
    // MARK: - Facility scores

    @Test("scores absent, all equal or nil: identical solutions for every count mode")
    func equalScoresChangeNothing() throws {
        var rng = SeededGenerator(seed: 31)
        for round in 0..<30 {
            let loads = round % 2 == 1
            let count: FacilityCount = round % 3 == 0 ? .auto : .exactly(Int.random(in: 1...3, using: &rng))
            let inst = RandomInstance.make(
                clients: Int.random(in: 5...60, using: &rng), facilities: Int.random(in: 4...20, using: &rng),
                density: 0.3, p: count, fixed: 0, loads: loads, demandRange: 1...9, rng: &rng)
            let plain = try inst.problem()
            let equal = try PMedianProblem(
                demand: plain.demand, facilityCount: plain.facilityCount, pairStart: plain.pairStart,
                pairFacility: plain.pairFacility, pairCost: plain.pairCost, facilityOwnClient: plain.facilityOwnClient,
                fixedOpen: plain.fixedOpen, p: plain.p, minLoad: plain.minLoad, maxLoad: plain.maxLoad,
                facilityScore: [Int64](repeating: 7, count: plain.facilityCount))
            let a = try PMedianSolver.solve(plain, options: PMedianOptions(seed: 4))
            let b = try PMedianSolver.solve(equal, options: PMedianOptions(seed: 4))
            #expect(a.open == b.open && a.assignment == b.assignment, "round \(round)")
            #expect(a.totals.cost == b.totals.cost)
            #expect(b.totals.facilityScore == 7 * Int64(b.open.count))
        }
    }

    @Test("a higher score wins over cost, never over unassigned demand or shortfall")
    func scoreOrder() throws {
        // Four clients of demand 10 on a line; facility 0 sits in the middle (cheap), facility 1
        // at an end (dearer) but scores higher; facility 2 reaches only clients 0 and 1.
        let rows: [[(facility: Int32, cost: Int64)]] = [
            [(0, 2), (1, 1), (2, 1)], [(0, 1), (1, 2), (2, 1)], [(0, 1), (1, 3)], [(0, 2), (1, 4)],
        ]
        func solve(_ score: [Int64], minLoad: Int64? = nil) throws -> PMedianSolution {
            try PMedianSolver.solve(
                PMedianProblem(
                    demand: [10, 10, 10, 10], facilityCount: 3, rows: rows, p: .exactly(1), minLoad: minLoad,
                    facilityScore: score))
        }
        #expect(try solve([0, 0, 0]).open == [0])
        #expect(try solve([0, 5, 0]).open == [1])
        #expect(try solve([0, 5, 0]).totals.facilityScore == 5)
        // Facility 2 scores highest but would leave clients 2 and 3 unassigned.
        #expect(try solve([0, 5, 9]).open == [1])
        // With two open: {0, 2} or {1, 2} leave facility 2 short of minLoad 20 unless it takes two
        // clients; the best score pair {1, 2} is kept only without shortfall.
        let two = try PMedianSolver.solve(
            PMedianProblem(
                demand: [10, 10, 10, 10], facilityCount: 3, rows: rows, p: .exactly(2), minLoad: 20,
                facilityScore: [0, 5, 9]))
        #expect(two.totals.shortfall == 0)
        #expect(two.open == [1, 2])
        // minLoad 30: any pair falls short by at least 20; the score only decides among the
        // pairs with the least shortfall.
        let tight = try PMedianSolver.solve(
            PMedianProblem(
                demand: [10, 10, 10, 10], facilityCount: 3, rows: rows, p: .exactly(2), minLoad: 30,
                facilityScore: [9, 0, 0]))
        #expect(tight.totals.shortfall == 20)
    }

    @Test("with scores: the enumerated optimum (unassigned, shortfall, score, cost) on small instances")
    func scoreOptimum() throws {
        var rng = SeededGenerator(seed: 32)
        var hits = 0
        var rounds = 0
        for round in 0..<80 {
            let loads = round % 2 == 1
            let n = Int.random(in: 3...(loads ? 6 : 10), using: &rng)
            let p = Int.random(in: 1...min(n, 3), using: &rng)
            var inst = RandomInstance.make(
                clients: Int.random(in: 3...(loads ? 7 : 25), using: &rng), facilities: n, density: 0.5,
                p: .exactly(p), fixed: 0, loads: loads, demandRange: 1...5, rng: &rng)
            inst.p = .exactly(p)
            let scores = (0..<n).map { _ in Int64.random(in: 0...3, using: &rng) }
            let problem = try PMedianProblem(
                demand: inst.demand, facilityCount: n, rows: inst.rows.map { $0.map { (Int32($0.0), $0.1) } },
                facilityOwnClient: inst.own, p: .exactly(p), minLoad: inst.minLoad, maxLoad: inst.maxLoad,
                facilityScore: scores)
            let s = try PMedianSolver.solve(problem, options: PMedianOptions(seed: UInt64(round)))
            #expect(brokenRule(s, problem) == nil, "round \(round): \(brokenRule(s, problem) ?? "")")
            // The best over open sets of size p, ordered with the score after shortfall.
            var best: (Objective, Int64)? = nil
            BruteForce.forEachSubset(of: (0..<n).filter { BruteForce.usable(inst, $0) }, size: p) { chosen in
                let owners = chosen.map { inst.own[$0] }.filter { $0 >= 0 }
                guard Set(owners).count == owners.count else { return }
                let o = BruteForce.evaluate(inst, open: Set(chosen))
                let sc = chosen.reduce(Int64(0)) { $0 + scores[$1] }
                let key = (o.unassignedDemand, o.unassignedClients, o.shortfall, -sc, o.cost)
                if let b = best,
                    (b.0.unassignedDemand, b.0.unassignedClients, b.0.shortfall, -b.1, b.0.cost) <= key
                {
                    return
                }
                best = (o, sc)
            }
            guard let best else { continue }
            rounds += 1
            let got = Objective(s)
            // Never worse on unassigned demand and shortfall for the sake of the score.
            #expect(
                (got.unassignedDemand, got.unassignedClients, got.shortfall)
                    >= (best.0.unassignedDemand, best.0.unassignedClients, best.0.shortfall))
            if got == best.0 && s.totals.facilityScore == best.1 { hits += 1 }
            if !loads { #expect(got == best.0 && s.totals.facilityScore == best.1, "round \(round)") }
        }
        // Stated tolerance: without load limits exact on every instance; with them the
        // assignment is a heuristic, as in the solver tests: at least 90 % exact.
        #expect(hits * 100 >= rounds * 90, "exact on \(hits) of \(rounds)")
    }

    // MARK: - .most

    @Test(".most: the enumerated maximum count, then score and cost, on tiny random instances")
    func mostOptimum() throws {
        var rng = SeededGenerator(seed: 33)
        var countHits = 0
        var fullHits = 0
        let rounds = 60
        for round in 0..<rounds {
            let n = Int.random(in: 3...7, using: &rng)
            var inst = RandomInstance.make(
                clients: Int.random(in: 4...7, using: &rng), facilities: n, density: 0.5, p: .most,
                fixed: Int.random(in: 0...1, using: &rng), loads: true, demandRange: 1...6, rng: &rng)
            let total = inst.demand.reduce(0, +)
            inst.minLoad = Int64.random(in: 2...max(2, total / 2), using: &rng)
            if round % 3 == 0 { inst.maxLoad = nil }
            let scores = (0..<n).map { _ in round % 2 == 0 ? 0 : Int64.random(in: 0...4, using: &rng) }
            let problem = try PMedianProblem(
                demand: inst.demand, facilityCount: n, rows: inst.rows.map { $0.map { (Int32($0.0), $0.1) } },
                facilityOwnClient: inst.own, fixedOpen: inst.fixed, p: .most, minLoad: inst.minLoad,
                maxLoad: inst.maxLoad, facilityScore: scores)
            let s = try PMedianSolver.solve(problem, options: PMedianOptions(seed: UInt64(round)))
            #expect(brokenRule(s, problem) == nil, "round \(round): \(brokenRule(s, problem) ?? "")")
            let best = try #require(BruteForce.most(inst, scores: scores))
            let got = MostObjective(s)
            #expect(got >= best)
            // Unassigned demand and shortfall are never given up for a larger count.
            #expect(got.base.unassignedDemand == best.base.unassignedDemand, "round \(round): \(got) vs \(best)")
            if got.base.shortfall == best.base.shortfall && got.count == best.count { countHits += 1 }
            if got == best { fullHits += 1 }
        }
        // Stated tolerance: shortfall and count exact on at least 90 % of the instances (56 of
        // 60 at the time of writing), the whole objective (score and cost too) on at least 85 %.
        #expect(countHits * 100 >= rounds * 90, "count exact on \(countHits) of \(rounds)")
        #expect(fullHits * 100 >= rounds * 85, "objective exact on \(fullHits) of \(rounds)")
    }

    @Test(".most without minLoad opens every facility that may open")
    func mostWithoutMinimum() throws {
        var rng = SeededGenerator(seed: 34)
        let inst = RandomInstance.make(
            clients: 30, facilities: 12, density: 0.3, p: .most, fixed: 1, loads: false, demandRange: 1...9, rng: &rng)
        let problem = try inst.problem()
        let s = try PMedianSolver.solve(problem)
        #expect(s.open.count == problem.openableCount)
        #expect(brokenRule(s, problem) == nil)
    }

    @Test(".most: same seed, same solution")
    func mostDeterministic() throws {
        var rng = SeededGenerator(seed: 35)
        var inst = RandomInstance.make(
            clients: 200, facilities: 200, density: 0.1, p: .most, fixed: 0, loads: false, demandRange: 1...30,
            rng: &rng)
        inst.minLoad = 60
        let problem = try inst.problem()
        let a = try PMedianSolver.solve(problem, options: PMedianOptions(seed: 9))
        let b = try PMedianSolver.solve(problem, options: PMedianOptions(seed: 9))
        #expect(a == b)
        #expect(brokenRule(a, problem) == nil)
        #expect(a.totals.shortfall == 0)
    }
}

/// Real municipalities of the national small-area table as the plan model sees them without
/// roads: straight line × 1.3 at 40 km/h, 30 min limit, cost (population × 100 + 1) × seconds,
/// every small area a settlement and a candidate core, minLoad 1000.
enum SmallAreaProblems {
    static let csv = SharedData.path("geodata-real/japan-small-areas-2015/small_area_points.csv")

    /// The points of the given municipalities (city codes), by code.
    static func points(_ codes: Set<String>) throws -> [String: [(lon: Double, lat: Double, population: Int64)]] {
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline)
        let header = lines.removeFirst().split(separator: ",").map(String.init)
        guard let city = header.firstIndex(of: "city_code"), let lon = header.firstIndex(of: "lon"),
            let lat = header.firstIndex(of: "lat"), let pop = header.firstIndex(of: "population")
        else { throw CocoaError(.fileReadCorruptFile) }
        var out: [String: [(lon: Double, lat: Double, population: Int64)]] = [:]
        for line in lines {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            guard f.count == header.count, codes.contains(String(f[city])), let x = Double(f[lon]), let y = Double(f[lat]),
                let p = Int64(f[pop])
            else { continue }
            out[String(f[city]), default: []].append((x, y, p))
        }
        return out
    }

    static func problem(_ pts: [(lon: Double, lat: Double, population: Int64)], minLoad: Int64 = 1000) throws
        -> PMedianProblem
    {
        let n = pts.count
        let lat0 = pts.reduce(0.0) { $0 + $1.lat } / Double(n) * .pi / 180
        let xy = pts.map { ($0.lon * .pi / 180 * 6_371_000 * cos(lat0), $0.lat * .pi / 180 * 6_371_000) }
        let metresPerSecond = 40 / 3.6 / 1.3
        var rows: [[(facility: Int32, cost: Int64)]] = []
        for c in 0..<n {
            var row: [(facility: Int32, cost: Int64)] = []
            for f in 0..<n {
                let seconds =
                    ((xy[c].0 - xy[f].0) * (xy[c].0 - xy[f].0) + (xy[c].1 - xy[f].1) * (xy[c].1 - xy[f].1))
                    .squareRoot() / metresPerSecond
                if seconds <= 1800 { row.append((Int32(f), (pts[c].population * 100 + 1) * Int64(seconds.rounded()))) }
            }
            rows.append(row)
        }
        return try PMedianProblem(
            demand: pts.map(\.population), facilityCount: n, rows: rows, facilityOwnClient: (0..<n).map { Int32($0) },
            p: .most, minLoad: minLoad)
    }
}

/// The exact reference of Tests/tools/maxp_milp.py (HiGHS), run with the project's `.venv`
/// Python (`$SHURAKU_PYTHON` when set, else `python3`); nil when no Python with highspy is found.
enum MaxPMILP {
    static let script = SharedData.repoPath("Tests/tools/maxp_milp.py")

    static let python = VenvPython.find(importing: "highspy")

    struct Result: Decodable {
        var unassigned: Int64
        var shortfall: Int64
        var count: Int
        var score: Int64
        var cost: Int64
        var optimal: Bool
        var seconds: Double
    }

    /// The exact `.most` optimum of `problem`.
    static func solve(_ problem: PMedianProblem, timeLimit: Double = 60) throws -> Result? {
        guard let python else { return nil }
        var rows: [[[Int64]]] = []
        for c in 0..<problem.clientCount {
            rows.append(
                (Int(problem.pairStart[c])..<Int(problem.pairStart[c + 1])).map {
                    [Int64(problem.pairFacility[$0]), problem.pairCost[$0]]
                })
        }
        var json: [String: Any] = [
            "demand": problem.demand, "facilities": problem.facilityCount, "rows": rows,
            "own": problem.facilityOwnClient.map { Int($0) }, "fixed": problem.fixedOpen.map { Int($0) },
            "minLoad": problem.minLoad ?? 0,
        ]
        if let maxLoad = problem.maxLoad { json["maxLoad"] = maxLoad }
        if let score = problem.facilityScore { json["score"] = score }
        let input = try JSONSerialization.data(withJSONObject: json)
        let out = try VenvPython.run(python, [script, String(timeLimit)], input: input)
        return try JSONDecoder().decode(Result.self, from: out)
    }
}

@Suite("p-median .most against an exact MILP (HiGHS)")
struct MostCountMILPTests {
    /// Municipalities of 20–60 small areas whose MILP solves in seconds.
    static let codes = ["02406", "06323", "05366", "07342"]

    @Test(
        ".most on real municipalities: exact count and score, cost within the stated tolerance",
        .enabled(if: MaxPMILP.python != nil, "needs python3 with highspy: .venv/bin/pip install -r Tests/tools/requirements.txt"),
        .enabled(if: FileManager.default.fileExists(atPath: SmallAreaProblems.csv), "needs the national small-area table"))
    func realMunicipalities() throws {
        let points = try SmallAreaProblems.points(Set(Self.codes))
        for code in Self.codes {
            let pts = try #require(points[code])
            let problem = try SmallAreaProblems.problem(pts)
            let s = try PMedianSolver.solve(problem)
            #expect(brokenRule(s, problem) == nil)
            let exact = try #require(try MaxPMILP.solve(problem))
            try #require(exact.optimal, "\(code): the MILP hit its time limit")
            #expect(s.totals.unassignedDemand == 0 && exact.unassigned == 0)
            #expect(s.totals.shortfall == exact.shortfall, "\(code)")
            #expect(s.open.count == exact.count, "\(code): \(s.open.count) zones, exact \(exact.count)")
            #expect(s.totals.facilityScore == exact.score)
            // Stated tolerance: the cost (population-weighted travel time) at the maximum count
            // within 20 % of the exact optimum (0 %, 16.1 %, 0 % and 4.8 % above it at the time of
            // writing, with refills at the final count; 0 %, 24 %, 28 % and 48 % before them;
            // see BENCHMARKS.md).
            let gap = Double(s.totals.cost - exact.cost) / Double(max(1, exact.cost))
            #expect(gap >= -1e-9 && gap <= 0.2, "\(code): cost \(s.totals.cost), exact \(exact.cost)")
        }
    }
}
