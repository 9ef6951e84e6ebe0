/// For each client, its open facilities in reach and their costs, sorted by (cost, facility):
/// the short lists that ``LoadedAssignment`` scans instead of the client's whole row.
///
/// All lists live in one flat buffer of `width` slots per client (a client's entries are
/// `row(c)`), so updates touch no nested arrays; the width doubles when a list fills.
struct OpenLists {
    private(set) var width = 4
    private var count: [Int32]
    /// Facility of each slot.
    private(set) var facility: [Int32]
    /// Pair cost of each slot.
    private(set) var cost: [Int64]

    init(clientCount m: Int) {
        count = [Int32](repeating: 0, count: m)
        facility = [Int32](repeating: -1, count: m * width)
        cost = [Int64](repeating: 0, count: m * width)
    }

    /// The slots of client `c`'s list, cheapest first.
    @inline(__always)
    func row(_ c: Int) -> Range<Int> { c * width..<(c * width + Int(count[c])) }

    /// Adds facility `f` at cost `pairCost` to client `c`'s list, in order.
    mutating func insert(_ c: Int, _ f: Int32, _ pairCost: Int64) {
        if Int(count[c]) == width { widen() }
        let base = c * width
        var at = base + Int(count[c])
        while at > base, cost[at - 1] > pairCost || (cost[at - 1] == pairCost && facility[at - 1] > f) {
            cost[at] = cost[at - 1]
            facility[at] = facility[at - 1]
            at -= 1
        }
        cost[at] = pairCost
        facility[at] = f
        count[c] += 1
    }

    /// Removes facility `f` from client `c`'s list (nothing when absent).
    mutating func remove(_ c: Int, _ f: Int32) {
        let slots = row(c)
        var at = slots.lowerBound
        while at < slots.upperBound && facility[at] != f { at += 1 }
        guard at < slots.upperBound else { return }
        while at + 1 < slots.upperBound {
            cost[at] = cost[at + 1]
            facility[at] = facility[at + 1]
            at += 1
        }
        count[c] -= 1
    }

    /// Doubles the slots per client, keeping every entry.
    private mutating func widen() {
        let m = count.count
        let newWidth = width * 2
        var newFacility = [Int32](repeating: -1, count: m * newWidth)
        var newCost = [Int64](repeating: 0, count: m * newWidth)
        for c in 0..<m {
            for k in 0..<Int(count[c]) {
                newFacility[c * newWidth + k] = facility[c * width + k]
                newCost[c * newWidth + k] = cost[c * width + k]
            }
        }
        facility = newFacility
        cost = newCost
        width = newWidth
    }
}
