import ShurakuCore

/// The fastest road path between two places, as a polyline that follows the roads.
public struct RoutePath: Hashable, Sendable {
    /// From the first place through its connector, along the roads, to the second place
    /// (metric CRS, no repeated consecutive points).
    public var points: [XY]
    /// Total travel time (connectors included), seconds.
    public var seconds: Double
    /// Total length (connectors included), metres.
    public var meters: Double
}

/// Reusable finder of fastest paths between places (owns one search workspace; not thread-safe:
/// one per task).
public struct PathFinder {
    public let network: RoutingNetwork
    private let workspace: DijkstraWorkspace

    public init(network: RoutingNetwork) {
        self.network = network
        workspace = DijkstraWorkspace(nodeCount: network.graph.nodeCount)
    }

    /// The fastest path from place `a` to place `b` (one-way streets respected), or nil when `b`
    /// cannot be reached from `a` (or either has no road).
    public func path(from a: Int, to b: Int) throws(NetworkError) -> RoutePath? {
        let places = network.places
        for (name, i) in [("from", a), ("to", b)] where i < 0 || i >= places.count {
            throw .indexOutOfRange(name: name, index: i, count: places.count)
        }
        let pa = places[a], pb = places[b]
        if a == b { return RoutePath(points: [pa.point], seconds: 0, meters: 0) }
        guard pa.node >= 0, pb.node >= 0 else { return nil }
        let g = network.graph
        let ws = workspace
        g.withCSR(reverse: false) { csr in
            ws.run(csr, source: pa.node, budget: .greatestFiniteMagnitude, target: pb.node, parents: true)
        }
        let t = Int(pb.node)
        guard ws.isSettled(t) else { return nil }
        var arcs: [Int] = []
        var v = t
        while ws.parent[v] >= 0 {
            let arc = Int(ws.parent[v])
            arcs.append(arc)
            v = Int(g.arcTail(arc))
        }
        var pts: [XY] = []
        func add(_ p: XY) { if pts.last != p { pts.append(p) } }
        add(pa.point)
        add(pa.snapped)
        for arc in arcs.reversed() { for p in g.arcGeometry(arc) { add(p) } }
        add(pb.snapped)
        add(pb.point)
        return RoutePath(
            points: pts,
            seconds: Double(ws.dist(t)) + pa.connectorSeconds + pb.connectorSeconds,
            meters: Double(ws.meters(t)) + pa.connectorMeters + pb.connectorMeters)
    }
}

extension RoutingNetwork {
    /// The fastest path from place `a` to place `b` (see ``PathFinder``; use one for many paths).
    public func path(from a: Int, to b: Int) throws(NetworkError) -> RoutePath? {
        try PathFinder(network: self).path(from: a, to: b)
    }
}
