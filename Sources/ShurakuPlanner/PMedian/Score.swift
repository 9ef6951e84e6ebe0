/// The lexicographic objective of a p-median solution as one comparable value: unassigned
/// weight, then shortfall below `minLoad`, then the facility preference, then cost.
///
/// `preference` is the summed ``PMedianProblem/facilityPenalty`` of the open facilities (always
/// 0 when the problem has no facility scores, so that such problems compare exactly as on
/// unassigned, shortfall and cost alone). `unassigned` is an internal weight: each unassigned client counts `demand × (m + 1) + 1`, so
/// unassigned demand decides first and, at equal demand, fewer unassigned clients win (a client
/// of zero demand is still served when it can be). Problem validation keeps every sum below
/// 2^60, so additions never overflow.
struct Score: Comparable, Hashable, Sendable {
    var unassigned: Int64
    var shortfall: Int64
    var preference: Int64 = 0
    var cost: Int64

    static let zero = Score(unassigned: 0, shortfall: 0, cost: 0)

    /// A score made only of cost.
    @inline(__always)
    static func cost(_ c: Int64) -> Score { Score(unassigned: 0, shortfall: 0, cost: c) }

    @inline(__always)
    static func < (a: Score, b: Score) -> Bool {
        if a.unassigned != b.unassigned { return a.unassigned < b.unassigned }
        if a.shortfall != b.shortfall { return a.shortfall < b.shortfall }
        if a.preference != b.preference { return a.preference < b.preference }
        return a.cost < b.cost
    }

    @inline(__always)
    static func + (a: Score, b: Score) -> Score {
        Score(
            unassigned: a.unassigned &+ b.unassigned, shortfall: a.shortfall &+ b.shortfall,
            preference: a.preference &+ b.preference, cost: a.cost &+ b.cost)
    }

    @inline(__always)
    static func - (a: Score, b: Score) -> Score {
        Score(
            unassigned: a.unassigned &- b.unassigned, shortfall: a.shortfall &- b.shortfall,
            preference: a.preference &- b.preference, cost: a.cost &- b.cost)
    }

    @inline(__always)
    static func += (a: inout Score, b: Score) { a = a + b }

    @inline(__always)
    static func -= (a: inout Score, b: Score) { a = a - b }

    var isNegative: Bool { self < .zero }

    /// A score made only of a preference change.
    @inline(__always)
    static func preference(_ p: Int64) -> Score { Score(unassigned: 0, shortfall: 0, preference: p, cost: 0) }
}

extension PMedianProblem {
    /// The preference weight of opening facility `f` (0 without facility scores).
    @inline(__always)
    func penalty(_ f: Int) -> Int64 { facilityPenalty?[f] ?? 0 }

    /// The internal weight of leaving client `c` unassigned (see ``Score``).
    @inline(__always)
    func unassignedScore(_ c: Int) -> Score {
        Score(unassigned: demand[c] &* Int64(clientCount + 1) &+ 1, shortfall: 0, cost: 0)
    }

    /// Whether facility `f` may open at all: its own client, if any, fits within `maxLoad`.
    func isUsable(_ f: Int) -> Bool {
        guard let maxLoad else { return true }
        let own = Int(facilityOwnClient[f])
        return own < 0 || demand[own] <= maxLoad
    }

    /// Whether client `c` can be served at all: some usable facility in reach and, with
    /// `maxLoad`, a demand that fits.
    func isServable(_ c: Int, usable: [Bool]) -> Bool {
        if let maxLoad, demand[c] > maxLoad { return false }
        for k in Int(pairStart[c])..<Int(pairStart[c + 1]) where usable[Int(pairFacility[k])] { return true }
        return false
    }
}
