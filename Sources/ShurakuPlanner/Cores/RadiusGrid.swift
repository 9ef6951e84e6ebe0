import ShurakuCore

/// Points bucketed in square cells as large as the query radius, so that every point within the
/// radius of a place lies in the 3 × 3 cells around it.
struct RadiusGrid {
    let cell: Double
    private let keys: [Int64]
    private let start: [Int]
    private let order: [Int]
    private let points: [XY]

    init(_ points: [XY], radius: Double) {
        cell = max(radius, 1)
        self.points = points
        var keyed: [(Int64, Int)] = []
        keyed.reserveCapacity(points.count)
        for (i, p) in points.enumerated() where p.isFinite {
            let (cx, cy) = RadiusGrid.cellOf(p, cell)
            keyed.append((RadiusGrid.key(cx, cy), i))
        }
        keyed.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var k: [Int64] = []
        var st: [Int] = []
        for (i, e) in keyed.enumerated() where k.last != e.0 {
            k.append(e.0)
            st.append(i)
        }
        st.append(keyed.count)
        keys = k
        start = st
        order = keyed.map(\.1)
    }

    private static func cellOf(_ p: XY, _ cell: Double) -> (Int64, Int64) {
        (Int64(max(-1e9, min(1e9, (p.x / cell).rounded(.down)))), Int64(max(-1e9, min(1e9, (p.y / cell).rounded(.down)))))
    }

    private static func key(_ cx: Int64, _ cy: Int64) -> Int64 { (cx + (1 << 31)) << 32 | (cy + (1 << 31)) }

    /// Calls `body` with every point within `radius` (≤ the grid's cell size) of `p`.
    func forEach(within radius: Double, of p: XY, _ body: (Int) -> Void) {
        guard p.isFinite else { return }
        let (cx, cy) = RadiusGrid.cellOf(p, cell)
        let r2 = radius * radius
        for dx in -1...1 {
            for dy in -1...1 {
                let k = RadiusGrid.key(cx + Int64(dx), cy + Int64(dy))
                var lo = 0
                var hi = keys.count
                while lo < hi {
                    let mid = (lo + hi) >> 1
                    if keys[mid] < k { lo = mid + 1 } else { hi = mid }
                }
                guard lo < keys.count, keys[lo] == k else { continue }
                for j in start[lo]..<start[lo + 1] {
                    let q = points[order[j]]
                    let ddx = q.x - p.x
                    let ddy = q.y - p.y
                    if ddx * ddx + ddy * ddy <= r2 { body(order[j]) }
                }
            }
        }
    }
}
