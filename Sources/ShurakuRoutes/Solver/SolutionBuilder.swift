/// Turns stop sequences into the public `RoutingSolution`, with every figure recomputed from
/// the problem itself.
enum SolutionBuilder {
    static func build(_ problem: RoutingProblem, routes: [[Int32]], unassigned: [RoutingSolution.UnassignedStop])
        -> RoutingSolution
    {
        var out: [RoutingSolution.Route] = []
        for seq in routes where !seq.isEmpty {
            var time: Int64 = 0
            var cost: Int64 = 0
            var load: Int64 = 0
            var arrivals: [Int64] = []
            var last = 0
            for v32 in seq {
                let v = Int(v32)
                let leg = Int64(problem.travel(from: last, to: v))
                cost += leg
                time += leg
                arrivals.append(time)
                time += Int64(problem.service[v])
                load += Int64(problem.demand[v])
                last = v
            }
            let back = Int64(problem.travel(from: last, to: 0))
            out.append(
                .init(
                    stops: seq.map(Int.init), cost: cost + back, duration: time + back, load: load,
                    arrivals: arrivals, rides: problem.rides(of: seq.map(Int.init))))
        }
        out.sort { $0.stops.lexicographicallyPrecedes($1.stops) }
        return RoutingSolution(
            routes: out, unassigned: unassigned.sorted { $0.node < $1.node },
            totalCost: out.reduce(0) { $0 + $1.cost })
    }
}
