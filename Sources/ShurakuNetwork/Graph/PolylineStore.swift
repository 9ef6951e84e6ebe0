import ShurakuCore

/// Road geometry kept beside the graph: polylines in one flat array with cumulative metres and
/// seconds at every vertex, so that any point along a line (a *position* `k + t`: segment `k`,
/// fraction `t`) has an exact distance and travel time from the line's start.
public struct PolylineStore: Sendable {
    /// Offsets into ``points``: polyline `i` is `points[first[i]..<first[i + 1]]`.
    public let first: [Int32]
    public let points: [XY]
    /// Metres from the polyline's first vertex, per vertex.
    public let cumMeters: [Double]
    /// Seconds from the polyline's first vertex, per vertex (segment speeds may differ).
    public let cumSeconds: [Double]

    init(first: [Int32], points: [XY], cumMeters: [Double], cumSeconds: [Double]) {
        self.first = first
        self.points = points
        self.cumMeters = cumMeters
        self.cumSeconds = cumSeconds
    }

    public var count: Int { first.count - 1 }

    /// Number of segments of polyline `i`.
    public func segmentCount(_ i: Int) -> Int { Int(first[i + 1] - first[i]) - 1 }

    /// The segment index and fraction of a position, clamped to the polyline.
    @inline(__always)
    func split(_ i: Int, _ pos: Double) -> (k: Int, t: Double) {
        let n = segmentCount(i)
        if pos <= 0 { return (0, 0) }
        if pos >= Double(n) { return (n - 1, 1) }
        let k = Int(pos)
        return (k, pos - Double(k))
    }

    /// The point at `pos` on polyline `i`.
    public func point(_ i: Int, at pos: Double) -> XY {
        let (k, t) = split(i, pos)
        let a = points[Int(first[i]) + k]
        let b = points[Int(first[i]) + k + 1]
        return XY(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
    }

    /// Metres from the start of polyline `i` to `pos`.
    public func meters(_ i: Int, at pos: Double) -> Double { interpolate(cumMeters, i, pos) }

    /// Seconds from the start of polyline `i` to `pos`.
    public func seconds(_ i: Int, at pos: Double) -> Double { interpolate(cumSeconds, i, pos) }

    private func interpolate(_ c: [Double], _ i: Int, _ pos: Double) -> Double {
        let (k, t) = split(i, pos)
        let j = Int(first[i]) + k
        return c[j] + (c[j + 1] - c[j]) * t
    }

    /// The vertices of polyline `i` between positions `a` and `b` (either order; reversed when
    /// `a > b`), both end points included.
    public func slice(_ i: Int, from a: Double, to b: Double) -> [XY] {
        let lo = min(a, b)
        let hi = max(a, b)
        var out = [point(i, at: lo)]
        let n = segmentCount(i)
        var v = Int(lo.rounded(.down)) + 1
        while v < n + 1, Double(v) < hi {
            let p = points[Int(first[i]) + v]
            if p != out[out.count - 1] { out.append(p) }
            v += 1
        }
        let end = point(i, at: hi)
        if end != out[out.count - 1] || out.count == 1 { out.append(end) }
        return a <= b ? out : out.reversed()
    }
}

/// A piece of one polyline, driven from position `from` to position `to` (`from < to`).
public struct PolylineSpan: Hashable, Sendable {
    public var line: Int32
    public var from: Double
    public var to: Double
}
