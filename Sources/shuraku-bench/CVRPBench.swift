import Foundation
import ShurakuCore
import ShurakuRoutes

/// `shuraku-bench cvrp FILE.vrp [--seed S] [--time-limit SEC] [--iterations N]`: solves a
/// CVRPLIB instance and compares with the best-known cost in the `.sol` file beside it.
enum CVRPBench: RoutesBenchCommand {
    static let usage = "usage: shuraku-bench cvrp FILE.vrp [--seed S] [--time-limit SEC] [--iterations N]"

    /// Default ruin & recreate rounds: about 2.5 s of CPU on X-n143 / X-n200, so that the wall
    /// time stays well within 10 s even on the shared, busy 2-core machine.
    static let defaultIterations = 8_000

    static func measure(_ args: [String]) throws(RoutesBenchFailure) -> String {
        let options = try RoutesBenchArguments(args, usage: usage)
        let run = try RoutesBench.solve(options, rounds: \.iterations, defaultRounds: defaultIterations) { bytes in
            let instance = try CVRPInstance(bytes: bytes)
            return (instance, try instance.routingProblem())
        }
        let sol = URL(fileURLWithPath: options.file).deletingPathExtension().appendingPathExtension("sol").path
        let optimum = FileManager.default.contents(atPath: sol).flatMap { try? CVRPSolutionFile(bytes: [UInt8]($0)).cost }
        return RoutesBench.line(cost: run.cost, optimum: optimum, nanoseconds: run.nanoseconds)
    }
}
