/// Swaps a segment of 1–3 stops of one route with a segment of 1–3 stops of another (not both
/// single stops: that is `Exchange`), each placed in its cheaper orientation.
struct CrossExchange: Move {
    var routeA: Int32
    var startA: Int32
    var lengthA: Int32
    var routeB: Int32
    var startB: Int32
    var lengthB: Int32
    /// Orientation of A where B was, and of B where A was.
    var reverseA = false
    var reverseB = false
    var gain: Int64 = 0

    var touchedRoutes: [Int] { [Int(routeA), Int(routeB)] }

    /// Evaluates with the cheaper orientations; returns them along with gain and feasibility.
    func evaluateOriented(in s: RouteState, _ inst: Instance) -> (MoveEvaluation, Bool, Bool) {
        let ra = Int(routeA)
        let rb = Int(routeB)
        let i = Int(startA)
        let j = i + Int(lengthA) - 1
        let k = Int(startB)
        let l = k + Int(lengthB) - 1
        let loadA = s.loadAt(ra, j) - s.loadAt(ra, i - 1)
        let loadB = s.loadAt(rb, l) - s.loadAt(rb, k - 1)
        guard s.routeLoad[ra] - loadA + loadB <= inst.capacity, s.routeLoad[rb] - loadB + loadA <= inst.capacity else {
            return (MoveEvaluation(gain: 0, feasible: false), false, false)
        }
        let pa = s.node(ra, i - 1)
        let qa = s.node(ra, j + 1)
        let pb = s.node(rb, k - 1)
        let qb = s.node(rb, l + 1)
        let intoA = segmentInsertion(
            first: s.node(rb, k), last: s.node(rb, l),
            forward: s.fwdAt(rb, l) - s.fwdAt(rb, k),
            backward: s.bwdAt(rb, l) - s.bwdAt(rb, k), between: pa, and: qa, inst)
        let intoB = segmentInsertion(
            first: s.node(ra, i), last: s.node(ra, j),
            forward: s.fwdAt(ra, j) - s.fwdAt(ra, i),
            backward: s.bwdAt(ra, j) - s.bwdAt(ra, i), between: pb, and: qb, inst)
        let newA = s.routeCost[ra] - (s.fwdAt(ra, j + 1) - s.fwdAt(ra, i - 1)) + intoA.cost
        let newB = s.routeCost[rb] - (s.fwdAt(rb, l + 1) - s.fwdAt(rb, k - 1)) + intoB.cost
        let svcA = s.serviceAt(ra, j) - s.serviceAt(ra, i - 1)
        let svcB = s.serviceAt(rb, l) - s.serviceAt(rb, k - 1)
        let feasible =
            RouteState.fits(
                load: s.routeLoad[ra] - loadA + loadB, cost: newA,
                service: s.routeService[ra] - svcA + svcB, inst)
            && RouteState.fits(
                load: s.routeLoad[rb] - loadB + loadA, cost: newB,
                service: s.routeService[rb] - svcB + svcA, inst)
        let gain = s.routeCost[ra] + s.routeCost[rb] - newA - newB
        return (MoveEvaluation(gain: gain, feasible: feasible), intoB.reversed, intoA.reversed)
    }

    func gain(in s: RouteState, _ inst: Instance) -> Int64 { evaluateOriented(in: s, inst).0.gain }
    func isFeasible(in s: RouteState, _ inst: Instance) -> Bool { evaluateOriented(in: s, inst).0.feasible }

    static func forEachCandidate(
        around u: Int, near v: Int, in s: RouteState, _ inst: Instance,
        _ body: (CrossExchange) -> Void
    ) {
        let ru = Int(s.routeOf[u])
        let rv = Int(s.routeOf[v])
        guard ru >= 0, rv >= 0, ru != rv else { return }
        let mu = s.count(ru)
        let mv = s.count(rv)
        let pu = Int(s.position[u])
        let pv = Int(s.position[v])
        for la in 1...min(3, mu) {
            for sideA in 0..<(la == 1 ? 1 : 2) {
                let i = sideA == 0 ? pu : pu - la + 1
                guard i >= 0, i + la <= mu else { continue }
                for lb in 1...min(3, mv) where la > 1 || lb > 1 {
                    // B right after v, or right before v: u's segment then lands next to v.
                    for sideB in 0..<2 {
                        let k = sideB == 0 ? pv + 1 : pv - lb
                        guard k >= 0, k + lb <= mv else { continue }
                        var move = CrossExchange(
                            routeA: Int32(ru), startA: Int32(i), lengthA: Int32(la),
                            routeB: Int32(rv), startB: Int32(k), lengthB: Int32(lb))
                        let (e, revA, revB) = move.evaluateOriented(in: s, inst)
                        guard e.feasible else { continue }
                        move.gain = e.gain
                        move.reverseA = revA
                        move.reverseB = revB
                        body(move)
                    }
                }
            }
        }
    }

    func routesAfter(in s: RouteState) -> [(route: Int, stops: [Int32])] {
        let ra = Int(routeA)
        let rb = Int(routeB)
        let i = Int(startA)
        let j = i + Int(lengthA) - 1
        let k = Int(startB)
        let l = k + Int(lengthB) - 1
        let seqA = s.routes[ra]
        let seqB = s.routes[rb]
        let segA = seqA.segment(i, through: j, reversed: reverseA)
        let segB = seqB.segment(k, through: l, reversed: reverseB)
        return [(ra, seqA.replacing(i, through: j, with: segB)), (rb, seqB.replacing(k, through: l, with: segA))]
    }
}
