import ShurakuCore

/// Builds one schedule for a fixed number of workers.
///
/// The problem: give each worker at most one employer per cell so that no cell gets more
/// workers than an employer wants, every worker keeps within the 80 % rule, as much demand as
/// possible is covered (with a fixed number of workers, covered hours / available hours is the
/// utilisation, so this maximises utilisation), and, second, workers stay with the same
/// employer from one half-day and one month to the next (continuity). It is an integer
/// program with 24·W·E variables; no exact solver is available here, so the search is:
///
/// 1. **Construction.** Cells in calendar order; in each cell, employers with the least annual
///    demand first (short seasonal jobs are what keeps workers under 80 % elsewhere). Each
///    wanted worker goes to the free worker with the most continuity, then the fewest cells at
///    that employer so far (spreading each employer over workers), then the fewest worked
///    cells, then the lowest number. The rule is not enforced yet.
/// 2. **Repair by swaps.** While a worker is over 80 %, apply the best exchange of two workers'
///    assignments in one cell that lowers the total excess (``ScheduleState`` explains excess).
///    Swaps keep coverage unchanged.
/// 3. **Drop.** Whatever excess is left is removed by un-assigning cells at the over-used
///    employer (the cell with the least continuity first); those become uncovered demand.
/// 4. **Fill.** Each uncovered wanted worker goes to a free worker for whom it keeps the rule,
///    or, failing that, a busy worker takes it and hands their own job to a free worker when
///    both stay within the rule.
/// 5. **Ruin and recreate** (``ScheduleParameters/improvementRounds`` rounds, seeded; a large
///    neighbourhood search): clear the whole year of one to three random workers, or every
///    assignment in one to three random cells, then run steps 1–4 on what is free. The trial
///    replaces the current schedule when it covers at least as much (so the search walks
///    across plateaus); the best coverage seen is kept. Rounds stop early when no cell has both
///    uncovered demand and a free worker, or when coverage reaches ``CoverageBound``.
/// 6. **Continuity polish.** Rule-keeping exchanges that raise continuity: one cell between two
///    workers, or a run of whole months between two workers (so that two people trade, say,
///    November–December as a block), to a fixed pass budget.
///
/// Every step is a deterministic function of the demand, the parameters and the seed.
/// Optimality is not proven; ``CoverageBound`` gives the upper bound reported beside the result.
enum ScheduleSearch {
    static let continuityPasses = 8

    static func run(demand: LabourDemand, workers: Int, parameters p: ScheduleParameters) -> ScheduleState {
        var s = ScheduleState(workers: workers, demand: demand, basis: p.shareBasis)
        guard workers > 0, s.employerCount > 0 else { return s }
        // Smallest annual demand first: short seasonal jobs are what lets a worker stay under
        // 80 % elsewhere, so when a cell has more demand than workers they are kept.
        let order = demand.employers.indices.sorted {
            let (a, b) = (demand.total(employer: $0), demand.total(employer: $1))
            return a != b ? a < b : $0 < $1
        }
        construct(&s, order: order)
        repairBySwaps(&s)
        drop(&s)
        fill(&s, order: order)

        var rng = SeededGenerator.derived(seed: p.seed, stream: UInt64(workers))
        let bound = CoverageBound.coverage(demand, workers: workers, basis: p.shareBasis)
        var best = s
        var bestUncovered = uncoveredTotal(s)
        for _ in 0..<p.improvementRounds {
            // Stop once nothing can improve: every uncovered wanted worker falls in a full cell,
            // or the coverage reaches the upper bound.
            guard bestUncovered > 0, !openCells(s).isEmpty, demand.total - bestUncovered < bound else { break }
            var trial = s
            ruin(&trial, rng: &rng)
            construct(&trial, order: order)
            repairBySwaps(&trial)
            drop(&trial)
            fill(&trial, order: order)
            let u = uncoveredTotal(trial)
            if u <= uncoveredTotal(s) { s = trial }
            if u < bestUncovered {
                best = trial
                bestUncovered = u
            }
        }
        s = best
        polishContinuity(&s)
        return s
    }

    // MARK: 1. construction

    static func construct(_ s: inout ScheduleState, order: [Int]) {
        for c in 0..<ScheduleState.cells {
            for e in order {
                while s.uncovered(e, c) > 0 {
                    var pick = -1
                    var pickKey = (0, 0, 0)
                    for w in 0..<s.workerCount where s.at(w, c) == ScheduleState.idle {
                        let key = (-s.continuity(w, c, e), s.count(w, e), s.worked[w])
                        if pick < 0 || key < pickKey {
                            pick = w
                            pickKey = key
                        }
                    }
                    guard pick >= 0 else { break }
                    s.set(pick, c, e)
                }
            }
        }
    }

