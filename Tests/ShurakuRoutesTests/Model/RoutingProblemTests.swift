import ShurakuRoutes
import Testing

@Test("invalid problems are rejected with the matching error")
func problemValidation() {
    let ok: [Int32] = [0, 5, 5, 0]
    #expect(throws: RoutingError.noNodes) { try RoutingProblem(nodeCount: 0, travel: []) }
    #expect(throws: RoutingError.travelMatrixSize(expected: 4, actual: 3)) {
        try RoutingProblem(nodeCount: 2, travel: [0, 1, 2])
    }
    #expect(throws: RoutingError.nodeArraySize(name: "demand", expected: 2, actual: 1)) {
        try RoutingProblem(nodeCount: 2, travel: ok, demand: [0])
    }
    #expect(throws: RoutingError.negativeTravel(from: 1, to: 0, value: -3)) {
        try RoutingProblem(nodeCount: 2, travel: [0, 5, -3, 0])
    }
    #expect(throws: RoutingError.negativeService(node: 1, value: -1)) {
        try RoutingProblem(nodeCount: 2, travel: ok, service: [0, -1])
    }
    #expect(throws: RoutingError.negativeDemand(node: 1, value: -2)) {
        try RoutingProblem(nodeCount: 2, travel: ok, demand: [0, -2])
    }
    #expect(throws: RoutingError.depotNotNeutral) { try RoutingProblem(nodeCount: 2, travel: ok, demand: [1, 1]) }
    #expect(throws: RoutingError.invalidCapacity(0)) { try RoutingProblem(nodeCount: 2, travel: ok, capacity: 0) }
    #expect(throws: RoutingError.invalidMaxRouteDuration(-1)) {
        try RoutingProblem(nodeCount: 2, travel: ok, maxRouteDuration: -1)
    }
    #expect(throws: RoutingError.invalidMaxRoutes(0)) { try RoutingProblem(nodeCount: 2, travel: ok, maxRoutes: 0) }
    #expect(throws: RoutingError.tooManyNodes(count: 40_000, limit: RoutingProblem.maxNodeCount)) {
        try RoutingProblem(nodeCount: 40_000, travel: [])
    }
}

@Test("indicators compare unassigned first, then routes or cost as the objective says")
func indicatorOrder() {
    let a = Indicators(unassigned: 0, routes: 3, cost: 100)
    let b = Indicators(unassigned: 0, routes: 2, cost: 150)
    let c = Indicators(unassigned: 1, routes: 1, cost: 10)
    #expect(a.isBetter(than: b, for: .cost))
    #expect(b.isBetter(than: a, for: .fewestRoutesThenCost))
    #expect(a.isBetter(than: c, for: .cost) && b.isBetter(than: c, for: .fewestRoutesThenCost))
    #expect(!a.isBetter(than: a, for: .cost))
}
