import ShurakuCore

/// Finds where two road lines cross without a shared vertex, with a uniform grid over the
/// segments (each pair of segments sharing a cell is tested once per cell, and a crossing is
/// kept only in the cell that holds its point, so nothing is reported twice).
///
/// A crossing is a point interior to one segment and interior to, or a vertex of, another
/// segment of a different line, where the two segments share no vertex. A line *end* touching
/// another line is left to the gap check; parallel overlaps are not crossings.
enum CrossingFinder {
    /// One crossing and how to join it.
    struct Crossing {
        var segments: (Int32, Int32)
        /// Fractions along each segment.
        var t: (Double, Double)
        /// A vertex already at the point (a vertex of one line on the other's segment), else -1.
        var vertex: Int32
        var point: XY
        var gradeSeparated: Bool
    }

    /// Points closer than this (metres) to a segment's end are at that vertex.
    static let vertexEpsilon = 1e-3

    static func find(_ soup: SegmentSoup, level: (Int32) -> GradeSeparation.Level) -> [Crossing] {
        let m = soup.segmentCount
        guard m > 1 else { return [] }
        var degree = [Int32](repeating: 0, count: soup.vertexXY.count)
        for s in 0..<m {
            degree[Int(soup.segA[s])] += 1
            degree[Int(soup.segB[s])] += 1
        }
        let grid = SegmentGrid(a: soup.segA.map { soup.vertexXY[Int($0)] }, b: soup.segB.map { soup.vertexXY[Int($0)] })
        var found: [Crossing] = []
        var atVertex = Set<VertexOnSegment>()
        for c in 0..<(grid.nx * grid.ny) {
            let lo = Int(grid.cellStart[c])
            let hi = Int(grid.cellStart[c + 1])
            guard hi - lo > 1 else { continue }
            for x in lo..<(hi - 1) {
                let i = Int(grid.items[x])
                for y in (x + 1)..<hi {
                    let j = Int(grid.items[y])
                    guard soup.segLine[i] != soup.segLine[j], !sharesVertex(soup, i, j), let hit = intersection(grid, i, j)
                    else { continue }
                    let separated = GradeSeparation.separates(level(soup.segLine[i]), level(soup.segLine[j]))
                    switch meeting(soup, i, j, hit) {
                    case .vertices:
                        continue
                    case .interiors:
                        guard grid.cellIndex(of: hit.point, within: i, j) == c else { continue }
                        found.append(
                            Crossing(
                                segments: (Int32(i), Int32(j)), t: (hit.0, hit.1), vertex: -1, point: hit.point,
                                gradeSeparated: separated))
                    case .vertex(let v, let other, let t):
                        // A vertex of one line on the other's segment: a crossing unless it is a line end.
                        let p = soup.vertexXY[Int(v)]
                        guard degree[Int(v)] >= 2, grid.cellIndex(of: p, within: i, j) == c,
                            atVertex.insert(VertexOnSegment(vertex: v, segment: Int32(other))).inserted
                        else { continue }
                        found.append(
                            Crossing(
                                segments: (Int32(i), Int32(j)), t: other == i ? (t, 0) : (0, t), vertex: v, point: p,
                                gradeSeparated: separated))
                    }
                }
            }
        }
        found.sort { a, b in
            let ka = (min(a.segments.0, a.segments.1), max(a.segments.0, a.segments.1))
            let kb = (min(b.segments.0, b.segments.1), max(b.segments.0, b.segments.1))
            return ka != kb ? ka < kb : (a.point.x, a.point.y) < (b.point.x, b.point.y)
        }
        return found
    }

    /// A vertex lying on a segment of another line, counted once.
    private struct VertexOnSegment: Hashable {
        var vertex: Int32
        var segment: Int32
    }

    /// Where two segments meet.
    private enum Meeting {
        /// Inside both.
        case interiors
        /// At a vertex of one (`vertex`) inside the `other` segment, `t` along it.
        case vertex(Int32, other: Int, t: Double)
        /// At a vertex of each: two distinct vertices within a millimetre, not a crossing.
        case vertices
    }

