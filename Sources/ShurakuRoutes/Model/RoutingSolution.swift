/// The engine's answer: closed routes from the depot, and the stops it could not serve.
public struct RoutingSolution: Sendable, Equatable {
    /// One closed route: depot → `stops` → depot.
    public struct Route: Sendable, Equatable {
        /// Node indices in visiting order, without the depot.
        public var stops: [Int]
        /// Travel cost depot to depot.
        public var cost: Int64
        /// Travel cost plus service times, depot to depot.
        public var duration: Int64
        /// Sum of the stops' demands.
        public var load: Int64
        /// Arrival time at each stop (parallel to `stops`), counted from departure at the depot:
        /// travel and service of everything before it.
        public var arrivals: [Int64]
        /// Ride time of each stop (parallel to `stops`), as ``RoutingProblem/rides(of:)`` defines it.
        public var rides: [Int64]
        /// The longest ride on the route (0 for none).
        public var maxRide: Int64 { rides.max() ?? 0 }
    }

    /// Why a stop is not on any route.
    public enum UnassignedReason: Sendable, Hashable {
        /// Its demand alone exceeds the vehicle capacity.
        case demandExceedsCapacity
        /// Depot → stop → depot plus its service time already exceeds the maximum duration.
        case roundTripExceedsMaxDuration
        /// Even alone on a route, its ride to or from the depot exceeds the maximum ride time.
        case rideExceedsMaxRideTime
        /// The travel matrix says it cannot be reached from, or cannot return to, the depot.
        case unreachable
        /// It could be served alone, but the route limit left no room for it.
        case noRouteAvailable
    }

    /// A stop that no route serves, with the reason.
    public struct UnassignedStop: Sendable, Hashable {
        public var node: Int
        public var reason: UnassignedReason
    }

    /// The routes, each non-empty.
    public var routes: [Route]
    /// Stops on no route, in increasing node order.
    public var unassigned: [UnassignedStop]
    /// Sum of the routes' travel costs.
    public var totalCost: Int64

    /// The figures solutions are compared by.
    public var indicators: Indicators {
        Indicators(unassigned: unassigned.count, routes: routes.count, cost: totalCost)
    }
}
