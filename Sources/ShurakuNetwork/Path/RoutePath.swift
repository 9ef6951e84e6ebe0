import ShurakuCore

/// The fastest road path between two places, as a polyline that follows the roads.
public struct RoutePath: Hashable, Sendable {
    /// From the first place through its connector, along the roads, to the second place
    /// (metric CRS, no repeated consecutive points; points closer than 1 µm are merged).
    public var points: [XY]
    /// Total travel time (connectors included), seconds.
    public var seconds: Double
    /// Total length (connectors included), metres.
    public var meters: Double
}

/// Reusable finder of fastest paths between places. Owns one search workspace: not thread-safe,
/// use one per task. Each query stops as soon as the target's time is final.
public struct PathFinder {
    public let network: RoutingNetwork
    private let workspace: DijkstraWorkspace

    public init(network: RoutingNetwork) {
        self.network = network
        workspace = DijkstraWorkspace(nodeCount: network.roads.nodeCount, placeCount: network.placeCount)
    }

    /// The fastest path from place `a` to place `b` (one-way streets respected), or nil when `b`
    /// cannot be reached from `a` (or either has no road).
    public func path(from a: Int, to b: Int) throws(NetworkError) -> RoutePath? {
        let places = network.places
        for (name, i) in [("from", a), ("to", b)] where i < 0 || i >= places.count {
            throw .indexOutOfRange(name: name, index: i, count: places.count)
        }
        let pa = places[a]
        let pb = places[b]
        if a == b { return RoutePath(points: [pa.point], seconds: 0, meters: 0) }
        guard pa.hasRoad, pb.hasRoad else { return nil }
        let g = network.roads
        let at = network.attachments
        let ws = workspace
        var seedList: [DijkstraWorkspace.Seed] = []
        seeds(of: a, reverse: false, roads: g, at: at, into: &seedList)
        ws.begin()
        offerSameEdge(a, reverse: false, roads: g, at: at, ws: ws, budget: .greatestFiniteMagnitude)
        g.withCSR(reverse: false) { csr in
            at.forward.withView { sinks in
                ws.search(
                    csr, seeds: seedList, budget: .greatestFiniteMagnitude, parents: true, sinks: sinks,
                    targetPlace: b)
            }
        }
        guard let best = ws.placeResult(b) else { return nil }

        var pts: [XY] = []
        // Skip repeats, including the micrometre differences between a place's snapped point and
        // the same position interpolated along its line.
        // `replace` keeps the new point instead (the exact place at the end of the path).
        func add(_ p: XY, replace: Bool = false) {
            if let l = pts.last, l.distance(to: p) < 1e-6 {
                if replace { pts[pts.count - 1] = p }
                return
            }
            pts.append(p)
        }
        func addAll(_ ps: [XY]) { for p in ps { add(p) } }
        add(pa.point)
        add(pa.snapped)
        if best.viaEntry < 0 {
            // Along the shared edge, directly.
            let e = Int(at.edge[a])
            addAll(g.lines.slice(Int(g.edgeSpan[e].line), from: at.pos[a], to: at.pos[b]))
        } else {
            var arcs: [Int] = []
            var v = Int(best.viaNode)
            while ws.parent[v] >= 0 {
                let arc = Int(ws.parent[v])
                arcs.append(arc)
                v = Int(g.arcTail(arc))
            }
            // From place a to the node the search started at.
            let e = Int(at.edge[a])
            if e >= 0 {
                let sp = g.edgeSpan[e]
                let fromTail = startsAtTail(place: a, startNode: v, edge: e, ws: ws)
                addAll(g.lines.slice(Int(sp.line), from: at.pos[a], to: fromTail ? sp.from : sp.to))
            }
            for arc in arcs.reversed() { addAll(g.arcGeometry(arc)) }
            // From the last node to place b.
            let eb = Int(at.edge[b])
            if eb >= 0 {
                let sp = g.edgeSpan[eb]
                let entry = at.forward.entries[Int(best.viaEntry)]
                addAll(g.lines.slice(Int(sp.line), from: entry.fromTail ? sp.from : sp.to, to: at.pos[b]))
            }
        }
        add(pb.snapped, replace: true)
        add(pb.point, replace: true)
        return RoutePath(
            points: pts,
            seconds: Double(best.seconds) + pa.connectorSeconds + pb.connectorSeconds,
            meters: Double(best.meters) + pa.connectorMeters + pb.connectorMeters)
    }

    /// Whether the search left place `a`'s edge through its tail (else its head) to reach `startNode`.
    /// Only a loop edge (tail = head) is ambiguous: then the seed whose cost matches the node wins.
    private func startsAtTail(place a: Int, startNode v: Int, edge e: Int, ws: DijkstraWorkspace) -> Bool {
        let g = network.roads
        let at = network.attachments
        let tail = Int(g.edgeTail[e])
        let head = Int(g.edgeHead[e])
        if tail != head { return v == tail }
        let flags = g.edgeFlags[e]
        let viaTail = flags & 2 != 0  // a → tail runs against the edge
        let viaHead = flags & 1 != 0
        if viaTail && viaHead {
            let t = (at.offsetSeconds[a], at.offsetMeters[a])
            let h = (at.restSeconds[a], at.restMeters[a])
            return t.0 < h.0 || (t.0 == h.0 && t.1 < h.1)  // as the search: the head seed wins ties
        }
        return viaTail
    }
}

extension RoutingNetwork {
    /// The fastest path from place `a` to place `b` (see ``PathFinder``; use one for many paths).
    public func path(from a: Int, to b: Int) throws(NetworkError) -> RoutePath? {
        try PathFinder(network: self).path(from: a, to: b)
    }
}
