import ShurakuCore

/// How long and with which random stream the engine searches.
///
/// The search is bounded by iteration counts, so the same problem and options always give
/// the same solution. The deadline is only a safety net: if it passes first, the search stops
/// early and returns its best so far (and the result may then depend on machine speed).
public struct RoutingOptions: Sendable {
    /// Seed of the generator behind every random step.
    public var seed: UInt64
    /// Perturbation rounds (ruin & recreate, then local search) of the multi-route search.
    public var iterations: Int
    /// Perturbation rounds (double bridge, then 2-opt / Or-opt) of the single-route search.
    public var tourIterations: Int
    /// Safety net: stop improving once this passes.
    public var deadline: Deadline

    /// The defaults suit bus-loop zones: in a release build about 0.1 s of CPU for a single
    /// 80-stop loop, and under a second for an 80-stop zone split into several loops.
    public init(seed: UInt64 = 0, iterations: Int = 1_000, tourIterations: Int = 5_000, deadline: Deadline = .never) {
        self.seed = seed
        self.iterations = max(0, iterations)
        self.tourIterations = max(0, tourIterations)
        self.deadline = deadline
    }
}
