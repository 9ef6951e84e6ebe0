import ShurakuCore

/// A uniform grid over line segments for nearest-segment queries (the snapping index).
///
/// Each segment is listed in every cell its bounding box touches. A query searches rings of
/// cells around the point until no unsearched cell can hold anything nearer.
struct SegmentGrid {
    let ax: [Double], ay: [Double], bx: [Double], by: [Double]
    let minX: Double, minY: Double, cell: Double
    let nx: Int, ny: Int
    let cellStart: [Int32]
    let items: [Int32]

    /// The nearest point found: segment id, fraction along it, the point, and its distance.
    struct Hit {
        var segment: Int32
        var t: Double
        var point: XY
        var distance: Double
    }

    /// - Parameter cellSize: grid spacing; nil picks about four segments per cell.
    init(a: [XY], b: [XY], cellSize: Double? = nil) {
        let ax = a.map(\.x)
        let ay = a.map(\.y)
        let bx = b.map(\.x)
        let by = b.map(\.y)
        var env = Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1)
        if let e1 = Envelope(covering: a), let e2 = Envelope(covering: b) {
            env = e1
            env.expand(toInclude: e2)
        }
        let w = max(env.width, 1)
        let h = max(env.height, 1)
        let count = max(a.count, 1)
        var c = cellSize ?? (w * h / Double(count)).squareRoot() * 2
        // At most about 3 × (4 n + 64) cells, however long and thin the extent.
        let budget = Double(4 * count + 64)
        c = max(c, 1e-3, (w * h / budget).squareRoot(), w / budget, h / budget)
        let nx = max(1, Int((w / c).rounded(.down)) + 1)
        let ny = max(1, Int((h / c).rounded(.down)) + 1)
        func cellRange(_ i: Int) -> (Int, Int, Int, Int) {
            let x0 = Swift.min(ax[i], bx[i])
            let x1 = Swift.max(ax[i], bx[i])
            let y0 = Swift.min(ay[i], by[i])
            let y1 = Swift.max(ay[i], by[i])
            let cx0 = Swift.max(0, Swift.min(nx - 1, Int(((x0 - env.minX) / c).rounded(.down))))
            let cx1 = Swift.max(0, Swift.min(nx - 1, Int(((x1 - env.minX) / c).rounded(.down))))
            let cy0 = Swift.max(0, Swift.min(ny - 1, Int(((y0 - env.minY) / c).rounded(.down))))
            let cy1 = Swift.max(0, Swift.min(ny - 1, Int(((y1 - env.minY) / c).rounded(.down))))
            return (cx0, cx1, cy0, cy1)
        }
        var counts = [Int32](repeating: 0, count: nx * ny + 1)
        for i in 0..<a.count {
            let (cx0, cx1, cy0, cy1) = cellRange(i)
            for cy in cy0...cy1 { for cx in cx0...cx1 { counts[cy * nx + cx + 1] += 1 } }
        }
        for k in 0..<(nx * ny) { counts[k + 1] += counts[k] }
        var fill = counts
        var it = [Int32](repeating: 0, count: Int(counts[nx * ny]))
        for i in 0..<a.count {
            let (cx0, cx1, cy0, cy1) = cellRange(i)
            for cy in cy0...cy1 {
                for cx in cx0...cx1 {
                    it[Int(fill[cy * nx + cx])] = Int32(i)
                    fill[cy * nx + cx] += 1
                }
            }
        }
        self.ax = ax
        self.ay = ay
        self.bx = bx
        self.by = by
        self.minX = env.minX
        self.minY = env.minY
        self.cell = c
        self.nx = nx
        self.ny = ny
        cellStart = counts
        items = it
    }

    /// Distance from `p` to segment `i`, with the fraction and the nearest point.
    @inline(__always)
    func project(_ p: XY, _ i: Int) -> (t: Double, point: XY, distance: Double) {
        let dx = bx[i] - ax[i]
        let dy = by[i] - ay[i]
        let len2 = dx * dx + dy * dy
        var t = len2 > 0 ? ((p.x - ax[i]) * dx + (p.y - ay[i]) * dy) / len2 : 0
        t = Swift.max(0, Swift.min(1, t))
        let q = XY(ax[i] + t * dx, ay[i] + t * dy)
        return (t, q, p.distance(to: q))
    }

    /// The nearest segment to `p` within `maxDistance` accepted by `accept`, ties broken by the
    /// lower segment id; nil when there is none.
    func nearest(to p: XY, maxDistance: Double = .infinity, accept: (Int32) -> Bool = { _ in true }) -> Hit? {
        guard p.isFinite, !items.isEmpty else { return nil }
        let qx = Int(Swift.max(-1e9, Swift.min(1e9, ((p.x - minX) / cell).rounded(.down))))
        let qy = Int(Swift.max(-1e9, Swift.min(1e9, ((p.y - minY) / cell).rounded(.down))))
        let cx = Swift.max(0, Swift.min(nx - 1, qx))
        let cy = Swift.max(0, Swift.min(ny - 1, qy))
        var best: Hit?
        let maxRing = Swift.max(nx, ny)
        var r = 0
        while r <= maxRing {
            // cells at Chebyshev distance r from (cx, cy)
            let y0 = cy - r
            let y1 = cy + r
            let x0 = cx - r
            let x1 = cx + r
            for y in Swift.max(0, y0)...Swift.min(ny - 1, y1) {
                let fullRow = y == y0 || y == y1
                var x = Swift.max(0, x0)
                while x <= Swift.min(nx - 1, x1) {
                    if fullRow || x == x0 || x == x1 {
                        let c = y * nx + x
                        for k in Int(cellStart[c])..<Int(cellStart[c + 1]) {
                            let s = items[k]
                            let pr = project(p, Int(s))
                            if pr.distance > maxDistance { continue }
                            if let b = best, pr.distance > b.distance || (pr.distance == b.distance && s >= b.segment) {
                                continue
                            }
                            if !accept(s) { continue }
                            best = Hit(segment: s, t: pr.t, point: pr.point, distance: pr.distance)
                        }
                        x += 1
                    } else {
                        x = x1  // jump over the ring's interior
                    }
                }
            }
            // Unsearched cells are at least r * cell away (see the header comment).
            let bound = Double(r) * cell
            if let b = best, b.distance <= bound { break }
            if bound > maxDistance { break }
            r += 1
        }
        return best
    }

    /// Every segment id listed in a cell that meets the disc of `radius` around `p` (may repeat).
    func candidates(near p: XY, radius: Double, _ body: (Int32) -> Void) {
        guard p.isFinite, !items.isEmpty else { return }
        let x0 = Swift.max(0, Int(Swift.max(-1e9, ((p.x - radius - minX) / cell).rounded(.down))))
        let x1 = Swift.min(nx - 1, Int(Swift.min(1e9, ((p.x + radius - minX) / cell).rounded(.down))))
        let y0 = Swift.max(0, Int(Swift.max(-1e9, ((p.y - radius - minY) / cell).rounded(.down))))
        let y1 = Swift.min(ny - 1, Int(Swift.min(1e9, ((p.y + radius - minY) / cell).rounded(.down))))
        guard x0 <= x1, y0 <= y1 else { return }
        for y in y0...y1 {
            for x in x0...x1 {
                let c = y * nx + x
                for k in Int(cellStart[c])..<Int(cellStart[c + 1]) { body(items[k]) }
            }
        }
    }
}
