import ShurakuCore

/// Points bucketed in square cells (hash of cell coordinates), for radius queries: every point
/// within one cell size of a place lies in the 3 × 3 cells around it.
public struct PointGrid: Sendable {
    /// The cell size, in the points' units.
    public let cell: Double
    let keys: [Int64]  // sorted cell keys
    let order: [Int32]  // point ids grouped by key
    let start: [Int32]  // offsets into `order`, one per key (+1)

    /// Buckets `points` (non-finite ones are left out) in cells of size `cell`.
    public init(points: [XY], cell: Double) {
        self.cell = cell
        var keyed: [(Int64, Int32)] = []
        keyed.reserveCapacity(points.count)
        for (i, p) in points.enumerated() where p.isFinite {
            keyed.append((PointGrid.key(p, cell), Int32(i)))
        }
        keyed.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var k: [Int64] = []
        var st: [Int32] = []
        for (i, e) in keyed.enumerated() where k.last != e.0 {
            k.append(e.0)
            st.append(Int32(i))
        }
        st.append(Int32(keyed.count))
        keys = k
        start = st
        order = keyed.map(\.1)
    }

    static func cellXY(_ p: XY, _ cell: Double) -> (Int64, Int64) {
        (Int64(max(-1e9, min(1e9, (p.x / cell).rounded(.down)))), Int64(max(-1e9, min(1e9, (p.y / cell).rounded(.down)))))
    }

    static func key(_ p: XY, _ cell: Double) -> Int64 {
        let (cx, cy) = cellXY(p, cell)
        return key(cx, cy)
    }

    static func key(_ cx: Int64, _ cy: Int64) -> Int64 { (cx + (1 << 31)) << 32 | (cy + (1 << 31)) }

    /// Calls `body` with every point in the 3 × 3 cells around `p`, in ascending id order per cell.
    public func forEach(near p: XY, _ body: (Int) -> Void) {
        let (cx, cy) = PointGrid.cellXY(p, cell)
        for dx in -1...1 {
            for dy in -1...1 {
                let k = PointGrid.key(cx + Int64(dx), cy + Int64(dy))
                var lo = 0
                var hi = keys.count
                while lo < hi {
                    let mid = (lo + hi) >> 1
                    if keys[mid] < k { lo = mid + 1 } else { hi = mid }
                }
                guard lo < keys.count, keys[lo] == k else { continue }
                for i in Int(start[lo])..<Int(start[lo + 1]) { body(Int(order[i])) }
            }
        }
    }
}
