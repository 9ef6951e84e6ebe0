import ShurakuCore

/// Joins dangling line ends to nearby lines in data that is not perfectly noded.
///
/// A vertex with exactly one incident segment (a line end nobody else uses) that lies within the
/// tolerance of another segment is connected to the nearest point of that segment by a short
/// two-way segment (the length of the gap, at the dangling line's speed); the segment is split
/// there unless that point is one of its vertices. Segments near the end along its own line
/// (within twice the tolerance of network distance) are not candidates, so a line never snaps
/// to itself. Line crossings without a shared vertex (bridges, overpasses) are left alone.
enum NearMissJoiner {
    static func join(_ soup: inout SegmentSoup, tolerance: Double, report: inout BuildReport) {
        guard tolerance > 0, soup.segmentCount > 0 else { return }
        let (start, inc) = soup.incidence()
        let n = soup.vertexXY.count
        var degree = (0..<n).map { Int(start[$0 + 1] - start[$0]) }
        let grid = SegmentGrid(
            a: soup.segA.map { soup.vertexXY[Int($0)] }, b: soup.segB.map { soup.vertexXY[Int($0)] },
            cellSize: max(4 * tolerance, 50))

        struct Split {
            var segment: Int32
            var t: Double
            var vertex: Int32
        }
        var splits: [Split] = []
        var splitAt: [SplitKey: Int32] = [:]
        var joins: [(Int32, Int32, Int)] = []  // (dangling vertex, target vertex, its segment)

        for d in 0..<n where degree[d] == 1 {
            let p = soup.vertexXY[d]
            let near = nearbyAlongNetwork(from: Int32(d), within: 2 * tolerance, soup: soup, start: start, inc: inc)
            guard
                let hit = grid.nearest(
                    to: p, maxDistance: tolerance,
                    accept: { s in
                        !near.contains(soup.segA[Int(s)]) && !near.contains(soup.segB[Int(s)])
                    })
            else { continue }
            let s = Int(hit.segment)
            let target: Int32
            if hit.t <= 0 {
                target = soup.segA[s]
            } else if hit.t >= 1 {
                target = soup.segB[s]
            } else {
                let key = SplitKey(segment: hit.segment, t: hit.t)
                if let v = splitAt[key] {
                    target = v
                } else {
                    target = Int32(soup.vertexXY.count)
                    soup.vertexXY.append(hit.point)
                    degree.append(2)
                    splitAt[key] = target
                    splits.append(Split(segment: hit.segment, t: hit.t, vertex: target))
                }
            }
            if target == Int32(d) { continue }
            degree[d] += 1
            degree[Int(target)] += 1
            joins.append((Int32(d), target, Int(inc[Int(start[d])])))
        }

        // Split segments at the new vertices, in order along each segment.
        soup.split(splits.map { ($0.segment, $0.t, $0.vertex) })
        for (d, t, own) in joins {
            if soup.vertexXY[Int(d)] == soup.vertexXY[Int(t)] { continue }
            soup.appendSegment(d, t, like: own)
            soup.segFlags[soup.segmentCount - 1] = 3
        }
        report.nearMissJoins = joins.count
        report.nearMissSplits = splits.count
    }

    struct SplitKey: Hashable {
        let segment: Int32
        let tBits: UInt64
        init(segment: Int32, t: Double) {
            self.segment = segment
            tBits = t.bitPattern
        }
    }

    /// Vertices reachable from `v` along segments within `limit` metres of network distance.
    static func nearbyAlongNetwork(
        from v: Int32, within limit: Double, soup: SegmentSoup, start: [Int32], inc: [Int32]
    ) -> Set<Int32> {
        var best: [Int32: Double] = [v: 0]
        var stack: [(Int32, Double)] = [(v, 0)]
        while let (u, du) = stack.popLast(), best.count < 256 {
            for k in Int(start[Int(u)])..<Int(start[Int(u) + 1]) {
                let s = Int(inc[k])
                let w = soup.segA[s] == u ? soup.segB[s] : soup.segA[s]
                let dw = du + soup.vertexXY[Int(u)].distance(to: soup.vertexXY[Int(w)])
                if dw <= limit, dw < best[w] ?? .infinity {
                    best[w] = dw
                    stack.append((w, dw))
                }
            }
        }
        var out = Set(best.keys)
        out.insert(v)
        return out
    }
}
