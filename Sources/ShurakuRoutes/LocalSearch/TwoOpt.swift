/// Reverses positions `start...end` of one route (2-opt); exact for asymmetric costs.
struct TwoOpt: Move {
    var route: Int32
    var start: Int32
    var end: Int32
    var gain: Int64 = 0

    var touchedRoutes: [Int] { [Int(route)] }

    func evaluate(in s: RouteState, _ inst: Instance) -> MoveEvaluation {
        let r = Int(route)
        let i = Int(start)
        let j = Int(end)
        let newCost =
            s.routeCost[r] - (s.fwdAt(r, j + 1) - s.fwdAt(r, i - 1))
            + inst.d(s.node(r, i - 1), s.node(r, j)) + (s.bwdAt(r, j) - s.bwdAt(r, i))
            + inst.d(s.node(r, i), s.node(r, j + 1))
        let feasible = RouteState.fits(load: s.routeLoad[r], cost: newCost, service: s.routeService[r], inst)
        return MoveEvaluation(gain: s.routeCost[r] - newCost, feasible: feasible)
    }

    func gain(in s: RouteState, _ inst: Instance) -> Int64 { evaluate(in: s, inst).gain }
    func isFeasible(in s: RouteState, _ inst: Instance) -> Bool { evaluate(in: s, inst).feasible }

    static func forEachCandidate(
        around u: Int, near v: Int, in s: RouteState, _ inst: Instance,
        _ body: (TwoOpt) -> Void
    ) {
        let r = Int(s.routeOf[u])
        guard r >= 0, r == Int(s.routeOf[v]), u != v else { return }
        let pu = Int(s.position[u])
        let pv = Int(s.position[v])
        let (lo, hi) = pu < pv ? (pu, pv) : (pv, pu)
        // Each reversal makes u and v adjacent.
        for which in 0..<2 {
            let (i, j) = which == 0 ? (lo + 1, hi) : (lo, hi - 1)
            guard i < j else { continue }
            var move = TwoOpt(route: Int32(r), start: Int32(i), end: Int32(j))
            let e = move.evaluate(in: s, inst)
            guard e.feasible else { continue }
            move.gain = e.gain
            body(move)
        }
    }

    func routesAfter(in s: RouteState) -> [(route: Int, stops: [Int32])] {
        let r = Int(route)
        var seq = s.routes[r]
        seq[Int(start)...Int(end)].reverse()
        return [(r, seq)]
    }
}
