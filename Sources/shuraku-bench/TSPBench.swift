import Foundation
import ShurakuCore
import ShurakuRoutes

/// `shuraku-bench tsp FILE.tsp [--seed S] [--time-limit SEC] [--iterations N]`: solves a
/// TSPLIB instance and compares with `optimal.txt` beside it.
enum TSPBench: RoutesBenchCommand {
    static let usage = "usage: shuraku-bench tsp FILE.tsp [--seed S] [--time-limit SEC] [--iterations N]"

    /// Default single-route rounds: calibrated so that rat783 stays well under a second.
    static let defaultIterations = 45_000

    static func measure(_ args: [String]) throws(RoutesBenchFailure) -> String {
        let options = try RoutesBenchArguments(args, usage: usage)
        let run = try RoutesBench.solve(options, rounds: \.tourIterations, defaultRounds: defaultIterations) { bytes in
            let instance = try TSPInstance(bytes: bytes)
            return (instance, try instance.routingProblem())
        }
        guard run.solution.routes.count == 1 else { throw .result("a tour must be one route") }
        let optimum = optimumBeside(options.file, name: run.instance.name)
        return RoutesBench.line(cost: run.cost, optimum: optimum, nanoseconds: run.nanoseconds)
    }

    /// The value for `name` (or the file's base name) in `optimal.txt` in the file's folder.
    static func optimumBeside(_ file: String, name: String) -> Int64? {
        let url = URL(fileURLWithPath: file)
        let table = url.deletingLastPathComponent().appendingPathComponent("optimal.txt").path
        guard let data = FileManager.default.contents(atPath: table),
            let optima = try? OptimumTable(bytes: [UInt8](data))
        else { return nil }
        return optima[name] ?? optima[url.deletingPathExtension().lastPathComponent]
    }
}
