import Foundation

/// Settlement populations in future years from municipal projections: each municipality's
/// projected total split among its settlements in whole people, so that the settlements of a
/// municipality add up to its projection exactly.
public enum PopulationProjection {
    /// How a municipal total is split among its settlements.
    public enum Method: String, Sendable, Hashable {
        /// In proportion to today's population: every settlement keeps its share of the municipality.
        case share
        /// In proportion to today's population × the settlement's own 5-year growth ratio (from an
        /// earlier count) raised to the number of 5-year steps, calibrated to the municipal total.
        case trend
    }

    /// The 5-year growth ratio of the trend method is kept within these bounds, so that a tiny
    /// settlement (2 → 6 people) does not take over its municipality by 2050.
    public static let growthBounds: ClosedRange<Double> = 0.7...1.3

    /// Each settlement's population in each year.
    ///
    /// - Parameters:
    ///   - base: every settlement's population today (the base year of the projection).
    ///   - previous: with the trend method, every settlement's earlier count, five years before
    ///     the base (nil where unknown: that settlement grows at its municipality's rate).
    ///   - municipality: per settlement, the index of its municipality in `totals`.
    ///   - totals: per municipality, the projected total of every year, in year order.
    ///   - steps: per year, the number of 5-year steps since the base year (0 for the base year).
    /// - Returns: per year, every settlement's population (whole people); the settlements of each
    ///   municipality add up to its total exactly (largest remainder, ties to the larger weight, then
    ///   the earlier settlement). A municipality whose settlements all have no weight splits evenly.
    public static func project(
        base: [Int64], previous: [Int64?]?, municipality: [Int], totals: [[Int64]], steps: [Int]
    ) -> [[Int64]] {
        let n = base.count
        var members = [[Int]](repeating: [], count: totals.count)
        for i in 0..<n where municipality[i] >= 0 && municipality[i] < totals.count { members[municipality[i]].append(i) }
        var out = [[Int64]](repeating: [Int64](repeating: 0, count: n), count: steps.count)
        for (m, list) in members.enumerated() where !list.isEmpty {
            let growth = previous.map { growthRatios(list, base: base, previous: $0) }
            for (y, k) in steps.enumerated() {
                let total = y < totals[m].count ? totals[m][y] : 0
                let shares: [Int64]
                if let growth, k != 0 {
                    let weights = list.indices.map { j in Double(base[list[j]]) * pow(growth[j], Double(k)) }
                    shares = largestRemainder(total: total, weights: weights, order: list.map { base[$0] })
                } else {
                    shares = largestRemainder(total: total, weights: list.map { base[$0] })
                }
                for (j, i) in list.enumerated() { out[y][i] = shares[j] }
            }
        }
        return out
    }

    /// Each member's 5-year growth ratio, within ``growthBounds``: today ÷ earlier; the
    /// municipality's own ratio over the members with an earlier count where it is unknown; the
    /// upper bound for a settlement that grew from nobody.
    static func growthRatios(_ list: [Int], base: [Int64], previous: [Int64?]) -> [Double] {
        var now: Int64 = 0
        var then: Int64 = 0
        for i in list {
            if let p = previous[i] {
                now += base[i]
                then += p
            }
        }
        let bounds = growthBounds
        func clamp(_ r: Double) -> Double { min(max(r, bounds.lowerBound), bounds.upperBound) }
        let municipal = then > 0 ? clamp(Double(now) / Double(then)) : 1
        return list.map { i in
            guard let p = previous[i] else { return municipal }
            if p == 0 { return base[i] > 0 ? bounds.upperBound : 1 }
            return clamp(Double(base[i]) / Double(p))
        }
    }

    /// `total` split in proportion to whole `weights`, exactly (no floating point): each gets
    /// ⌊total × w / W⌋, and the people left over go one each to the largest remainders, ties to
    /// the larger weight, then the earlier index. All weights 0: an even split.
    public static func largestRemainder(total: Int64, weights: [Int64]) -> [Int64] {
        guard !weights.isEmpty, total > 0 else { return [Int64](repeating: 0, count: weights.count) }
        var sum: Int64 = 0
        for w in weights { sum += max(0, w) }
        if sum == 0 { return largestRemainder(total: total, weights: [Int64](repeating: 1, count: weights.count)) }
        var floors = [Int64](repeating: 0, count: weights.count)
        var remainders = [Int64](repeating: 0, count: weights.count)
        var given: Int64 = 0
        for (i, w) in weights.enumerated() where w > 0 {
            let product = total.multipliedFullWidth(by: w)
            let (q, r) = sum.dividingFullWidth(product)
            floors[i] = q
            remainders[i] = r
            given += q
        }
        let order = weights.indices.sorted { a, b in
            remainders[a] != remainders[b] ? remainders[a] > remainders[b] : weights[a] != weights[b] ? weights[a] > weights[b] : a < b
        }
        var left = total - given
        var k = 0
        while left > 0 && k < order.count {
            floors[order[k]] += 1
            left -= 1
            k += 1
        }
        return floors
    }

    /// `total` split in proportion to real `weights` (≥ 0): the floors of the quotas, then one
    /// each to the largest fractional parts, ties to the larger `order` value, then the earlier
    /// index. All weights 0: an even split.
    public static func largestRemainder(total: Int64, weights: [Double], order tie: [Int64]) -> [Int64] {
        guard !weights.isEmpty, total > 0 else { return [Int64](repeating: 0, count: weights.count) }
        let sum = weights.reduce(0) { $0 + (($1.isFinite && $1 > 0) ? $1 : 0) }
        guard sum > 0 else { return largestRemainder(total: total, weights: [Int64](repeating: 1, count: weights.count)) }
        var floors = [Int64](repeating: 0, count: weights.count)
        var fractions = [Double](repeating: 0, count: weights.count)
        var given: Int64 = 0
        for (i, w) in weights.enumerated() where w.isFinite && w > 0 {
            let quota = Double(total) * (w / sum)
            let f = min(quota.rounded(.down), Double(total))
            floors[i] = Int64(f)
            fractions[i] = quota - f
            given += floors[i]
        }
        let order = weights.indices.sorted { a, b in
            fractions[a] != fractions[b] ? fractions[a] > fractions[b] : tie[a] != tie[b] ? tie[a] > tie[b] : a < b
        }
        var left = total - given
        var k = 0
        while left > 0 && !order.isEmpty {
            floors[order[k % order.count]] += 1
            left -= 1
            k += 1
        }
        // Rounding can only make the floors add up to more than the total by a person or so.
        k = order.count - 1
        while left < 0 && k >= 0 {
            if floors[order[k]] > 0 {
                floors[order[k]] -= 1
                left += 1
            }
            k -= 1
        }
        return floors
    }
}
