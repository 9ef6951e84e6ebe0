/// Moves a segment of 1–3 consecutive stops to another route, in either orientation.
struct Relocate: Move {
    /// Source route, first position and length of the segment.
    var from: Int32
    var start: Int32
    var length: Int32
    /// Target route and the position after which the segment goes (-1 = first).
    var to: Int32
    var after: Int32
    var reversed: Bool
    var gain: Int64 = 0

    var touchedRoutes: [Int] { [Int(from), Int(to)] }

    func evaluate(in s: RouteState, _ inst: Instance) -> MoveEvaluation {
        let r1 = Int(from)
        let r2 = Int(to)
        let i = Int(start)
        let j = i + Int(length) - 1
        let a = Int(after)
        let segLoad = s.loadAt(r1, j) - s.loadAt(r1, i - 1)
        guard s.routeLoad[r2] + segLoad <= inst.capacity else { return MoveEvaluation(gain: 0, feasible: false) }
        let p = s.node(r1, i - 1)
        let q = s.node(r1, j + 1)
        let first = s.node(r1, i)
        let last = s.node(r1, j)
        let x = s.node(r2, a)
        let y = s.node(r2, a + 1)
        let segForward = s.fwdAt(r1, j) - s.fwdAt(r1, i)
        let segBackward = s.bwdAt(r1, j) - s.bwdAt(r1, i)
        let segService = s.serviceAt(r1, j) - s.serviceAt(r1, i - 1)
        let new1 = s.routeCost[r1] - (s.fwdAt(r1, j + 1) - s.fwdAt(r1, i - 1)) + inst.d(p, q)
        let inserted =
            reversed
            ? inst.d(x, last) + segBackward + inst.d(first, y)
            : inst.d(x, first) + segForward + inst.d(last, y)
        let new2 = s.routeCost[r2] - inst.d(x, y) + inserted
        let emptied: Int64 = Int(length) == s.count(r1) ? inst.routeFixedCost : 0
        let gain = s.routeCost[r1] + s.routeCost[r2] - new1 - new2 + emptied
        let feasible =
            RouteState.fits(load: s.routeLoad[r2] + segLoad, cost: new2, service: s.routeService[r2] + segService, inst)
            && RouteState.fits(load: s.routeLoad[r1] - segLoad, cost: new1, service: s.routeService[r1] - segService, inst)
        return MoveEvaluation(gain: gain, feasible: feasible)
    }

    func gain(in s: RouteState, _ inst: Instance) -> Int64 { evaluate(in: s, inst).gain }
    func isFeasible(in s: RouteState, _ inst: Instance) -> Bool { evaluate(in: s, inst).feasible }

    static func forEachCandidate(
        around u: Int, near v: Int, in s: RouteState, _ inst: Instance,
        _ body: (Relocate) -> Void
    ) {
        let r1 = Int(s.routeOf[u])
        let r2 = Int(s.routeOf[v])
        guard r1 >= 0, r2 >= 0, r1 != r2 else { return }
        let m1 = s.count(r1)
        let pu = Int(s.position[u])
        let pv = Int(s.position[v])
        for length in 1...min(3, m1) {
            // Segments with u at either end.
            for side in 0..<(length == 1 ? 1 : 2) {
                let start = side == 0 ? pu : pu - length + 1
                guard start >= 0, start + length <= m1 else { continue }
                // Inserting elsewhere costs at least nothing (triangle inequality): skip hopeless segments.
                guard s.removalGain(r1, start, start + length - 1, inst) > 0 else { continue }
                for after in (pv - 1)...pv {
                    for flip in 0..<(length == 1 ? 1 : 2) {
                        var move = Relocate(
                            from: Int32(r1), start: Int32(start), length: Int32(length),
                            to: Int32(r2), after: Int32(after), reversed: flip == 1)
                        let e = move.evaluate(in: s, inst)
                        guard e.feasible else { continue }
                        move.gain = e.gain
                        body(move)
                    }
                }
            }
        }
    }

    func routesAfter(in s: RouteState) -> [(route: Int, stops: [Int32])] {
        let r1 = Int(from)
        let r2 = Int(to)
        let i = Int(start)
        let j = i + Int(length) - 1
        let seq1 = s.routes[r1]
        let seg = seq1.segment(i, through: j, reversed: reversed)
        var new2 = s.routes[r2]
        new2.insert(contentsOf: seg, at: Int(after) + 1)
        return [(r1, seq1.replacing(i, through: j, with: [])), (r2, new2)]
    }
}
