/// Moves a segment of 1–3 consecutive stops elsewhere in its own route, in either orientation.
struct OrOpt: Move {
    var route: Int32
    /// First position and length of the segment.
    var start: Int32
    var length: Int32
    /// The segment goes between positions `after` and `after + 1` (outside the segment).
    var after: Int32
    var reversed: Bool
    var gain: Int64 = 0

    var touchedRoutes: [Int] { [Int(route)] }

    func evaluate(in s: RouteState, _ inst: Instance) -> MoveEvaluation {
        let r = Int(route)
        let i = Int(start)
        let j = i + Int(length) - 1
        let a = Int(after)
        let p = s.node(r, i - 1)
        let q = s.node(r, j + 1)
        let first = s.node(r, i)
        let last = s.node(r, j)
        let x = s.node(r, a)
        let y = s.node(r, a + 1)
        let inserted =
            reversed
            ? inst.d(x, last) + (s.bwdAt(r, j) - s.bwdAt(r, i)) + inst.d(first, y)
            : inst.d(x, first) + (s.fwdAt(r, j) - s.fwdAt(r, i)) + inst.d(last, y)
        let newCost =
            s.routeCost[r] - (s.fwdAt(r, j + 1) - s.fwdAt(r, i - 1)) + inst.d(p, q)
            - inst.d(x, y) + inserted
        let feasible = RouteState.fits(load: s.routeLoad[r], cost: newCost, service: s.routeService[r], inst)
        return MoveEvaluation(gain: s.routeCost[r] - newCost, feasible: feasible)
    }

    func gain(in s: RouteState, _ inst: Instance) -> Int64 { evaluate(in: s, inst).gain }
    func isFeasible(in s: RouteState, _ inst: Instance) -> Bool { evaluate(in: s, inst).feasible }

    /// Whether the insertion edge (after, after + 1) lies outside the segment and its two edges.
    static func isValid(start i: Int, length: Int, after a: Int, count m: Int) -> Bool {
        let j = i + length - 1
        return i >= 0 && j < m && a >= -1 && a < m && (a < i - 1 || a > j)
    }

    static func forEachCandidate(
        around u: Int, near v: Int, in s: RouteState, _ inst: Instance,
        _ body: (OrOpt) -> Void
    ) {
        let r = Int(s.routeOf[u])
        guard r >= 0, r == Int(s.routeOf[v]), u != v else { return }
        let m = s.count(r)
        let pu = Int(s.position[u])
        let pv = Int(s.position[v])
        for length in 1...min(3, m - 1) {
            for side in 0..<(length == 1 ? 1 : 2) {
                let start = side == 0 ? pu : pu - length + 1
                // Inserting elsewhere costs at least nothing (triangle inequality): skip hopeless segments.
                guard start >= 0, start + length <= m, s.removalGain(r, start, start + length - 1, inst) > 0 else {
                    continue
                }
                for after in (pv - 1)...pv where isValid(start: start, length: length, after: after, count: m) {
                    for flip in 0..<(length == 1 ? 1 : 2) {
                        var move = OrOpt(
                            route: Int32(r), start: Int32(start), length: Int32(length),
                            after: Int32(after), reversed: flip == 1)
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
        let r = Int(route)
        let i = Int(start)
        let j = i + Int(length) - 1
        let a = Int(after)
        let seq = s.routes[r]
        let seg = seq.segment(i, through: j, reversed: reversed)
        var rest = seq.replacing(i, through: j, with: [])
        let at = a < i ? a + 1 : a - Int(length) + 1
        rest.insert(contentsOf: seg, at: at)
        return [(r, rest)]
    }
}
