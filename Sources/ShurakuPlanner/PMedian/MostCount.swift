import ShurakuCore

/// The `.most` facility count: max-p regions with a travel limit.
///
/// The objective is lexicographic over all open sets: (1) unassigned weight, no more than the
/// target (what ``FacilityCount/auto`` leaves: demand no candidate can serve, or with
/// conflicting own-client groups what the cover reaches); (2) shortfall below `minLoad`, least
/// first (zero whenever the search finds a way, so every open facility meets the minimum);
/// (3) the most open facilities; (4) facility preference; (5) cost. Without a positive
/// `minLoad` every count meets the minimum, so `.most` is `.exactly(openableCount)`: every
/// facility that may open does (one per own-client group).
///
/// 1. Packing: facilities are opened greedily, the most compact first. A facility's radius is
///    the cost per unit of demand (pair cost ÷ demand) of the client that brings its nearest
///    unclaimed clients up to `minLoad` (its own client first); the facility with the least
///    radius opens and claims those clients, radii are refreshed lazily. Leftover clients go to
///    the nearest open facility with room, and facilities that serve the most leftover demand
///    open until only the target is left.
/// 2. Drops: a facility below the minimum closes when that lowers the shortfall without
///    leaving more demand unassigned.
/// 3. Adds: closed facilities whose reach holds at least `minLoad` of demand that could move
///    (unassigned, or spare above `minLoad` at its facility) are opened, each evaluated exactly
///    by the capacity-respecting assignment, and kept when unassigned weight and shortfall do
///    not grow.
/// 4. Swaps at the count reached (the iterated local search of ``CapacitatedSearch``, short
///    budget), then steps 2–3 again while they add facilities.
/// 5. Probes: the most promising closed facilities are opened even when the shortfall grows,
///    followed by a short swap search at the larger count; kept when the shortfall comes back.
///    Work-limited: the whole work limit on problems of up to ``smallProblem`` clients, an
///    eighth of it on larger ones.
/// 6. At the final count: recentring (each open facility swapped with the best facility of a
///    client it serves, evaluated exactly), the swap search (full budget on problems of up to
///    ``smallProblem`` clients, a quarter otherwise), recentring again. From here the
///    assignment repairs also try refills (``LoadedAssignment/bestRefill(_:options:)``: a client
///    leaves a zone at its minimum for a cheaper one while another client takes its place), in
///    every repair on problems of up to ``smallProblem`` clients, in the final polishes otherwise.
/// 7. Safeguard: when the result leaves more shortfall than the ``FacilityCount/auto`` solution
///    of the same problem and options, steps 2–6 run again from that solution (they never raise
///    the shortfall) and the better of the two by this objective is returned.
///
/// The packed start opens its facilities in one table rebuild (``FastSwap/openAll(_:)``), and
/// with thousands of zones the assignment reads each client's open facilities from its problem
/// row (``OpenLists``), so a plan of thousands of zones takes seconds.
enum MostCount {
    static func solve(
        _ problem: PMedianProblem, columns: FacilityColumns, iterations: Int, options: PMedianOptions,
        rng: inout SeededGenerator
    ) -> PMedianSolution {
        guard let minLoad = problem.minLoad, minLoad > 0 else {
            let count = problem.openableCount
            return PMedianSolver.solveExactly(
                problem.with(p: .exactly(count)), columns: columns, count: count, iterations: iterations,
                options: options, rng: &rng)
        }
        var search = CapacitatedSearch(problem: problem, columns: columns, deadline: options.deadline)
        let target = unassignedTarget(search, problem: problem)
        let packing = pack(problem, columns: columns, minLoad: minLoad, fixed: search.fast.isFixed, usable: search.fast.usable)
        var start = search.fast
        start.openAll(packing.open)
        search.start(from: start, assignment: packing.zoneOf)
        let packed = grow(
            search, problem: problem, target: target, minLoad: minLoad, iterations: iterations, options: options,
            rng: &rng)
        guard packed.state.score.shortfall > 0 else { return packed.solution() }
        // Safeguard: the shortfall must not exceed what `.auto` leaves. When it does, the search
        // runs again from the `.auto` solution (its adds never raise the shortfall).
        guard let auto = try? PMedianSolver.solve(problem.with(p: .auto), options: options),
            auto.totals.shortfall < packed.state.score.shortfall
        else { return packed.solution() }
        var seeded = CapacitatedSearch(problem: problem, columns: columns, deadline: options.deadline)
        var autoStart = seeded.fast
        autoStart.openAll(auto.open)
        seeded.start(from: autoStart, assignment: auto.assignment)
        seeded = grow(
            seeded, problem: problem, target: target, minLoad: minLoad, iterations: iterations, options: options,
            rng: &rng)
        return isBetter(seeded, than: packed) ? seeded.solution() : packed.solution()
    }

