import ShurakuCore
import Testing

@testable import ShurakuRoutes

@Test("cached prefix figures match a fresh computation after inserts, removals and route drops")
func routeStateStaysConsistent() throws {
    for c in 0..<12 {
        let (problem, inst, start) = try MoveHarness.randomCase(seed: 0x5747_0000 + UInt64(c))
        var state = start
        var rng = SeededGenerator(seed: UInt64(c))
        #expect(MoveHarness.inconsistency(state, inst, stops: problem.nodeCount - 1) == nil)
        let removed = Ruin.strings(from: &state, inst, rng: &rng)
        #expect(!removed.isEmpty)
        state.unassigned = removed
        #expect(MoveHarness.inconsistency(state, inst, stops: problem.nodeCount - 1) == nil)
        state.unassigned = []
        Recreate.insert(removed, into: &state, inst, blinkRate: 0.1, routeLimit: .max, rng: &rng)
        #expect(state.unassigned.isEmpty)
        #expect(MoveHarness.inconsistency(state, inst, stops: problem.nodeCount - 1) == nil)
    }
}

@Test("segment costs from prefix sums equal the costs driven forwards and backwards")
func prefixSegmentCosts() throws {
    let (_, inst, state) = try MoveHarness.randomCase(seed: 42)
    for r in 0..<state.routeCount {
        let seq = state.routes[r].map(Int.init)
        for i in -1..<seq.count {
            for j in i...seq.count {
                var forward: Int64 = 0
                var backward: Int64 = 0
                for k in i..<j {
                    let a = state.node(r, k)
                    let b = state.node(r, k + 1)
                    forward += inst.d(a, b)
                    backward += inst.d(b, a)
                }
                #expect(state.fwdAt(r, j) - state.fwdAt(r, i) == forward)
                #expect(state.bwdAt(r, j) - state.bwdAt(r, i) == backward)
            }
        }
    }
}
