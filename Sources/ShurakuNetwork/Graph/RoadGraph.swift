import ShurakuCore

/// An immutable routable road graph in compressed adjacency arrays (STYLE.md §4, rule 6).
///
/// Nodes are junctions and dead ends (chains of degree-2 vertices are contracted into one edge
/// whose geometry is kept in ``lines``), numbered along a Hilbert curve so that nearby nodes sit
/// close in memory. Each *edge* is one piece of road between two nodes; each *arc* is one
/// drivable direction of an edge. Arcs leaving node `v` are `firstOut[v]..<firstOut[v+1]`;
/// arcs entering `v` are `firstIn[v]..<firstIn[v+1]` in the reverse arrays.
///
/// ```swift
/// for a in Int(g.firstOut[v])..<Int(g.firstOut[v + 1]) {
///     relax(Int(g.head[a]), d + g.seconds[a])
/// }
/// ```
public struct RoadGraph: Sendable {
    /// Node coordinates (metric CRS).
    public let nodeXY: [XY]

    // Forward arcs, grouped by tail.
    public let firstOut: [Int32]
    public let head: [Int32]
    public let seconds: [Float32]
    public let meters: [Float32]
    /// Edge of each arc, times two, plus one when the arc runs against the edge's geometry.
    public let arcEdge: [Int32]

    // Reverse arcs, grouped by head: the same arcs seen from their end.
    public let firstIn: [Int32]
    public let tail: [Int32]
    public let inSeconds: [Float32]
    public let inMeters: [Float32]
    /// Forward arc id of each reverse arc.
    public let inArc: [Int32]

    // Edges (undirected pieces of road with geometry).
    public let edgeTail: [Int32]
    public let edgeHead: [Int32]
    /// Bit 0: drivable tail→head; bit 1: drivable head→tail.
    public let edgeFlags: [UInt8]
    public let edgeSpan: [PolylineSpan]
    /// Geometry of every edge.
    public let lines: PolylineStore

    /// The forward and reverse arcs again, packed per arc (head, seconds, metres) for the search
    /// loop: one cache line holds what a relaxation reads.
    let packedOut: [PackedArc]
    let packedIn: [PackedArc]

    /// Connected components, largest first.
    public let components: ComponentTable
    /// Nearest-segment index for joining places (nil on graphs made only for export or tests).
    let snapIndex: SnapIndex?
    /// Highest speed on any arc, km/h (for lower bounds).
    public let fastestKmh: Double

    public var nodeCount: Int { nodeXY.count }
    public var arcCount: Int { head.count }
    public var edgeCount: Int { edgeTail.count }

    /// One edge as the builder hands it over.
    struct EdgeInput {
        var tail: Int32
        var head: Int32
        var forward: Bool
        var backward: Bool
        var span: PolylineSpan
    }

