extension RoadGraph {
    /// The same graph without the edges where `removed[e]` is true (e.g. roads closed by a
    /// landslide): nodes keep their ids (some may be left without edges), the remaining edges keep
    /// their order, and `kept[e']` is the id in this graph of edge `e'` of the new one.
    ///
    /// - Throws: ``NetworkError/lengthMismatch(name:expected:actual:)`` when `removed` does not
    ///   hold one entry per edge.
    public func removingEdges(_ removed: [Bool]) throws(NetworkError) -> (graph: RoadGraph, kept: [Int32]) {
        guard removed.count == edgeCount else {
            throw .lengthMismatch(name: "removed", expected: edgeCount, actual: removed.count)
        }
        var kept: [Int32] = []
        var edges: [EdgeInput] = []
        kept.reserveCapacity(edgeCount)
        edges.reserveCapacity(edgeCount)
        for e in 0..<edgeCount where !removed[e] {
            kept.append(Int32(e))
            edges.append(
                EdgeInput(
                    tail: edgeTail[e], head: edgeHead[e], forward: edgeFlags[e] & 1 != 0, backward: edgeFlags[e] & 2 != 0,
                    span: edgeSpan[e]))
        }
        var map: [Int32] = []
        let g = try RoadGraph(
            nodeXY: nodeXY, edges: edges, lines: lines, majorShare: components.majorShare, reorder: false, nodeMap: &map)
        return (g, kept)
    }
}
