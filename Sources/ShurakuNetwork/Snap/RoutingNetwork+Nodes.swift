extension RoutingNetwork {
    /// Places joined to given nodes of `roads` instead of snapped: place `i` sits on node
    /// `nodes[i]` (-1: no road) behind the connector of `links[i]`. Used to keep the places where
    /// they joined an open network after some of its roads are removed
    /// (``RoadGraph/removingEdges(_:)``), so that a closure never moves a place to another road.
    /// A place whose node has lost every edge has no road.
    ///
    /// - Throws: ``NetworkError/lengthMismatch(name:expected:actual:)`` when `nodes` and `links`
    ///   differ in length, ``NetworkError/indexOutOfRange(name:index:count:)`` for a node outside
    ///   the graph.
    public init(roads: RoadGraph, placesAtNodes nodes: [Int32], links: [PlaceLink], connector: ConnectorOptions) throws(NetworkError) {
        guard nodes.count == links.count else { throw .lengthMismatch(name: "links", expected: nodes.count, actual: links.count) }
        try connector.validate()
        var edgeOf: [Int32?] = []
        var pos: [Double] = []
        var places: [PlaceLink] = []
        edgeOf.reserveCapacity(nodes.count)
        pos.reserveCapacity(nodes.count)
        places.reserveCapacity(nodes.count)
        for (i, v32) in nodes.enumerated() {
            var link = links[i]
            let v = Int(v32)
            guard v32 >= 0 else {
                edgeOf.append(nil)
                pos.append(0)
                link.component = -1
                places.append(link)
                continue
            }
            guard v < roads.nodeCount else { throw .indexOutOfRange(name: "place node", index: v, count: roads.nodeCount) }
            // Any edge at v, entered at v's end of it: the place becomes a zero-cost sink of v.
            var edge: Int32? = nil
            if roads.firstOut[v] < roads.firstOut[v + 1] {
                edge = roads.arcEdge[Int(roads.firstOut[v])] >> 1
            } else if roads.firstIn[v] < roads.firstIn[v + 1] {
                edge = roads.arcEdge[Int(roads.inArc[Int(roads.firstIn[v])])] >> 1
            }
            guard let e = edge else {
                edgeOf.append(nil)
                pos.append(0)
                link.component = -1
                places.append(link)
                continue
            }
            let span = roads.edgeSpan[Int(e)]
            edgeOf.append(e)
            pos.append(roads.edgeTail[Int(e)] == v32 ? span.from : span.to)
            link.component = roads.components.nodeComponent[v]
            link.isOffMainNetwork = !roads.components.components[Int(link.component)].isMajor
            places.append(link)
        }
        self.roads = roads
        self.places = places
        self.connector = connector
        self.attachments = PlaceAttachments(roads: roads, edgeOf: edgeOf, pos: pos)
    }
}