    /// Assemble the arrays from nodes and edges, optionally renumbering nodes along a Hilbert
    /// curve; `nodeMap` returns the new id of each input node. Checks every invariant.
    init(
        nodeXY inXY: [XY], edges inEdges: [EdgeInput], lines: PolylineStore, majorShare: Double,
        reorder: Bool, nodeMap: inout [Int32], snapIndex buildIndex: Bool = false
    ) throws(NetworkError) {
        let n = inXY.count
        let perm: [Int32] = reorder ? HilbertOrder.permutation(inXY) : Array(Int32(0)..<Int32(n))
        var newId = [Int32](repeating: 0, count: n)
        for (newIndex, old) in perm.enumerated() { newId[Int(old)] = Int32(newIndex) }
        nodeMap = newId
        nodeXY = perm.map { inXY[Int($0)] }
        self.lines = lines

        let m = inEdges.count
        var eTail = [Int32](repeating: 0, count: m)
        var eHead = eTail
        var eFlags = [UInt8](repeating: 0, count: m)
        var eSpan: [PolylineSpan] = []
        eSpan.reserveCapacity(m)
        var eSec = [Float32](repeating: 0, count: m)
        var eMet = eSec
        var eMetD = [Double](repeating: 0, count: m)
        var fastest = 0.0
        for (i, e) in inEdges.enumerated() {
            guard e.tail >= 0, Int(e.tail) < n, e.head >= 0, Int(e.head) < n else {
                throw .invalidGraph(reason: "edge \(i) has an endpoint outside 0..<\(n)")
            }
            guard e.forward || e.backward else { throw .invalidGraph(reason: "edge \(i) has no direction") }
            let li = Int(e.span.line)
            guard li >= 0, li < lines.count, e.span.from <= e.span.to else {
                throw .invalidGraph(reason: "edge \(i) has a bad geometry span")
            }
            eTail[i] = newId[Int(e.tail)]
            eHead[i] = newId[Int(e.head)]
            eFlags[i] = (e.forward ? 1 : 0) | (e.backward ? 2 : 0)
            eSpan.append(e.span)
            let s = lines.seconds(li, at: e.span.to) - lines.seconds(li, at: e.span.from)
            let d = lines.meters(li, at: e.span.to) - lines.meters(li, at: e.span.from)
            guard s.isFinite, s >= 0, d.isFinite, d >= 0 else {
                throw .invalidGraph(reason: "edge \(i) has a negative or non-finite length")
            }
            eSec[i] = Float32(s)
            eMet[i] = Float32(d)
            eMetD[i] = d
            if s > 0 { fastest = max(fastest, d / s * 3.6) }
        }
        edgeTail = eTail
        edgeHead = eHead
        edgeFlags = eFlags
        edgeSpan = eSpan
        fastestKmh = fastest

        // Arcs: count per tail, then fill in edge order (counting sort keeps it deterministic).
        var outCount = [Int32](repeating: 0, count: n + 1)
        var inCount = [Int32](repeating: 0, count: n + 1)
        for i in 0..<m {
            if eFlags[i] & 1 != 0 {
                outCount[Int(eTail[i]) + 1] += 1
                inCount[Int(eHead[i]) + 1] += 1
            }
            if eFlags[i] & 2 != 0 {
                outCount[Int(eHead[i]) + 1] += 1
                inCount[Int(eTail[i]) + 1] += 1
            }
        }
        for v in 0..<n {
            outCount[v + 1] += outCount[v]
            inCount[v + 1] += inCount[v]
        }
        let arcs = Int(outCount[n])
        var hd = [Int32](repeating: 0, count: arcs)
        var ae = hd
        var sec = [Float32](repeating: 0, count: arcs)
        var met = sec
        var fill = outCount
        for i in 0..<m {
            for dir in 0..<2 where eFlags[i] & (1 << dir) != 0 {
                let (u, v) = dir == 0 ? (eTail[i], eHead[i]) : (eHead[i], eTail[i])
                let a = Int(fill[Int(u)])
                fill[Int(u)] += 1
                hd[a] = v
                ae[a] = Int32(i) * 2 + Int32(dir)
                sec[a] = eSec[i]
                met[a] = eMet[i]
            }
        }
        var tl = [Int32](repeating: 0, count: arcs)
        var ia = tl
        var isec = [Float32](repeating: 0, count: arcs)
        var imet = isec
        var ifill = inCount
        for u in 0..<n {
            for a in Int(outCount[u])..<Int(outCount[u + 1]) {
                let v = Int(hd[a])
                let r = Int(ifill[v])
                ifill[v] += 1
                tl[r] = Int32(u)
                ia[r] = Int32(a)
                isec[r] = sec[a]
                imet[r] = met[a]
            }
        }
        packedOut = (0..<arcs).map { PackedArc(head: hd[$0], seconds: sec[$0], meters: met[$0]) }
        packedIn = (0..<arcs).map { PackedArc(head: tl[$0], seconds: isec[$0], meters: imet[$0]) }
        firstOut = outCount
        head = hd
        seconds = sec
        meters = met
        arcEdge = ae
        firstIn = inCount
        tail = tl
        inSeconds = isec
        inMeters = imet
        inArc = ia
        components = ComponentTable(
            nodeCount: n, edgeTail: eTail, edgeHead: eHead, edgeMeters: eMetD, majorShare: majorShare)
        snapIndex = buildIndex ? SnapIndex(edgeSpan: eSpan, lines: lines) : nil
        try checkInvariants()
    }

    /// Structural checks: offsets monotone and complete, ids in range, weights finite and ≥ 0.
    func checkInvariants() throws(NetworkError) {
        let n = nodeCount
        guard firstOut.count == n + 1, firstIn.count == n + 1, firstOut.first == 0, firstIn.first == 0,
            Int(firstOut[n]) == head.count, Int(firstIn[n]) == tail.count, head.count == tail.count,
            seconds.count == head.count, meters.count == head.count, arcEdge.count == head.count
        else { throw .invalidGraph(reason: "offset arrays do not match arc arrays") }
        for v in 0..<n where firstOut[v] > firstOut[v + 1] || firstIn[v] > firstIn[v + 1] {
            throw .invalidGraph(reason: "offsets decrease at node \(v)")
        }
        for a in 0..<head.count {
            guard head[a] >= 0, Int(head[a]) < n, tail[a] >= 0, Int(tail[a]) < n else {
                throw .invalidGraph(reason: "arc \(a) points outside the graph")
            }
            guard seconds[a].isFinite, seconds[a] >= 0, meters[a].isFinite, meters[a] >= 0 else {
                throw .invalidGraph(reason: "arc \(a) has a negative or non-finite weight")
            }
        }
    }

    /// The tail node of forward arc `a` (found through its edge).
    public func arcTail(_ a: Int) -> Int32 {
        let e = Int(arcEdge[a] >> 1)
        return arcEdge[a] & 1 == 0 ? edgeTail[e] : edgeHead[e]
    }

    /// The geometry of forward arc `a`, from its tail to its head.
    public func arcGeometry(_ a: Int) -> [XY] {
        let e = Int(arcEdge[a] >> 1)
        let s = edgeSpan[e]
        return arcEdge[a] & 1 == 0
            ? lines.slice(Int(s.line), from: s.from, to: s.to)
            : lines.slice(Int(s.line), from: s.to, to: s.from)
    }
}

/// One arc as the search loop reads it.
struct PackedArc: Sendable {
    var head: Int32
    var seconds: Float32
    var meters: Float32
}
