import ShurakuCore
import Testing

@testable import ShurakuRoutes

@Test("savings and split build feasible routes covering every stop once")
func constructionsAreFeasible() throws {
    for c in 0..<12 {
        let (problem, inst, _) = try MoveHarness.randomCase(seed: 0x5A7_0000 + UInt64(c))
        let savings = Savings.build(inst)
        #expect(savings.joined().sorted() == inst.stops)
        #expect(savings.allSatisfy { MoveHarness.fits($0, inst) })
        var order = inst.stops
        var rng = SeededGenerator(seed: UInt64(c))
        order.shuffle(using: &rng)
        let split = try #require(Split.routes(of: order, inst))
        #expect(Array(split.joined()) == order)
        #expect(split.allSatisfy { MoveHarness.fits($0, inst) })
        #expect(problem.nodeCount == inst.n)
    }
}

@Test("split cuts a giant tour at the cheapest feasible points")
func splitIsOptimalForTheOrder() throws {
    // Depot at 0; stops 1…4 on a line at 10, 20, 30, 40; capacity 2 stops.
    let n = 5
    var travel = [Int32](repeating: 0, count: n * n)
    for i in 0..<n { for j in 0..<n { travel[i * n + j] = Int32(abs(i - j) * 10) } }
    let problem = try RoutingProblem(nodeCount: n, travel: travel, demand: [0, 1, 1, 1, 1], capacity: 2)
    let inst = Instance(problem: problem, stops: [1, 2, 3, 4])
    let routes = try #require(Split.routes(of: [1, 2, 3, 4], inst))
    #expect(routes == [[1, 2], [3, 4]])
}
