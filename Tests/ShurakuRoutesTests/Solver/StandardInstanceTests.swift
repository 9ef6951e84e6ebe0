import Foundation
import ShurakuCore
import ShurakuRoutes
import ShurakuTestSupport
import Testing

func sharedBytes(_ relative: String) throws -> [UInt8] {
    let data = try #require(FileManager.default.contents(atPath: SharedData.path(relative)))
    return [UInt8](data)
}

func optimum(_ name: String) throws -> Int64 {
    let table = try OptimumTable(bytes: try sharedBytes("bench/tsplib/optimal.txt"))
    return try #require(table[name])
}

@Test("eil51 and berlin52 come within 1 % of the optimum with a short budget", arguments: ["eil51", "berlin52"])
func tsplibWithinOnePercent(name: String) throws {
    let instance = try TSPInstance(bytes: try sharedBytes("bench/tsplib/\(name).tsp"))
    let problem = try instance.routingProblem()
    let solution = RoutingEngine.solve(problem, options: RoutingOptions(seed: 1, tourIterations: 3_000))
    #expect(RoutingFixtures.violation(solution, problem) == nil)
    #expect(solution.routes.count == 1)
    let best = try optimum(name)
    // Tolerance: 1 % above the proven optimum.
    #expect(solution.totalCost >= best)
    #expect(Double(solution.totalCost) <= Double(best) * 1.01, "\(solution.totalCost) vs \(best)")
}

@Test("X-n101-k25 comes within 5 % of the best-known cost with a short budget")
func cvrpWithinFivePercent() throws {
    let instance = try CVRPInstance(bytes: try sharedBytes("bench/cvrp/X-n101-k25.vrp"))
    let best = try CVRPSolutionFile(bytes: try sharedBytes("bench/cvrp/X-n101-k25.sol")).cost
    let problem = try instance.routingProblem()
    let solution = RoutingEngine.solve(problem, options: RoutingOptions(seed: 1, iterations: 150))
    #expect(RoutingFixtures.violation(solution, problem) == nil)
    #expect(solution.unassigned.isEmpty)
    // Tolerance: 5 % above the best-known solution (27591).
    #expect(solution.totalCost >= best)
    #expect(Double(solution.totalCost) <= Double(best) * 1.05, "\(solution.totalCost) vs \(best)")
}
