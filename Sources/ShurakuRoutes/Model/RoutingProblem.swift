/// A vehicle-routing problem: closed routes from a depot (node 0) through stops `1..<nodeCount`.
///
/// Costs are integers (for bus loops: road travel seconds, rounded once). The travel matrix may
/// be asymmetric (one-way streets); its diagonal is ignored. A route's duration is its travel
/// cost plus the service (dwell) times of its stops, depot to depot.
public struct RoutingProblem: Sendable, Equatable {
    /// Largest accepted `nodeCount`; keeps every internal sum of costs inside `Int64`.
    public static let maxNodeCount = 30_000
    /// A travel cost meaning "no path": a stop that cannot reach or be reached from the depot
    /// is reported unassigned as `.unreachable`.
    public static let unreachable = Int32.max

    /// Number of nodes, depot included.
    public let nodeCount: Int
    /// Row-major `nodeCount × nodeCount` travel costs: `travel[from * nodeCount + to]`.
    public let travel: [Int32]
    /// Service (dwell) time per node; 0 for the depot.
    public let service: [Int32]
    /// Demand per node; 0 for the depot.
    public let demand: [Int32]
    /// Vehicle capacity, or nil for no load limit.
    public let capacity: Int32?
    /// Maximum route duration (travel + service, depot to depot), or nil for no limit.
    public let maxRouteDuration: Int32?
    /// Maximum ride time, or nil for no limit: for every stop, the time from that stop to the
    /// depot along the rest of its route (the travel and the service of the stops after it), and
    /// the same for the route driven in reverse (the ride of an outbound passenger who boards at
    /// the depot and leaves at that stop). See ``RoutingSolution/Route/rides``.
    public let maxRideTime: Int32?
    /// Maximum number of routes, or nil for no limit.
    public let maxRoutes: Int?
    /// What to minimise.
    public let objective: RoutingObjective

    /// Validates and stores a problem. `service` and `demand` default to zeros.
    public init(
        nodeCount: Int,
        travel: [Int32],
        service: [Int32]? = nil,
        demand: [Int32]? = nil,
        capacity: Int32? = nil,
        maxRouteDuration: Int32? = nil,
        maxRideTime: Int32? = nil,
        maxRoutes: Int? = nil,
        objective: RoutingObjective = .cost
    ) throws(RoutingError) {
        guard nodeCount >= 1 else { throw .noNodes }
        guard nodeCount <= Self.maxNodeCount else {
            throw .tooManyNodes(count: nodeCount, limit: Self.maxNodeCount)
        }
        guard travel.count == nodeCount * nodeCount else {
            throw .travelMatrixSize(expected: nodeCount * nodeCount, actual: travel.count)
        }
        let service = service ?? Array(repeating: 0, count: nodeCount)
        let demand = demand ?? Array(repeating: 0, count: nodeCount)
        guard service.count == nodeCount else {
            throw .nodeArraySize(name: "service", expected: nodeCount, actual: service.count)
        }
        guard demand.count == nodeCount else {
            throw .nodeArraySize(name: "demand", expected: nodeCount, actual: demand.count)
        }
        if let bad = travel.firstIndex(where: { $0 < 0 }) {
            throw .negativeTravel(from: bad / nodeCount, to: bad % nodeCount, value: travel[bad])
        }
        if let bad = service.firstIndex(where: { $0 < 0 }) { throw .negativeService(node: bad, value: service[bad]) }
        if let bad = demand.firstIndex(where: { $0 < 0 }) { throw .negativeDemand(node: bad, value: demand[bad]) }
        guard service[0] == 0, demand[0] == 0 else { throw .depotNotNeutral }
        if let capacity, capacity <= 0 { throw .invalidCapacity(capacity) }
        if let maxRouteDuration, maxRouteDuration < 0 { throw .invalidMaxRouteDuration(maxRouteDuration) }
        if let maxRideTime, maxRideTime < 0 { throw .invalidMaxRideTime(maxRideTime) }
        if let maxRoutes, maxRoutes < 1 { throw .invalidMaxRoutes(maxRoutes) }
        self.nodeCount = nodeCount
        self.travel = travel
        self.service = service
        self.demand = demand
        self.capacity = capacity
        self.maxRouteDuration = maxRouteDuration
        self.maxRideTime = maxRideTime
        self.maxRoutes = maxRoutes
        self.objective = objective
    }

    /// The travel cost from node `from` to node `to`.
    public func travel(from: Int, to: Int) -> Int32 { travel[from * nodeCount + to] }

    /// The ride time of each stop of the route `stops` (depot → stops → depot), parallel to
    /// `stops`: the longer of the ride to the depot along the rest of the route and the ride from
    /// the depot on the route driven in reverse, service times of the stops in between included.
    public func rides(of stops: [Int]) -> [Int64] {
        var rides = [Int64](repeating: 0, count: stops.count)
        var inbound: Int64 = 0
        var outbound: Int64 = 0
        var next = 0
        for k in stride(from: stops.count - 1, through: 0, by: -1) {
            let v = stops[k]
            if next != 0 {
                inbound += Int64(service[next])
                outbound += Int64(service[next])
            }
            inbound += Int64(travel(from: v, to: next))
            outbound += Int64(travel(from: next, to: v))
            rides[k] = max(inbound, outbound)
            next = v
        }
        return rides
    }
}
