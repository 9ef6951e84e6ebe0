import ShurakuCore

/// The search used when `minLoad` or `maxLoad` is set.
///
/// Open sets are explored by facility swaps, each evaluated exactly by a ``LoadedAssignment``
/// (close, open, reinsert, repair). On small problems every swap is evaluated; on larger ones
/// the candidates are the best swaps of the uncapacitated ``FastSwap`` ranking, plus swaps aimed
/// at the capacitated trouble spots (the facility with the largest shortfall, a client left
/// out for capacity). Around that descent runs an iterated local search: a random swap, descent,
/// keep if not worse. Swaps keep each own-client group to one open member; swaps within a
/// group (moving its open facility to another member) are candidates like any other.
struct CapacitatedSearch {
    var fast: FastSwap
    var state: LoadedAssignment
    let deadline: Deadline
    /// Swap candidates evaluated exactly per descent step on larger problems.
    let candidateCount = 12
    /// Problems with at most this many (insert, remove) pairs evaluate every swap.
    let exhaustiveLimit = 24

    init(problem: PMedianProblem, columns: FacilityColumns, deadline: Deadline) {
        fast = FastSwap(problem: problem, columns: columns)
        state = LoadedAssignment(problem: problem, columns: columns)
        self.deadline = deadline
    }

    /// Work done so far (all assignment work is reported into `fast`'s counter).
    var work: Int { fast.work }

    /// Runs `body` on the assignment and counts its work.
    mutating func onState(_ body: (inout LoadedAssignment) -> Void) {
        let before = state.work
        body(&state)
        fast.noteWork(state.work - before)
    }

    /// Starts from the open set (and swap tables) of `uncapacitated`, typically its greedy
    /// start after the swap descent, with a capacity-respecting assignment and repair.
    mutating func start(from uncapacitated: FastSwap) {
        fast = uncapacitated
        let open = fast.openFacilities
        onState { $0.reset(open: open) }
        onState { $0.improve(nil, swaps: true) }
    }

    /// Starts from the open set of `uncapacitated` with each client at its facility in
    /// `assignment` where that pair is allowed and has room (-1: none), the rest inserted and
    /// repaired; moves that would raise the score are never made.
    mutating func start(from uncapacitated: FastSwap, assignment: [Int32]) {
        fast = uncapacitated
        let open = fast.openFacilities
        onState { $0.reset(open: open, assignment: assignment) }
        onState { $0.improve(nil, swaps: true) }
    }

    /// Opens `i` and closes `r` (either may be -1), with repair.
    mutating func swapFacilities(open i: Int, close r: Int) {
        onState { $0.swapFacilities(open: i, close: r) }
        fast.swap(open: i, close: r)
    }

    /// The swaps worth evaluating exactly from the current state.
    func candidates() -> [(Int, Int)] {
        let n = fast.problem.facilityCount
        let removable = (0..<n).filter(fast.isRemovable)
        let insertable = (0..<n).filter(fast.isInsertable)
        // Closed facilities that may enter only by a swap within their group.
        var withinGroup: [(Int, Int)] = []
        for i in 0..<n { if case .replacing(let g) = fast.opening(i) { withinGroup.append((i, g)) } }
        if removable.count * insertable.count + withinGroup.count <= exhaustiveLimit {
            var all: [(Int, Int)] = []
            for i in 0..<n {
                if fast.isInsertable(i) {
                    all += removable.map { (i, $0) }
                } else if case .replacing(let g) = fast.opening(i) {
                    all.append((i, g))
                }
            }
            return all
        }
        var list = fast.rankedSwaps(limit: candidateCount).map { ($0.insert, $0.remove) }
        // The removable facility furthest below the minimum load, replaced by its best partner.
        var worst = -1
        var worstShort: Int64 = 0
        for r in removable {
            let s = state.shortfall(state.load[r])
            if s > worstShort {
                worstShort = s
                worst = r
            }
        }
        if worst >= 0, let i = fast.bestInsertion(replacing: worst) { list.append((i, worst)) }
        // A client left out although some facility could serve it: open one of its facilities.
        for c in 0..<fast.problem.clientCount where state.assigned[c] < 0 {
            var opened = false
            for k in Int(fast.problem.pairStart[c])..<Int(fast.problem.pairStart[c + 1]) {
                let i = Int(fast.problem.pairFacility[k])
                if case .replacing(let g) = fast.opening(i) {
                    list.append((i, g))
                    opened = true
                    break
                }
                guard fast.isInsertable(i) else { continue }
                var bestR = -1
                var bestDelta = Score.zero
                for r in removable {
                    let d = fast.swapDelta(open: i, close: r)
                    if bestR < 0 || d < bestDelta {
                        bestR = r
                        bestDelta = d
                    }
                }
                if bestR >= 0 { list.append((i, bestR)) }
                opened = true
                break
            }
            if opened { break }
        }
        return list
    }

