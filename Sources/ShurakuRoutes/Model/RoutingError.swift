import ShurakuCore

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
    /// The maximum ride time is negative.
    case invalidMaxRideTime(Int32)
    /// The route limit is smaller than one.
    case invalidMaxRoutes(Int)
}

extension RoutingError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .noNodes: "the problem has no nodes (node 0, the depot, is required)"
        case .tooManyNodes(let count, let limit): "\(count) nodes is above the limit of \(limit)"
        case .travelMatrixSize(let expected, let actual): "the travel matrix has \(actual) entries, expected \(expected)"
        case .nodeArraySize(let name, let expected, let actual): "\(name) has \(actual) entries, expected \(expected)"
        case .negativeTravel(let from, let to, let value): "travel from node \(from) to node \(to) is negative (\(value))"
        case .negativeService(let node, let value): "service time of node \(node) is negative (\(value))"
        case .negativeDemand(let node, let value): "demand of node \(node) is negative (\(value))"
        case .depotNotNeutral: "the depot (node 0) must have zero service time and demand"
        case .invalidCapacity(let c): "capacity must be positive, got \(c)"
        case .invalidMaxRouteDuration(let t): "maximum route duration must not be negative, got \(t)"
        case .invalidMaxRideTime(let t): "maximum ride time must not be negative, got \(t)"
        case .invalidMaxRoutes(let r): "maximum number of routes must be at least 1, got \(r)"
        }
    }
}

extension RoutingError: ClassifiedError {
    /// The bus-loop planner builds routing problems itself, so a malformed one is a bug.
    public var failureClass: FailureClass { .bug }
}
