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
        let end = base + Int(count[c])
        count[c] += 1
        // One exclusive access per array for the whole shift (no per-element checks).
        facility.withUnsafeMutableBufferPointer { fac in
            cost.withUnsafeMutableBufferPointer { cst in
                var at = end
                while at > base, cst[at - 1] > pairCost || (cst[at - 1] == pairCost && fac[at - 1] > f) {
                    cst[at] = cst[at - 1]
                    fac[at] = fac[at - 1]
                    at -= 1
                }
                cst[at] = pairCost
                fac[at] = f
            }
        }
    }

    /// Removes facility `f` from client `c`'s list (nothing when absent).
    mutating func remove(_ c: Int, _ f: Int32) {
        let slots = row(c)
        var found = false
        facility.withUnsafeMutableBufferPointer { fac in
            cost.withUnsafeMutableBufferPointer { cst in
                var at = slots.lowerBound
                while at < slots.upperBound && fac[at] != f { at += 1 }
                guard at < slots.upperBound else { return }
                found = true
                while at + 1 < slots.upperBound {
                    cst[at] = cst[at + 1]
                    fac[at] = fac[at + 1]
                    at += 1
                }
            }
        }
        if found { count[c] -= 1 }
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
