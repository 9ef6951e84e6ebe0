import ShurakuCore

/// Removes a few strings of consecutive stops from routes that lie close together (slack
/// induction by string removals, after Christiaens & Vanden Berghe 2020).
///
/// A random routed stop seeds the removal; walking its nearest stops, each not-yet-ruined
/// route met loses one string (or a string with a kept gap in it) containing the stop met.
enum Ruin {
    /// Average number of stops removed per round: 10, or fewer on small problems (about 15 %
    /// of the routed stops, at least 2).
    static func averageRemoved(routed: Int) -> Double { min(10, max(3, 0.25 * Double(routed))) }
    /// Longest string removed from one route.
    static let maxStringLength = 10

    /// Removes stops from `state` (routes left empty are dropped) and returns them.
    static func strings(from state: inout RouteState, _ inst: Instance, rng: inout SeededGenerator) -> [Int32] {
        let routed = inst.stops.filter { state.routeOf[Int($0)] >= 0 }
        guard !routed.isEmpty, state.routeCount > 0 else { return [] }
        let meanLength = Double(routed.count) / Double(state.routeCount)
        let lengthCap = min(Double(maxStringLength), meanLength)
        let maxStrings = max(1.0, 4 * averageRemoved(routed: routed.count) / (1 + lengthCap) - 1)
        let stringCount = 1 + Int(Double.random(in: 0..<maxStrings, using: &rng))
        let seed = Int(routed[rng.index(below: routed.count)])
        var ruined: [Int] = []
        var removed: [Int32] = []
        var removedSet = Set<Int32>()
        var k = -1
        while ruined.count < stringCount, k < inst.adjacencyCount {
            let c = k < 0 ? seed : inst.neighbour(seed, k)
            k += 1
            let r = Int(state.routeOf[c])
            guard r >= 0, !ruined.contains(r), !removedSet.contains(Int32(c)) else { continue }
            ruined.append(r)
            let seq = state.routes[r]
            let m = seq.count
            let cap = max(1, min(Int(lengthCap.rounded(.down)), m))
            let length = 1 + rng.index(below: cap)
            let pos = Int(state.position[c])
            if length < m, Bool.random(using: &rng) {
                // Split string: a longer string with a kept run of `keep` stops inside it.
                let keep = 1 + rng.index(below: min(m - length, length))
                let total = length + keep
                let lo = max(0, pos - total + 1)
                let hi = min(pos, m - total)
                let start = lo + rng.index(below: hi - lo + 1)
                let keepStart = start + rng.index(below: length + 1)
                for i in start..<(start + total) where i < keepStart || i >= keepStart + keep {
                    removed.append(seq[i])
                    removedSet.insert(seq[i])
                }
            } else {
                let lo = max(0, pos - length + 1)
                let hi = min(pos, m - length)
                let start = lo + rng.index(below: hi - lo + 1)
                for i in start..<(start + length) {
                    removed.append(seq[i])
                    removedSet.insert(seq[i])
                }
            }
        }
        state.remove(removed, inst)
        state.removeEmptyRoutes()
        return removed
    }
}