    /// Whether `a` beats `b` on the `.most` objective: unassigned weight, shortfall, then more
    /// open facilities, then preference and cost.
    static func isBetter(_ a: CapacitatedSearch, than b: CapacitatedSearch) -> Bool {
        let x = a.state.score
        let y = b.state.score
        if x.unassigned != y.unassigned { return x.unassigned < y.unassigned }
        if x.shortfall != y.shortfall { return x.shortfall < y.shortfall }
        if a.fast.openCount != b.fast.openCount { return a.fast.openCount > b.fast.openCount }
        return x < y
    }

    /// Steps 2–6 from a started search: cover up to the target, drops, adds, swaps, probes and
    /// the final search at the count reached.
    static func grow(
        _ started: CapacitatedSearch, problem: PMedianProblem, target: Int64, minLoad: Int64, iterations: Int,
        options: PMedianOptions, rng: inout SeededGenerator
    ) -> CapacitatedSearch {
        var search = started
        let workLimit = PMedianSolver.workLimit(problem, options)
        while search.currentScore.unassigned > target, search.openForCover() {}

        let trialIterations = min(iterations, 20)
        let trialWork = max(1, workLimit / 16)
        let stopAt = search.work &+ workLimit
        search.dropShort()
        search.addUntilStuck(minLoad: minLoad, workLimit: stopAt)
        for _ in 0..<4 {
            guard search.work < stopAt, !search.deadline.hasPassed else { break }
            search.improve(
                iterations: trialIterations, workLimit: trialWork, stallRounds: options.stallRounds, rng: &rng)
            search.dropShort()
            guard search.addUntilStuck(minLoad: minLoad, workLimit: stopAt) > 0 else { break }
        }
        let probeLimit = search.work &+ (problem.clientCount <= smallProblem ? workLimit : workLimit / 8)
        var probes = 0
        while probes < probeCount, search.work < probeLimit, !search.deadline.hasPassed {
            guard
                let better = search.probe(
                    minLoad: minLoad, candidates: probeCandidates, iterations: trialIterations, workLimit: trialWork,
                    stallRounds: options.stallRounds, until: probeLimit, rng: &rng)
            else { break }
            search = better
            search.addUntilStuck(minLoad: minLoad, workLimit: stopAt)
            probes += 1
        }
        let small = problem.clientCount <= smallProblem
        // At the final count: assignment repairs may also refill a zone that gives up a client
        // (every repair on small problems, the final polishes on larger ones).
        search.state.refills = true
        search.state.refillsInRepairs = small
        search.recentre(workLimit: search.work &+ workLimit / 2)
        search.improve(
            iterations: small ? iterations : min(iterations, finalIterations), workLimit: small ? workLimit : workLimit / 4,
            stallRounds: options.stallRounds, rng: &rng)
        search.recentre(workLimit: search.work &+ workLimit / 4)
        return search
    }

    /// Successful probes at most (each adds at least one facility).
    static let probeCount = 64
    /// Closed facilities tried per probe.
    static let probeCandidates = 3
    /// Problems of at most this many clients probe with the whole work limit (so that the
    /// count is exact on them as far as tests show); larger ones with an eighth of it.
    static let smallProblem = 80
    /// Rounds of the final search (it only polishes preference and cost at the count found).
    static let finalIterations = 50
    /// Clients after the one that completes a packed zone among which the one that overshoots
    /// `minLoad` least completes it instead.
    static let completionLookahead = 16

