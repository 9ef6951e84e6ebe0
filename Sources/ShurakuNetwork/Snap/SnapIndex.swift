import ShurakuCore

/// The grid of every edge segment of a road graph, built once with the graph (STYLE.md §4:
/// snapping is a separate index) so that joining places to it costs only the queries.
struct SnapIndex: Sendable {
    let grid: SegmentGrid
    /// Edge and segment index (within the edge's line) of each grid segment.
    let segEdge: [Int32]
    let segK: [Int32]

    init(edgeSpan: [PolylineSpan], lines: PolylineStore) {
        var segEdge: [Int32] = []
        var segK: [Int32] = []
        var a: [XY] = []
        var b: [XY] = []
        segEdge.reserveCapacity(lines.points.count)
        segK.reserveCapacity(lines.points.count)
        a.reserveCapacity(lines.points.count)
        b.reserveCapacity(lines.points.count)
        for (e, sp) in edgeSpan.enumerated() {
            let li = Int(sp.line)
            let n = lines.segmentCount(li)
            guard n > 0 else { continue }
            let k0 = max(0, min(n - 1, Int(sp.from.rounded(.down))))
            let k1 = max(k0, min(n - 1, Int(sp.to.rounded(.up)) - 1))
            let base = Int(lines.first[li])
            for k in k0...k1 {
                segEdge.append(Int32(e))
                segK.append(Int32(k))
                a.append(lines.points[base + k])
                b.append(lines.points[base + k + 1])
            }
        }
        grid = SegmentGrid(a: a, b: b)
        self.segEdge = segEdge
        self.segK = segK
    }
}
