import ShurakuCore

/// Entry point of the zoning engine: solves a ``PMedianProblem``.
///
/// - Without load limits: greedy start, Resende–Werneck style fast swap descent, variable
///   neighbourhood search ([UncapacitatedSearch]).
/// - With `minLoad` and/or `maxLoad`: when the uncapacitated start already respects them, the
///   uncapacitated search runs first and its result is kept if it still does (a better
///   solution under the limits would also be a better uncapacitated one); otherwise the same
///   swap machinery ranks candidate swaps, each is evaluated exactly by a capacity-respecting
///   assignment with shift/swap repair ([CapacitatedSearch]).
/// - `.auto`: a greedy cover gives an upper bound on `p`, then `p − 1, p − 2, …` are tried until
///   one leaves demand unassigned that the larger count served ([AutoCount]).
/// - `.most`: a packing of compact zones of at least `minLoad`, then facility drops, adds and
///   swaps, each evaluated exactly by the capacitated assignment ([MostCount]).
/// - Facility scores (``PMedianProblem/facilityScore``) enter every swap, add and drop
///   evaluation as a term after shortfall and before cost.
///
/// Deterministic for a given ``PMedianOptions/seed`` and iteration budget. The result is a value;
/// independent problems can be solved in parallel.
public enum PMedianSolver {
    /// Solves `problem`.
    ///
    /// - Throws: ``PMedianError/tooFewUsableFacilities(needed:usable:)`` when `p` exceeds the
    ///   facilities that can be open at once (``PMedianProblem/openableCount``).
    public static func solve(_ problem: PMedianProblem, options: PMedianOptions = PMedianOptions()) throws(PMedianError)
        -> PMedianSolution
    {
        let columns = FacilityColumns(problem)
        let usable = problem.openableCount
        var rng = SeededGenerator(seed: options.seed)
        let iterations = max(0, options.iterations ?? PMedianOptions.defaultIterations(for: problem))
        switch problem.p {
        case .exactly(let p):
            guard p <= usable else { throw .tooFewUsableFacilities(needed: p, usable: usable) }
            return solveExactly(problem, columns: columns, count: p, iterations: iterations, options: options, rng: &rng)
        case .auto:
            return AutoCount.solve(problem, columns: columns, iterations: iterations, options: options, rng: &rng)
        case .most:
            return MostCount.solve(problem, columns: columns, iterations: iterations, options: options, rng: &rng)
        }
    }

    /// Solves for exactly `count` open facilities.
    static func solveExactly(
        _ problem: PMedianProblem, columns: FacilityColumns, count: Int, iterations: Int, options: PMedianOptions,
        rng: inout SeededGenerator
    ) -> PMedianSolution {
        if problem.hasLoadLimits {
            var plain = UncapacitatedSearch(problem: problem, columns: columns, deadline: options.deadline)
            plain.greedyStart(count: count)
            let workBefore = plain.swap.work
            if let s = plain.solveIfLoadsInactive(
                iterations: iterations, workLimit: finalWorkLimit(problem, options, closable: plain.closableCount),
                stallRounds: options.stallRounds, rng: &rng)
            {
                return s
            }
            // Not inactive: the capacitated search starts from where the uncapacitated one is,
            // with what is left of the budget (at least half).
            var search = CapacitatedSearch(problem: problem, columns: columns, deadline: options.deadline)
            search.start(from: plain.swap)
            let limit = workLimit(problem, options)
            search.improve(
                iterations: iterations, workLimit: max(limit / 2, limit - (plain.swap.work - workBefore)),
                stallRounds: options.stallRounds, rng: &rng)
            return search.solution()
        }
        var search = UncapacitatedSearch(problem: problem, columns: columns, deadline: options.deadline)
        search.greedyStart(count: count)
        search.improve(
            iterations: iterations, workLimit: finalWorkLimit(problem, options, closable: search.closableCount),
            stallRounds: options.stallRounds, rng: &rng)
        return search.solution()
    }

    /// The work limit of the metaheuristic for `problem`: `workPerPair` per allowed pair (at
    /// least 5,000 pairs' worth, so tiny problems still search), at most `maxWork`.
    static func workLimit(_ problem: PMedianProblem, _ options: PMedianOptions) -> Int {
        let limit = max(1, options.workPerPair).multipliedReportingOverflow(by: max(problem.pairCount, 5000))
        return limit.overflow ? options.maxWork : min(limit.partialValue, options.maxWork)
    }

    /// Open facilities that may close below which the uncapacitated search's budget shrinks.
    static let fewClosable = 5

    /// The work limit of the final uncapacitated search when `closable` open facilities may
    /// close: ``workLimit(_:_:)``, scaled by `closable / 5` when fewer than 5 may. With so few,
    /// every swap recomputes nearly every client (each is near one of them) while the swap
    /// neighbourhood (`closable × n`) is small, so the search settles within a few rounds.
    /// With one or none, the descent alone is exact and no round runs at all.
    static func finalWorkLimit(_ problem: PMedianProblem, _ options: PMedianOptions, closable: Int) -> Int {
        finalWorkLimit(workLimit(problem, options), closable: closable)
    }

    /// `limit` scaled as in ``finalWorkLimit(_:_:closable:)``.
    static func finalWorkLimit(_ limit: Int, closable: Int) -> Int {
        guard closable < fewClosable else { return limit }
        return max(1, limit / fewClosable * max(1, closable))
    }
}
