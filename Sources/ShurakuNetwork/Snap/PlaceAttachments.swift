/// Where places sit on the junction graph, for searches that never put a place in the queue.
///
/// A place snapped inside edge `a–b` is reached from `a` after `offset` (if the edge runs a→b)
/// and from `b` after `rest` (if it runs b→a). These are *sink* entries of `a` and `b`: a search
/// that settles `a` offers the place its time plus the offset, and never expands the place. A
/// place snapped exactly on a junction is a zero-cost sink of that node. Matrices search the
/// junction graph this way (about half the queue work when places are many); paths use the
/// explicitly split graph, and tests check that both give the same times.
struct PlaceAttachments: Sendable {
    /// Per place: junction-graph edge it lies inside, or -1.
    let edge: [Int32]
    /// Per place: junction node it lies on, or -1.
    let node: [Int32]
    /// Per place inside an edge: its position along the edge's line.
    let pos: [Double]
    /// Per place: time and distance from the edge's tail to the place, and from the place to the head.
    let offsetSeconds: [Float32], offsetMeters: [Float32]
    let restSeconds: [Float32], restMeters: [Float32]
    /// Places inside each edge (CSR by edge), ordered along it.
    let edgePlaceStart: [Int32]
    let edgePlaces: [Int32]
    /// Sinks per node for forward searches (times from a source) and reverse ones (times to it).
    let forward: SinkTable
    let reverse: SinkTable

    /// `pos[i]`: position of place `i` along the line of edge `edgeOf[i]` (nil: no road).
    init(roads: RoadGraph, edgeOf: [Int32?], pos: [Double]) {
        let n = edgeOf.count
        var edge = [Int32](repeating: -1, count: n)
        var node = edge
        var os = [Float32](repeating: 0, count: n)
        var om = os
        var rs = os
        var rm = os
        var fwd: [(Int32, SinkEntry)] = []
        var rev: [(Int32, SinkEntry)] = []
        var perEdge: [(Int32, Double, Int32)] = []
        let lines = roads.lines
        for i in 0..<n {
            guard let e32 = edgeOf[i] else { continue }
            let e = Int(e32)
            let sp = roads.edgeSpan[e]
            let li = Int(sp.line)
            let a = roads.edgeTail[e]
            let b = roads.edgeHead[e]
            let flags = roads.edgeFlags[e]
            let p = Int32(i)
            if pos[i] <= sp.from || pos[i] >= sp.to {
                let v = pos[i] <= sp.from ? a : b
                node[i] = v
                fwd.append((v, SinkEntry(place: p, seconds: 0, meters: 0, fromTail: true)))
                rev.append((v, SinkEntry(place: p, seconds: 0, meters: 0, fromTail: true)))
                continue
            }
            edge[i] = e32
            perEdge.append((e32, pos[i], p))
            let s0 = lines.seconds(li, at: sp.from)
            let m0 = lines.meters(li, at: sp.from)
            let sp1 = lines.seconds(li, at: pos[i])
            let mp = lines.meters(li, at: pos[i])
            let s1 = lines.seconds(li, at: sp.to)
            let m1 = lines.meters(li, at: sp.to)
            os[i] = Float32(sp1 - s0)
            om[i] = Float32(mp - m0)
            rs[i] = Float32(s1 - sp1)
            rm[i] = Float32(m1 - mp)
            if flags & 1 != 0 {  // a → b: forward sink at a, reverse sink at b
                fwd.append((a, SinkEntry(place: p, seconds: os[i], meters: om[i], fromTail: true)))
                rev.append((b, SinkEntry(place: p, seconds: rs[i], meters: rm[i], fromTail: false)))
            }
            if flags & 2 != 0 {  // b → a
                fwd.append((b, SinkEntry(place: p, seconds: rs[i], meters: rm[i], fromTail: false)))
                rev.append((a, SinkEntry(place: p, seconds: os[i], meters: om[i], fromTail: true)))
            }
        }
        self.edge = edge
        self.node = node
        self.pos = pos
        offsetSeconds = os
        offsetMeters = om
        restSeconds = rs
        restMeters = rm
        perEdge.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        var start = [Int32](repeating: 0, count: roads.edgeCount + 1)
        for (e, _, _) in perEdge { start[Int(e) + 1] += 1 }
        for e in 0..<roads.edgeCount { start[e + 1] += start[e] }
        edgePlaceStart = start
        edgePlaces = perEdge.map(\.2)
        forward = SinkTable(nodeCount: roads.nodeCount, entries: fwd)
        reverse = SinkTable(nodeCount: roads.nodeCount, entries: rev)
    }
}

/// A place reachable from a node at a fixed extra cost.
struct SinkEntry: Sendable {
    var place: Int32
    var seconds: Float32
    var meters: Float32
    /// Whether the stretch between the node and the place starts at the edge's tail (else its head).
    var fromTail: Bool
}

/// Sink entries grouped by node (CSR).
struct SinkTable: Sendable {
    let start: [Int32]
    let entries: [SinkEntry]

    init(nodeCount: Int, entries list: [(Int32, SinkEntry)]) {
        var start = [Int32](repeating: 0, count: nodeCount + 1)
        for (v, _) in list { start[Int(v) + 1] += 1 }
        for v in 0..<nodeCount { start[v + 1] += start[v] }
        var fill = start
        var out = [SinkEntry](repeating: SinkEntry(place: 0, seconds: 0, meters: 0, fromTail: true), count: list.count)
        for (v, e) in list {
            out[Int(fill[Int(v)])] = e
            fill[Int(v)] += 1
        }
        self.start = start
        self.entries = out
    }
}
