/// Swap-based local search for the uncapacitated objective (unassigned, then cost), in the
/// style of Resende & Werneck's fast swap procedure, exploiting sparsity.
///
/// For each client the state keeps its closest and second-closest open facility (`first`,
/// `second`) and their values. From those, every client adds its share to three tables that
/// depend only on the open set:
/// - `gain[i]`: what opening closed facility `i` saves,
/// - `loss[r]`: what closing open facility `r` costs,
/// - `extra[i]` (sparse over `r`): the correction when `i` opens and `r` closes together.
///
/// The change of swapping `i` in and `r` out is then `loss[r] − gain[i] − extra(i, r)`. A client
/// only touches the facilities of its row that are closer than its second-closest, so the tables
/// stay small, and after a swap only the clients whose two closest changed are recomputed.
///
/// A client whose own facility is open is pinned to it (the own-client rule).
struct FastSwap {
    let problem: PMedianProblem
    let columns: FacilityColumns
    /// Facility → may close (open and not fixed) is `isOpen && !isFixed`.
    let isFixed: [Bool]
    /// Facility may open at all.
    let usable: [Bool]
    /// Client → the facility whose own client it is (-1 if none), and the cost of that pair.
    let ownerOf: [Int32]
    let ownerCost: [Int64]

    private(set) var isOpen: [Bool]
    private(set) var openCount = 0
    private(set) var first: [Int32]
    private(set) var second: [Int32]
    private(set) var value1: [Score]
    private(set) var value2: [Score]
    private(set) var gain: [Score]
    private(set) var loss: [Score]
    private var extraFacility: [[Int32]]
    private var extraValue: [[Score]]
    /// Sum of every client's current value.
    private(set) var total = Score.zero
    /// Pairs visited so far (row and column entries): a deterministic measure of work done.
    private(set) var work = 0
    /// Scratch marks for collecting affected clients.
    private var mark: [UInt32]
    private var markStamp: UInt32 = 0
    private var affected: [Int32] = []

    init(problem: PMedianProblem, columns: FacilityColumns) {
        self.problem = problem
        self.columns = columns
        let n = problem.facilityCount, m = problem.clientCount
        var isFixed = [Bool](repeating: false, count: n)
        for f in problem.fixedOpen { isFixed[Int(f)] = true }
        self.isFixed = isFixed
        usable = (0..<n).map(problem.isUsable)
        var ownerOf = [Int32](repeating: -1, count: m)
        var ownerCost = [Int64](repeating: 0, count: m)
        for f in 0..<n where problem.facilityOwnClient[f] >= 0 {
            let c = Int(problem.facilityOwnClient[f])
            ownerOf[c] = Int32(f)
            for k in Int(problem.pairStart[c])..<Int(problem.pairStart[c + 1]) where problem.pairFacility[k] == Int32(f) {
                ownerCost[c] = problem.pairCost[k]
            }
        }
        self.ownerOf = ownerOf
        self.ownerCost = ownerCost
        isOpen = [Bool](repeating: false, count: n)
        first = [Int32](repeating: -1, count: m)
        second = [Int32](repeating: -1, count: m)
        value1 = (0..<m).map(problem.unassignedScore)
        value2 = value1
        gain = [Score](repeating: .zero, count: n)
        loss = [Score](repeating: .zero, count: n)
        extraFacility = [[Int32]](repeating: [], count: n)
        extraValue = [[Score]](repeating: [], count: n)
        mark = [UInt32](repeating: 0, count: m)
        for c in 0..<m {
            total += value1[c]
            contribute(c, adding: true)
        }
    }

    /// Whether `f` may be closed by a swap.
    @inline(__always)
    func isRemovable(_ f: Int) -> Bool { isOpen[f] && !isFixed[f] }

    /// Whether `f` may be opened by a swap.
    @inline(__always)
    func isInsertable(_ f: Int) -> Bool { !isOpen[f] && usable[f] }

    /// The open facilities, ascending.
    var openFacilities: [Int] { (0..<problem.facilityCount).filter { isOpen[$0] } }

    // MARK: - Moves