    /// Applies the best improving facility swap until none improves. Returns the swaps made.
    @discardableResult
    mutating func descend(log: inout [(Int, Int)], workLimit: Int) -> Int {
        var moves = 0
        while work < workLimit, !deadline.hasPassed {
            var bestScore = state.score
            var bestSwap = (-1, -1)
            for (i, r) in candidates() {
                let mark = state.journalMark
                onState { $0.swapFacilities(open: i, close: r) }
                if state.score < bestScore {
                    bestScore = state.score
                    bestSwap = (i, r)
                }
                onState { $0.rollback(to: mark) }
            }
            guard bestSwap.0 >= 0 || bestSwap.1 >= 0 else { break }
            swapFacilities(open: bestSwap.0, close: bestSwap.1)
            onState { $0.improve(nil, maxPasses: 2) }
            log.append(bestSwap)
            moves += 1
        }
        return moves
    }

    /// Iterated local search for at most `iterations` rounds and about `workLimit` pair visits.
    mutating func improve(iterations: Int, workLimit: Int, stallRounds: Int?, rng: inout SeededGenerator) {
        let limit = work &+ workLimit
        var log: [(Int, Int)] = []
        descend(log: &log, workLimit: limit)
        let n = fast.problem.facilityCount
        var bestScore = state.score
        onState { $0.clearJournal() }
        let stallLimit =
            stallRounds ?? PMedianOptions.defaultStallRounds(openCount: fast.openCount, loadLimits: true)
        var stall = 0
        var insertable: [Int] = []
        for _ in 0..<iterations {
            if deadline.hasPassed || work >= limit || stall >= stallLimit { break }
            stall += 1
            log.removeAll(keepingCapacity: true)
            let savedFast = fast
            let removable = (0..<n).filter(fast.isRemovable)
            guard !removable.isEmpty else { break }
            let r = removable[rng.index(below: removable.count)]
            fast.openable(closing: r, into: &insertable)
            guard !insertable.isEmpty else { break }
            let i = insertable[rng.index(below: insertable.count)]
            swapFacilities(open: i, close: r)
            log.append((i, r))
            descend(log: &log, workLimit: limit)
            if state.score <= bestScore {
                if state.score < bestScore { stall = 0 }
                bestScore = state.score
            } else {
                onState { $0.rollback(to: 0) }
                fast.restore(savedFast)
            }
            onState { $0.clearJournal() }
        }
        // Final polish over every client: afterwards no unassigned client has an open facility
        // with room in reach.
        onState { $0.improve(nil, swaps: true, maxPasses: 50) }
    }

    /// Facilities tried by ``openToRelieve()``.
    let relieveTrials = 8

    /// For the `.auto` cover when no closed facility reaches unassigned demand: some unassigned
    /// clients are then held out by full open facilities. Tries opening each of the
    /// ``relieveTrials`` closed facilities that reach the most demand now at those full
    /// facilities (its clients may move over and make room), and opens the one that leaves the
    /// least demand unassigned, if it leaves less. Returns whether it opened one.
    mutating func openToRelieve() -> Bool {
        let problem = fast.problem
        let maxLoad = problem.maxLoad ?? .max
        let n = problem.facilityCount
        var full = [Bool](repeating: false, count: n)
        var waiting: [Int32] = []
        for c in 0..<problem.clientCount where state.assigned[c] < 0 && problem.demand[c] <= maxLoad {
            var blocked = false
            for k in Int(problem.pairStart[c])..<Int(problem.pairStart[c + 1]) where state.isOpen[Int(problem.pairFacility[k])] {
                full[Int(problem.pairFacility[k])] = true
                blocked = true
            }
            if blocked { waiting.append(Int32(c)) }
        }
        fast.noteWork(problem.pairCount / 4)
        guard !waiting.isEmpty else { return false }
        var ranked: [(demand: Int64, facility: Int)] = []
        for i in 0..<n where fast.isInsertable(i) {
            var demand: Int64 = 0
            for k in fast.columns.range(i) {
                let c = Int(fast.columns.client[k])
                let a = Int(state.assigned[c])
                if a >= 0, full[a], !state.isPinned(c) { demand += problem.demand[c] }
            }
            fast.noteWork(fast.columns.range(i).count)
            if demand > 0 { ranked.append((demand, i)) }
        }
        ranked.sort { $0.demand != $1.demand ? $0.demand > $1.demand : $0.facility < $1.facility }
        var best = -1
        var bestScore = state.score
        for t in ranked.prefix(relieveTrials) {
            let mark = state.journalMark
            onState {
                $0.swapFacilities(open: t.facility, close: -1)
                $0.improve(waiting, maxPasses: 3)
            }
            if state.score.unassigned < bestScore.unassigned {
                best = t.facility
                bestScore = state.score
            }
            onState { $0.rollback(to: mark) }
        }
        guard best >= 0 else { return false }
        swapFacilities(open: best, close: -1)
        onState { $0.improve(waiting, maxPasses: 3) }
        onState { $0.clearJournal() }
        return true
    }

    /// The current solution.
    func solution() -> PMedianSolution {
        PMedianSolution(
            problem: state.problem, isOpen: state.isOpen, assignment: state.assigned,
            assignmentCost: state.assignedCost)
    }
}
