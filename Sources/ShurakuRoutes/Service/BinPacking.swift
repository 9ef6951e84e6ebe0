/// Bin packing for vehicle chains: items (trips, each with its layover) into bins (vehicles in a
/// service window) of one capacity, sizes in whole units (seconds). Deterministic.
public enum BinPacking {
    /// The most items ``fewestBins(_:capacity:)`` packs exactly (2ⁿ states).
    public static let exactLimit = 20

    /// First-fit decreasing: items by size, largest first (ties by index), each into the first
    /// bin with room. Returns item indices per bin. An item larger than `capacity` gets a bin of
    /// its own.
    public static func firstFitDecreasing(_ sizes: [Int], capacity: Int) -> [[Int]] {
        let order = sizes.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        var bins: [[Int]] = []
        var loads: [Int] = []
        for i in order {
            if let b = loads.indices.first(where: { loads[$0] + sizes[i] <= capacity }) {
                bins[b].append(i)
                loads[b] += sizes[i]
            } else {
                bins.append([i])
                loads.append(sizes[i])
            }
        }
        return bins
    }

    /// ⌈Σ sizes / capacity⌉: no packing uses fewer bins (0 for no items).
    public static func lowerBound(_ sizes: [Int], capacity: Int) -> Int {
        let total = sizes.reduce(0, +)
        guard capacity > 0 else { return sizes.count }
        return (total + capacity - 1) / capacity
    }

    /// The fewest bins, exactly: a dynamic programme over subsets that keeps, for each set of
    /// items packed, the fewest bins and then the least load of the last bin (O(2ⁿ·n) time,
    /// O(2ⁿ) memory). Returns item indices per bin; nil for more than ``exactLimit`` items or an
    /// item that does not fit `capacity` on its own.
    public static func fewestBins(_ sizes: [Int], capacity: Int) -> [[Int]]? {
        let n = sizes.count
        guard n <= exactLimit, sizes.allSatisfy({ $0 >= 0 && $0 <= capacity }) else { return nil }
        if n == 0 { return [] }
        let states = 1 << n
        let full = states - 1
        var bins = [UInt8](repeating: .max, count: states)
        var load = [Int](repeating: 0, count: states)
        var last = [UInt8](repeating: 0, count: states)
        bins[0] = 0
        load[0] = capacity + 1  // no bin open: the first item opens one
        for mask in 0..<full where bins[mask] != .max {
            let b = bins[mask]
            let l = load[mask]
            var rest = full & ~mask
            while rest != 0 {
                let i = rest.trailingZeroBitCount
                rest &= rest - 1
                let fits = l + sizes[i] <= capacity
                let nb = fits ? b : b + 1
                let nl = fits ? l + sizes[i] : sizes[i]
                let next = mask | (1 << i)
                if nb < bins[next] || (nb == bins[next] && nl < load[next]) {
                    bins[next] = nb
                    load[next] = nl
                    last[next] = UInt8(i)
                }
            }
        }
        // The order the best packing added the items in; replaying it opens the same bins.
        var order: [Int] = []
        var mask = full
        while mask != 0 {
            let i = Int(last[mask])
            order.append(i)
            mask &= ~(1 << i)
        }
        var packed: [[Int]] = []
        var open = capacity + 1
        for i in order.reversed() {
            if open + sizes[i] <= capacity, !packed.isEmpty {
                packed[packed.count - 1].append(i)
                open += sizes[i]
            } else {
                packed.append([i])
                open = sizes[i]
            }
        }
        return packed
    }
}