    /// Opens `i` and closes `r` (either may be -1 for a pure add or drop).
    mutating func swap(open i: Int, close r: Int) {
        markStamp &+= 1
        if markStamp == 0 {
            for c in mark.indices { mark[c] = 0 }
            markStamp = 1
        }
        affected.removeAll(keepingCapacity: true)
        if r >= 0 {
            work += columns.range(r).count
            for k in columns.range(r) {
                let c = Int(columns.client[k])
                if first[c] == Int32(r) || second[c] == Int32(r) { markAffected(c) }
            }
        }
        if i >= 0 {
            work += columns.range(i).count
            for k in columns.range(i) {
                let c = Int(columns.client[k])
                if Score.cost(columns.cost[k]) < value2[c] || ownerOf[c] == Int32(i) { markAffected(c) }
            }
        }
        for c in affected { contribute(Int(c), adding: false) }
        if i >= 0 {
            isOpen[i] = true
            openCount += 1
        }
        if r >= 0 {
            isOpen[r] = false
            openCount -= 1
        }
        for c32 in affected {
            let c = Int(c32)
            total -= value1[c]
            refreshClosest(c)
            total += value1[c]
            contribute(c, adding: true)
        }
    }

    @inline(__always)
    private mutating func markAffected(_ c: Int) {
        if mark[c] != markStamp {
            mark[c] = markStamp
            affected.append(Int32(c))
        }
    }

    /// Counts work done outside this type (e.g. scans over all facilities).
    mutating func noteWork(_ amount: Int) { work += amount }

    /// The best swap (lowest change of the total), or nil when no swap is possible.
    /// Ties go to the lowest (insert, remove) indices, so the choice is deterministic.
    func bestSwap() -> (insert: Int, remove: Int, delta: Score)? {
        var minLossFacility = -1
        var minLoss = Score.zero
        for r in 0..<problem.facilityCount where isRemovable(r) {
            if minLossFacility < 0 || loss[r] < minLoss {
                minLoss = loss[r]
                minLossFacility = r
            }
        }
        guard minLossFacility >= 0 else { return nil }
        var bestInsert = -1, bestRemove = -1
        var bestDelta = Score.zero
        for i in 0..<problem.facilityCount where isInsertable(i) {
            var bestR = minLossFacility
            var bestValue = minLoss
            let facilities = extraFacility[i]
            let values = extraValue[i]
            for e in facilities.indices {
                let r = Int(facilities[e])
                guard !isFixed[r] else { continue }
                let v = loss[r] - values[e]
                if v < bestValue || (v == bestValue && r < bestR) {
                    bestValue = v
                    bestR = r
                }
            }
            let delta = bestValue - gain[i]
            if bestInsert < 0 || delta < bestDelta {
                bestInsert = i
                bestRemove = bestR
                bestDelta = delta
            }
        }
        return bestInsert >= 0 ? (bestInsert, bestRemove, bestDelta) : nil
    }

    /// For each facility that may open, its best partner to close; the `limit` best such
    /// pairs, best first (ties by facility index).
    func rankedSwaps(limit: Int) -> [(insert: Int, remove: Int, delta: Score)] {
        var minLossFacility = -1
        var minLoss = Score.zero
        for r in 0..<problem.facilityCount where isRemovable(r) {
            if minLossFacility < 0 || loss[r] < minLoss {
                minLoss = loss[r]
                minLossFacility = r
            }
        }
        guard minLossFacility >= 0 else { return [] }
        var all: [(insert: Int, remove: Int, delta: Score)] = []
        for i in 0..<problem.facilityCount where isInsertable(i) {
            var bestR = minLossFacility
            var bestValue = minLoss
            for e in extraFacility[i].indices {
                let r = Int(extraFacility[i][e])
                guard !isFixed[r] else { continue }
                let v = loss[r] - extraValue[i][e]
                if v < bestValue || (v == bestValue && r < bestR) {
                    bestValue = v
                    bestR = r
                }
            }
            all.append((i, bestR, bestValue - gain[i]))
        }
        all.sort { $0.delta != $1.delta ? $0.delta < $1.delta : $0.insert < $1.insert }
        return Array(all.prefix(limit))
    }

    /// The facility that best replaces open facility `r`, or nil when none may open.
    func bestInsertion(replacing r: Int) -> Int? {
        var best = -1
        var bestDelta = Score.zero
        for i in 0..<problem.facilityCount where isInsertable(i) {
            let d = swapDelta(open: i, close: r)
            if best < 0 || d < bestDelta {
                best = i
                bestDelta = d
            }
        }
        return best >= 0 ? best : nil
    }

