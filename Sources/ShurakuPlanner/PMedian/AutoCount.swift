import ShurakuCore

/// What the `.auto` search needs from either search.
protocol OpenSetSearch {
    var fast: FastSwap { get }
    var deadline: Deadline { get }
    var currentScore: Score { get }
    mutating func swapFacilities(open i: Int, close r: Int)
    /// Opens the facility that serves the most unassigned demand; false when none serves any.
    mutating func openForCover() -> Bool
    /// Whether client `c` is assigned.
    func isAssigned(_ c: Int) -> Bool
    /// The work limit of the final search, from the full one.
    func finalWorkLimit(_ limit: Int) -> Int
    mutating func improve(iterations: Int, workLimit: Int, stallRounds: Int?, rng: inout SeededGenerator)
    func solution() -> PMedianSolution
}

/// The `.auto` facility count: the fewest open facilities that leave unassigned only demand
/// that no candidate can serve, then the best solution for that count.
///
/// 1. Greedy cover: after the fixed facilities, repeatedly open the facility that serves the
///    most unassigned demand (with load limits, when none reaches any, the facility whose
///    opening makes the most room for clients held out by full ones), until only unservable
///    demand is left (or nothing helps: the remaining demand then counts as unservable for
///    this search). Only one facility of an own-client group may be open, so when groups are
///    shared and demand is still left, the cover also tries moving a group's open facility to
///    another member that reaches unassigned demand, then covering again ("regroup").
/// 2. Shrink: close the facility whose loss is smallest, run a short search at the smaller
///    count; keep it while the unassigned demand stays at the target, stop at the first failure.
/// 3. Polish: the full search at the final count (with load limits, the uncapacitated search
///    when the limits turn out inactive, as in ``PMedianSolver``).
///
/// The minimum is not guaranteed (set cover is NP-hard), but step 2 searches each smaller
/// count with the full swap neighbourhood before giving up.
enum AutoCount {
    static func solve(
        _ problem: PMedianProblem, columns: FacilityColumns, iterations: Int, options: PMedianOptions,
        rng: inout SeededGenerator
    ) -> PMedianSolution {
        let workLimit = PMedianSolver.workLimit(problem, options)
        if problem.hasLoadLimits {
            var search = CapacitatedSearch(problem: problem, columns: columns, deadline: options.deadline)
            return run(
                &search, problem: problem, iterations: iterations, workLimit: workLimit,
                stallRounds: options.stallRounds, rng: &rng)
        }
        var search = UncapacitatedSearch(problem: problem, columns: columns, deadline: options.deadline)
        return run(
            &search, problem: problem, iterations: iterations, workLimit: workLimit, stallRounds: options.stallRounds,
            rng: &rng)
    }

    static func run<S: OpenSetSearch>(
        _ search: inout S, problem: PMedianProblem, iterations: Int, workLimit: Int, stallRounds: Int?,
        rng: inout SeededGenerator
    ) -> PMedianSolution {
        for f in problem.fixedOpen where !search.fast.isOpen[Int(f)] { search.swapFacilities(open: Int(f), close: -1) }
        let usable = (0..<problem.facilityCount).map(problem.isUsable)
        var target: Int64 = 0
        for c in 0..<problem.clientCount where !problem.isServable(c, usable: usable) {
            target += problem.unassignedScore(c).unassigned
        }
        let trialIterations = min(iterations, 20)
        let trialWork = max(1, workLimit / 16)
        cover(&search, target: target)
        if search.fast.groups.hasShared {
            while search.currentScore.unassigned > target, regroup(&search, target: target) {}
        }
        target = max(target, search.currentScore.unassigned)
        while let r = search.fast.bestDrop() {
            var trial = search
            trial.swapFacilities(open: -1, close: r)
            trial.improve(iterations: trialIterations, workLimit: trialWork, stallRounds: stallRounds, rng: &rng)
            guard trial.currentScore.unassigned <= target else { break }
            search = trial
        }
        var finalLimit = search.finalWorkLimit(workLimit)
        if problem.hasLoadLimits {
            var plain = UncapacitatedSearch(problem: problem, columns: search.fast.columns, deadline: search.deadline)
            for f in search.fast.openFacilities { plain.swapFacilities(open: f, close: -1) }
            let workBefore = plain.swap.work
            if let s = plain.solveIfLoadsInactive(
                iterations: iterations, workLimit: PMedianSolver.finalWorkLimit(workLimit, closable: plain.closableCount),
                stallRounds: stallRounds, unassignedAtMost: search.currentScore.unassigned, rng: &rng)
            {
                return s
            }
            finalLimit = max(finalLimit / 2, finalLimit - (plain.swap.work - workBefore))
        }
        search.improve(iterations: iterations, workLimit: finalLimit, stallRounds: stallRounds, rng: &rng)
        return search.solution()
    }

