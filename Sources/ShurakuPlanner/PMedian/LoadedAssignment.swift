/// An assignment of clients to a given open set that respects `maxLoad` exactly, with the
/// moves that improve it: regret-ordered insertion, client shifts, chain moves (a shift into a
/// full facility while one of its clients moves on; a swap is the special case), and ejection
/// (make room for an unassigned client by moving one client elsewhere).
///
/// The score (unassigned weight, shortfall below `minLoad`, facility preference, cost) is kept
/// up to date by every move and every opening or closing. A client whose own facility is open is pinned to it and never moves (the search
/// keeps at most one facility of an own-client group open).
struct LoadedAssignment {
    let problem: PMedianProblem
    let columns: FacilityColumns
    let minLoad: Int64
    let maxLoad: Int64

    private(set) var isOpen: [Bool]
    private(set) var assigned: [Int32]
    private(set) var assignedCost: [Int64]
    private(set) var load: [Int64]
    private var members: [[Int32]]
    private var memberSlot: [Int32]
    /// Per client, its open facilities in reach and their costs, sorted by (cost, facility):
    /// short lists that replace scans over long rows.
    private var lists: OpenLists
    /// The open facilities below `minLoad` (in no particular order) and each one's slot there
    /// (-1: not short), so that a shift can reach them without scanning a whole row.
    private var shortList: [Int32] = []
    private var shortSlot: [Int32]
    /// Every change since the last `clearJournal()`, so that trials can be rolled back.
    private var journal: [Change] = []

    enum Change {
        /// Client moved; `from` and `cost` were its facility (-1 unassigned) and cost before.
        case moved(Int32, from: Int32, cost: Int64)
        case opened(Int32)
        case closed(Int32)
    }
    private(set) var score = Score.zero
    /// Whether ``improve(_:swaps:maxPasses:)`` with `swaps` also tries refills
    /// (``bestRefill(_:options:)``); off by default, on in the ``FacilityCount/most`` search.
    var refills = false
    /// Whether every repair, not only those with `swaps`, tries refills (small problems).
    var refillsInRepairs = false
    /// Pair visits, a deterministic measure of work.
    private(set) var work = 0

    init(problem: PMedianProblem, columns: FacilityColumns) {
        self.problem = problem
        self.columns = columns
        minLoad = problem.minLoad ?? 0
        maxLoad = problem.maxLoad ?? .max
        let n = problem.facilityCount
        let m = problem.clientCount
        isOpen = [Bool](repeating: false, count: n)
        assigned = [Int32](repeating: -1, count: m)
        assignedCost = [Int64](repeating: 0, count: m)
        load = [Int64](repeating: 0, count: n)
        members = [[Int32]](repeating: [], count: n)
        memberSlot = [Int32](repeating: -1, count: m)
        lists = OpenLists(problem: problem)
        shortSlot = [Int32](repeating: -1, count: n)
        for c in 0..<m { score += problem.unassignedScore(c) }
    }

    @inline(__always)
    func shortfall(_ x: Int64) -> Int64 { x < minLoad ? minLoad - x : 0 }

    /// Whether client `c` sits at an open facility of its own group (it is then pinned there).
    @inline(__always)
    func isPinned(_ c: Int) -> Bool {
        let f = Int(assigned[c])
        return f >= 0 && problem.facilityOwnClient[f] == Int32(c)
    }

    // MARK: - Elementary changes

    /// Moves client `c` to facility `b` (or unassigns it when `b < 0`) at pair cost `cost`.
    mutating func move(_ c: Int, to b: Int, cost: Int64) {
        let a = Int(assigned[c])
        let d = problem.demand[c]
        journal.append(.moved(Int32(c), from: Int32(a), cost: assignedCost[c]))
        if a >= 0 {
            score.shortfall += shortfall(load[a] - d) - shortfall(load[a])
            if load[a] >= minLoad && load[a] - d < minLoad { markShort(a) }
            load[a] -= d
            score.cost -= assignedCost[c]
            let s = Int(memberSlot[c])
            let last = members[a].removeLast()
            if last != Int32(c) {
                members[a][s] = last
                memberSlot[Int(last)] = Int32(s)
            }
        } else {
            score -= problem.unassignedScore(c)
        }
        if b >= 0 {
            score.shortfall += shortfall(load[b] + d) - shortfall(load[b])
            if load[b] < minLoad && load[b] + d >= minLoad { unmarkShort(b) }
            load[b] += d
            score.cost += cost
            assigned[c] = Int32(b)
            assignedCost[c] = cost
            memberSlot[c] = Int32(members[b].count)
            members[b].append(Int32(c))
        } else {
            score += problem.unassignedScore(c)
            assigned[c] = -1
            assignedCost[c] = 0
            memberSlot[c] = -1
        }
    }

