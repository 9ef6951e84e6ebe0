/// Builds year-round schedules for a 特定地域づくり事業協同組合's workers from employers'
/// seasonal demand (the algorithm is described on `ScheduleSearch`, in ScheduleSearch.swift).
public enum CooperativeScheduler {
    /// A schedule that keeps every worker within 80 % of their total hours at one employer,
    /// covers as much demand as it can and, with an automatic worker count, uses the fewest
    /// workers that reach that coverage.
    ///
    /// Automatic worker count: try the peak demand (the fewest workers that could cover
    /// everything) and up to ``ScheduleParameters/extraWorkersToTry`` more, stopping at full
    /// coverage, and keep the count with the most coverage (the fewest on ties). When demand is
    /// still uncovered (the 80 % rule binds), step down below the peak while coverage holds, so
    /// that utilisation is not diluted by workers the rule leaves idle. At least one worker.
    public static func schedule(_ demand: LabourDemand, parameters: ScheduleParameters = ScheduleParameters()) throws(FundingError)
        -> Schedule
    {
        try parameters.validate()
        let counts: [Int]
        if let w = parameters.workers {
            counts = [w]
        } else {
            let peak = demand.peak
            guard peak + parameters.extraWorkersToTry <= ScheduleParameters.maxWorkers else {
                throw .inputTooLarge(what: "workers wanted at once", limit: ScheduleParameters.maxWorkers - parameters.extraWorkersToTry)
            }
            counts = Array(peak...(peak + (peak > 0 ? parameters.extraWorkersToTry : 0)))
        }
        var tried: [WorkerCountTrial] = []
        var best: ScheduleState?
        var bestCovered = -1
        func attempt(_ w: Int) -> (ScheduleState, Int) {
            let s = ScheduleSearch.run(demand: demand, workers: w, parameters: parameters)
            let covered = demand.total - ScheduleSearch.uncoveredTotal(s)
            tried.append(WorkerCountTrial(workers: w, coveredCells: covered))
            return (s, covered)
        }
        for w in counts {
            let (s, covered) = attempt(w)
            if covered > bestCovered {
                best = s
                bestCovered = covered
            }
            if covered == demand.total { break }
        }
        // When the 80 % rule keeps demand uncovered, fewer workers than the peak may cover
        // just as much: step down while coverage holds.
        if parameters.workers == nil, let b = best, b.workerCount == counts.first, bestCovered < demand.total {
            var w = b.workerCount - 1
            while w >= 1 {
                let (s, covered) = attempt(w)
                guard covered >= bestCovered else { break }
                best = s
                w -= 1
            }
        }
        let s = best ?? ScheduleState(workers: 0, demand: demand, basis: parameters.shareBasis)
        return Schedule(
            demand: demand,
            parameters: parameters,
            workers: (0..<s.workerCount).map { w in
                WorkerSchedule(number: w + 1, employerByCell: (0..<Cell.count).map { c in s.at(w, c) >= 0 ? s.at(w, c) : nil })
            },
            uncovered: uncovered(s),
            workerCountsTried: parameters.workers == nil ? tried : []
        )
    }

    /// Uncovered demand with reasons: in a cell with `f` free workers, the first `f` uncovered
    /// wanted workers (employer order) are put down to the 80 % rule, the rest to capacity.
    static func uncovered(_ s: ScheduleState) -> [UncoveredDemand] {
        var out: [UncoveredDemand] = []
        var ruleBudget = (0..<Cell.count).map { s.workerCount - s.busy[$0] }
        var byEmployer: [[UncoveredDemand]] = Array(repeating: [], count: s.employerCount)
        for c in 0..<Cell.count {
            for e in 0..<s.employerCount where s.uncovered(e, c) > 0 {
                let u = s.uncovered(e, c)
                let rule = min(u, ruleBudget[c])
                ruleBudget[c] -= rule
                if rule > 0 {
                    byEmployer[e].append(UncoveredDemand(employer: e, cell: Cell(index: c), workers: rule, reason: .eightyPercentRule))
                }
                if u - rule > 0 {
                    byEmployer[e].append(UncoveredDemand(employer: e, cell: Cell(index: c), workers: u - rule, reason: .noFreeWorker))
                }
            }
        }
        for list in byEmployer { out += list }
        return out
    }
}
