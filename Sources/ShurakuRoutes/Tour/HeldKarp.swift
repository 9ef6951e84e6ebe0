/// Exact shortest closed tour from city 0 through all other cities by dynamic programming over
/// subsets (Held–Karp), for the few-city case: O(2^m · m²) time, so only for m ≤ `maxCities`.
enum HeldKarp {
    static let maxCities = 12

    /// The optimal tour as cities starting with 0, or nil if `m` is too large. `costs` is `m × m`.
    static func solve(m: Int, costs: [Int32]) -> [Int]? {
        guard m >= 1, m <= maxCities, costs.count == m * m else { return nil }
        if m <= 2 { return Array(0..<m) }
        let stops = m - 1
        let full = (1 << stops) - 1
        let infinity = Int64.max / 4
        // best[mask * stops + last]: cheapest path 0 → (cities in mask) ending at stop `last`.
        var best = [Int64](repeating: infinity, count: (full + 1) * stops)
        var parent = [Int8](repeating: -1, count: (full + 1) * stops)
        func d(_ a: Int, _ b: Int) -> Int64 { Int64(costs[a * m + b]) }
        for s in 0..<stops { best[(1 << s) * stops + s] = d(0, s + 1) }
        for mask in 1...full {
            for last in 0..<stops where mask & (1 << last) != 0 {
                let here = best[mask * stops + last]
                guard here < infinity else { continue }
                for nxt in 0..<stops where mask & (1 << nxt) == 0 {
                    let nm = mask | (1 << nxt)
                    let candidate = here + d(last + 1, nxt + 1)
                    if candidate < best[nm * stops + nxt] {
                        best[nm * stops + nxt] = candidate
                        parent[nm * stops + nxt] = Int8(last)
                    }
                }
            }
        }
        var bestLast = 0
        var bestCost = infinity
        for last in 0..<stops {
            let total = best[full * stops + last] + d(last + 1, 0)
            if total < bestCost {
                bestCost = total
                bestLast = last
            }
        }
        var order: [Int] = []
        var mask = full
        var last = bestLast
        while last >= 0 {
            order.append(last + 1)
            let p = Int(parent[mask * stops + last])
            mask &= ~(1 << last)
            last = p
        }
        return [0] + order.reversed()
    }
}