    /// Opens `i`; its own client moves to it.
    mutating func open(_ i: Int) {
        rawOpen(i)
        journal.append(.opened(Int32(i)))
        let own = Int(problem.facilityOwnClient[i])
        if own >= 0, let cost = pairCost(own, i) { move(own, to: i, cost: cost) }
    }

    /// Closes `r` and returns its former clients, now unassigned.
    mutating func close(_ r: Int) -> [Int32] {
        let displaced = members[r]
        for c in displaced { move(Int(c), to: -1, cost: 0) }
        rawClose(r)
        journal.append(.closed(Int32(r)))
        return displaced
    }

    private mutating func markShort(_ f: Int) {
        shortSlot[f] = Int32(shortList.count)
        shortList.append(Int32(f))
    }

    private mutating func unmarkShort(_ f: Int) {
        let s = Int(shortSlot[f])
        guard s >= 0 else { return }
        let last = shortList.removeLast()
        if last != Int32(f) {
            shortList[s] = last
            shortSlot[Int(last)] = Int32(s)
        }
        shortSlot[f] = -1
    }

    /// Marks `i` open (no client moves).
    private mutating func rawOpen(_ i: Int) {
        isOpen[i] = true
        if minLoad > 0 { markShort(i) }
        score.shortfall += shortfall(0)
        score.preference += problem.penalty(i)
        let f32 = Int32(i)
        work += columns.range(i).count
        for k in columns.range(i) {
            lists.insert(Int(columns.client[k]), f32, columns.cost[k])
        }
        lists.setOpen(i, true, allOpen: isOpen)
    }

    /// Marks `r` closed; it must have no clients.
    private mutating func rawClose(_ r: Int) {
        score.shortfall -= shortfall(0)
        score.preference -= problem.penalty(r)
        isOpen[r] = false
        unmarkShort(r)
        let f32 = Int32(r)
        work += columns.range(r).count
        for k in columns.range(r) {
            lists.remove(Int(columns.client[k]), f32)
        }
        lists.setOpen(r, false, allOpen: isOpen)
    }

    // MARK: - Trials

    /// A position in the change journal, to roll back to.
    var journalMark: Int { journal.count }

    /// Undoes every change made since `mark` (the score comes back exactly).
    mutating func rollback(to mark: Int) {
        while journal.count > mark {
            switch journal.removeLast() {
            case .moved(let c, let from, let cost):
                move(Int(c), to: Int(from), cost: cost)
                journal.removeLast()  // the undo's own entry
            case .opened(let i): rawClose(Int(i))
            case .closed(let r): rawOpen(Int(r))
            }
        }
    }

    /// Forgets the journal (nothing can be rolled back past this point).
    mutating func clearJournal() { journal.removeAll(keepingCapacity: true) }