    // MARK: 2. repair by swaps

    /// The best swap for worker `w`: lowest change in total excess, then most continuity gained.
    static func bestRepairSwap(_ s: ScheduleState, worker w: Int) -> (cell: Int, partner: Int, gain: Int)? {
        var best: (cell: Int, partner: Int, gain: Int)?
        var bestKey = (0, 0)
        let ew0 = s.excess(w)
        for c in 0..<ScheduleState.cells {
            let ea = s.at(w, c)
            for v in 0..<s.workerCount where v != w {
                let eb = s.at(v, c)
                guard ea != eb else { continue }
                let delta = s.excess(w, leaving: ea, joining: eb) + s.excess(v, leaving: eb, joining: ea) - ew0 - s.excess(v)
                guard delta < 0 else { continue }
                let cont = s.continuity(w, c, eb) + s.continuity(v, c, ea) - s.continuity(w, c, ea) - s.continuity(v, c, eb)
                let key = (delta, -cont)
                if best == nil || key < bestKey {
                    best = (c, v, -delta)
                    bestKey = key
                }
            }
        }
        return best
    }

    static func repairBySwaps(_ s: inout ScheduleState) {
        var improved = true
        while improved {
            improved = false
            for w in 0..<s.workerCount where s.excess(w) > 0 {
                while s.excess(w) > 0, let m = bestRepairSwap(s, worker: w) {
                    s.swap(w, m.partner, m.cell)
                    improved = true
                }
            }
        }
    }

    // MARK: 3. drop

    static func drop(_ s: inout ScheduleState) {
        for w in 0..<s.workerCount {
            while s.excess(w) > 0 {
                let e = s.dominantEmployer(w)
                guard e >= 0 else { break }
                var pick = -1
                var pickCont = Int.max
                for c in stride(from: ScheduleState.cells - 1, through: 0, by: -1) where s.at(w, c) == e {
                    let cont = s.continuity(w, c, e)
                    if cont < pickCont {
                        pick = c
                        pickCont = cont
                    }
                }
                guard pick >= 0 else { break }
                s.set(w, pick, ScheduleState.idle)
            }
        }
    }

    // MARK: 4. fill

    static func fill(_ s: inout ScheduleState, order: [Int]) {
        var changed = true
        while changed {
            changed = false
            for c in 0..<ScheduleState.cells where s.busy[c] < s.workerCount {
                for e in order {
                    while s.uncovered(e, c) > 0, s.busy[c] < s.workerCount {
                        if let w = directFill(s, cell: c, employer: e) {
                            s.set(w, c, e)
                        } else if let (busyWorker, freeWorker) = handOverFill(s, cell: c, employer: e) {
                            let handed = s.at(busyWorker, c)
                            s.set(busyWorker, c, ScheduleState.idle)
                            s.set(busyWorker, c, e)
                            s.set(freeWorker, c, handed)
                        } else {
                            break
                        }
                        changed = true
                    }
                }
            }
        }
    }

    /// A free worker who can take employer `e` in cell `c` within the rule.
    static func directFill(_ s: ScheduleState, cell c: Int, employer e: Int) -> Int? {
        var pick: Int?
        var pickKey = (0, 0, 0)
        for w in 0..<s.workerCount where s.at(w, c) == ScheduleState.idle {
            guard s.excess(w, leaving: ScheduleState.idle, joining: e) == 0 else { continue }
            let key = (-s.continuity(w, c, e), s.count(w, e), s.worked[w])
            if pick == nil || key < pickKey {
                pick = w
                pickKey = key
            }
        }
        return pick
    }

    /// A busy worker who can switch to `e` in cell `c` and a free worker who can take over the
    /// busy worker's job there, both within the rule.
    static func handOverFill(_ s: ScheduleState, cell c: Int, employer e: Int) -> (Int, Int)? {
        for b in 0..<s.workerCount {
            let handed = s.at(b, c)
            guard handed >= 0, handed != e, s.excess(b, leaving: handed, joining: e) == 0 else { continue }
            for f in 0..<s.workerCount where s.at(f, c) == ScheduleState.idle {
                if s.excess(f, leaving: ScheduleState.idle, joining: handed) == 0 { return (b, f) }
            }
        }
        return nil
    }

