/// Sorts the stops into those a route could serve alone and those no route can serve.
enum Screening {
    static func run(_ problem: RoutingProblem) -> (servable: [Int32], unservable: [RoutingSolution.UnassignedStop]) {
        var servable: [Int32] = []
        var unservable: [RoutingSolution.UnassignedStop] = []
        let n = problem.nodeCount
        for v in 1..<max(1, n) {
            let out = problem.travel[v]
            let back = problem.travel[v * n]
            let reason: RoutingSolution.UnassignedReason?
            if out == RoutingProblem.unreachable || back == RoutingProblem.unreachable {
                reason = .unreachable
            } else if let capacity = problem.capacity, problem.demand[v] > capacity {
                reason = .demandExceedsCapacity
            } else if let limit = problem.maxRouteDuration,
                Int64(out) + Int64(back) + Int64(problem.service[v]) > Int64(limit)
            {
                reason = .roundTripExceedsMaxDuration
            } else if let limit = problem.maxRideTime, max(out, back) > limit {
                reason = .rideExceedsMaxRideTime
            } else {
                reason = nil
            }
            if let reason {
                unservable.append(.init(node: v, reason: reason))
            } else {
                servable.append(Int32(v))
            }
        }
        return (servable, unservable)
    }
}