    /// Closed group members tried per ``regroup(_:target:)`` step.
    static let regroupTrials = 32

    /// When the cover is stuck because an open group member blocks another member that would
    /// serve unassigned demand: tries moving the group's open facility to that member and
    /// covering again, and keeps the best trial if it leaves less demand unassigned. Returns
    /// whether it did. Members are tried by the unassigned demand in their reach, largest
    /// first, at most ``regroupTrials`` of them.
    static func regroup<S: OpenSetSearch>(_ search: inout S, target: Int64) -> Bool {
        let problem = search.fast.problem
        let columns = search.fast.columns
        var tries: [(demand: Int64, facility: Int, partner: Int)] = []
        for i in 0..<problem.facilityCount {
            guard case .replacing(let g) = search.fast.opening(i) else { continue }
            var demand: Int64 = 0
            for k in columns.range(i) where !search.isAssigned(Int(columns.client[k])) {
                demand += problem.demand[Int(columns.client[k])] + 1
            }
            if demand > 0 { tries.append((demand, i, g)) }
        }
        tries.sort { $0.demand != $1.demand ? $0.demand > $1.demand : $0.facility < $1.facility }
        var best: S? = nil
        for t in tries.prefix(regroupTrials) {
            var trial = search
            trial.swapFacilities(open: t.facility, close: t.partner)
            cover(&trial, target: target)
            if trial.currentScore.unassigned < (best ?? search).currentScore.unassigned { best = trial }
        }
        guard let best else { return false }
        search = best
        return true
    }

    /// Opens facilities for the most unassigned demand until only `target` is left or no
    /// facility that may open serves any.
    static func cover<S: OpenSetSearch>(_ search: inout S, target: Int64) {
        while search.currentScore.unassigned > target {
            if !search.openForCover() { break }
        }
    }
}

extension UncapacitatedSearch: OpenSetSearch {
    var fast: FastSwap { swap }
    var currentScore: Score { swap.total }
    func isAssigned(_ c: Int) -> Bool { swap.first[c] >= 0 }
    func finalWorkLimit(_ limit: Int) -> Int { PMedianSolver.finalWorkLimit(limit, closable: closableCount) }

    mutating func openForCover() -> Bool {
        guard let i = swap.bestAdd(), swap.gain[i].unassigned > 0 else { return false }
        swap.swap(open: i, close: -1)
        return true
    }
}

extension CapacitatedSearch: OpenSetSearch {
    var currentScore: Score { state.score }
    func isAssigned(_ c: Int) -> Bool { state.assigned[c] >= 0 }
    func finalWorkLimit(_ limit: Int) -> Int { limit }

    mutating func openForCover() -> Bool {
        let problem = fast.problem
        let maxLoad = problem.maxLoad ?? .max
        var best = -1
        var bestDemand: Int64 = 0
        var bestClients = 0
        for i in 0..<problem.facilityCount where fast.isInsertable(i) {
            var demand: Int64 = 0
            var clients = 0
            for k in fast.columns.range(i) {
                let c = Int(fast.columns.client[k])
                guard state.assigned[c] < 0, problem.demand[c] <= maxLoad else { continue }
                demand += problem.demand[c]
                clients += 1
            }
            demand = min(demand, maxLoad)
            if clients > 0, best < 0 || demand > bestDemand || (demand == bestDemand && clients > bestClients) {
                best = i
                bestDemand = demand
                bestClients = clients
            }
        }
        guard best >= 0 else { return openToRelieve() }
        swapFacilities(open: best, close: -1)
        return true
    }
}
