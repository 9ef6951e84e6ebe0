import ShurakuCore

/// Contracts chains of degree-2 vertices into edges, keeping their geometry as polylines.
///
/// A vertex stays a graph node when its degree is not 2, or when the travel directions allowed
/// on its two segments differ (so every edge is uniformly one-way or two-way). Closed loops of
/// degree-2 vertices get one node at their lowest vertex.
enum ChainContractor {
    struct Result {
        var nodeXY: [XY]
        var edges: [RoadGraph.EdgeInput]
        var lines: PolylineStore
    }

    static func contract(_ soup: SegmentSoup) -> Result {
        let n = soup.vertexXY.count
        let (start, inc) = soup.incidence()
        let xy = soup.vertexXY

        // Allowed directions of segment s when driven away from vertex v: (along, against).
        @inline(__always) func dirs(_ s: Int, from v: Int32) -> (Bool, Bool) {
            let f = soup.segFlags[s]
            return soup.segA[s] == v ? (f & 1 != 0, f & 2 != 0) : (f & 2 != 0, f & 1 != 0)
        }
        var nodeOf = [Int32](repeating: -1, count: n)
        var nodeXY: [XY] = []
        for v in 0..<n {
            let deg = Int(start[v + 1] - start[v])
            var keep = deg != 2
            if !keep {
                let s1 = Int(inc[Int(start[v])])
                let s2 = Int(inc[Int(start[v]) + 1])
                // entering by s1 towards v = leaving v by s1 reversed
                let (out1, in1) = dirs(s1, from: Int32(v))
                let (along2, against2) = dirs(s2, from: Int32(v))
                keep = !(in1 == along2 && out1 == against2)
            }
            if keep && deg > 0 {
                nodeOf[v] = Int32(nodeXY.count)
                nodeXY.append(xy[v])
            }
        }

        var used = [Bool](repeating: false, count: soup.segmentCount)
        var edges: [RoadGraph.EdgeInput] = []
        var first: [Int32] = [0]
        var points: [XY] = []
        var cumM: [Double] = []
        var cumS: [Double] = []
        points.reserveCapacity(soup.segmentCount + n)
        cumM.reserveCapacity(soup.segmentCount + n)
        cumS.reserveCapacity(soup.segmentCount + n)

        func walk(from u: Int32, firstSegment s0: Int) {
            var v = u
            var s = s0
            let (fwd, bwd) = dirs(s0, from: u)
            points.append(xy[Int(u)])
            cumM.append(0)
            cumS.append(0)
            var m = 0.0
            var t = 0.0
            while true {
                used[s] = true
                let w = soup.segA[s] == v ? soup.segB[s] : soup.segA[s]
                let len = xy[Int(v)].distance(to: xy[Int(w)])
                m += len
                t += len / soup.segSpeed[s]
                points.append(xy[Int(w)])
                cumM.append(m)
                cumS.append(t)
                v = w
                if nodeOf[Int(w)] >= 0 { break }
                // degree-2 vertex: continue on the other segment
                let a = Int(inc[Int(start[Int(w)])])
                let b = Int(inc[Int(start[Int(w)]) + 1])
                s = a == s ? b : a
            }
            let line = Int32(first.count - 1)
            first.append(Int32(points.count))
            let segs = Double(points.count - Int(first[first.count - 2]) - 1)
            edges.append(
                RoadGraph.EdgeInput(
                    tail: nodeOf[Int(u)], head: nodeOf[Int(v)], forward: fwd, backward: bwd,
                    span: PolylineSpan(line: line, from: 0, to: segs)))
        }

        for v in 0..<n where nodeOf[v] >= 0 {
            for k in Int(start[v])..<Int(start[v + 1]) where !used[Int(inc[k])] {
                walk(from: Int32(v), firstSegment: Int(inc[k]))
            }
        }
        // Closed loops made only of degree-2 vertices.
        for v in 0..<n {
            let k = Int(start[v])
            guard start[v + 1] - start[v] == 2, !used[Int(inc[k])] else { continue }
            nodeOf[v] = Int32(nodeXY.count)
            nodeXY.append(xy[v])
            walk(from: Int32(v), firstSegment: Int(inc[k]))
        }
        return Result(
            nodeXY: nodeXY, edges: edges,
            lines: PolylineStore(first: first, points: points, cumMeters: cumM, cumSeconds: cumS))
    }
}
