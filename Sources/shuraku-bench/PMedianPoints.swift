import Foundation
import ShurakuCore
import ShurakuPlanner

/// `shuraku-bench pmedian --batch --points CSV [--min L] [--max L] [--minutes M] [--speed KMH] [--detour D] [--p auto|most|K] [--seed S] [--verbose]`:
/// one problem per municipality of a CSV of points (columns `city_code`, `lon`, `lat`,
/// `population`, as in the Japanese small-area table under `../shared/geodata-real`), solved one
/// after another, as the planner's national run with `--group-by city_code` and no road layer
/// does: every point is a settlement and a candidate core; travel time is the straight-line
/// distance × detour at the given speed (defaults 1.3 and 40 km/h), pairs beyond `--minutes`
/// (default 30) are absent; cost = (population × 100 + 1) × seconds, as in the planner; `.auto`
/// unless `--p` says otherwise.
/// Prints the same summary as `--batch` (`ms` = all solves; reading and building are not timed).
/// `--max-clients N` keeps the municipalities of at most N points. `--exact PYTHON` solves
/// each of at most `--exact-clients` points (default 60, `--exact-seconds` per stage, default 30) exactly with
/// `Tests/tools/maxp_milp.py` (HiGHS, run from the repository root; `--p most` only) and adds
/// the exact count and the cost gap per line and in the summary.
extension PMedianBatch {
    static func runPoints(_ args: [String]) -> Int32 {
        guard let path = args.first else { return usageError("missing CSV path") }
        var minLoad: Int64? = nil
        var maxLoad: Int64? = nil
        var minutes = 30.0
        var speed = 40.0
        var detour = 1.3
        var options = PMedianOptions()
        var verbose = false
        var count = FacilityCount.auto
        var maxClients = Int.max
        var exactPython: String? = nil
        var exactClients = 60
        var exactSeconds = 30.0
        var i = 1
        while i < args.count {
            if args[i] == "--verbose" {
                verbose = true
                i += 1
                continue
            }
            guard i + 1 < args.count else { return usageError("missing value after \(args[i])") }
            let value = args[i + 1]
            switch args[i] {
            case "--min": minLoad = Int64(value)
            case "--max": maxLoad = Int64(value)
            case "--minutes": minutes = Double(value) ?? minutes
            case "--speed": speed = Double(value) ?? speed
            case "--detour": detour = Double(value) ?? detour
            case "--seed": options.seed = UInt64(value) ?? 1
            case "--p":
                guard let c = PMedianBatch.facilityCount(value) else { return usageError("bad --p \(value)") }
                count = c
            case "--max-clients": maxClients = Int(value) ?? maxClients
            case "--exact": exactPython = value
            case "--exact-clients": exactClients = Int(value) ?? exactClients
            case "--exact-seconds": exactSeconds = Double(value) ?? exactSeconds
            case "--work": options.workPerPair = Int(value) ?? options.workPerPair
            default: return usageError("unknown option \(args[i])")
            }
            i += 2
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return usageError("cannot read \(path)") }
        var lines = text.split(whereSeparator: \.isNewline)
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init),
            let cityColumn = header.firstIndex(of: "city_code"), let lonColumn = header.firstIndex(of: "lon"),
            let latColumn = header.firstIndex(of: "lat"), let popColumn = header.firstIndex(of: "population")
        else { return usageError("\(path): needs columns city_code, lon, lat, population") }
        lines.removeFirst()
        var groups: [String: [(lon: Double, lat: Double, population: Int64)]] = [:]
        for line in lines {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            guard f.count == header.count, let lon = Double(f[lonColumn]), let lat = Double(f[latColumn]),
                let pop = Int64(f[popColumn])
            else { return usageError("\(path): bad line \(line)") }
            groups[String(f[cityColumn]), default: []].append((lon, lat, pop))
        }
        let limit = minutes * 60
        let metresPerSecond = speed / 3.6 / detour
        var solveNanos: UInt64 = 0
        var maxNanos: UInt64 = 0
        var clients = 0
        var pairs = 0
        var open = 0
        var cost: Int64 = 0
        var unassigned: Int64 = 0
        var shortfall: Int64 = 0
        var digest: UInt64 = 0xcbf2_9ce4_8422_2325
        var exact = ExactTally()
        var problems = 0
        for key in groups.keys.sorted() {
            let points = groups[key] ?? []
            let n = points.count
            guard n <= maxClients else { continue }
            problems += 1
            // Local metric coordinates (equirectangular about the group's mean latitude).
            let lat0 = points.reduce(0.0) { $0 + $1.lat } / Double(n) * .pi / 180
            let xy = points.map { XY($0.lon * .pi / 180 * 6_371_000 * cos(lat0), $0.lat * .pi / 180 * 6_371_000) }
            var rows: [[(facility: Int32, cost: Int64)]] = []
            rows.reserveCapacity(n)
            for c in 0..<n {
                var row: [(facility: Int32, cost: Int64)] = []
                for f in 0..<n {
                    let seconds = xy[c].distance(to: xy[f]) / metresPerSecond
                    if seconds <= limit { row.append((Int32(f), (points[c].population * 100 + 1) * Int64(seconds.rounded()))) }
                }
                rows.append(row)
            }
            do {
                let problem = try PMedianProblem(
                    demand: points.map(\.population), facilityCount: n, rows: rows,
                    facilityOwnClient: (0..<n).map { Int32($0) }, p: count, minLoad: minLoad, maxLoad: maxLoad)
                let started = DispatchTime.now().uptimeNanoseconds
                let s = try PMedianSolver.solve(problem, options: options)
                let took = DispatchTime.now().uptimeNanoseconds - started
                solveNanos += took
                maxNanos = max(maxNanos, took)
                clients += n
                pairs += problem.pairCount
                open += s.open.count
                cost += s.totals.cost
                unassigned += s.totals.unassignedDemand
                shortfall += s.totals.shortfall
                for f in s.open { digest = (digest ^ UInt64(f)) &* 0x100_0000_01b3 }
                var line =
                    "group=\(key) clients=\(n) pairs=\(problem.pairCount) open=\(s.open.count) cost=\(s.totals.cost) shortfall=\(s.totals.shortfall) "
                    + "ms=\(String(format: "%.2f", Double(took) / 1e6))"
                if let python = exactPython, n <= exactClients, let e = ExactMaxP.solve(problem, python: python, timeLimit: exactSeconds) {
                    line += exact.add(s, e)
                }
                if verbose { print(line) }
            } catch {
                FileHandle.standardError.write(Data("group \(key): \(error)\n".utf8))
                return 1
            }
        }
        print(
            "problems=\(problems) clients=\(clients) pairs=\(pairs) open=\(open) cost=\(cost) unassigned=\(unassigned) "
                + "shortfall=\(shortfall) digest=\(String(digest, radix: 16)) "
                + "ms=\(String(format: "%.0f", Double(solveNanos) / 1e6)) max_ms=\(String(format: "%.1f", Double(maxNanos) / 1e6))"
                + exact.summary)
        return 0
    }
}

