/// Why a `RoutingProblem` could not be built from the given arrays.
public enum RoutingError: Error, Equatable, Sendable {
    /// The problem has no nodes at all (node 0, the depot, is required).
    case noNodes
    /// More nodes than the engine accepts (keeps every sum of costs inside `Int64`).
    case tooManyNodes(count: Int, limit: Int)
    /// `travel` does not hold `nodeCount × nodeCount` entries.
    case travelMatrixSize(expected: Int, actual: Int)
    /// A per-node array (`service` or `demand`) does not hold `nodeCount` entries.
    case nodeArraySize(name: String, expected: Int, actual: Int)
    /// A travel cost is negative.
    case negativeTravel(from: Int, to: Int, value: Int32)
    /// A service (dwell) time is negative.
    case negativeService(node: Int, value: Int32)
    /// A demand is negative.
    case negativeDemand(node: Int, value: Int32)
    /// The depot (node 0) has a non-zero service time or demand.
    case depotNotNeutral
    /// The vehicle capacity is not positive.
    case invalidCapacity(Int32)
    /// The maximum route duration is negative.
    case invalidMaxRouteDuration(Int32)
    /// The route limit is smaller than one.
    case invalidMaxRoutes(Int)
}
