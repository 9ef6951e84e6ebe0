/// Route-first, cluster-second: cuts one giant tour (an order of all stops) into consecutive
/// feasible routes at minimum objective (travel cost plus the fixed cost per route), by a
/// shortest path over the cut points (Prins 2004).
enum Split {
    /// The routes, or nil if some stop cannot be served in any route (it should not happen
    /// for screened stops) or the route limit is exceeded.
    static func routes(of order: [Int32], _ inst: Instance) -> [[Int32]]? {
        let count = order.count
        guard count > 0 else { return [] }
        let infinity = Int64.max / 4
        var value = [Int64](repeating: infinity, count: count + 1)
        var cut = [Int](repeating: -1, count: count + 1)
        value[0] = 0
        for i in 0..<count where value[i] < infinity {
            var load: Int64 = 0
            var service: Int64 = 0
            var inner: Int64 = 0
            var innerBack: Int64 = 0
            let first = Int(order[i])
            for j in i..<count {
                let v = Int(order[j])
                load += inst.demand[v]
                service += inst.service[v]
                if j > i {
                    inner += inst.d(Int(order[j - 1]), v)
                    innerBack += inst.d(v, Int(order[j - 1]))
                }
                let cost = inst.d(0, first) + inner + inst.d(v, 0)
                // The first stop rides longest, both ways (see `Instance.keepsRideLimit`).
                let rideService = service - inst.service[first]
                let rideOK =
                    !inst.hasRideLimit
                    || (inner + inst.d(v, 0) + rideService <= inst.maxRide && inst.d(0, v) + innerBack + rideService <= inst.maxRide)
                guard load <= inst.capacity, cost + service <= inst.maxDuration, rideOK else {
                    // Loads only grow; durations too unless costs break the triangle inequality.
                    if load > inst.capacity { break }
                    continue
                }
                let candidate = value[i] + cost + inst.routeFixedCost
                if candidate < value[j + 1] {
                    value[j + 1] = candidate
                    cut[j + 1] = i
                }
            }
        }
        guard value[count] < infinity else { return nil }
        var routes: [[Int32]] = []
        var j = count
        while j > 0 {
            let i = cut[j]
            routes.append(Array(order[i..<j]))
            j = i
        }
        guard routes.count <= inst.maxRoutes else { return nil }
        return routes.reversed()
    }
}
