import Foundation
import ShurakuCore
import ShurakuPlanner

/// `shuraku-bench pmedian --batch COUNT [--groups] [--verbose] [--min L] [--max L] [--p auto|most|K] [--seed S] [--reach KM] [--work W] [--stall N] [--iterations N]`:
/// COUNT small planner-like problems solved one after another, as a national plan does (one
/// problem per municipality). Problem `k` has 10–300 settlements (drawn from `k` and the seed)
/// scattered over a square of side 1.5 km × √settlements, population 5 to 2000; every
/// settlement is a candidate core; a settlement may use a core within `--reach` km (straight
/// line, default 10);
/// cost = population × metres. With `--groups`, clients are whole districts (4 km grid cells,
/// as in the planner's `whole` mode): a district may use a core that reaches all of its
/// settlements, at the summed cost, and every candidate inside a district has that district
/// as its own client (an exclusive group). Prints the summed results (`clashes` counts open
/// facilities of one group beyond the first: always 0) and the solve time (`ms` = all solves;
/// problem building is not timed).
enum PMedianBatch {
    /// `auto`, `most` or a number.
    static func facilityCount(_ word: String) -> FacilityCount? {
        switch word {
        case "auto": return .auto
        case "most": return .most
        default: return Int(word).map { .exactly($0) }
        }
    }

    static func run(_ args: [String]) -> Int32 {
        if args.first == "--points" { return runPoints(Array(args.dropFirst())) }
        guard let count = args.first.flatMap({ Int($0) }), count > 0 else {
            FileHandle.standardError.write(
                Data(
                    "usage: shuraku-bench pmedian --batch COUNT [--groups] [--verbose] [--min L] [--max L] [--p auto|most|K] [--seed S] [--reach KM] [--work W] [--stall N] [--iterations N]\n"
                        .utf8))
            return 2
        }
        var groups = false
        var verbose = false
        var minLoad: Int64? = nil
        var maxLoad: Int64? = nil
        var facilityCount = FacilityCount.auto
        var seed: UInt64 = 1
        var reach = 10_000.0
        var options = PMedianOptions()
        var i = 1
        while i < args.count {
            if args[i] == "--groups" || args[i] == "--verbose" {
                if args[i] == "--groups" { groups = true } else { verbose = true }
                i += 1
                continue
            }
            guard i + 1 < args.count else { return usageError("missing value after \(args[i])") }
            let value = args[i + 1]
            switch args[i] {
            case "--min": minLoad = Int64(value)
            case "--max": maxLoad = Int64(value)
            case "--p":
                guard let c = PMedianBatch.facilityCount(value) else { return usageError("bad --p \(value)") }
                facilityCount = c
            case "--seed": seed = UInt64(value) ?? 1
            case "--reach": reach = (Double(value) ?? 10) * 1000
            case "--work": options.workPerPair = Int(value) ?? options.workPerPair
            case "--stall": options.stallRounds = Int(value)
            case "--iterations": options.iterations = Int(value)
            default: return usageError("unknown option \(args[i])")
            }
            i += 2
        }
        var solveNanos: UInt64 = 0
        var maxNanos: UInt64 = 0
        var clients = 0
        var facilities = 0
        var pairs = 0
        var open = 0
        var cost: Int64 = 0
        var unassigned: Int64 = 0
        var shortfall: Int64 = 0
        var groupClashes = 0  // open facilities sharing an own client (must stay 0)
        var digest: UInt64 = 0xcbf2_9ce4_8422_2325
        do {
            for k in 0..<count {
                var problem = try instance(
                    k, seed: seed, reach: reach, groups: groups, minLoad: minLoad, maxLoad: maxLoad)
                if case .exactly(let p) = facilityCount { problem = try problem.withCount(.exactly(min(p, problem.openableCount))) }
                let started = DispatchTime.now().uptimeNanoseconds
                let s = try PMedianSolver.solve(problem, options: options)
                let took = DispatchTime.now().uptimeNanoseconds - started
                solveNanos += took
                maxNanos = max(maxNanos, took)
                if verbose {
                    print(
                        "problem=\(k) clients=\(problem.clientCount) facilities=\(problem.facilityCount) "
                            + "pairs=\(problem.pairCount) open=\(s.open.count) cost=\(s.totals.cost) "
                            + "ms=\(String(format: "%.2f", Double(took) / 1e6))")
                }
                clients += problem.clientCount
                facilities += problem.facilityCount
                pairs += problem.pairCount
                open += s.open.count
                let owners = s.open.map { problem.facilityOwnClient[$0] }.filter { $0 >= 0 }
                groupClashes += owners.count - Set(owners).count
                cost += s.totals.cost
                unassigned += s.totals.unassignedDemand
                shortfall += s.totals.shortfall
                for f in s.open { digest = (digest ^ UInt64(f)) &* 0x100_0000_01b3 }
                digest = (digest ^ UInt64(bitPattern: s.totals.cost)) &* 0x100_0000_01b3
            }
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return 1
        }
        print(
            "problems=\(count) clients=\(clients) facilities=\(facilities) pairs=\(pairs) open=\(open) cost=\(cost) "
                + "unassigned=\(unassigned) shortfall=\(shortfall) clashes=\(groupClashes) digest=\(String(digest, radix: 16)) "
                + "ms=\(String(format: "%.0f", Double(solveNanos) / 1e6)) max_ms=\(String(format: "%.1f", Double(maxNanos) / 1e6))")
        return 0
    }

    /// Problem `k` of the batch (see the type's documentation).
    static func instance(
        _ k: Int, seed: UInt64, reach: Double, groups: Bool, minLoad: Int64?, maxLoad: Int64?
    ) throws -> PMedianProblem {
        var rng = SeededGenerator(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(k))
        let n = Int.random(in: 10...300, using: &rng)
        let side = 1500 * Double(n).squareRoot()
        let points = (0..<n).map { _ in
            XY(Double.random(in: 0..<side, using: &rng), Double.random(in: 0..<side, using: &rng))
        }
        let population = (0..<n).map { _ -> Int64 in
            let u = Double.random(in: 0..<1, using: &rng)
            return 5 + Int64(u * u * u * u * 1995)
        }
        // Clients: each settlement, or each 4 km cell's settlements together.
        var members: [[Int]]
        if groups {
            var cells: [Int: [Int]] = [:]
            for (s, q) in points.enumerated() { cells[Int(q.x / 4000) * 1000 + Int(q.y / 4000), default: []].append(s) }
            members = cells.keys.sorted().map { cells[$0] ?? [] }
        } else {
            members = (0..<n).map { [$0] }
        }
        var clientOf = [Int](repeating: 0, count: n)
        for (c, list) in members.enumerated() { for s in list { clientOf[s] = c } }
        var rows: [[(facility: Int32, cost: Int64)]] = []
        for list in members {
            var row: [(facility: Int32, cost: Int64)] = []
            for f in 0..<n {
                var sum: Int64 = 0
                var allIn = true
                for s in list {
                    let d = points[s].distance(to: points[f])
                    if d > reach {
                        allIn = false
                        break
                    }
                    sum += population[s] * Int64(d)
                }
                if allIn { row.append((Int32(f), sum)) }
            }
            rows.append(row)
        }
        let demand = members.map { $0.reduce(Int64(0)) { $0 + population[$1] } }
        return try PMedianProblem(
            demand: demand, facilityCount: n, rows: rows, facilityOwnClient: clientOf.map { Int32($0) }, p: .auto,
            minLoad: minLoad, maxLoad: maxLoad)
    }

    static func usageError(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("shuraku-bench pmedian --batch: \(message)\n".utf8))
        return 2
    }
}
