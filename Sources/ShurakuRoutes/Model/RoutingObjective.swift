/// What the engine minimises once every servable stop is routed.
public enum RoutingObjective: Sendable, Hashable {
    /// Minimum total travel cost (the classic CVRP objective).
    case cost
    /// As few routes as possible, then minimum total travel cost (bus loops: split a zone into
    /// as few loops as its duration and capacity limits require).
    case fewestRoutesThenCost
}
