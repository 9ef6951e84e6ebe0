/// A CVRPLIB capacitated vehicle-routing instance (`.vrp`).
///
/// Reads `CAPACITY`, `DEMAND_SECTION`, `DEPOT_SECTION` (one depot) and the distances as for
/// TSPLIB (`EUC_2D` rounded to nearest, …); optional `DISTANCE` (route length limit) and
/// `SERVICE_TIME`. Nodes are renumbered so that the depot is node 0 and the others keep their
/// order: with the usual depot 1, file node k is node k − 1.
public struct CVRPInstance: Sendable, Equatable {
    public var name: String
    public var dimension: Int
    public var capacity: Int32
    /// Demand per node (depot first).
    public var demand: [Int32]
    /// Row-major `dimension × dimension` integer costs (depot first).
    public var travel: [Int32]
    /// Route length limit (`DISTANCE`), if any.
    public var maxRouteDuration: Int32?
    /// Service time per stop (`SERVICE_TIME`), if any.
    public var serviceTime: Int32?
    /// The file's node number of each node.
    public var fileNodes: [Int]

    /// Reads the text of a `.vrp` file (any bytes: invalid UTF-8 is replaced, never trapped).
    public init(bytes: [UInt8]) throws(InstanceError) {
        let text = TSPLIBText(bytes: bytes)
        if let type = text.fields["TYPE"]?.uppercased(), type != "CVRP" {
            throw .unsupported(field: "TYPE", value: type)
        }
        name = text.fields["NAME"] ?? ""
        let n = try text.dimension()
        dimension = n
        guard let capacity = try text.int32Field("CAPACITY") else { throw .missingField("CAPACITY") }
        guard capacity > 0 else { throw .invalidValue(field: "CAPACITY", value: String(capacity)) }
        self.capacity = capacity
        maxRouteDuration = try text.int32Field("DISTANCE")
        serviceTime = try text.int32Field("SERVICE_TIME")
        let demands = try text.nodeTable("DEMAND_SECTION", n: n, width: 1)
        let depot = try Self.depot(text, n: n)
        // Depot first, the rest in file order.
        let order = [depot] + (0..<n).filter { $0 != depot }
        fileNodes = order.map { $0 + 1 }
        var demand: [Int32] = []
        for i in order {
            let v = demands[i][0]
            guard v >= 0, v <= Double(Int32.max), v == v.rounded() else {
                throw .invalidValue(field: "DEMAND_SECTION", value: String(v))
            }
            demand.append(Int32(v))
        }
        demand[0] = 0
        self.demand = demand
        let raw = try EdgeWeights.matrix(text, n: n)
        var travel = [Int32](repeating: 0, count: n * n)
        for (a, i) in order.enumerated() {
            for (b, j) in order.enumerated() { travel[a * n + b] = raw[i * n + j] }
        }
        self.travel = travel
    }

    private static func depot(_ text: TSPLIBText, n: Int) throws(InstanceError) -> Int {
        guard let lines = text.sections["DEPOT_SECTION"] else { throw .badDepot }
        var depots: [Int] = []
        for (line, tokens) in lines {
            for t in tokens {
                guard let id = Int(t) else { throw .malformedLine(line: line, section: "DEPOT_SECTION") }
                if id == -1 { break }
                guard id >= 1, id <= n else { throw .badNode(line: line, section: "DEPOT_SECTION", node: String(t)) }
                depots.append(id - 1)
            }
        }
        guard depots.count == 1, let depot = depots.first else { throw .badDepot }
        return depot
    }

    /// The instance as a routing problem with the classic objective (minimum total cost).
    public func routingProblem() throws(RoutingError) -> RoutingProblem {
        var service = [Int32](repeating: serviceTime ?? 0, count: dimension)
        service[0] = 0
        return try RoutingProblem(
            nodeCount: dimension, travel: travel, service: service, demand: demand,
            capacity: capacity, maxRouteDuration: maxRouteDuration, objective: .cost)
    }
}
