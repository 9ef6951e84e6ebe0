import ShurakuRoutes
import Testing

@Test("X-n101-k25 parses: depot first, capacity, demands, rounded distances")
func xInstanceParses() throws {
    let vrp = try CVRPInstance(bytes: try sharedBytes("bench/cvrp/X-n101-k25.vrp"))
    #expect(vrp.name == "X-n101-k25")
    #expect(vrp.dimension == 101)
    #expect(vrp.capacity == 206)
    #expect(vrp.demand.count == 101)
    #expect(vrp.demand[0] == 0)
    #expect(vrp.demand[1] == 38)  // file node 2
    #expect(vrp.fileNodes.prefix(3) == [1, 2, 3])
    let problem = try vrp.routingProblem()
    #expect(problem.capacity == 206)
    #expect(problem.objective == .cost)
}

@Test("the best-known X-n101-k25 solution is feasible and costs what its file says")
func bestKnownSolutionChecks() throws {
    let vrp = try CVRPInstance(bytes: try sharedBytes("bench/cvrp/X-n101-k25.vrp"))
    let sol = try CVRPSolutionFile(bytes: try sharedBytes("bench/cvrp/X-n101-k25.sol"))
    #expect(sol.cost == 27591)
    #expect(sol.routes.joined().sorted() == Array(1...100))
    let n = vrp.dimension
    var total: Int64 = 0
    for route in sol.routes {
        var last = 0
        var load: Int32 = 0
        for c in route {
            total += Int64(vrp.travel[last * n + c])
            load += vrp.demand[c]
            last = c
        }
        total += Int64(vrp.travel[last * n])
        #expect(load <= vrp.capacity)
    }
    #expect(total == sol.cost)
}

func vrp(_ lines: [String]) throws(InstanceError) -> CVRPInstance {
    try CVRPInstance(bytes: Array(lines.joined(separator: "\n").utf8))
}

@Test("a depot other than node 1 becomes node 0; DISTANCE and SERVICE_TIME are read")
func depotRenumbering() throws {
    let v = try vrp([
        "TYPE : CVRP", "DIMENSION : 3", "EDGE_WEIGHT_TYPE : EUC_2D", "CAPACITY : 10", "DISTANCE : 50",
        "SERVICE_TIME : 2", "NODE_COORD_SECTION", "1 0 0", "2 3 4", "3 6 8",
        "DEMAND_SECTION", "1 4", "2 0", "3 5", "DEPOT_SECTION", " 2", " -1", "EOF",
    ])
    #expect(v.fileNodes == [2, 1, 3])
    #expect(v.demand == [0, 4, 5])
    #expect(v.travel == [0, 5, 5, 5, 0, 10, 5, 10, 0])
    let p = try v.routingProblem()
    #expect(p.maxRouteDuration == 50)
    #expect(p.service == [0, 2, 2])
}

@Test("malformed CVRPLIB files throw typed errors")
func malformedVRPFilesThrow() {
    let head = ["DIMENSION : 2", "EDGE_WEIGHT_TYPE : EUC_2D", "NODE_COORD_SECTION", "1 0 0", "2 3 4"]
    #expect(throws: InstanceError.missingField("CAPACITY")) {
        try vrp(head + ["DEMAND_SECTION", "1 0", "2 1", "DEPOT_SECTION", "1", "-1"])
    }
    #expect(throws: InstanceError.badDepot) {
        try vrp(head + ["CAPACITY : 5", "DEMAND_SECTION", "1 0", "2 1", "DEPOT_SECTION", "1", "2", "-1"])
    }
    #expect(throws: InstanceError.badDepot) { try vrp(head + ["CAPACITY : 5", "DEMAND_SECTION", "1 0", "2 1"]) }
    #expect(throws: InstanceError.incompleteSection("DEMAND_SECTION")) {
        try vrp(head + ["CAPACITY : 5", "DEMAND_SECTION", "1 0", "DEPOT_SECTION", "1", "-1"])
    }
    #expect(throws: InstanceError.invalidValue(field: "CAPACITY", value: "lots")) {
        try vrp(head + ["CAPACITY : lots"])
    }
    #expect(throws: InstanceError.unsupported(field: "TYPE", value: "TSP")) { try vrp(["TYPE : TSP"] + head) }
}