    /// The unassigned weight `.most` may leave: that of the clients no usable candidate reaches
    /// (or that exceed `maxLoad`); with shared own-client groups, what the `.auto` cover leaves
    /// when that is more.
    static func unassignedTarget(_ search: CapacitatedSearch, problem: PMedianProblem) -> Int64 {
        let usable = search.fast.usable
        var target: Int64 = 0
        for c in 0..<problem.clientCount where !problem.isServable(c, usable: usable) {
            target += problem.unassignedScore(c).unassigned
        }
        guard search.fast.groups.hasShared else { return target }
        var cover = search
        for f in problem.fixedOpen where !cover.fast.isOpen[Int(f)] { cover.swapFacilities(open: Int(f), close: -1) }
        AutoCount.cover(&cover, target: target)
        while cover.currentScore.unassigned > target, AutoCount.regroup(&cover, target: target) {}
        return max(target, cover.currentScore.unassigned)
    }

    /// The packing start (step 1): the fixed facilities, then the most compact zones of at
    /// least `minLoad` over clients not yet claimed.
    static func pack(
        _ problem: PMedianProblem, columns: FacilityColumns, minLoad: Int64, fixed: [Bool], usable: [Bool]
    ) -> (open: [Int], zoneOf: [Int32]) {
        let n = problem.facilityCount
        let m = problem.clientCount
        let maxLoad = problem.maxLoad ?? .max
        // Each column's clients of positive demand, by cost per unit of demand.
        var order = [Int32](repeating: 0, count: columns.client.count)
        var unit = [Int64](repeating: 0, count: columns.client.count)
        for f in 0..<n {
            let range = columns.range(f)
            var entries: [(unit: Int64, k: Int32)] = []
            entries.reserveCapacity(range.count)
            for k in range {
                let d = problem.demand[Int(columns.client[k])]
                entries.append((d > 0 ? columns.cost[k] / d : 0, Int32(k)))
            }
            entries.sort { $0.unit != $1.unit ? $0.unit < $1.unit : $0.k < $1.k }
            for (j, e) in entries.enumerated() {
                order[range.lowerBound + j] = e.k
                unit[range.lowerBound + j] = e.unit
            }
        }
        var claimed = [Bool](repeating: false, count: m)
        var zoneOf = [Int32](repeating: -1, count: m)
        var open: [Int] = []

        /// The radius of `f` over unclaimed clients, and the column positions it would claim;
        /// nil when its own client is taken or it cannot reach `minLoad`.
        func zone(_ f: Int, claim: Bool) -> Int64? {
            let own = Int(problem.facilityOwnClient[f])
            var load: Int64 = 0
            if own >= 0 {
                if claimed[own] { return nil }
                load = problem.demand[own]
                if claim {
                    claimed[own] = true
                    zoneOf[own] = Int32(f)
                }
            }
            var radius: Int64 = 0
            let range = columns.range(f)
            var j = range.lowerBound
            while j < range.upperBound && load < minLoad {
                let c = Int(columns.client[Int(order[j])])
                let d = problem.demand[c]
                if c == own || d <= 0 || claimed[c] || load > maxLoad - d {
                    j += 1
                    continue
                }
                if load + d >= minLoad {
                    // Completing client: the one among the next few that overshoots least.
                    var best = j
                    var bestOver = load + d - minLoad
                    var seen = 0
                    var q = j + 1
                    while q < range.upperBound && seen < completionLookahead {
                        let c2 = Int(columns.client[Int(order[q])])
                        let d2 = problem.demand[c2]
                        if c2 != own && d2 > 0 && !claimed[c2] && load <= maxLoad - d2 {
                            seen += 1
                            if load + d2 >= minLoad && load + d2 - minLoad < bestOver {
                                best = q
                                bestOver = load + d2 - minLoad
                            }
                        }
                        q += 1
                    }
                    let cb = Int(columns.client[Int(order[best])])
                    load += problem.demand[cb]
                    radius = max(radius, unit[best])
                    if claim {
                        claimed[cb] = true
                        zoneOf[cb] = Int32(f)
                    }
                    break
                }
                load += d
                radius = unit[j]
                if claim {
                    claimed[c] = true
                    zoneOf[c] = Int32(f)
                }
                j += 1
            }
            guard load >= minLoad || claim else { return nil }
            return radius
        }

        for f in 0..<n where fixed[f] {
            _ = zone(f, claim: true)
            open.append(f)
        }
        var heap = MinHeap()
        for f in 0..<n where usable[f] && !fixed[f] {
            if let r = zone(f, claim: false) { heap.push(radius: r, penalty: problem.penalty(f), facility: f) }
        }
        while let top = heap.pop() {
            guard let r = zone(top.facility, claim: false) else { continue }
            if r > top.radius {
                heap.push(radius: r, penalty: top.penalty, facility: top.facility)
                continue
            }
            _ = zone(top.facility, claim: true)
            open.append(top.facility)
        }
        return (open.sorted(), zoneOf)
    }
}

