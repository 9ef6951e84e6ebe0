import ShurakuCore
import Testing

@testable import ShurakuRoutes

@Test("local search never worsens the objective, keeps routes feasible, and ends in a local optimum")
func driverReachesLocalOptimum() throws {
    for c in 0..<16 {
        let (problem, inst, start) = try MoveHarness.randomCase(seed: 0xD21_0000 + UInt64(c))
        var state = start
        let before = MoveHarness.objective(state, inst)
        var driver = LocalSearchDriver(inst)
        var rng = SeededGenerator(seed: UInt64(c))
        let applied = driver.run(&state, dirty: inst.stops, rng: &rng)
        let after = MoveHarness.objective(state, inst)
        #expect(after <= before)
        #expect(applied == 0 || after < before)
        #expect(MoveHarness.inconsistency(state, inst, stops: problem.nodeCount - 1) == nil)
        // No improving move is left around any pair of neighbours.
        var leftover: Int64 = 0
        for u in 1..<problem.nodeCount {
            for k in 0..<inst.neighbourCount {
                var best = BestMove()
                let v = inst.neighbour(u, k)
                best.consider(Relocate.self, around: u, near: v, in: state, inst)
                best.consider(Exchange.self, around: u, near: v, in: state, inst)
                best.consider(TwoOptStar.self, around: u, near: v, in: state, inst)
                best.consider(OrOpt.self, around: u, near: v, in: state, inst)
                best.consider(TwoOpt.self, around: u, near: v, in: state, inst)
                best.consider(CrossExchange.self, around: u, near: v, in: state, inst)
                leftover = max(leftover, best.gain)
            }
        }
        #expect(leftover == 0)
    }
}
