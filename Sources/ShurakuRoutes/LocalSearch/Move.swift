/// One kind of local-search move (one kind per file), evaluated from the cached `RouteState`.
///
/// Moves are found around a stop `u` and one of its nearest stops `v` (granular neighbourhoods).
/// A move's `gain` is the decrease of the search objective: travel cost, plus the fixed cost of
/// every route it empties when routes are minimised first. Moves never leave a route over
/// capacity or over the maximum duration.
protocol Move {
    /// Objective decrease if applied (positive = better), as computed at creation.
    var gain: Int64 { get }
    /// Indices (before the move) of the routes whose stops change.
    var touchedRoutes: [Int] { get }
    /// Calls `body` with every feasible move of this kind that relates stop `u` to stop `v`.
    static func forEachCandidate(
        around u: Int, near v: Int, in state: RouteState, _ inst: Instance,
        _ body: (Self) -> Void)
    /// The objective decrease, recomputed from the cached state (pure).
    func gain(in state: RouteState, _ inst: Instance) -> Int64
    /// Whether every touched route keeps within capacity and maximum duration (pure).
    func isFeasible(in state: RouteState, _ inst: Instance) -> Bool
    /// The touched routes' stops after the move, by route index before the move (pure).
    func routesAfter(in state: RouteState) -> [(route: Int, stops: [Int32])]
}

extension Move {
    /// Performs the move and refreshes the touched routes (empty routes are dropped).
    func apply(to s: inout RouteState, _ inst: Instance) {
        for (r, stops) in routesAfter(in: s) { s.setRoute(r, stops, inst) }
        s.removeEmptyRoutes()
    }

    /// Whether the routes this move changes keep the maximum ride time (O(their length); checked
    /// only for moves that would be chosen).
    func keepsRideLimit(in state: RouteState, _ inst: Instance) -> Bool {
        routesAfter(in: state).allSatisfy { inst.keepsRideLimit($0.stops) }
    }
}

/// What an evaluation from the cached state yields.
struct MoveEvaluation {
    var gain: Int64
    var feasible: Bool
}

/// Cost of putting a segment (first … last, forward cost `forward`, reversed cost `backward`)
/// between `x` and `y`, in the cheaper orientation, and whether that orientation is reversed.
@inline(__always)
func segmentInsertion(
    first: Int, last: Int, forward: Int64, backward: Int64, between x: Int, and y: Int,
    _ inst: Instance
) -> (cost: Int64, reversed: Bool) {
    let keep = inst.d(x, first) + forward + inst.d(last, y)
    let flip = inst.d(x, last) + backward + inst.d(first, y)
    return flip < keep ? (flip, true) : (keep, false)
}

extension Array where Element == Int32 {
    /// This sequence with positions `i...j` replaced by `segment`.
    func replacing(_ i: Int, through j: Int, with segment: [Int32]) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(count - (j - i + 1) + segment.count)
        out.append(contentsOf: self[0..<i])
        out.append(contentsOf: segment)
        out.append(contentsOf: self[(j + 1)...])
        return out
    }

    /// Positions `i...j`, reversed when `reversed`.
    func segment(_ i: Int, through j: Int, reversed: Bool) -> [Int32] {
        reversed ? Array(self[i...j].reversed()) : Array(self[i...j])
    }
}