/// A binary min-heap of (radius, penalty, facility), for ``MostCount/pack(_:columns:minLoad:fixed:usable:)``.
struct MinHeap {
    private var items: [(radius: Int64, penalty: Int64, facility: Int)] = []

    private static func less(
        _ a: (radius: Int64, penalty: Int64, facility: Int), _ b: (radius: Int64, penalty: Int64, facility: Int)
    ) -> Bool {
        (a.radius, a.penalty, a.facility) < (b.radius, b.penalty, b.facility)
    }

    mutating func push(radius: Int64, penalty: Int64, facility: Int) {
        items.append((radius, penalty, facility))
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard MinHeap.less(items[i], items[parent]) else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> (radius: Int64, penalty: Int64, facility: Int)? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        guard !items.isEmpty else { return top }
        items[0] = last
        var i = 0
        while true {
            let l = 2 * i + 1
            let r = l + 1
            var smallest = i
            if l < items.count, MinHeap.less(items[l], items[smallest]) { smallest = l }
            if r < items.count, MinHeap.less(items[r], items[smallest]) { smallest = r }
            guard smallest != i else { break }
            items.swapAt(i, smallest)
            i = smallest
        }
        return top
    }
}

extension CapacitatedSearch {
    /// Closes facilities below `minLoad`, the largest shortfall first, while closing one lowers
    /// the shortfall without raising the unassigned weight (step 2 of ``MostCount``).
    mutating func dropShort() {
        let n = fast.problem.facilityCount
        var changed = true
        while changed, !deadline.hasPassed {
            changed = false
            var short: [(shortfall: Int64, facility: Int)] = []
            for r in 0..<n where fast.isRemovable(r) {
                let s = state.shortfall(state.load[r])
                if s > 0 { short.append((s, r)) }
            }
            short.sort { $0.shortfall != $1.shortfall ? $0.shortfall > $1.shortfall : $0.facility < $1.facility }
            for t in short {
                let before = state.score
                let mark = state.journalMark
                onState { $0.swapFacilities(open: -1, close: t.facility) }
                let after = state.score
                if after.unassigned <= before.unassigned && after.shortfall < before.shortfall {
                    fast.swap(open: -1, close: t.facility)
                    onState { $0.clearJournal() }
                    changed = true
                } else {
                    onState { $0.rollback(to: mark) }
                }
            }
        }
    }

    /// Recentring at a fixed count: for each removable open facility `r`, every closed facility
    /// that may replace it and whose own client `r` serves is tried in its place (exact
    /// evaluation); the best improvement is kept. Passes repeat while they improve, until the
    /// work reaches `workLimit`.
    mutating func recentre(workLimit: Int) {
        let problem = fast.problem
        var improved = true
        while improved, work < workLimit, !deadline.hasPassed {
            improved = false
            for r in 0..<problem.facilityCount where fast.isRemovable(r) {
                guard work < workLimit else { break }
                var best = -1
                var bestScore = state.score
                for k in fast.columns.range(r) {
                    let c = Int(fast.columns.client[k])
                    guard Int(state.assigned[c]) == r else { continue }
                    for g32 in fast.groups.members(of: c) {
                        let i = Int(g32)
                        guard i != r, fast.canSwap(open: i, close: r) else { continue }
                        let mark = state.journalMark
                        onState { $0.swapFacilities(open: i, close: r) }
                        if state.score < bestScore {
                            bestScore = state.score
                            best = i
                        }
                        onState { $0.rollback(to: mark) }
                    }
                }
                fast.noteWork(fast.columns.range(r).count)
                if best >= 0 {
                    swapFacilities(open: best, close: r)
                    onState { $0.clearJournal() }
                    improved = true
                }
            }
        }
    }

