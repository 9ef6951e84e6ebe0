import ShurakuCore

/// Finds the line ends left unjoined once the graph's joins are made: gaps (within the report
/// distance of another line) and dangles (dead ends).
///
/// "Another line" is any segment not reachable from the end within twice the report distance
/// along the network, the rule the near-miss joiner uses: so a snap tolerance of at least a
/// gap's distance joins that gap. Two ends facing each other across one gap count once (at the
/// lower vertex). Ends are few: they go into a small grid of their own, and one pass over the
/// segments offers each segment to the ends near it (nearest wins, ties to the lower segment).
enum EndCheck {
    struct End {
        var vertex: Int32
        /// The segment the end lies on.
        var segment: Int32
        /// The nearest other segment within the report distance, and how far; nil for a dangle.
        var target: (segment: Int32, distance: Double, t: Double)?
    }

    static func find(_ soup: SegmentSoup, reportMeters: Double) -> [End] {
        guard soup.segmentCount > 0 else { return [] }
        let (start, inc) = soup.incidence()
        var ends: [End] = []
        for d in 0..<soup.vertexXY.count where start[d + 1] - start[d] == 1 {
            ends.append(End(vertex: Int32(d), segment: inc[Int(start[d])], target: nil))
        }
        guard reportMeters > 0, !ends.isEmpty else { return ends }
        let near = ends.map {
            NearMissJoiner.nearbyAlongNetwork(from: $0.vertex, within: 2 * reportMeters, soup: soup, start: start, inc: inc)
        }
        let cell = max(4 * reportMeters, 500)
        func key(_ cx: Int, _ cy: Int) -> Int64 { Int64(cx) << 32 ^ Int64(cy & 0xFFFF_FFFF) }
        func cellOf(_ v: Double) -> Int { Int((v / cell).rounded(.down)) }
        var endsIn: [Int64: [Int]] = [:]
        for (k, e) in ends.enumerated() {
            let p = soup.vertexXY[Int(e.vertex)]
            endsIn[key(cellOf(p.x), cellOf(p.y)), default: []].append(k)
        }
        for s in 0..<soup.segmentCount {
            let a = soup.vertexXY[Int(soup.segA[s])]
            let b = soup.vertexXY[Int(soup.segB[s])]
            for cy in cellOf(min(a.y, b.y) - reportMeters)...cellOf(max(a.y, b.y) + reportMeters) {
                for cx in cellOf(min(a.x, b.x) - reportMeters)...cellOf(max(a.x, b.x) + reportMeters) {
                    guard let here = endsIn[key(cx, cy)] else { continue }
                    for k in here {
                        if near[k].contains(soup.segA[s]) || near[k].contains(soup.segB[s]) { continue }
                        let (t, d) = project(soup.vertexXY[Int(ends[k].vertex)], a, b)
                        guard d <= reportMeters else { continue }
                        if let best = ends[k].target, best.distance < d || (best.distance == d && best.segment < s) { continue }
                        ends[k].target = (Int32(s), d, t)
                    }
                }
            }
        }
        // The end vertex each end's gap reaches, when it reaches one exactly.
        var reaches: [Int32: Int32] = [:]
        for e in ends {
            guard let hit = e.target, hit.t <= 0 || hit.t >= 1 else { continue }
            reaches[e.vertex] = hit.t <= 0 ? soup.segA[Int(hit.segment)] : soup.segB[Int(hit.segment)]
        }
        return ends.filter { e in
            guard let other = reaches[e.vertex], other < e.vertex else { return true }
            return reaches[other] != e.vertex
        }
    }

    /// The fraction along segment a–b nearest to `p`, and the distance.
    private static func project(_ p: XY, _ a: XY, _ b: XY) -> (t: Double, distance: Double) {
        let dx = b.x - a.x
        let dy = b.y - a.y
        let len2 = dx * dx + dy * dy
        let t = len2 > 0 ? max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2)) : 0
        return (t, p.distance(to: XY(a.x + t * dx, a.y + t * dy)))
    }
}
