/// A TSPLIB travelling-salesman instance (`.tsp`) as a cost matrix.
///
/// Distance types: `EUC_2D` (rounded to nearest), `CEIL_2D`, `ATT`, `GEO`, and `EXPLICIT` in
/// the full-matrix and triangular layouts. City 1 becomes node 0 (the depot of the tour).
public struct TSPInstance: Sendable, Equatable {
    public var name: String
    public var dimension: Int
    /// Row-major `dimension × dimension` integer costs.
    public var travel: [Int32]

    /// Reads the text of a `.tsp` file (any bytes: invalid UTF-8 is replaced, never trapped).
    public init(bytes: [UInt8]) throws(InstanceError) {
        let text = TSPLIBText(bytes: bytes)
        if let type = text.fields["TYPE"]?.uppercased(), type != "TSP", type != "ATSP" {
            throw .unsupported(field: "TYPE", value: type)
        }
        name = text.fields["NAME"] ?? ""
        dimension = try text.dimension()
        travel = try EdgeWeights.matrix(text, n: dimension)
    }

    /// The instance as a routing problem: one route through every city, minimum cost.
    public func routingProblem() throws(RoutingError) -> RoutingProblem {
        try RoutingProblem(nodeCount: dimension, travel: travel)
    }
}
