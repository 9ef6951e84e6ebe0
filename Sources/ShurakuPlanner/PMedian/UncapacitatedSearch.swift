import ShurakuCore

/// The search used when no load limit is set: greedy start, fast swap descent, then variable
/// neighbourhood search (shake by `k` random swaps, descend, keep if not worse; `k` grows on
/// failure and drops back to 1 on improvement). Every swap keeps each own-client group to one
/// open member; a shake may move a group's open facility to another member.
struct UncapacitatedSearch {
    var swap: FastSwap
    let deadline: Deadline

    init(problem: PMedianProblem, columns: FacilityColumns, deadline: Deadline) {
        swap = FastSwap(problem: problem, columns: columns)
        self.deadline = deadline
    }

    /// Opens the fixed facilities, then adds the best facility until `count` are open.
    mutating func greedyStart(count: Int) {
        for f in swap.problem.fixedOpen where !swap.isOpen[Int(f)] { swap.swap(open: Int(f), close: -1) }
        while swap.openCount < count, let i = swap.bestAdd() { swap.swap(open: i, close: -1) }
    }

    /// Open facilities that may close (open and not fixed).
    var closableCount: Int { swap.openCount - swap.problem.fixedOpen.count }

    /// Opens `i` and closes `r` (either may be -1).
    mutating func swapFacilities(open i: Int, close r: Int) { swap.swap(open: i, close: r) }

    /// Applies the best improving swap until none improves. Returns the swaps made.
    @discardableResult
    mutating func descend(log: inout [(Int, Int)]) -> Int {
        var moves = 0
        while true {
            swap.noteWork(swap.problem.facilityCount)
            guard let s = swap.bestSwap(), s.delta < .zero else { break }
            swap.swap(open: s.insert, close: s.remove)
            log.append((s.insert, s.remove))
            moves += 1
            if moves & 63 == 0, deadline.hasPassed { break }
        }
        return moves
    }

    /// Variable neighbourhood search from the current open set, for at most `iterations` rounds
    /// and about `workLimit` pair visits (a deterministic stand-in for time).
    mutating func improve(iterations: Int, workLimit: Int, stallRounds: Int?, rng: inout SeededGenerator) {
        var log: [(Int, Int)] = []
        descend(log: &log)
        let n = swap.problem.facilityCount
        var removable: [Int] = []
        var insertable: [Int] = []
        let removableCount = (0..<n).filter(swap.isRemovable).count
        // With at most one facility that may close, every other open set is one swap away and
        // the descent has checked them all: the result is optimal.
        guard removableCount > 1 else { return }
        let kMax = max(1, min(removableCount, 10))
        var k = 1
        var bestTotal = swap.total
        let workStart = swap.work
        let stallLimit = stallRounds ?? PMedianOptions.defaultStallRounds(openCount: swap.openCount, loadLimits: false)
        var stall = 0
        // With few facilities that may close, nearly every client changes in every swap, so a
        // failed round is undone by restoring a copy of the state taken before it (about m + n
        // work) rather than by swapping back.
        let restoreByCopy = removableCount < PMedianSolver.fewClosable
        var saved: FastSwap? = nil
        for _ in 0..<iterations {
            if deadline.hasPassed || stall >= stallLimit { break }
            stall += 1
            if swap.work - workStart > workLimit { break }
            if restoreByCopy { saved = swap }
            log.removeAll(keepingCapacity: true)
            for _ in 0..<k {
                swap.noteWork(n)
                removable.removeAll(keepingCapacity: true)
                for f in 0..<n where swap.isRemovable(f) { removable.append(f) }
                guard !removable.isEmpty else { break }
                let r = removable[rng.index(below: removable.count)]
                swap.openable(closing: r, into: &insertable)
                guard !insertable.isEmpty else { break }
                let i = insertable[rng.index(below: insertable.count)]
                swap.swap(open: i, close: r)
                log.append((i, r))
            }
            descend(log: &log)
            if swap.total < bestTotal {
                bestTotal = swap.total
                k = 1
                stall = 0
            } else {
                if bestTotal < swap.total {
                    if let saved {
                        swap.restore(saved)
                    } else {
                        for (i, r) in log.reversed() { swap.swap(open: r, close: i) }
                    }
                }
                k = k % kMax + 1
            }
        }
    }

    /// For a problem with load limits: when the current open set, each client at its nearest
    /// open facility, has no facility below `minLoad` or above `maxLoad`, the limits are
    /// probably inactive. Then runs the uncapacitated search and returns its result if that
    /// still respects them and leaves no more unassigned weight than `unassignedAtMost`: no
    /// solution with load limits can be better, since it would be a better uncapacitated one.
    /// Nil (the caller runs the capacitated search) otherwise.
    mutating func solveIfLoadsInactive(
        iterations: Int, workLimit: Int, stallRounds: Int?, unassignedAtMost: Int64 = .max,
        rng: inout SeededGenerator
    ) -> PMedianSolution? {
        var log: [(Int, Int)] = []
        descend(log: &log)
        guard respectsLoads(), swap.total.unassigned <= unassignedAtMost else { return nil }
        improve(iterations: iterations, workLimit: workLimit, stallRounds: stallRounds, rng: &rng)
        guard respectsLoads(), swap.total.unassigned <= unassignedAtMost else { return nil }
        return solution()
    }

    /// Whether every open facility's load, with each client at its nearest open facility, is
    /// within `minLoad...maxLoad`.
    func respectsLoads() -> Bool {
        let problem = swap.problem
        var load = [Int64](repeating: 0, count: problem.facilityCount)
        for c in 0..<problem.clientCount where swap.first[c] >= 0 { load[Int(swap.first[c])] += problem.demand[c] }
        let minLoad = problem.minLoad ?? 0
        let maxLoad = problem.maxLoad ?? .max
        for f in 0..<problem.facilityCount where swap.isOpen[f] {
            if load[f] < minLoad || load[f] > maxLoad { return false }
        }
        return true
    }

    /// The current solution.
    func solution() -> PMedianSolution {
        let m = swap.problem.clientCount
        var assignment = [Int32](repeating: -1, count: m)
        var cost = [Int64](repeating: 0, count: m)
        for c in 0..<m where swap.first[c] >= 0 {
            assignment[c] = swap.first[c]
            cost[c] = swap.value1[c].cost
        }
        return PMedianSolution(problem: swap.problem, isOpen: swap.isOpen, assignment: assignment, assignmentCost: cost)
    }
}
