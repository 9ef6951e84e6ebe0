import ShurakuCore

/// A road graph with places (settlements) joined to it: what matrices and paths run on.
///
/// Each place is snapped to the nearest point on the nearest edge (not the nearest node) through
/// a grid of segments, and the straight connector from the place is recorded in its
/// ``PlaceLink``. Travel time between two places is connector + road + connector.
///
/// Two exact views of the same network: ``graph`` has a node at every snapped point (edges split
/// there; paths and exports use it), while matrices search the junction graph ``roads`` with the
/// places attached to its edges (see `PlaceAttachments`), which keeps places out of the queue.
public struct RoutingNetwork: Sendable {
    /// The road graph with a node at every snapped point.
    public let graph: RoadGraph
    /// The junction graph the places were joined to.
    public let roads: RoadGraph
    /// One link per place, in input order.
    public let places: [PlaceLink]
    public let connector: ConnectorOptions
    /// Places on the junction graph, for matrix searches.
    let attachments: PlaceAttachments

    public var placeCount: Int { places.count }

    /// Join `places` (metric CRS, same as the roads) to `roads`.
    public init(roads: RoadGraph, places points: [XY], connector: ConnectorOptions = ConnectorOptions()) throws(NetworkError) {
        try connector.validate()
        self.connector = connector
        self.roads = roads
        let lines = roads.lines
        // Segment index over every edge's geometry.
        var segEdge: [Int32] = [], segK: [Int32] = [], a: [XY] = [], b: [XY] = []
        for e in 0..<roads.edgeCount {
            let sp = roads.edgeSpan[e], li = Int(sp.line)
            let k0 = Int(sp.from.rounded(.down)), k1 = max(k0, Int(sp.to.rounded(.up)) - 1)
            for k in k0...min(k1, lines.segmentCount(li) - 1) {
                segEdge.append(Int32(e)); segK.append(Int32(k))
                a.append(lines.points[Int(lines.first[li]) + k]); b.append(lines.points[Int(lines.first[li]) + k + 1])
            }
        }
        let grid = SegmentGrid(a: a, b: b)
        let comps = roads.components

        // Snap each place: edge, position along its line, point, distance.
        struct Snap { var edge: Int32; var pos: Double; var point: XY; var distance: Double }
        var snaps: [Snap?] = []
        snaps.reserveCapacity(points.count)
        for p in points {
            var hit = grid.nearest(to: p)
            if connector.preferMajorComponent, let h = hit,
               !comps.components[Int(comps.nodeComponent[Int(roads.edgeTail[Int(segEdge[Int(h.segment)])])])].isMajor {
                let major = grid.nearest(to: p, maxDistance: connector.maxConnectorMeters) { s in
                    comps.components[Int(comps.nodeComponent[Int(roads.edgeTail[Int(segEdge[Int(s)])])])].isMajor
                }
                if let m = major { hit = m }
            }
            guard let h = hit else { snaps.append(nil); continue }
            let e = segEdge[Int(h.segment)]
            let sp = roads.edgeSpan[Int(e)]
            let pos = min(max(Double(segK[Int(h.segment)]) + h.t, sp.from), sp.to)
            snaps.append(Snap(edge: e, pos: pos, point: h.point, distance: h.distance))
        }

        // New nodes at distinct snapped positions inside edges; split those edges.
        var nodeXY = roads.nodeXY
        var placeNode = [Int32](repeating: -1, count: points.count)
        var byEdge: [Int32: [(pos: Double, place: Int)]] = [:]
        for (i, s) in snaps.enumerated() {
            guard let s else { continue }
            byEdge[s.edge, default: []].append((s.pos, i))
        }
        var edges: [RoadGraph.EdgeInput] = []
        edges.reserveCapacity(roads.edgeCount + points.count)
        for e in 0..<roads.edgeCount {
            let flags = roads.edgeFlags[e]
            let sp = roads.edgeSpan[e]
            let u = roads.edgeTail[e], v = roads.edgeHead[e]
            func edge(_ x: Int32, _ y: Int32, _ from: Double, _ to: Double) -> RoadGraph.EdgeInput {
                RoadGraph.EdgeInput(tail: x, head: y, forward: flags & 1 != 0, backward: flags & 2 != 0,
                                    span: PolylineSpan(line: sp.line, from: from, to: to))
            }
            guard var list = byEdge[Int32(e)] else {
                edges.append(edge(u, v, sp.from, sp.to))
                continue
            }
            list.sort { $0.pos != $1.pos ? $0.pos < $1.pos : $0.place < $1.place }
            var prevNode = u, prevPos = sp.from
            var lastPos = -Double.infinity, lastNode = Int32(-1)
            for (pos, place) in list {
                if pos <= sp.from { placeNode[place] = u; continue }
                if pos >= sp.to { placeNode[place] = v; continue }
                if pos == lastPos { placeNode[place] = lastNode; continue }
                let id = Int32(nodeXY.count)
                nodeXY.append(lines.point(Int(sp.line), at: pos))
                edges.append(edge(prevNode, id, prevPos, pos))
                prevNode = id; prevPos = pos
                lastPos = pos; lastNode = id
                placeNode[place] = id
            }
            edges.append(edge(prevNode, v, prevPos, sp.to))
        }
        var map: [Int32] = []
        let g = try RoadGraph(nodeXY: nodeXY, edges: edges, lines: lines, majorShare: comps.majorShare,
                              reorder: true, nodeMap: &map)
        graph = g

        let mps = connector.speedKmh / 3.6
        var links: [PlaceLink] = []
        links.reserveCapacity(points.count)
        for (i, p) in points.enumerated() {
            guard let s = snaps[i], placeNode[i] >= 0 else {
                links.append(PlaceLink(point: p, snapped: p, node: -1, connectorMeters: 0, connectorSeconds: 0,
                                       component: -1, isFarFromRoad: true, isOffMainNetwork: true))
                continue
            }
            let node = map[Int(placeNode[i])]
            let comp = g.components.nodeComponent[Int(node)]
            links.append(PlaceLink(
                point: p, snapped: s.point, node: node, connectorMeters: s.distance,
                connectorSeconds: s.distance / mps, component: comp,
                isFarFromRoad: s.distance > connector.maxConnectorMeters,
                isOffMainNetwork: !g.components.components[Int(comp)].isMajor))
        }
        places = links

        attachments = PlaceAttachments(roads: roads, edgeOf: snaps.map { $0?.edge }, pos: snaps.map { $0?.pos ?? 0 })
    }

    /// Places whose link is not `onNetwork`, with their status (for reports).
    public var problemPlaces: [(place: Int, status: PlaceLink.Status)] {
        places.enumerated().compactMap { $0.element.status == .onNetwork ? nil : ($0.offset, $0.element.status) }
    }
}
