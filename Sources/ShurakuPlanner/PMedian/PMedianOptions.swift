import ShurakuCore

/// Settings of a p-median solve. The defaults are deterministic: same problem, same result.
public struct PMedianOptions: Sendable {
    /// Seed of every random step.
    public var seed: UInt64
    /// Most perturbation rounds of the metaheuristic after the first local optimum (nil: a
    /// default that depends only on the problem's size, see ``defaultIterations(for:)``).
    public var iterations: Int?
    /// Work limit of the metaheuristic, in pair visits per allowed pair of the problem. Rounds
    /// stop when either limit is reached. Work is counted, not timed, so it is deterministic;
    /// it keeps problems with few open facilities (expensive rounds) fast. Without load limits
    /// (or when they turn out inactive), a search with fewer than 5 open facilities that may
    /// close gets `closable / 5` of it, and one with a single such facility needs none.
    public var workPerPair: Int
    /// Upper bound on the work limit, whatever the problem's size (about 2–4 s of search on
    /// this project's reference machine for a 5,000-client problem).
    public var maxWork: Int
    /// Rounds without improvement after which the metaheuristic stops early (nil: a default
    /// of `base + perFacility × p` rounds, see ``defaultStallRounds(openCount:loadLimits:)``).
    public var stallRounds: Int?
    /// Safety net only: when it passes, the search returns its best so far. Results are
    /// reproducible only when the iteration budget, not the deadline, ends the search.
    public var deadline: Deadline

    public init(
        seed: UInt64 = 1, iterations: Int? = nil, workPerPair: Int = 60, maxWork: Int = 120_000_000,
        stallRounds: Int? = nil, deadline: Deadline = .never
    ) {
        self.stallRounds = stallRounds
        self.seed = seed
        self.iterations = iterations
        self.workPerPair = workPerPair
        self.maxWork = maxWork
        self.deadline = deadline
    }

    /// The default early stop: 50 + 10 p rounds without improvement (10 + 3 p with load
    /// limits, whose rounds are dearer).
    public static func defaultStallRounds(openCount p: Int, loadLimits: Bool) -> Int {
        loadLimits ? 10 + 3 * p : 50 + 10 * p
    }

    /// The default number of perturbation rounds for a problem.
    public static func defaultIterations(for problem: PMedianProblem) -> Int {
        problem.hasLoadLimits ? 200 : 5000
    }
}
