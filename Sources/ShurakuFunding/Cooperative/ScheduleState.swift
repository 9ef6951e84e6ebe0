/// The scheduler's working state: who is where in each cell, with cached counts so that a
/// move's effect on the 80 % rule and on continuity is computed in O(1).
///
/// "Excess" measures how far a worker is over the 80 % rule, in fifths of a cell:
/// `max(0, 5 · maxN − 4 · T)`, where `maxN` is the worker's most cells at one employer and `T`
/// is the worker's worked cells (``ShareBasis/hoursWorked``) or 24 (``ShareBasis/hoursAvailable``).
/// At most one employer can be over 80 %, so the maximum alone decides. Zero excess for every
/// worker = the rule holds (cells have equal hours, so cells stand for hours).
struct ScheduleState {
    static let cells = Cell.count
    static let idle = -1

    let workerCount: Int
    let employerCount: Int
    let basisIsAvailable: Bool
    let demand: [Int]
    /// `workerCount × 24`: employer index or ``idle``.
    private(set) var assign: [Int]
    /// `workerCount × employerCount`: cells each worker spends at each employer.
    private(set) var n: [Int]
    /// Worked cells per worker.
    private(set) var worked: [Int]
    /// Per worker: the largest entry of its `n` row and how many employers reach it.
    private(set) var maxN: [Int]
    private(set) var atMax: [Int]
    /// `employerCount × 24`: demand not yet covered.
    private(set) var remaining: [Int]
    /// Busy workers per cell.
    private(set) var busy: [Int]

    init(workers: Int, demand d: LabourDemand, basis: ShareBasis) {
        workerCount = workers
        employerCount = d.employers.count
        basisIsAvailable = basis == .hoursAvailable
        demand = d.workers
        assign = [Int](repeating: Self.idle, count: workers * Self.cells)
        n = [Int](repeating: 0, count: workers * employerCount)
        worked = [Int](repeating: 0, count: workers)
        maxN = [Int](repeating: 0, count: workers)
        atMax = [Int](repeating: employerCount, count: workers)
        remaining = d.workers
        busy = [Int](repeating: 0, count: Self.cells)
    }

    @inline(__always) func at(_ w: Int, _ c: Int) -> Int { assign[w * Self.cells + c] }
    @inline(__always) func count(_ w: Int, _ e: Int) -> Int { n[w * employerCount + e] }
    @inline(__always) func uncovered(_ e: Int, _ c: Int) -> Int { remaining[e * Self.cells + c] }

    /// The worker's excess over the 80 % rule now (0 = within the rule).
    func excess(_ w: Int) -> Int {
        excess(maxN: maxN[w], worked: worked[w])
    }

    private func excess(maxN m: Int, worked t: Int) -> Int {
        let total = basisIsAvailable ? Self.cells : t
        return max(0, ShareRule.denominator * m - ShareRule.numerator * total)
    }

    /// The worker's excess if it left employer `old` and joined `new` in one cell (either may be
    /// ``idle``; `old != new`).
    func excess(_ w: Int, leaving old: Int, joining new: Int) -> Int {
        var m = maxN[w]
        var t = worked[w]
        if old >= 0 {
            t -= 1
            if count(w, old) == m, atMax[w] == 1 { m -= 1 }
        }
        if new >= 0 {
            t += 1
            m = max(m, count(w, new) + 1)
        }
        return excess(maxN: m, worked: t)
    }

    /// Neighbouring cells of `c` in the same worker's year: the other half of the same day and
    /// the same half-day in the previous and next month (December wraps to January).
    @inline(__always) static func neighbours(_ c: Int) -> (Int, Int, Int) {
        (c ^ 1, (c + cells - 2) % cells, (c + 2) % cells)
    }

    /// How many of `c`'s neighbours have worker `w` at employer `e` (0 for idle).
    func continuity(_ w: Int, _ c: Int, _ e: Int) -> Int {
        guard e >= 0 else { return 0 }
        let (a, b, d) = Self.neighbours(c)
        return (at(w, a) == e ? 1 : 0) + (at(w, b) == e ? 1 : 0) + (at(w, d) == e ? 1 : 0)
    }

    /// Total continuity: pairs of neighbouring cells where a worker stays at the same employer.
    var continuityTotal: Int {
        var s = 0
        for w in 0..<workerCount {
            for c in 0..<Self.cells { s += continuity(w, c, at(w, c)) }
        }
        return s / 2
    }

    var totalExcess: Int { (0..<workerCount).reduce(0) { $0 + excess($1) } }

    /// Puts worker `w` at employer `e` (or ``idle``) in cell `c`, keeping every cache right.
    /// The caller keeps demand consistent: `e` must have uncovered demand in `c`.
    mutating func set(_ w: Int, _ c: Int, _ e: Int) {
        let old = at(w, c)
        guard old != e else { return }
        if old >= 0 {
            decrement(w, old)
            worked[w] -= 1
            remaining[old * Self.cells + c] += 1
            busy[c] -= 1
        }
        if e >= 0 {
            increment(w, e)
            worked[w] += 1
            remaining[e * Self.cells + c] -= 1
            busy[c] += 1
        }
        assign[w * Self.cells + c] = e
    }

    /// Exchanges what workers `a` and `b` do in cell `c` (coverage is unchanged).
    mutating func swap(_ a: Int, _ b: Int, _ c: Int) {
        let ea = at(a, c)
        let eb = at(b, c)
        guard ea != eb else { return }
        // Free both first so that the remaining-demand bookkeeping never goes negative.
        set(a, c, Self.idle)
        set(b, c, Self.idle)
        set(a, c, eb)
        set(b, c, ea)
    }

    private mutating func increment(_ w: Int, _ e: Int) {
        let k = w * employerCount + e
        n[k] += 1
        if n[k] > maxN[w] {
            maxN[w] = n[k]
            atMax[w] = 1
        } else if n[k] == maxN[w] {
            atMax[w] += 1
        }
    }

    private mutating func decrement(_ w: Int, _ e: Int) {
        let k = w * employerCount + e
        n[k] -= 1
        if n[k] + 1 == maxN[w] {
            if atMax[w] > 1 {
                atMax[w] -= 1
            } else {
                maxN[w] -= 1
                var c = 0
                for j in 0..<employerCount where n[w * employerCount + j] == maxN[w] { c += 1 }
                atMax[w] = c
            }
        }
    }

    /// The employer where worker `w` spends the most cells (lowest index among ties), or idle.
    func dominantEmployer(_ w: Int) -> Int {
        guard maxN[w] > 0 else { return Self.idle }
        for e in 0..<employerCount where count(w, e) == maxN[w] { return e }
        return Self.idle
    }
}
