/// Swaps two stops, in different routes or in the same one.
struct Exchange: Move {
    var first: Int32
    var second: Int32
    var gain: Int64 = 0
    private var routes: (Int32, Int32) = (-1, -1)

    init(_ a: Int, _ b: Int, in s: RouteState) {
        first = Int32(a)
        second = Int32(b)
        routes = (s.routeOf[a], s.routeOf[b])
    }

    var touchedRoutes: [Int] { routes.0 == routes.1 ? [Int(routes.0)] : [Int(routes.0), Int(routes.1)] }

    func evaluate(in s: RouteState, _ inst: Instance) -> MoveEvaluation {
        let a = Int(first)
        let b = Int(second)
        let ra = Int(s.routeOf[a])
        let rb = Int(s.routeOf[b])
        let ia = Int(s.position[a])
        let ib = Int(s.position[b])
        if ra == rb {
            let (i, k) = ia < ib ? (ia, ib) : (ib, ia)
            let x = s.node(ra, i)
            let y = s.node(ra, k)
            let px = s.node(ra, i - 1)
            let ny = s.node(ra, k + 1)
            let newCost: Int64
            if k == i + 1 {
                newCost =
                    s.routeCost[ra] - inst.d(px, x) - inst.d(x, y) - inst.d(y, ny)
                    + inst.d(px, y) + inst.d(y, x) + inst.d(x, ny)
            } else {
                let nx = s.node(ra, i + 1)
                let py = s.node(ra, k - 1)
                newCost =
                    s.routeCost[ra] - inst.d(px, x) - inst.d(x, nx) - inst.d(py, y) - inst.d(y, ny)
                    + inst.d(px, y) + inst.d(y, nx) + inst.d(py, x) + inst.d(x, ny)
            }
            let feasible = RouteState.fits(load: s.routeLoad[ra], cost: newCost, service: s.routeService[ra], inst)
            return MoveEvaluation(gain: s.routeCost[ra] - newCost, feasible: feasible)
        }
        let pa = s.node(ra, ia - 1)
        let na = s.node(ra, ia + 1)
        let pb = s.node(rb, ib - 1)
        let nb = s.node(rb, ib + 1)
        let newA = s.routeCost[ra] - inst.d(pa, a) - inst.d(a, na) + inst.d(pa, b) + inst.d(b, na)
        let newB = s.routeCost[rb] - inst.d(pb, b) - inst.d(b, nb) + inst.d(pb, a) + inst.d(a, nb)
        let dLoad = inst.demand[b] - inst.demand[a]
        let dService = inst.service[b] - inst.service[a]
        let feasible =
            RouteState.fits(load: s.routeLoad[ra] + dLoad, cost: newA, service: s.routeService[ra] + dService, inst)
            && RouteState.fits(load: s.routeLoad[rb] - dLoad, cost: newB, service: s.routeService[rb] - dService, inst)
        return MoveEvaluation(gain: s.routeCost[ra] + s.routeCost[rb] - newA - newB, feasible: feasible)
    }

    func gain(in s: RouteState, _ inst: Instance) -> Int64 { evaluate(in: s, inst).gain }
    func isFeasible(in s: RouteState, _ inst: Instance) -> Bool { evaluate(in: s, inst).feasible }

    static func forEachCandidate(
        around u: Int, near v: Int, in s: RouteState, _ inst: Instance,
        _ body: (Exchange) -> Void
    ) {
        let rv = Int(s.routeOf[v])
        guard s.routeOf[u] >= 0, rv >= 0 else { return }
        let pv = Int(s.position[v])
        // Swap u with v, or with v's route neighbours (which puts u next to v).
        for which in 0..<3 {
            let w = which == 0 ? v : s.node(rv, which == 1 ? pv - 1 : pv + 1)
            guard w != 0, w != u else { continue }
            // Each stop's new place costs at least what its old one saved (triangle inequality).
            let ru = Int(s.routeOf[u])
            let rw = Int(s.routeOf[w])
            let iu = Int(s.position[u])
            let iw = Int(s.position[w])
            guard s.removalGain(ru, iu, iu, inst) + s.removalGain(rw, iw, iw, inst) > 0 else { continue }
            var move = Exchange(u, w, in: s)
            let e = move.evaluate(in: s, inst)
            guard e.feasible else { continue }
            move.gain = e.gain
            body(move)
        }
    }

    func routesAfter(in s: RouteState) -> [(route: Int, stops: [Int32])] {
        let a = Int(first)
        let b = Int(second)
        let ra = Int(s.routeOf[a])
        let rb = Int(s.routeOf[b])
        let ia = Int(s.position[a])
        let ib = Int(s.position[b])
        if ra == rb {
            var seq = s.routes[ra]
            seq.swapAt(ia, ib)
            return [(ra, seq)]
        }
        var seqA = s.routes[ra]
        var seqB = s.routes[rb]
        seqA[ia] = Int32(b)
        seqB[ib] = Int32(a)
        return [(ra, seqA), (rb, seqB)]
    }
}
