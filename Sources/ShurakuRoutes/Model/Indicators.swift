/// The figures two solutions are compared by, lexicographically: unassigned stops first, then
/// (for `.fewestRoutesThenCost`) the number of routes, then the travel cost, then routes again.
public struct Indicators: Sendable, Hashable {
    public var unassigned: Int
    public var routes: Int
    public var cost: Int64

    public init(unassigned: Int, routes: Int, cost: Int64) {
        self.unassigned = unassigned
        self.routes = routes
        self.cost = cost
    }

    /// Whether `self` is strictly better than `other` under `objective`.
    public func isBetter(than other: Indicators, for objective: RoutingObjective) -> Bool {
        if unassigned != other.unassigned { return unassigned < other.unassigned }
        switch objective {
        case .cost:
            if cost != other.cost { return cost < other.cost }
            return routes < other.routes
        case .fewestRoutesThenCost:
            if routes != other.routes { return routes < other.routes }
            return cost < other.cost
        }
    }
}
