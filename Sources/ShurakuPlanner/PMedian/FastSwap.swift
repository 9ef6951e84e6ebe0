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
/// With facility scores, each facility's preference weight (``PMedianProblem/penalty(_:)``)
/// is a fixed part of `gain` and `loss`: opening `i` adds its weight, closing `r` removes it, so
/// every swap delta accounts for it exactly. Without scores the weights are 0 and nothing changes.
///
/// A client whose own facility is open is pinned to it (the own-client rule). Facilities that
/// share an own client form an exclusive group (``OwnGroups``): a closed member of a group with
/// an open member may only enter by a swap with that member ("swap within the group"), which
/// the tables price like any other swap.
struct FastSwap {
    let problem: PMedianProblem
    let columns: FacilityColumns
    /// Facility → may close (open and not fixed) is `isOpen && !isFixed`.
    let isFixed: [Bool]
    /// Facility may open at all.
    let usable: [Bool]
    /// Facility → its own client (-1 if none); the groups of facilities sharing one.
    let ownClient: [Int32]
    let groups: OwnGroups
    /// Client → the open member of its group (-1 if none).
    private(set) var groupOpen: [Int32]

    private(set) var isOpen: [Bool]
    private(set) var openCount = 0
    private(set) var first: [Int32]
    private(set) var second: [Int32]
    private(set) var value1: [Score]
    private(set) var value2: [Score]
    private(set) var gain: [Score]
    private(set) var loss: [Score]
    private var extra: SwapExtras
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
        let n = problem.facilityCount
        let m = problem.clientCount
        var isFixed = [Bool](repeating: false, count: n)
        for f in problem.fixedOpen { isFixed[Int(f)] = true }
        self.isFixed = isFixed
        usable = (0..<n).map(problem.isUsable)
        ownClient = problem.facilityOwnClient
        groups = OwnGroups(problem)
        groupOpen = [Int32](repeating: -1, count: m)
        isOpen = [Bool](repeating: false, count: n)
        first = [Int32](repeating: -1, count: m)
        second = [Int32](repeating: -1, count: m)
        value1 = (0..<m).map(problem.unassignedScore)
        value2 = value1
        if let penalty = problem.facilityPenalty {
            // Opening i saves −penalty; closing r loses −penalty (it removes the weight).
            gain = penalty.map { Score.preference(-$0) }
            loss = gain
        } else {
            gain = [Score](repeating: .zero, count: n)
            loss = [Score](repeating: .zero, count: n)
        }
        extra = SwapExtras(facilityCount: n)
        mark = [UInt32](repeating: 0, count: m)
        for c in 0..<m {
            total += value1[c]
            contribute(c, adding: true)
        }
    }

    /// Whether `f` may be closed by a swap.
    @inline(__always)
    func isRemovable(_ f: Int) -> Bool { isOpen[f] && !isFixed[f] }

    /// Whether `f` may be opened without closing anything: closed, usable, and no member of
    /// its group is open.
    @inline(__always)
    func isInsertable(_ f: Int) -> Bool {
        guard !isOpen[f], usable[f] else { return false }
        let c = Int(ownClient[f])
        return c < 0 || groupOpen[c] < 0
    }

    /// How a closed facility may open.
    enum Opening {
        /// Alone, or in a swap with any removable facility.
        case free
        /// Only in a swap with this open member of its group.
        case replacing(Int)
        /// Not at all (open already, unusable, or its group's open member is fixed).
        case blocked
    }

    /// How facility `f` may open.
    @inline(__always)
    func opening(_ f: Int) -> Opening {
        guard !isOpen[f], usable[f] else { return .blocked }
        let c = Int(ownClient[f])
        guard c >= 0 else { return .free }
        let g = Int(groupOpen[c])
        if g < 0 { return .free }
        return isFixed[g] ? .blocked : .replacing(g)
    }

    /// Whether the swap (open `i`, close `r`) keeps every group to one open member.
    @inline(__always)
    func canSwap(open i: Int, close r: Int) -> Bool {
        switch opening(i) {
        case .free: return r < 0 || isRemovable(r)
        case .replacing(let g): return g == r
        case .blocked: return false
        }
    }

    /// The facilities that may open in a swap closing removable `r`, ascending: every
    /// insertable facility, then the closed usable members of `r`'s group.
    func openable(closing r: Int, into list: inout [Int]) {
        list.removeAll(keepingCapacity: true)
        for f in 0..<problem.facilityCount where isInsertable(f) { list.append(f) }
        let c = Int(ownClient[r])
        guard c >= 0 else { return }
        for g32 in groups.members(of: c) where g32 != Int32(r) && usable[Int(g32)] { list.append(Int(g32)) }
    }

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
                if Score.cost(columns.cost[k]) < value2[c] { markAffected(c) }
            }
            if ownClient[i] >= 0 { markAffected(Int(ownClient[i])) }
        }
        for c in affected { contribute(Int(c), adding: false) }
        if r >= 0 {
            isOpen[r] = false
            openCount -= 1
            if ownClient[r] >= 0 { groupOpen[Int(ownClient[r])] = -1 }
            total.preference -= problem.penalty(r)
        }
        if i >= 0 {
            isOpen[i] = true
            openCount += 1
            if ownClient[i] >= 0 { groupOpen[Int(ownClient[i])] = Int32(i) }
            total.preference += problem.penalty(i)
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

    /// Opens every facility of `facilities` that is closed, at once: the tables are rebuilt
    /// from every client (two passes over the rows) instead of updated per opening, which
    /// matters when thousands open. The result is the state the single openings reach.
    mutating func openAll(_ facilities: [Int]) {
        let m = problem.clientCount
        for c in 0..<m { contribute(c, adding: false) }
        for i in facilities where !isOpen[i] {
            isOpen[i] = true
            openCount += 1
            if ownClient[i] >= 0 { groupOpen[Int(ownClient[i])] = Int32(i) }
            total.preference += problem.penalty(i)
        }
        for c in 0..<m {
            total -= value1[c]
            refreshClosest(c)
            total += value1[c]
            contribute(c, adding: true)
        }
        work += problem.pairCount
    }

    /// Counts work done outside this type (e.g. scans over all facilities).
    mutating func noteWork(_ amount: Int) { work += amount }

    /// Returns to an earlier copy of this state, keeping the work count (plus the copy's cost).
    mutating func restore(_ earlier: FastSwap) {
        let done = work + problem.clientCount + problem.facilityCount
        self = earlier
        work = done
    }

    /// The best swap (lowest change of the total), or nil when no swap is possible.
    /// Ties go to the lowest (insert, remove) indices, so the choice is deterministic.
    func bestSwap() -> (insert: Int, remove: Int, delta: Score)? {
        guard let cheapest = cheapestRemoval() else { return nil }
        var bestInsert = -1
        var bestRemove = -1
        var bestDelta = Score.zero
        for i in 0..<problem.facilityCount {
            switch opening(i) {
            case .blocked: continue
            case .replacing(let g):
                let delta = swapDelta(open: i, close: g)
                if bestInsert < 0 || delta < bestDelta {
                    bestInsert = i
                    bestRemove = g
                    bestDelta = delta
                }
                continue
            case .free: break
            }
            let (r, delta) = bestPartner(opening: i, cheapest: cheapest)
            if bestInsert < 0 || delta < bestDelta {
                bestInsert = i
                bestRemove = r
                bestDelta = delta
            }
        }
        return bestInsert >= 0 ? (bestInsert, bestRemove, bestDelta) : nil
    }

    /// The removable facility whose closing loses least (ties to the lowest index), or nil
    /// when no facility may close.
    private func cheapestRemoval() -> (facility: Int, loss: Score)? {
        var best = -1
        var bestLoss = Score.zero
        for r in 0..<problem.facilityCount where isRemovable(r) {
            if best < 0 || loss[r] < bestLoss {
                bestLoss = loss[r]
                best = r
            }
        }
        return best >= 0 ? (best, bestLoss) : nil
    }

    /// The facility to close when `i` opens freely, and the swap's change of the total: the
    /// cheapest removal unless closing one that `i` takes clients from costs less (ties to the
    /// lowest index).
    @inline(__always)
    private func bestPartner(opening i: Int, cheapest: (facility: Int, loss: Score)) -> (remove: Int, delta: Score) {
        var bestR = cheapest.facility
        var bestValue = cheapest.loss
        for e in extra.row(i) {
            let r = Int(extra.facility[e])
            guard !isFixed[r] else { continue }
            let v = loss[r] - extra.value[e]
            if v < bestValue || (v == bestValue && r < bestR) {
                bestValue = v
                bestR = r
            }
        }
        return (bestR, bestValue - gain[i])
    }

    /// For each facility that may open, its best partner to close; the `limit` best such
    /// pairs, best first (ties by facility index).
    func rankedSwaps(limit: Int) -> [(insert: Int, remove: Int, delta: Score)] {
        guard let cheapest = cheapestRemoval() else { return [] }
        var all: [(insert: Int, remove: Int, delta: Score)] = []
        for i in 0..<problem.facilityCount {
            switch opening(i) {
            case .blocked: continue
            case .replacing(let g):
                all.append((i, g, swapDelta(open: i, close: g)))
                continue
            case .free: break
            }
            let (r, delta) = bestPartner(opening: i, cheapest: cheapest)
            all.append((i, r, delta))
        }
        all.sort { $0.delta != $1.delta ? $0.delta < $1.delta : $0.insert < $1.insert }
        return Array(all.prefix(limit))
    }

    /// The facility that best replaces open facility `r`, or nil when none may open.
    func bestInsertion(replacing r: Int) -> Int? {
        var best = -1
        var bestDelta = Score.zero
        for i in 0..<problem.facilityCount where canSwap(open: i, close: r) {
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
        loss[r] - gain[i] - extra.value(i, r)
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
        let own = Int(groupOpen[c])
        var f1: Int32 = -1
        var f2: Int32 = -1
        var v1 = problem.unassignedScore(c)
        var v2 = v1
        if own >= 0 {
            f1 = Int32(own)
            v1 = .cost(groups.ownCost[own])
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
        let lo = Int(problem.pairStart[c])
        let hi = Int(problem.pairStart[c + 1])
        let f1 = Int(first[c])
        let v1 = value1[c]
        let v2 = value2[c]
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
        let c32 = Int32(c)
        let pinned = ownClient[f1] == c32
        for k in lo..<hi {
            let vi = Score.cost(problem.pairCost[k])
            guard vi < v2 else { break }
            work += 1
            let i = Int(problem.pairFacility[k])
            guard !isOpen[i], usable[i], ownClient[i] != c32 else { continue }
            if pinned {
                addExtra(i, f1, v2 - vi, adding)
            } else if vi < v1 {
                addGain(i, v1 - vi, adding)
                addExtra(i, f1, v2 - v1, adding)
            } else {
                addExtra(i, f1, v2 - vi, adding)
            }
        }
        // The members of c's group take c whatever their cost. When one is open (c pinned to
        // f1), another enters only in exchange for f1: c then moves from f1 to it.
        for g32 in groups.members(of: c) {
            let g = Int(g32)
            guard g != f1, usable[g] else { continue }
            let vg = Score.cost(groups.ownCost[g])
            if pinned {
                addExtra(g, f1, v2 - vg, adding)
            } else {
                addGain(g, v1 - vg, adding)
                addExtra(g, f1, v2 - v1, adding)
            }
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

    @inline(__always)
    private mutating func addExtra(_ i: Int, _ r: Int, _ v: Score, _ adding: Bool) { extra.add(i, r, v, adding) }
}
