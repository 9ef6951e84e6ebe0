import ShurakuCore

/// Points within a radius of a place: a ``PointGrid`` with cells as large as the radius, and
/// the exact distance check.
struct RadiusGrid {
    private let grid: PointGrid
    private let points: [XY]

    init(_ points: [XY], radius: Double) {
        self.points = points
        grid = PointGrid(points: points, cell: max(radius, 1))
    }

    /// Calls `body` with every point within `radius` (≤ the grid's cell size) of `p`.
    func forEach(within radius: Double, of p: XY, _ body: (Int) -> Void) {
        guard p.isFinite else { return }
        let r2 = radius * radius
        grid.forEach(near: p) { j in
            let dx = points[j].x - p.x
            let dy = points[j].y - p.y
            if dx * dx + dy * dy <= r2 { body(j) }
        }
    }
}
