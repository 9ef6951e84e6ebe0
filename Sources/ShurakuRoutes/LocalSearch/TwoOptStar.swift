/// Swaps the tails of two routes (2-opt*), cutting route `a` after position `cutA` and route
/// `b` after position `cutB` (-1 = before the first stop).
///
/// Plain: a keeps its head and takes b's tail; b keeps its head and takes a's tail.
/// Reversed: a's head continues into b's head driven backwards, and a's tail driven backwards
/// continues into b's tail. With both cuts at the route ends this merges two routes into one.
struct TwoOptStar: Move {
    var routeA: Int32
    var cutA: Int32
    var routeB: Int32
    var cutB: Int32
    var reversed: Bool
    var gain: Int64 = 0

    var touchedRoutes: [Int] { [Int(routeA), Int(routeB)] }

    func evaluate(in s: RouteState, _ inst: Instance) -> MoveEvaluation {
        let ra = Int(routeA)
        let rb = Int(routeB)
        let i = Int(cutA)
        let k = Int(cutB)
        let ma = s.count(ra)
        let mb = s.count(rb)
        let ca = s.routeCost[ra]
        let cb = s.routeCost[rb]
        let la = s.routeLoad[ra]
        let lb = s.routeLoad[rb]
        let sa = s.routeService[ra]
        let sb = s.routeService[rb]
        let costA: Int64
        let costB: Int64
        let loadA: Int64
        let loadB: Int64
        let serviceA: Int64
        let serviceB: Int64
        let countA: Int
        let countB: Int
        if reversed {
            costA = s.fwdAt(ra, i) + inst.d(s.node(ra, i), s.node(rb, k)) + s.bwdAt(rb, k)
            costB =
                (s.routeReverseCost[ra] - s.bwdAt(ra, i + 1)) + inst.d(s.node(ra, i + 1), s.node(rb, k + 1))
                + (cb - s.fwdAt(rb, k + 1))
            loadA = s.loadAt(ra, i) + s.loadAt(rb, k)
            loadB = (la - s.loadAt(ra, i)) + (lb - s.loadAt(rb, k))
            serviceA = s.serviceAt(ra, i) + s.serviceAt(rb, k)
            serviceB = (sa - s.serviceAt(ra, i)) + (sb - s.serviceAt(rb, k))
            countA = (i + 1) + (k + 1)
            countB = (ma - i - 1) + (mb - k - 1)
        } else {
            costA = s.fwdAt(ra, i) + inst.d(s.node(ra, i), s.node(rb, k + 1)) + (cb - s.fwdAt(rb, k + 1))
            costB = s.fwdAt(rb, k) + inst.d(s.node(rb, k), s.node(ra, i + 1)) + (ca - s.fwdAt(ra, i + 1))
            loadA = s.loadAt(ra, i) + (lb - s.loadAt(rb, k))
            loadB = s.loadAt(rb, k) + (la - s.loadAt(ra, i))
            serviceA = s.serviceAt(ra, i) + (sb - s.serviceAt(rb, k))
            serviceB = s.serviceAt(rb, k) + (sa - s.serviceAt(ra, i))
            countA = (i + 1) + (mb - k - 1)
            countB = (k + 1) + (ma - i - 1)
        }
        let emptied = Int64((countA == 0 ? 1 : 0) + (countB == 0 ? 1 : 0))
        let gain = ca + cb - costA - costB + emptied * inst.routeFixedCost
        let feasible =
            RouteState.fits(load: loadA, cost: costA, service: serviceA, inst)
            && RouteState.fits(load: loadB, cost: costB, service: serviceB, inst)
        return MoveEvaluation(gain: gain, feasible: feasible)
    }

    func gain(in s: RouteState, _ inst: Instance) -> Int64 { evaluate(in: s, inst).gain }
    func isFeasible(in s: RouteState, _ inst: Instance) -> Bool { evaluate(in: s, inst).feasible }

    static func forEachCandidate(
        around u: Int, near v: Int, in s: RouteState, _ inst: Instance,
        _ body: (TwoOptStar) -> Void
    ) {
        let ru = Int(s.routeOf[u])
        let rv = Int(s.routeOf[v])
        guard ru >= 0, rv >= 0, ru != rv else { return }
        let pu = Int(s.position[u])
        let pv = Int(s.position[v])
        func consider(_ ra: Int, _ i: Int, _ rb: Int, _ k: Int, _ reversed: Bool) {
            var move = TwoOptStar(
                routeA: Int32(ra), cutA: Int32(i), routeB: Int32(rb), cutB: Int32(k),
                reversed: reversed)
            let e = move.evaluate(in: s, inst)
            guard e.feasible else { return }
            move.gain = e.gain
            body(move)
        }
        consider(ru, pu, rv, pv - 1, false)  // u → v
        consider(rv, pv, ru, pu - 1, false)  // v → u
        consider(ru, pu, rv, pv, true)  // u → v, v's head reversed
        consider(rv, pv, ru, pu, true)  // v → u, u's head reversed
    }

    func routesAfter(in s: RouteState) -> [(route: Int, stops: [Int32])] {
        let ra = Int(routeA)
        let rb = Int(routeB)
        let i = Int(cutA)
        let k = Int(cutB)
        let seqA = s.routes[ra]
        let seqB = s.routes[rb]
        let headA = seqA[0..<(i + 1)]
        let tailA = seqA[(i + 1)...]
        let headB = seqB[0..<(k + 1)]
        let tailB = seqB[(k + 1)...]
        let newA: [Int32]
        let newB: [Int32]
        if reversed {
            newA = Array(headA) + headB.reversed()
            newB = Array(tailA.reversed()) + tailB
        } else {
            newA = Array(headA) + tailB
            newB = Array(headB) + tailA
        }
        return [(ra, newA), (rb, newB)]
    }
}
