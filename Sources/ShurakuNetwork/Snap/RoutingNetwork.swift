import ShurakuCore

/// A road graph with places (settlements) joined to it: what matrices and paths run on.
///
/// Each place is snapped to the nearest point on the nearest edge (not the nearest node) through
/// the graph's segment index, and the straight connector from the place is recorded in its
/// ``PlaceLink``. Travel time between two places is connector + road + connector.
///
/// The road graph itself is shared, not copied: places sit on its edges as *sinks* (see
/// `PlaceAttachments`), so that joining places costs only the snapping queries and searches never
/// queue a place. ``splitGraph()`` gives the equivalent graph with a node at every snapped point
/// (for exports and checks).
public struct RoutingNetwork: Sendable {
    /// The junction graph the places were joined to.
    public let roads: RoadGraph
    /// One link per place, in input order.
    public let places: [PlaceLink]
    public let connector: ConnectorOptions
    /// Places on the junction graph.
    let attachments: PlaceAttachments

    public var placeCount: Int { places.count }

    /// Join `places` (metric CRS, same as the roads) to `roads` (a graph from ``RoadGraphBuilder``).
    public init(roads: RoadGraph, places points: [XY], connector: ConnectorOptions = ConnectorOptions()) throws(NetworkError) {
        try connector.validate()
        self.connector = connector
        self.roads = roads
        let index = roads.snapIndex ?? SnapIndex(edgeSpan: roads.edgeSpan, lines: roads.lines)
        let grid = index.grid
        let comps = roads.components
        func isMajor(_ segment: Int32) -> Bool {
            comps.components[Int(comps.nodeComponent[Int(roads.edgeTail[Int(index.segEdge[Int(segment)])])])].isMajor
        }
        var edgeOf: [Int32?] = []
        var pos: [Double] = []
        var links: [PlaceLink] = []
        edgeOf.reserveCapacity(points.count)
        pos.reserveCapacity(points.count)
        links.reserveCapacity(points.count)
        let mps = connector.speedKmh / 3.6
        for p in points {
            var hit = grid.nearest(to: p)
            if connector.preferMajorComponent, let h = hit, !isMajor(h.segment),
                let m = grid.nearest(to: p, maxDistance: connector.maxConnectorMeters, accept: isMajor)
            {
                hit = m
            }
            guard let h = hit else {
                edgeOf.append(nil)
                pos.append(0)
                links.append(
                    PlaceLink(
                        point: p, snapped: p, connectorMeters: 0, connectorSeconds: 0, component: -1,
                        isFarFromRoad: true, isOffMainNetwork: true))
                continue
            }
            let e = index.segEdge[Int(h.segment)]
            let sp = roads.edgeSpan[Int(e)]
            edgeOf.append(e)
            pos.append(min(max(Double(index.segK[Int(h.segment)]) + h.t, sp.from), sp.to))
            let comp = comps.nodeComponent[Int(roads.edgeTail[Int(e)])]
            links.append(
                PlaceLink(
                    point: p, snapped: h.point, connectorMeters: h.distance, connectorSeconds: h.distance / mps,
                    component: comp, isFarFromRoad: h.distance > connector.maxConnectorMeters,
                    isOffMainNetwork: !comps.components[Int(comp)].isMajor))
        }
        places = links
        attachments = PlaceAttachments(roads: roads, edgeOf: edgeOf, pos: pos)
    }

    /// Places whose link is not `onNetwork`, with their status (for reports).
    public var problemPlaces: [(place: Int, status: PlaceLink.Status)] {
        places.enumerated().compactMap { $0.element.status == .onNetwork ? nil : ($0.offset, $0.element.status) }
    }

    /// The same network as one plain graph: every edge split at the snapped points, which become
    /// nodes. `placeNode[i]` is place `i`'s node (-1 without a road). Costs a full graph copy:
    /// for exports and independent checks, not needed by matrices or paths.
    public func splitGraph() throws(NetworkError) -> (graph: RoadGraph, placeNode: [Int32]) {
        let lines = roads.lines
        let at = attachments
        var nodeXY = roads.nodeXY
        var placeNode = at.node
        var byEdge: [Int32: [(pos: Double, place: Int)]] = [:]
        for i in 0..<placeCount where at.edge[i] >= 0 { byEdge[at.edge[i], default: []].append((at.pos[i], i)) }
        var edges: [RoadGraph.EdgeInput] = []
        edges.reserveCapacity(roads.edgeCount + placeCount)
        for e in 0..<roads.edgeCount {
            let flags = roads.edgeFlags[e]
            let sp = roads.edgeSpan[e]
            let u = roads.edgeTail[e]
            let v = roads.edgeHead[e]
            func edge(_ x: Int32, _ y: Int32, _ from: Double, _ to: Double) -> RoadGraph.EdgeInput {
                RoadGraph.EdgeInput(
                    tail: x, head: y, forward: flags & 1 != 0, backward: flags & 2 != 0,
                    span: PolylineSpan(line: sp.line, from: from, to: to))
            }
            guard var list = byEdge[Int32(e)] else {
                edges.append(edge(u, v, sp.from, sp.to))
                continue
            }
            list.sort { $0.pos != $1.pos ? $0.pos < $1.pos : $0.place < $1.place }
            var prevNode = u
            var prevPos = sp.from
            for (p, place) in list {
                if p == prevPos && prevNode != u {
                    placeNode[place] = prevNode
                    continue
                }
                let id = Int32(nodeXY.count)
                nodeXY.append(lines.point(Int(sp.line), at: p))
                edges.append(edge(prevNode, id, prevPos, p))
                prevNode = id
                prevPos = p
                placeNode[place] = id
            }
            edges.append(edge(prevNode, v, prevPos, sp.to))
        }
        var map: [Int32] = []
        let g = try RoadGraph(
            nodeXY: nodeXY, edges: edges, lines: lines, majorShare: roads.components.majorShare,
            reorder: true, nodeMap: &map)
        return (g, placeNode.map { $0 >= 0 ? map[Int($0)] : -1 })
    }
}
