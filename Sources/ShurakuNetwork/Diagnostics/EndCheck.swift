import ShurakuCore

/// Finds the line ends left unjoined once the graph's joins are made: gaps (within the report
/// distance of another line) and dangles (dead ends).
///
/// "Another line" is any segment not reachable from the end within twice the report distance
/// along the network, the rule the near-miss joiner uses: so a snap tolerance of at least a
/// gap's distance joins that gap. Two ends facing each other across one gap count once (at the
/// lower vertex).
enum EndCheck {
    struct End {
        var vertex: Int32
        /// The segment the end lies on.
        var segment: Int32
        /// The nearest other segment within the report distance, and how far; nil for a dangle.
        var target: (segment: Int32, distance: Double)?
    }

    static func find(_ soup: SegmentSoup, reportMeters: Double) -> [End] {
        guard soup.segmentCount > 0 else { return [] }
        let (start, inc) = soup.incidence()
        let grid = SegmentGrid(
            a: soup.segA.map { soup.vertexXY[Int($0)] }, b: soup.segB.map { soup.vertexXY[Int($0)] },
            cellSize: max(4 * reportMeters, 50))
        var ends: [End] = []
        // The end vertex each end's gap reaches, when it reaches one exactly.
        var reaches: [Int32: Int32] = [:]
        for d in 0..<soup.vertexXY.count where start[d + 1] - start[d] == 1 {
            let own = inc[Int(start[d])]
            guard reportMeters > 0 else {
                ends.append(End(vertex: Int32(d), segment: own, target: nil))
                continue
            }
            let near = NearMissJoiner.nearbyAlongNetwork(from: Int32(d), within: 2 * reportMeters, soup: soup, start: start, inc: inc)
            let hit = grid.nearest(
                to: soup.vertexXY[d], maxDistance: reportMeters,
                accept: { s in !near.contains(soup.segA[Int(s)]) && !near.contains(soup.segB[Int(s)]) })
            if let hit, hit.t <= 0 || hit.t >= 1 {
                reaches[Int32(d)] = hit.t <= 0 ? soup.segA[Int(hit.segment)] : soup.segB[Int(hit.segment)]
            }
            ends.append(End(vertex: Int32(d), segment: own, target: hit.map { ($0.segment, $0.distance) }))
        }
        return ends.filter { e in
            guard let other = reaches[e.vertex], other < e.vertex else { return true }
            return reaches[other] != e.vertex
        }
    }
}