    /// Demand in `i`'s reach that could move to it if it opened: unassigned clients, and the
    /// spare above `minLoad` of the facilities its other clients are at (each facility's spare
    /// counted once). Its own client counts whatever it leaves behind.
    func potential(_ i: Int, minLoad: Int64, spare: inout [Int64], touched: inout [Int]) -> Int64 {
        let problem = fast.problem
        let own = Int(problem.facilityOwnClient[i])
        var total: Int64 = own >= 0 ? problem.demand[own] : 0
        touched.removeAll(keepingCapacity: true)
        for k in fast.columns.range(i) {
            let c = Int(fast.columns.client[k])
            guard c != own else { continue }
            let d = problem.demand[c]
            let a = Int(state.assigned[c])
            if a < 0 {
                total += d
                continue
            }
            guard !state.isPinned(c) else { continue }
            if spare[a] < 0 {
                spare[a] = max(0, state.load[a] - minLoad)
                touched.append(a)
            }
            let take = min(d, spare[a])
            spare[a] -= take
            total += take
        }
        for a in touched { spare[a] = -1 }
        return total
    }

    /// The closed facilities that may open on their own, by ``potential(_:minLoad:spare:touched:)``,
    /// largest first (ties to the lower preference weight, then the lower index), those of at
    /// least `threshold` only.
    func rankedAdds(minLoad: Int64, threshold: Int64) -> [Int] {
        let problem = fast.problem
        var spare = [Int64](repeating: -1, count: problem.facilityCount)
        var touched: [Int] = []
        var ranked: [(potential: Int64, penalty: Int64, facility: Int)] = []
        for i in 0..<problem.facilityCount where fast.isInsertable(i) {
            let p = potential(i, minLoad: minLoad, spare: &spare, touched: &touched)
            if p >= threshold { ranked.append((p, problem.penalty(i), i)) }
        }
        ranked.sort {
            if $0.potential != $1.potential { return $0.potential > $1.potential }
            if $0.penalty != $1.penalty { return $0.penalty < $1.penalty }
            return $0.facility < $1.facility
        }
        return ranked.map(\.facility)
    }

    /// Opens facilities one by one (step 3 of ``MostCount``), each kept when the unassigned
    /// weight and the shortfall do not grow, in passes over ``rankedAdds(minLoad:threshold:)``
    /// until a pass adds none or the work reaches `workLimit`. Returns how many it opened.
    @discardableResult
    mutating func addUntilStuck(minLoad: Int64, workLimit: Int) -> Int {
        let problem = fast.problem
        var spare = [Int64](repeating: -1, count: problem.facilityCount)
        var touched: [Int] = []
        var added = 0
        while work < workLimit, !deadline.hasPassed {
            let candidates = rankedAdds(minLoad: minLoad, threshold: minLoad)
            fast.noteWork(problem.pairCount)
            var passAdded = 0
            for i in candidates {
                guard work < workLimit else { break }
                guard fast.isInsertable(i), potential(i, minLoad: minLoad, spare: &spare, touched: &touched) >= minLoad
                else { continue }
                fast.noteWork(fast.columns.range(i).count)
                let before = state.score
                let mark = state.journalMark
                onState { $0.swapFacilities(open: i, close: -1) }
                let after = state.score
                if after.unassigned <= before.unassigned && after.shortfall <= before.shortfall {
                    fast.swap(open: i, close: -1)
                    onState { $0.clearJournal() }
                    passAdded += 1
                } else {
                    onState { $0.rollback(to: mark) }
                }
            }
            added += passAdded
            if passAdded == 0 { break }
        }
        return added
    }

    /// Step 5 of ``MostCount``: for each of the `candidates` most promising closed facilities,
    /// a copy of this search opens it and runs a short swap search at the larger count. Returns
    /// the first copy whose unassigned weight and shortfall are no larger than now, or nil.
    func probe(
        minLoad: Int64, candidates: Int, iterations: Int, workLimit: Int, stallRounds: Int?, until limit: Int,
        rng: inout SeededGenerator
    ) -> CapacitatedSearch? {
        let now = state.score
        var spent = 0
        for i in rankedAdds(minLoad: minLoad, threshold: 0).prefix(candidates) {
            guard work + spent < limit, !deadline.hasPassed else { break }
            var trial = self
            trial.swapFacilities(open: i, close: -1)
            trial.improve(iterations: iterations, workLimit: workLimit, stallRounds: stallRounds, rng: &rng)
            spent += trial.work - work
            let after = trial.state.score
            if after.unassigned <= now.unassigned && after.shortfall <= now.shortfall {
                trial.fast.noteWork(spent - (trial.work - work))
                return trial
            }
        }
        return nil
    }
}