    /// The cost of pair (c, f), or nil when the pair is not allowed (binary search in column f).
    func pairCost(_ c: Int, _ f: Int) -> Int64? {
        var lo = Int(columns.start[f])
        var hi = Int(columns.start[f + 1])
        let key = Int32(c)
        while lo < hi {
            let mid = (lo + hi) >> 1
            if columns.client[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < Int(columns.start[f + 1]) && columns.client[lo] == key ? columns.cost[lo] : nil
    }

    // MARK: - Building an assignment

    /// Opens exactly `open` (closing the rest) and assigns every client from scratch.
    mutating func reset(open openSet: [Int]) {
        for f in 0..<problem.facilityCount where isOpen[f] { _ = close(f) }
        for f in openSet { open(f) }
        let free = (0..<problem.clientCount).filter { assigned[$0] < 0 }.map { Int32($0) }
        insert(free)
        improve(nil)
    }

    /// Opens exactly `open` (closing the rest), puts each client at its facility in `assignment`
    /// when that facility is open, the pair allowed and the load within `maxLoad`, then inserts
    /// the others and improves.
    mutating func reset(open openSet: [Int], assignment: [Int32]) {
        for f in 0..<problem.facilityCount where isOpen[f] { _ = close(f) }
        for f in openSet { open(f) }
        for c in 0..<problem.clientCount where assigned[c] < 0 {
            let f = Int(assignment[c])
            guard f >= 0, isOpen[f], load[f] <= maxLoad - problem.demand[c], let cost = pairCost(c, f) else { continue }
            move(c, to: f, cost: cost)
        }
        let free = (0..<problem.clientCount).filter { assigned[$0] < 0 }.map { Int32($0) }
        insert(free)
        improve(nil)
    }

    /// Inserts unassigned clients, largest regret first (the gap between their two cheapest
    /// open facilities; a single option is the largest regret), each to its cheapest open
    /// facility with room.
    mutating func insert(_ clients: [Int32]) {
        var order: [(regret: Int64, demand: Int64, client: Int32)] = []
        order.reserveCapacity(clients.count)
        for c32 in clients {
            let c = Int(c32)
            guard assigned[c] < 0 else { continue }
            var slots = lists.row(c)
            work += 1
            guard let first = slots.next() else { continue }
            let c1 = lists.cost[first]
            let c2: Int64 = slots.next().map { lists.cost[$0] } ?? -1
            order.append((c2 < 0 ? .max : c2 - c1, problem.demand[c], c32))
        }
        order.sort {
            if $0.regret != $1.regret { return $0.regret > $1.regret }
            if $0.demand != $1.demand { return $0.demand > $1.demand }
            return $0.client < $1.client
        }
        for entry in order {
            let c = Int(entry.client)
            let d = problem.demand[c]
            for k in lists.row(c) {
                let f = Int(lists.facility[k])
                work += 1
                if load[f] <= maxLoad - d {
                    move(c, to: f, cost: lists.cost[k])
                    break
                }
            }
        }
    }

    // MARK: - Improvement

    /// The best shift of client `c` (to another open facility with room), or nil if none
    /// lowers the score.
    func bestShift(_ c: Int) -> (facility: Int, cost: Int64, delta: Score)? {
        let a = Int(assigned[c])
        let d = problem.demand[c]
        var base = Score.zero
        if a >= 0 {
            base.cost = -assignedCost[c]
            base.shortfall = shortfall(load[a] - d) - shortfall(load[a])
        } else {
            base = Score.zero - problem.unassignedScore(c)
        }
        var best: (facility: Int, cost: Int64, delta: Score)? = nil
        // For an assigned client, a facility no cheaper than its own helps only when it is below
        // `minLoad` (moving there lowers its shortfall). Past that point of the row, the few
        // short facilities are looked up directly instead of scanning on.
        let cutAtOwnCost = a >= 0 && shortList.count <= shortLookups
        var cut = false
        for k in lists.row(c) {
            let cost = lists.cost[k]
            if cutAtOwnCost, cost >= assignedCost[c] {
                cut = true
                break
            }
            let b = Int(lists.facility[k])
            guard b != a, load[b] <= maxLoad - d else { continue }
            var delta = base
            delta.cost += cost
            delta.shortfall += shortfall(load[b] + d) - shortfall(load[b])
            if delta < (best?.delta ?? .zero) { best = (b, cost, delta) }
        }
        guard cut, !shortList.isEmpty else { return best }
        // The rest of the row in order is (cost, facility); among equal deltas the earliest wins.
        var tail: (facility: Int, cost: Int64, delta: Score)? = nil
        for b32 in shortList {
            let b = Int(b32)
            guard b != a, load[b] <= maxLoad - d, let cost = pairCost(c, b), cost >= assignedCost[c] else { continue }
            var delta = base
            delta.cost += cost
            delta.shortfall += shortfall(load[b] + d) - shortfall(load[b])
            if let t = tail, !(delta < t.delta || (delta == t.delta && b < t.facility)) { continue }
            tail = (b, cost, delta)
        }
        if let t = tail, t.delta < (best?.delta ?? .zero) { best = t }
        return best
    }

    /// Short facilities up to which ``bestShift(_:)`` looks them up rather than scanning rows.
    let shortLookups = 16

    /// Open facilities (cheapest first) at which an ejection is tried for an unassigned client.
    let ejectionOptions = 4

    /// Makes room for unassigned client `c` at one of its cheapest open facilities by moving one
    /// of that facility's clients to another open facility with room, or by leaving it out in
    /// `c`'s place when that lowers the score (a client of no more demand, or of equal demand
    /// and dearer); applies the best such pair of moves. Returns whether `c` was placed.
    mutating func eject(_ c: Int) -> Bool {
        let d = problem.demand[c]
        guard d <= maxLoad else { return false }
        // A victim needs room elsewhere at least as large as what it frees.
        var maxRoom: Int64 = 0
        for g in 0..<problem.facilityCount where isOpen[g] { maxRoom = max(maxRoom, maxLoad - load[g]) }
        work += problem.facilityCount / 8
        var best: (victim: Int, victimTo: Int, victimCost: Int64, to: Int, cost: Int64, delta: Score)? = nil
        for k in lists.row(c).prefix(ejectionOptions) {
            let f = Int(lists.facility[k])
            let costCF = lists.cost[k]
            let need = load[f] + d - maxLoad
            guard need > 0 else { continue }
            let victimMayMove = need <= maxRoom
            work += members[f].count
            for v32 in members[f] {
                let v = Int(v32)
                let dv = problem.demand[v]
                guard dv >= need, !isPinned(v) else { continue }
                // v left out in c's place.
                var out = problem.unassignedScore(v) - problem.unassignedScore(c)
                out.cost += costCF - assignedCost[v]
                out.shortfall += shortfall(load[f] - dv + d) - shortfall(load[f])
                if out < (best?.delta ?? .zero) { best = (v, -1, 0, f, costCF, out) }
                guard victimMayMove else { continue }
                for q in lists.row(v) {
                    let g = Int(lists.facility[q])
                    let costVG = lists.cost[q]
                    work += 1
                    guard g != f, load[g] <= maxLoad - dv else { continue }
                    let loadF = load[f] - dv + d
                    var delta = Score.zero - problem.unassignedScore(c)
                    delta.cost += costCF + costVG - assignedCost[v]
                    delta.shortfall += shortfall(loadF) - shortfall(load[f])
                    delta.shortfall += shortfall(load[g] + dv) - shortfall(load[g])
                    if delta < (best?.delta ?? Score(unassigned: .max, shortfall: 0, cost: 0)) {
                        best = (v, g, costVG, f, costCF, delta)
                    }
                    break  // the cheapest place with room for v is enough
                }
            }
        }
        guard let b = best else { return false }
        move(b.victim, to: b.victimTo, cost: b.victimCost)
        move(c, to: b.to, cost: b.cost)
        return true
    }

    /// The best chain move for assigned client `c`: `c` goes from `a` to a cheaper open facility
    /// `b` that is too full to take it outright, and one client `o` of `b` makes room by moving
    /// to its cheapest other open facility `g` with room (`g == a` is a plain swap). Only `c`'s
    /// `options` cheapest blocked facilities are tried. Nil if no chain lowers the score.
    mutating func bestChain(_ c: Int, options: Int) -> (other: Int, otherTo: Int, otherCost: Int64, to: Int, cost: Int64)? {
        let a = Int(assigned[c])
        guard a >= 0 else { return nil }
        let d = problem.demand[c]
        var best: (other: Int, otherTo: Int, otherCost: Int64, to: Int, cost: Int64)? = nil
        var bestDelta = Score.zero
        var tried = 0
        for k in lists.row(c) {
            let cost = lists.cost[k]
            if cost >= assignedCost[c] { break }
            let b = Int(lists.facility[k])
            let need = load[b] + d - maxLoad
            guard b != a, need > 0 else { continue }
            tried += 1
            if tried > options { break }
            work += members[b].count
            for o32 in members[b] {
                let o = Int(o32)
                let dO = problem.demand[o]
                guard dO >= need, !isPinned(o) else { continue }
                for q in lists.row(o) {
                    let g = Int(lists.facility[q])
                    guard g != b else { continue }
                    work += 1
                    // Loads after the chain at a, b and g (g may be a).
                    let loadA = load[a] - d + (g == a ? dO : 0)
                    let loadB = load[b] + d - dO
                    let loadG = g == a ? loadA : load[g] + dO
                    guard loadG <= maxLoad else { continue }
                    var delta = Score.cost(cost - assignedCost[c] + lists.cost[q] - assignedCost[o])
                    delta.shortfall = shortfall(loadA) - shortfall(load[a]) + shortfall(loadB) - shortfall(load[b])
                    if g != a { delta.shortfall += shortfall(loadG) - shortfall(load[g]) }
                    if delta < bestDelta {
                        bestDelta = delta
                        best = (o, g, lists.cost[q], b, cost)
                    }
                    break  // the cheapest place with room for o is enough
                }
            }
        }
        return best
    }

    /// Cheaper facilities tried per client by ``bestRefill(_:options:)``.
    let refillOptions = 4

    /// The best refill for assigned client `c`: `c` goes from `a` to a cheaper open facility `b`
    /// with room, and one client `o` of another facility `g` moves into `a` in its place, so
    /// that `a` keeps its load (`g == b` is an exchange). This is the move a zone at its minimum
    /// needs to give up a client. Only `c`'s `options` cheapest such `b` are tried; nil if no
    /// refill lowers the score.
    mutating func bestRefill(_ c: Int, options: Int) -> (other: Int, otherTo: Int, otherCost: Int64, to: Int, cost: Int64)? {
        let a = Int(assigned[c])
        guard a >= 0, minLoad > 0 else { return nil }
        let d = problem.demand[c]
        var best: (other: Int, otherTo: Int, otherCost: Int64, to: Int, cost: Int64)? = nil
        var bestDelta = Score.zero
        var tried = 0
        let column = columns.range(a)
        for k in lists.row(c) {
            let cost = lists.cost[k]
            if cost >= assignedCost[c] { break }
            let b = Int(lists.facility[k])
            guard b != a, load[b] <= maxLoad - d else { continue }
            tried += 1
            if tried > options { break }
            let loadA = load[a] - d
            let loadB = load[b] + d
            let gain = cost - assignedCost[c]
            let shortB = shortfall(loadB) - shortfall(load[b])
            work += column.count
            for q in column {
                let o = Int(columns.client[q])
                let g = Int(assigned[o])
                guard g >= 0, g != a, o != c, !isPinned(o) else { continue }
                let dO = problem.demand[o]
                guard loadA <= maxLoad - dO else { continue }
                var delta = Score.cost(gain + columns.cost[q] - assignedCost[o])
                delta.shortfall = shortfall(loadA + dO) - shortfall(load[a])
                if g == b {
                    delta.shortfall += shortfall(loadB - dO) - shortfall(load[b])
                } else {
                    delta.shortfall += shortB + shortfall(load[g] - dO) - shortfall(load[g])
                }
                if delta < bestDelta {
                    bestDelta = delta
                    best = (o, a, columns.cost[q], b, cost)
                }
            }
        }
        return best
    }

    /// Applies improving shifts, ejections and (when `swaps`) chain moves to the clients of
    /// `worklist` (all clients when nil) until a pass changes nothing.
    mutating func improve(_ worklist: [Int32]?, swaps: Bool = false, maxPasses: Int = 8) {
        let clients = worklist ?? (0..<problem.clientCount).map { Int32($0) }
        for _ in 0..<maxPasses {
            var changed = false
            for c32 in clients {
                let c = Int(c32)
                guard !isPinned(c) else { continue }
                work += lists.count(c)
                if let s = bestShift(c) {
                    move(c, to: s.facility, cost: s.cost)
                    changed = true
                } else if assigned[c] < 0 {
                    if eject(c) { changed = true }
                } else if swaps, let s = bestChain(c, options: 3) {
                    move(c, to: -1, cost: 0)
                    move(s.other, to: s.otherTo, cost: s.otherCost)
                    move(c, to: s.to, cost: s.cost)
                    changed = true
                } else if refills, swaps || refillsInRepairs, let s = bestRefill(c, options: refillOptions) {
                    move(c, to: -1, cost: 0)
                    move(s.other, to: s.otherTo, cost: s.otherCost)
                    move(c, to: s.to, cost: s.cost)
                    changed = true
                }
            }
            if !changed { break }
        }
    }

    /// Swaps facilities: closes `r`, opens `i`, reinserts the displaced clients and repairs the
    /// neighbourhood of both.
    mutating func swapFacilities(open i: Int, close r: Int) {
        let displaced = r >= 0 ? close(r) : []
        if i >= 0 { open(i) }
        var touched = displaced
        if i >= 0 {
            var gains: [(Int64, Int32)] = []
            for k in columns.range(i) {
                let c = Int(columns.client[k])
                if assigned[c] < 0 { touched.append(Int32(c)) }
                if assigned[c] >= 0, columns.cost[k] < assignedCost[c] {
                    gains.append((assignedCost[c] - columns.cost[k], Int32(c)))
                }
            }
            work += columns.range(i).count
            gains.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
            for (_, c32) in gains {
                let c = Int(c32)
                guard !isPinned(c), let cost = pairCost(c, i), load[i] <= maxLoad - problem.demand[c] else { continue }
                let a = Int(assigned[c])
                var delta = Score.cost(cost - assignedCost[c])
                delta.shortfall =
                    shortfall(load[a] - problem.demand[c]) - shortfall(load[a])
                    + shortfall(load[i] + problem.demand[c]) - shortfall(load[i])
                if delta < .zero {
                    move(c, to: i, cost: cost)
                    touched.append(c32)
                }
            }
        }
        insert(displaced)
        improve(touched, maxPasses: 3)
    }

    /// Clients currently unassigned.
    var unassignedClients: [Int32] {
        (0..<problem.clientCount).filter { assigned[$0] < 0 }.map { Int32($0) }
    }
}
