/// For each client, its open facilities in reach and their costs, sorted by (cost, facility):
/// the short lists that ``LoadedAssignment`` scans instead of the client's whole row.
///
/// Two representations with the same contents and order:
/// - lists: one flat buffer of `width` slots per client (a client's entries are `row(c)`), so
///   updates touch no nested arrays; the width doubles when a list fills. Opening or closing a
///   facility shifts part of each list in its column, which is cheap while lists are short.
/// - rows: once the lists hold many entries per client (the many-zones regime of
///   ``FacilityCount/most``, where every client may have hundreds of open facilities in reach),
///   a client's entries are the open facilities of its problem row (already sorted by cost, then
///   facility), skipped over by an open flag; opening and closing then only flip the flag and a
///   count per client.
///
/// The switch happens once, when the lists' total length passes ``denseThreshold``, and changes
/// no result: the entries, their order and the per-client counts are the same either way.
struct OpenLists {
    private(set) var width = 4
    private var count: [Int32]
    /// Facility of each slot (rows: the problem's `pairFacility`).
    private(set) var facility: [Int32]
    /// Pair cost of each slot (rows: the problem's `pairCost`).
    private(set) var cost: [Int64]
    /// Rows only: per facility whether it is open; empty while in lists.
    private var isOpen: [Bool] = []
    /// Rows only: the problem's row offsets.
    private var rowStart: [Int32] = []
    /// Entries over all clients.
    private var total = 0
    /// Total length at which the lists become rows.
    private let denseThreshold: Int
    private let problem: PMedianProblem

    init(problem: PMedianProblem) {
        let m = problem.clientCount
        self.problem = problem
        count = [Int32](repeating: 0, count: m)
        facility = [Int32](repeating: -1, count: m * width)
        cost = [Int64](repeating: 0, count: m * width)
        // Lists holding a sixteenth of all pairs (each client's list a sixteenth of its row, on
        // average), and at least 8 entries per client.
        denseThreshold = max(8 * m, problem.pairCount / 16)
    }

    /// Whether the entries are read from the problem's rows.
    var isDense: Bool { !isOpen.isEmpty }

    /// The slots of client `c`'s entries, cheapest first (indices into `facility` and `cost`).
    @inline(__always)
    func row(_ c: Int) -> Slots {
        if isOpen.isEmpty {
            return Slots(at: c * width, end: c * width + Int(count[c]), isOpen: nil, facility: facility)
        }
        return Slots(at: Int(rowStart[c]), end: Int(rowStart[c + 1]), isOpen: isOpen, facility: facility)
    }

    /// The number of entries of client `c`.
    @inline(__always)
    func count(_ c: Int) -> Int { Int(count[c]) }

    /// The slots of one client's entries, in order.
    struct Slots: Sequence, IteratorProtocol {
        var at: Int
        let end: Int
        let isOpen: [Bool]?
        let facility: [Int32]

        @inline(__always)
        mutating func next() -> Int? {
            guard let isOpen else {
                guard at < end else { return nil }
                at += 1
                return at - 1
            }
            while at < end {
                let s = at
                at += 1
                if isOpen[Int(facility[s])] { return s }
            }
            return nil
        }
    }

    /// Adds facility `f` at cost `pairCost` to client `c`'s list, in order. In rows, the caller
    /// marks `f` open with ``setOpen(_:_:)`` around its column's updates.
    mutating func insert(_ c: Int, _ f: Int32, _ pairCost: Int64) {
        total += 1
        if isDense {
            count[c] += 1
            return
        }
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
        if isDense {
            count[c] -= 1
            total -= 1
            return
        }
        let base = c * width
        let end = base + Int(count[c])
        var found = false
        facility.withUnsafeMutableBufferPointer { fac in
            cost.withUnsafeMutableBufferPointer { cst in
                var at = base
                while at < end && fac[at] != f { at += 1 }
                guard at < end else { return }
                found = true
                while at + 1 < end {
                    cst[at] = cst[at + 1]
                    fac[at] = fac[at + 1]
                    at += 1
                }
            }
        }
        if found {
            count[c] -= 1
            total -= 1
        }
    }

    /// Marks facility `f` open or closed (rows only; lists ignore it). Called once per opening
    /// or closing, after the column's ``insert(_:_:_:)`` or ``remove(_:_:)`` calls; switches to
    /// rows when the lists have grown past ``denseThreshold`` (`allOpen` flags every open facility, `f` included).
    mutating func setOpen(_ f: Int, _ open: Bool, allOpen: [Bool]) {
        if isDense {
            isOpen[f] = open
            return
        }
        guard total >= denseThreshold else { return }
        isOpen = allOpen
        rowStart = problem.pairStart
        facility = problem.pairFacility
        cost = problem.pairCost
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
