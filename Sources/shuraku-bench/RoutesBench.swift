import Dispatch
import Foundation
import ShurakuCore
import ShurakuRoutes

/// Options shared by `tsp` and `cvrp`: `FILE [--seed S] [--time-limit SEC] [--iterations N]`.
struct RoutesBenchArguments {
    var file: String
    var seed: UInt64 = 1
    var timeLimit: Double?
    var iterations: Int?

    init(_ args: [String], usage: String) throws(RoutesBenchFailure) {
        var file: String?
        var i = 0
        func value(_ flag: String) throws(RoutesBenchFailure) -> String {
            i += 1
            guard i < args.count else { throw .usage("\(flag) needs a value\n\(usage)") }
            return args[i]
        }
        while i < args.count {
            let a = args[i]
            switch a {
            case "--seed":
                let v = try value(a)
                guard let s = UInt64(v) else { throw .usage("--seed wants a non-negative integer, got '\(v)'") }
                seed = s
            case "--time-limit":
                let v = try value(a)
                guard let t = Double(v), t.isFinite, t > 0 else { throw .usage("--time-limit wants seconds > 0, got '\(v)'") }
                timeLimit = t
            case "--iterations":
                let v = try value(a)
                guard let n = Int(v), n >= 0 else { throw .usage("--iterations wants an integer >= 0, got '\(v)'") }
                iterations = n
            default:
                guard !a.hasPrefix("--"), file == nil else { throw .usage("unexpected argument '\(a)'\n\(usage)") }
                file = a
            }
            i += 1
        }
        guard let file else { throw .usage(usage) }
        self.file = file
    }
}

/// A benchmark that cannot run: bad usage or input (exit 2) or a wrong result (exit 1).
enum RoutesBenchFailure: Error {
    case usage(String)
    case input(String)
    case result(String)

    var exitCode: Int32 {
        switch self {
        case .usage, .input: 2
        case .result: 1
        }
    }

    var message: String {
        switch self {
        case .usage(let m), .input(let m), .result(let m): m
        }
    }

    /// Prints the message to stderr and returns the exit status.
    func report() -> Int32 {
        FileHandle.standardError.write(Data(("shuraku-bench: " + message + "\n").utf8))
        return exitCode
    }
}

enum RoutesBench {
    static func readBytes(_ path: String) throws(RoutesBenchFailure) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw .input("cannot read '\(path)'") }
        return [UInt8](data)
    }

    static func nowNanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// The one output line.
    static func line(cost: Int64, optimum: Int64?, nanoseconds: UInt64) -> String {
        let ms = nanoseconds / 1_000_000
        guard let optimum, optimum > 0 else { return "cost=\(cost) optimum=none gap=none ms=\(ms)" }
        let gap = 100 * Double(cost - optimum) / Double(optimum)
        return "cost=\(cost) optimum=\(optimum) gap=\(String(format: "%.2f", gap))% ms=\(ms)"
    }

    /// Checks that every stop is on exactly one route, loads fit, and recomputes the cost.
    static func verifiedCost(_ solution: RoutingSolution, _ problem: RoutingProblem) throws(RoutesBenchFailure) -> Int64 {
        guard solution.unassigned.isEmpty else { throw .result("\(solution.unassigned.count) stops unassigned") }
        var seen = [Bool](repeating: false, count: problem.nodeCount)
        var total: Int64 = 0
        for route in solution.routes {
            var last = 0
            var load: Int64 = 0
            for v in route.stops {
                guard v > 0, v < problem.nodeCount, !seen[v] else { throw .result("stop \(v) repeated or invalid") }
                seen[v] = true
                total += Int64(problem.travel(from: last, to: v))
                load += Int64(problem.demand[v])
                last = v
            }
            total += Int64(problem.travel(from: last, to: 0))
            if let capacity = problem.capacity, load > Int64(capacity) { throw .result("route over capacity") }
        }
        guard seen.dropFirst().allSatisfy({ $0 }) else { throw .result("some stop is on no route") }
        guard total == solution.totalCost else { throw .result("reported cost \(solution.totalCost) != \(total)") }
        return total
    }
}

extension RoutesBench {
    /// One benchmark run: reads and parses `options.file`, solves it with the plan's routing
    /// engine (`--iterations`, else `defaultRounds`, set as the engine's `rounds` budget; the
    /// `--time-limit` clock starts once the file is parsed), verifies the answer and times the
    /// whole (reading included).
    static func solve<Instance>(
        _ options: RoutesBenchArguments,
        rounds: WritableKeyPath<RoutingOptions, Int>,
        defaultRounds: Int,
        parse: ([UInt8]) throws -> (Instance, RoutingProblem)
    ) throws(RoutesBenchFailure) -> (instance: Instance, solution: RoutingSolution, cost: Int64, nanoseconds: UInt64) {
        let start = nowNanoseconds()
        let bytes = try readBytes(options.file)
        let instance: Instance
        let problem: RoutingProblem
        do {
            (instance, problem) = try parse(bytes)
        } catch {
            throw .input("\(options.file): \(error)")
        }
        var routing = RoutingOptions(seed: options.seed, deadline: options.timeLimit.map { Deadline.after(seconds: $0) } ?? .never)
        routing[keyPath: rounds] = options.iterations ?? defaultRounds
        let solution = RoutingEngine.solve(problem, options: routing)
        let elapsed = nowNanoseconds() - start
        let cost = try verifiedCost(solution, problem)
        return (instance, solution, cost, elapsed)
    }
}

/// A routing benchmark command: `measure` makes its one output line; `run` prints it, or the
/// failure on stderr, and gives the exit status.
protocol RoutesBenchCommand {
    static func measure(_ args: [String]) throws(RoutesBenchFailure) -> String
}

extension RoutesBenchCommand {
    static func run(_ args: [String]) -> Int32 {
        do {
            print(try measure(args))
            return 0
        } catch {
            return error.report()
        }
    }
}