    // MARK: 5. ruin and recreate

    static func uncoveredTotal(_ s: ScheduleState) -> Int { s.remaining.reduce(0, +) }

    /// Cells that still have uncovered demand and a free worker.
    static func openCells(_ s: ScheduleState) -> [Int] {
        (0..<ScheduleState.cells).filter { c in
            s.busy[c] < s.workerCount && (0..<s.employerCount).contains { s.uncovered($0, c) > 0 }
        }
    }

    /// Clears part of the schedule: every cell of one to three random workers, or every
    /// assignment in one to three random cells.
    static func ruin(_ s: inout ScheduleState, rng: inout SeededGenerator) {
        let k = 1 + rng.index(below: 3)
        if rng.index(below: 2) == 0 {
            for _ in 0..<k {
                let w = rng.index(below: s.workerCount)
                for c in 0..<ScheduleState.cells { s.set(w, c, ScheduleState.idle) }
            }
        } else {
            for _ in 0..<k {
                let c = rng.index(below: ScheduleState.cells)
                for w in 0..<s.workerCount { s.set(w, c, ScheduleState.idle) }
            }
        }
    }

    // MARK: 6. continuity

    static func polishContinuity(_ s: inout ScheduleState) {
        for _ in 0..<continuityPasses {
            var improved = false
            for c in 0..<ScheduleState.cells {
                for a in 0..<s.workerCount {
                    for b in (a + 1)..<max(a + 1, s.workerCount) {
                        let (ea, eb) = (s.at(a, c), s.at(b, c))
                        guard ea != eb else { continue }
                        let gain = s.continuity(a, c, eb) + s.continuity(b, c, ea) - s.continuity(a, c, ea) - s.continuity(b, c, eb)
                        guard gain > 0,
                            s.excess(a, leaving: ea, joining: eb) == 0,
                            s.excess(b, leaving: eb, joining: ea) == 0
                        else { continue }
                        s.swap(a, b, c)
                        improved = true
                    }
                }
            }
            if s.workerCount <= segmentSwapMaxWorkers {
                for a in 0..<s.workerCount {
                    for b in (a + 1)..<max(a + 1, s.workerCount) {
                        for start in 0..<12 {
                            for length in 1..<12 where trySegmentSwap(&s, a, b, firstMonth: start, months: length) {
                                improved = true
                            }
                        }
                    }
                }
            }
            if !improved { break }
        }
    }

    /// Segment swaps look at every pair of workers; above this many workers only single-cell
    /// swaps run (the pass would cost W² × 132 boundary checks).
    static let segmentSwapMaxWorkers = 60

    /// Exchanges workers `a` and `b`'s whole months `firstMonth ..< firstMonth + months` (0-based,
    /// wrapping past December) when that raises continuity and keeps both within the rule.
    /// Inside the run nothing changes for continuity, so only its two edges are compared.
    static func trySegmentSwap(_ s: inout ScheduleState, _ a: Int, _ b: Int, firstMonth: Int, months: Int) -> Bool {
        let last = (firstMonth + months - 1) % 12
        let edges = [((firstMonth + 11) % 12, firstMonth), ((last + 1) % 12, last)]  // (outside, inside)
        var gain = 0
        var differs = false
        for (outside, inside) in edges {
            for slot in 0..<2 {
                let (o, i) = (outside * 2 + slot, inside * 2 + slot)
                let (ao, ai, bo, bi) = (s.at(a, o), s.at(a, i), s.at(b, o), s.at(b, i))
                let before = (ao >= 0 && ao == ai ? 1 : 0) + (bo >= 0 && bo == bi ? 1 : 0)
                let after = (ao >= 0 && ao == bi ? 1 : 0) + (bo >= 0 && bo == ai ? 1 : 0)
                gain += after - before
            }
        }
        guard gain > 0 else { return false }
        for k in 0..<months {
            for slot in 0..<2 {
                let c = ((firstMonth + k) % 12) * 2 + slot
                if s.at(a, c) != s.at(b, c) { differs = true }
            }
        }
        guard differs else { return false }
        func exchange(_ s: inout ScheduleState) {
            for k in 0..<months {
                for slot in 0..<2 { s.swap(a, b, ((firstMonth + k) % 12) * 2 + slot) }
            }
        }
        exchange(&s)
        if s.excess(a) == 0, s.excess(b) == 0 { return true }
        exchange(&s)
        return false
    }
}