    /// The change of the total when `i` opens and `r` closes.
    func swapDelta(open i: Int, close r: Int) -> Score {
        var e = Score.zero
        let facilities = extraFacility[i]
        for k in facilities.indices where facilities[k] == Int32(r) { e = extraValue[i][k] }
        return loss[r] - gain[i] - e
    }

    /// The best facility to add (largest gain), or nil when none can open.
    func bestAdd() -> Int? {
        var best = -1
        for i in 0..<problem.facilityCount where isInsertable(i) {
            if best < 0 || gain[best] < gain[i] { best = i }
        }
        return best >= 0 ? best : nil
    }

    /// The best facility to drop (smallest loss), or nil when none may close.
    func bestDrop() -> Int? {
        var best = -1
        for r in 0..<problem.facilityCount where isRemovable(r) {
            if best < 0 || loss[r] < loss[best] { best = r }
        }
        return best >= 0 ? best : nil
    }

    // MARK: - Per-client bookkeeping

    /// Recomputes the two closest open facilities of client `c`.
    private mutating func refreshClosest(_ c: Int) {
        let own = Int(ownerOf[c])
        var f1: Int32 = -1, f2: Int32 = -1
        var v1 = problem.unassignedScore(c), v2 = v1
        let pinned = own >= 0 && isOpen[own]
        if pinned {
            f1 = Int32(own)
            v1 = .cost(ownerCost[c])
        }
        for k in Int(problem.pairStart[c])..<Int(problem.pairStart[c + 1]) {
            let f = problem.pairFacility[k]
            guard isOpen[Int(f)], f != f1 else { continue }
            if f1 < 0 {
                f1 = f
                v1 = .cost(problem.pairCost[k])
            } else {
                f2 = f
                v2 = .cost(problem.pairCost[k])
                break
            }
        }
        first[c] = f1
        second[c] = f2
        value1[c] = v1
        value2[c] = v2
    }

    /// Adds (or removes) client `c`'s share of `gain`, `loss` and `extra`.
    private mutating func contribute(_ c: Int, adding: Bool) {
        let lo = Int(problem.pairStart[c]), hi = Int(problem.pairStart[c + 1])
        let f1 = Int(first[c])
        let v1 = value1[c], v2 = value2[c]
        let own = Int(ownerOf[c])
        if f1 < 0 {
            work += hi - lo
            for k in lo..<hi {
                let i = Int(problem.pairFacility[k])
                guard usable[i] else { continue }
                addGain(i, v1 - .cost(problem.pairCost[k]), adding)
            }
            return
        }
        addLoss(f1, v2 - v1, adding)
        let pinned = own == f1
        for k in lo..<hi {
            let vi = Score.cost(problem.pairCost[k])
            guard vi < v2 else { break }
            work += 1
            let i = Int(problem.pairFacility[k])
            guard !isOpen[i], usable[i], i != own else { continue }
            if pinned {
                addExtra(i, f1, v2 - vi, adding)
            } else if vi < v1 {
                addGain(i, v1 - vi, adding)
                addExtra(i, f1, v2 - v1, adding)
            } else {
                addExtra(i, f1, v2 - vi, adding)
            }
        }
        if !pinned, own >= 0, usable[own] {
            addGain(own, v1 - .cost(ownerCost[c]), adding)
            addExtra(own, f1, v2 - v1, adding)
        }
    }

    @inline(__always)
    private mutating func addGain(_ i: Int, _ v: Score, _ adding: Bool) {
        if adding { gain[i] += v } else { gain[i] -= v }
    }

    @inline(__always)
    private mutating func addLoss(_ r: Int, _ v: Score, _ adding: Bool) {
        if adding { loss[r] += v } else { loss[r] -= v }
    }

    private mutating func addExtra(_ i: Int, _ r: Int, _ v: Score, _ adding: Bool) {
        if v == .zero { return }
        let r32 = Int32(r)
        if let e = extraFacility[i].firstIndex(of: r32) {
            let nv = adding ? extraValue[i][e] + v : extraValue[i][e] - v
            if nv == .zero {
                extraFacility[i].swapAt(e, extraFacility[i].count - 1)
                extraValue[i].swapAt(e, extraValue[i].count - 1)
                extraFacility[i].removeLast()
                extraValue[i].removeLast()
            } else {
                extraValue[i][e] = nv
            }
        } else {
            extraFacility[i].append(r32)
            extraValue[i].append(adding ? v : Score.zero - v)
        }
    }
}
