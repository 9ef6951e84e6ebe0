import Foundation
import ShurakuCore
import ShurakuPlanner

/// `shuraku-bench pmedian --synthetic CLIENTS FACILITIES PAIRS P|auto [--min L] [--max L] [--seed S] [--iterations N] [--repeat R] [--stall N] [--work W] [--fixed F,F,...] [--dump FILE.json]`:
/// a planner-sized random instance (settlements scattered in a square, population 5 to 2000,
/// FACILITIES of them, evenly spread through the list, candidates, each client allowed its PAIRS nearest
/// candidates, cost = population × metres). Prints `cost=… unassigned=… shortfall=… open=… ms=…`.
enum PMedianSynthetic {
    static func byCostThenFacility(_ a: (Int64, Int32), _ b: (Int64, Int32)) -> Bool {
        a.0 != b.0 ? a.0 < b.0 : a.1 < b.1
    }

    static func run(_ args: [String]) -> Int32 {
        guard args.count >= 4, let m = Int(args[0]), let n = Int(args[1]), let k = Int(args[2]), m > 0, n > 0,
            n <= m, k > 0
        else {
            FileHandle.standardError.write(
                Data(
                    "usage: shuraku-bench pmedian --synthetic CLIENTS FACILITIES PAIRS P|auto [--min L] [--max L] [--seed S] [--iterations N] [--repeat R] [--stall N] [--work W] [--fixed F,F,...] [--dump FILE.json]\n"
                        .utf8))
            return 2
        }
        let count: FacilityCount = args[3] == "auto" ? .auto : .exactly(Int(args[3]) ?? 1)
        var minLoad: Int64? = nil
        var maxLoad: Int64? = nil
        var options = PMedianOptions()
        var repeats = 1
        var dumpPath: String? = nil
        var fixed: [Int32] = []
        var i = 4
        while i + 1 < args.count {
            switch args[i] {
            case "--min": minLoad = Int64(args[i + 1])
            case "--max": maxLoad = Int64(args[i + 1])
            case "--seed": options.seed = UInt64(args[i + 1]) ?? 1
            case "--iterations": options.iterations = Int(args[i + 1])
            case "--repeat": repeats = max(1, Int(args[i + 1]) ?? 1)
            case "--dump": dumpPath = args[i + 1]
            case "--fixed": fixed = args[i + 1].split(separator: ",").compactMap { Int32($0) }
            case "--stall": options.stallRounds = Int(args[i + 1])
            case "--work": options.workPerPair = Int(args[i + 1]) ?? 60
            default: return 2
            }
            i += 2
        }
        var rng = SeededGenerator(seed: 7)
        let side = 40_000.0
        let points = (0..<m).map { _ in XY(Double.random(in: 0..<side, using: &rng), Double.random(in: 0..<side, using: &rng)) }
        var demand: [Int64] = []
        for _ in 0..<m {
            let u = Double.random(in: 0..<1, using: &rng)
            demand.append(5 + Int64(u * u * u * u * 1995))
        }
        let step = m / n
        let candidates = (0..<n).map { $0 * step }
        var start: [Int32] = [0]
        var facility: [Int32] = []
        var cost: [Int64] = []
        var row: [(Int64, Int32)] = []
        for c in 0..<m {
            row.removeAll(keepingCapacity: true)
            for (f, site) in candidates.enumerated() {
                row.append((Int64(points[c].distance(to: points[site])), Int32(f)))
            }
            row.sort(by: Self.byCostThenFacility)
            // Sorting by metres sorts by population × metres too (same population in a row).
            for (d, f) in row.prefix(k) {
                facility.append(f)
                cost.append(d * demand[c])
            }
            start.append(Int32(facility.count))
        }
        // A candidate's own client is its settlement, when that settlement lists it.
        var own = [Int32](repeating: -1, count: n)
        for (f, site) in candidates.enumerated() {
            if facility[Int(start[site])..<Int(start[site + 1])].contains(Int32(f)) { own[f] = Int32(site) }
        }
        do {
            let problem = try PMedianProblem(
                demand: demand, facilityCount: n, pairStart: start, pairFacility: facility, pairCost: cost,
                facilityOwnClient: own, fixedOpen: fixed, p: count, minLoad: minLoad, maxLoad: maxLoad)
            if let dumpPath {
                // The instance as JSON, for the exact-solver comparison in bench/peers.
                let rows = (0..<m).map { c in
                    (Int(start[c])..<Int(start[c + 1])).map { "[\(facility[$0]),\(cost[$0])]" }.joined(separator: ",")
                }
                var json = "{\"facilities\":\(n),\"p\":\(args[3] == "auto" ? "null" : args[3])"
                json += ",\"minLoad\":\(minLoad.map(String.init) ?? "null"),\"maxLoad\":\(maxLoad.map(String.init) ?? "null")"
                json += ",\"demand\":[\(demand.map(String.init).joined(separator: ","))]"
                json += ",\"own\":[\(own.map(String.init).joined(separator: ","))]"
                json += ",\"rows\":[\(rows.map { "[\($0)]" }.joined(separator: ","))]}"
                if !FileManager.default.createFile(atPath: dumpPath, contents: Data(json.utf8)) {
                    FileHandle.standardError.write(Data("cannot write \(dumpPath)\n".utf8))
                }
            }
            // A process's first solve pays one-off runtime set-up: with --repeat R (R > 1) one
            // warm-up solve runs first and ms is the mean of the R solves after it.
            if repeats > 1 { _ = try PMedianSolver.solve(problem, options: options) }
            let started = DispatchTime.now().uptimeNanoseconds
            var s = try PMedianSolver.solve(problem, options: options)
            for _ in 1..<repeats { s = try PMedianSolver.solve(problem, options: options) }
            let ms = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6 / Double(repeats)
            print(
                "cost=\(s.totals.cost) unassigned=\(s.totals.unassignedDemand) shortfall=\(s.totals.shortfall) open=\(s.open.count) ms=\(String(format: "%.1f", ms))"
            )
            return 0
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return 1
        }
    }
}