/// Exact `.most` optima from `Tests/tools/maxp_milp.py`.
enum ExactMaxP {
    struct Result: Decodable {
        var shortfall: Int64
        var count: Int
        var cost: Int64
        var optimal: Bool
        var seconds: Double
    }

    static func solve(_ problem: PMedianProblem, python: String, timeLimit: Double = 30) -> Result? {
        var rows: [[[Int64]]] = []
        for c in 0..<problem.clientCount {
            rows.append(
                (Int(problem.pairStart[c])..<Int(problem.pairStart[c + 1])).map {
                    [Int64(problem.pairFacility[$0]), problem.pairCost[$0]]
                })
        }
        let json: [String: Any] = [
            "demand": problem.demand, "facilities": problem.facilityCount, "rows": rows,
            "own": problem.facilityOwnClient.map { Int($0) }, "fixed": problem.fixedOpen.map { Int($0) },
            "minLoad": problem.minLoad ?? 0, "maxLoad": problem.maxLoad.map { $0 as Any } ?? NSNull(),
        ]
        guard let input = try? JSONSerialization.data(withJSONObject: json) else { return nil }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["Tests/tools/maxp_milp.py", String(timeLimit)]
        let stdin = Pipe()
        let stdout = Pipe()
        p.standardInput = stdin
        p.standardOutput = stdout
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return nil }
        stdin.fileHandleForWriting.write(input)
        try? stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { return nil }
        return try? JSONDecoder().decode(Result.self, from: out)
    }
}

/// Running comparison of `.most` solutions with exact optima.
struct ExactTally {
    var solved = 0, countMatches = 0, countBelow = 0
    var gapSum = 0.0, gapMax = 0.0

    /// Records one comparison and returns its part of the per-group line.
    mutating func add(_ s: PMedianSolution, _ e: ExactMaxP.Result) -> String {
        guard e.optimal else { return " exact=timeout" }
        solved += 1
        if s.open.count == e.count && s.totals.shortfall == e.shortfall { countMatches += 1 }
        if s.open.count < e.count { countBelow += 1 }
        var gap = 0.0
        if s.open.count == e.count {
            gap = Double(s.totals.cost - e.cost) / Double(max(1, e.cost)) * 100
            gapSum += gap
            gapMax = max(gapMax, gap)
        }
        return " exact_open=\(e.count) cost_gap=\(String(format: "%.1f", gap))% exact_s=\(String(format: "%.1f", e.seconds))"
    }

    var summary: String {
        guard solved > 0 else { return "" }
        return " exact=\(solved) count_match=\(countMatches) count_below=\(countBelow) "
            + "mean_cost_gap=\(String(format: "%.1f", gapSum / Double(max(1, countMatches))))% "
            + "max_cost_gap=\(String(format: "%.1f", gapMax))%"
    }
}