    private static func sharesVertex(_ soup: SegmentSoup, _ i: Int, _ j: Int) -> Bool {
        soup.segA[i] == soup.segA[j] || soup.segA[i] == soup.segB[j] || soup.segB[i] == soup.segA[j]
            || soup.segB[i] == soup.segB[j]
    }

    /// The fractions along `i` and `j` where they meet, and the point; nil when they do not
    /// meet or are parallel.
    private static func intersection(_ g: SegmentGrid, _ i: Int, _ j: Int) -> (Double, Double, point: XY)? {
        // Bounding boxes first.
        guard max(g.ax[i], g.bx[i]) >= min(g.ax[j], g.bx[j]), max(g.ax[j], g.bx[j]) >= min(g.ax[i], g.bx[i]),
            max(g.ay[i], g.by[i]) >= min(g.ay[j], g.by[j]), max(g.ay[j], g.by[j]) >= min(g.ay[i], g.by[i])
        else { return nil }
        let rx = g.bx[i] - g.ax[i]
        let ry = g.by[i] - g.ay[i]
        let sx = g.bx[j] - g.ax[j]
        let sy = g.by[j] - g.ay[j]
        let denom = rx * sy - ry * sx
        let scale = (rx * rx + ry * ry).squareRoot() * (sx * sx + sy * sy).squareRoot()
        guard scale > 0, abs(denom) > 1e-12 * scale else { return nil }
        let qx = g.ax[j] - g.ax[i]
        let qy = g.ay[j] - g.ay[i]
        let t = (qx * sy - qy * sx) / denom
        let u = (qx * ry - qy * rx) / denom
        guard t >= 0, t <= 1, u >= 0, u <= 1 else { return nil }
        return (t, u, XY(g.ax[i] + t * rx, g.ay[i] + t * ry))
    }

    /// How segments `i` and `j` meet at `hit`.
    private static func meeting(_ soup: SegmentSoup, _ i: Int, _ j: Int, _ hit: (Double, Double, point: XY)) -> Meeting {
        func end(_ s: Int, _ t: Double) -> Int32? {
            let a = soup.vertexXY[Int(soup.segA[s])]
            let b = soup.vertexXY[Int(soup.segB[s])]
            let len = a.distance(to: b)
            if t * len <= vertexEpsilon { return soup.segA[s] }
            if (1 - t) * len <= vertexEpsilon { return soup.segB[s] }
            return nil
        }
        switch (end(i, hit.0), end(j, hit.1)) {
        case (nil, nil): return .interiors
        case (let v?, nil): return .vertex(v, other: j, t: hit.1)
        case (nil, let v?): return .vertex(v, other: i, t: hit.0)
        case (_?, _?): return .vertices
        }
    }
}

extension SegmentGrid {
    /// The cell holding `p` moved into the overlap of the bounding boxes of segments `i` and
    /// `j` (so that both are filed there) and clamped to the grid.
    func cellIndex(of p: XY, within i: Int, _ j: Int) -> Int {
        let x = Swift.min(
            Swift.max(p.x, Swift.min(ax[i], bx[i]), Swift.min(ax[j], bx[j])), Swift.max(ax[i], bx[i]), Swift.max(ax[j], bx[j]))
        let y = Swift.min(
            Swift.max(p.y, Swift.min(ay[i], by[i]), Swift.min(ay[j], by[j])), Swift.max(ay[i], by[i]), Swift.max(ay[j], by[j]))
        let p = XY(x, y)
        let cx = Swift.max(0, Swift.min(nx - 1, Int(Swift.max(-1e9, Swift.min(1e9, ((p.x - minX) / cell).rounded(.down))))))
        let cy = Swift.max(0, Swift.min(ny - 1, Int(Swift.max(-1e9, Swift.min(1e9, ((p.y - minY) / cell).rounded(.down))))))
        return cy * nx + cx
    }
}
