import ShurakuCore

/// Runs the moves to a local optimum: for each stop `u` (in a seeded random order) and each of
/// its nearest stops `v`, the best improving move of any kind is applied, and only the routes
/// it touched are looked at again.
///
/// A pair (u, v) is evaluated only if the route of `u` or of `v` changed since `u` was last
/// examined (stamps per stop), so a call after a small perturbation costs little.
struct LocalSearchDriver {
    let inst: Instance
    /// When each stop was last examined, and when its route last changed.
    private var testedAt: [Int]
    private var changedAt: [Int]
    private var clock = 1
    private var order: [Int32]

    init(_ inst: Instance) {
        self.inst = inst
        testedAt = Array(repeating: 0, count: inst.n)
        changedAt = Array(repeating: 0, count: inst.n)
        order = inst.stops
    }

    /// Improves `state` until no move improves it. Only pairs involving a stop in `dirty`
    /// (or one whose route changes on the way) are examined; pass all stops for a full search.
    /// Returns the number of moves applied.
    @discardableResult
    mutating func run(_ state: inout RouteState, dirty: [Int32], rng: inout SeededGenerator) -> Int {
        clock += 2
        let baseline = clock - 1
        for v in dirty { changedAt[Int(v)] = clock }
        for v in order { testedAt[Int(v)] = baseline }
        order.shuffle(using: &rng)
        var applied = 0
        var improved = true
        while improved {
            improved = false
            for u32 in order {
                let u = Int(u32)
                guard state.routeOf[u] >= 0 else { continue }
                let lastTested = testedAt[u]
                testedAt[u] = clock
                var best = BestMove()
                let uChanged = changedAt[u] > lastTested
                for k in 0..<inst.neighbourCount {
                    let v = inst.neighbour(u, k)
                    guard state.routeOf[v] >= 0, uChanged || changedAt[v] > lastTested else { continue }
                    best.consider(Relocate.self, around: u, near: v, in: state, inst)
                    best.consider(Exchange.self, around: u, near: v, in: state, inst)
                    best.consider(TwoOptStar.self, around: u, near: v, in: state, inst)
                    best.consider(OrOpt.self, around: u, near: v, in: state, inst)
                    best.consider(TwoOpt.self, around: u, near: v, in: state, inst)
                    best.consider(CrossExchange.self, around: u, near: v, in: state, inst)
                }
                guard let move = best.move else { continue }
                var touchedStops: [Int32] = []
                for r in move.touchedRoutes { touchedStops.append(contentsOf: state.routes[r]) }
                move.apply(to: &state, inst)
                clock += 1
                for v in touchedStops { changedAt[Int(v)] = clock }
                applied += 1
                improved = true
            }
        }
        return applied
    }
}

/// The best improving move seen so far.
struct BestMove {
    var gain: Int64 = 0
    var move: (any Move)?

    mutating func consider<M: Move>(
        _ kind: M.Type, around u: Int, near v: Int, in state: RouteState,
        _ inst: Instance
    ) {
        M.forEachCandidate(around: u, near: v, in: state, inst) { m in
            if m.gain > gain, !inst.hasRideLimit || m.keepsRideLimit(in: state, inst) {
                gain = m.gain
                move = m
            }
        }
    }
}
