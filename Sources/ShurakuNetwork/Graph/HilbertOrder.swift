import ShurakuCore

/// Orders points along a Hilbert curve so that graph nodes close on the map sit close in memory.
enum HilbertOrder {
    /// Old indices in their new order (ties broken by old index).
    static func permutation(_ xy: [XY]) -> [Int32] {
        guard let env = Envelope(covering: xy), xy.count > 1 else { return Array(Int32(0)..<Int32(xy.count)) }
        let side = max(env.width, env.height, 1e-9)
        let scale = Double((1 << 16) - 1) / side
        var keyed = [(UInt64, Int32)]()
        keyed.reserveCapacity(xy.count)
        for (i, p) in xy.enumerated() {
            let x = UInt32(max(0, min(65535, ((p.x - env.minX) * scale).rounded(.down))))
            let y = UInt32(max(0, min(65535, ((p.y - env.minY) * scale).rounded(.down))))
            keyed.append((UInt64(index(x, y)) << 32 | UInt64(UInt32(i)), Int32(i)))
        }
        keyed.sort { $0.0 < $1.0 }
        return keyed.map(\.1)
    }

    /// Hilbert index of (x, y) on a 2^16 × 2^16 grid.
    static func index(_ x0: UInt32, _ y0: UInt32) -> UInt32 {
        var x = x0
        var y = y0
        var d: UInt32 = 0
        var s: UInt32 = 1 << 15
        while s > 0 {
            let rx: UInt32 = (x & s) > 0 ? 1 : 0
            let ry: UInt32 = (y & s) > 0 ? 1 : 0
            d &+= s &* s &* ((3 &* rx) ^ ry)
            if ry == 0 {
                if rx == 1 {
                    x = s &- 1 &- x
                    y = s &- 1 &- y
                }
                swap(&x, &y)
            }
            s >>= 1
        }
        return d
    }
}
