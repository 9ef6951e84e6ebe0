import Foundation
import ShurakuCore
import ShurakuRoutes

/// `shuraku-bench schoolbus FILE.vrp [--ride-factor F] [--seed S] [--time-limit SEC] [--iterations N]`:
/// a CVRPLIB instance as a school-bus problem. Every stop's ride (to the depot on the rest of
/// its route, and from the depot on the route run in reverse) is bounded by F times the longest
/// direct trip between the depot and a stop (default 1.5, so that every stop can be served).
/// Solves it with and without the bound and prints both, the bounded routes checked stop by stop.
enum SchoolBusBench: RoutesBenchCommand {
    static let usage =
        "usage: shuraku-bench schoolbus FILE.vrp [--ride-factor F] [--seed S] [--time-limit SEC] [--iterations N]"

    static func measure(_ args: [String]) throws(RoutesBenchFailure) -> String {
        var rest = args
        var factor = 1.5
        if let i = rest.firstIndex(of: "--ride-factor") {
            guard i + 1 < rest.count, let f = Double(rest[i + 1]), f.isFinite, f >= 1 else {
                throw .usage("--ride-factor wants a number >= 1\n\(usage)")
            }
            factor = f
            rest.removeSubrange(i...(i + 1))
        }
        let options = try RoutesBenchArguments(rest, usage: usage)
        var limit: Int32 = 0
        let free = try RoutesBench.solve(options, rounds: \.iterations, defaultRounds: CVRPBench.defaultIterations) { bytes in
            let instance = try CVRPInstance(bytes: bytes)
            return (instance, try instance.routingProblem())
        }
        let bounded = try RoutesBench.solve(options, rounds: \.iterations, defaultRounds: CVRPBench.defaultIterations) { bytes in
            let p = try CVRPInstance(bytes: bytes).routingProblem()
            let direct = (1..<p.nodeCount).map { max(p.travel(from: 0, to: $0), p.travel(from: $0, to: 0)) }.max() ?? 0
            limit = Int32(clamping: Int64((Double(direct) * factor).rounded(.down)))
            let problem = try RoutingProblem(
                nodeCount: p.nodeCount, travel: p.travel, service: p.service, demand: p.demand, capacity: p.capacity,
                maxRouteDuration: p.maxRouteDuration, maxRideTime: limit, objective: p.objective)
            return ((), problem)
        }
        guard let plain = try? free.instance.routingProblem() else { throw .result("cannot rebuild the instance") }
        let worst = worstRide(bounded.solution, in: plain)
        guard worst <= Int64(limit) else { throw .result("a ride of \(worst) is over the limit \(limit)") }
        let increase = 100 * Double(bounded.cost - free.cost) / Double(max(1, free.cost))
        return "ride_limit=\(limit) routes=\(bounded.solution.routes.count) cost=\(bounded.cost) max_ride=\(worst) "
            + "free_routes=\(free.solution.routes.count) free_cost=\(free.cost) "
            + "free_max_ride=\(free.solution.routes.map(\.maxRide).max() ?? 0) "
            + "cost_increase=\(String(format: "%.2f", increase))% ms=\(bounded.nanoseconds / 1_000_000)"
    }

    /// The longest ride of any stop, recomputed leg by leg from the instance's costs (not from
    /// the engine's figures), in both directions of every route.
    static func worstRide(_ s: RoutingSolution, in p: RoutingProblem) -> Int64 {
        var worst: Int64 = 0
        for route in s.routes {
            let order = route.stops
            for k in order.indices {
                var inbound: Int64 = 0
                var outbound: Int64 = 0
                for j in k..<order.count {
                    let next = j + 1 < order.count ? order[j + 1] : 0
                    let dwell: Int64 = j > k ? Int64(p.service[order[j]]) : 0
                    inbound += Int64(p.travel(from: order[j], to: next)) + dwell
                    outbound += Int64(p.travel(from: next, to: order[j])) + dwell
                }
                worst = max(worst, inbound, outbound)
            }
        }
        return worst
    }
}
