import ShurakuCore
import ShurakuGeo

/// Travel times without a road layer: geodesic distance × detour factor at a set speed.
///
/// Only pairs within the cutoff are computed: points are bucketed in a grid on their projected
/// coordinates (cell = cutoff radius, padded 5 % for projection scale error), and the geodesic
/// (PROJ, GRS80) is evaluated for candidates in neighbouring cells only.
public struct StraightLineModel: Hashable, Sendable {
    /// Road distance ÷ straight-line distance. Default 1.3.
    public var detour: Double
    /// Travel speed on the (detoured) distance, km/h. Default 40.
    public var speedKmh: Double

    public init(detour: Double = 1.3, speedKmh: Double = 40) {
        self.detour = detour
        self.speedKmh = speedKmh
    }

    /// Straight-line travel times between places.
    /// - Parameters:
    ///   - lonLat: places in longitude/latitude degrees (for the geodesic).
    ///   - projected: the same places in a metric CRS (for the grid only).
    ///   - sources: place indices of the rows (nil: all).
    ///   - cutoffSeconds: the longest time kept; pairs farther apart are left out.
    ///   - direction: ``TravelTimeMatrix/Direction/fromSources`` (source → target) or
    ///     ``TravelTimeMatrix/Direction/toSources`` (target → source); the same times either way.
    ///   - workers: threads to use (nil: all active processors).
    ///   - scale: the projection's point scale factor at each place
    ///     (``/ShurakuGeo/ScaleFactor/pointScale(of:at:)``).
    ///     When given, a pair's distance is its projected distance × the mean of 1/k at its ends,
    ///     which agrees with the geodesic within 1e-5 over the distances a cutoff allows and costs
    ///     no per-pair geodesic; when nil, every pair's geodesic is computed through PROJ.
    public func travelTimes(
        lonLat: [XY], projected: [XY], sources: [Int32]? = nil, cutoffSeconds: Double,
        direction: TravelTimeMatrix.Direction = .fromSources, workers: Int? = nil, scale: [Double]? = nil
    ) throws(NetworkError) -> TravelTimeMatrix {
        guard detour.isFinite, detour >= 1, detour <= 10 else {
            throw .invalidOption(name: "detour", reason: "must be in [1, 10]")
        }
        guard speedKmh.isFinite, speedKmh > 0, speedKmh <= 300 else {
            throw .invalidOption(name: "speedKmh", reason: "must be in (0, 300]")
        }
        guard cutoffSeconds.isFinite, cutoffSeconds >= 0 else {
            throw .invalidOption(name: "cutoffSeconds", reason: "must be finite and ≥ 0")
        }
        if let w = workers, w < 1 { throw .invalidOption(name: "workers", reason: "must be ≥ 1") }
        guard lonLat.count == projected.count else {
            throw .lengthMismatch(name: "projected", expected: lonLat.count, actual: projected.count)
        }
        let n = lonLat.count
        if let scale {
            guard scale.count == n else { throw .lengthMismatch(name: "scale", expected: n, actual: scale.count) }
            guard scale.allSatisfy({ $0.isFinite && $0 > 0.5 && $0 < 2 }) else {
                throw .invalidOption(name: "scale", reason: "scale factors must lie in (0.5, 2)")
            }
        }
        let inverseScale = scale?.map { 1 / $0 }
        let src = sources ?? (0..<Int32(n)).map { $0 }
        for s in src where s < 0 || Int(s) >= n { throw .indexOutOfRange(name: "source", index: Int(s), count: n) }

        let mps = speedKmh / 3.6
        let maxGeodesic = cutoffSeconds * mps / detour
        let radius = maxGeodesic * 1.05 + 1
        let grid = PointGrid(points: projected, cell: max(radius, 1))
        let geod = Geodesic.grs80
        let detour = self.detour
        let mode = TravelTimeMatrix.Mode.straightLine(detour: detour, speedKmh: speedKmh)
        // Time and distance of one pair, or nil beyond the cutoff (or too far on the grid).
        func pair(_ s: Int, _ t: Int) -> (Float32, Float32)? {
            let ps = projected[s]
            let pt = projected[t]
            guard lonLat[t].isFinite else { return nil }
            let dx = pt.x - ps.x
            let dy = pt.y - ps.y
            guard dx * dx + dy * dy <= radius * radius else { return nil }
            let ground: Double
            if let inverseScale {
                ground = (dx * dx + dy * dy).squareRoot() * (inverseScale[s] + inverseScale[t]) / 2
            } else {
                ground = geod.distanceMeters(lonLat[s], lonLat[t])
            }
            let m = ground * detour
            let sec = m / mps
            return sec <= cutoffSeconds ? (Float32(sec), Float32(m)) : nil
        }
        let valid = { (s: Int) in projected[s].isFinite && lonLat[s].isFinite }

        // All places as sources, in order (the planner's case): the geodesic is symmetric, so
        // compute each unordered pair once and mirror it.
        if src.count == n, src.enumerated().allSatisfy({ $0.offset == Int($0.element) }) {
            let upper = parallelChunks(
                count: n, workers: workers,
                makeState: { ([(Int32, Float32, Float32)](), RowSortScratch()) },
                work: { state, range in
                    var chunk = MatrixChunk()
                    for s in range {
                        if valid(s) {
                            grid.forEach(near: projected[s]) { t in
                                if t > s, let (sec, m) = pair(s, t) { state.0.append((Int32(t), sec, m)) }
                            }
                        }
                        chunk.appendSorted(&state.0, scratch: &state.1, targetCount: n)
                    }
                    return chunk
                })
            return Self.mirror(upper, count: n, mode: mode, direction: direction, cutoffSeconds: cutoffSeconds)
        }

        let chunks = parallelChunks(
            count: src.count, workers: workers,
            makeState: { ([(Int32, Float32, Float32)](), RowSortScratch()) },
            work: { state, range in
                var chunk = MatrixChunk()
                for r in range {
                    let s = Int(src[r])
                    state.0.append((Int32(s), 0, 0))
                    if valid(s) {
                        grid.forEach(near: projected[s]) { t in
                            if t != s, let (sec, m) = pair(s, t) { state.0.append((Int32(t), sec, m)) }
                        }
                    }
                    chunk.appendSorted(&state.0, scratch: &state.1, targetCount: n)
                }
                return chunk
            })
        return TravelTimeMatrix(
            mode: mode, direction: direction, cutoffSeconds: cutoffSeconds, sources: src,
            targetCount: n, chunks: chunks)
    }

    /// The full symmetric matrix from its strict upper triangle (rows in order, targets > row).
    private static func mirror(
        _ upper: [MatrixChunk], count n: Int, mode: TravelTimeMatrix.Mode, direction: TravelTimeMatrix.Direction,
        cutoffSeconds: Double
    ) -> TravelTimeMatrix {
        var upStart = [Int](repeating: 0, count: n + 1)
        var lowerCount = [Int](repeating: 0, count: n)
        var r = 0
        for c in upper {
            for len in c.rowLengths {
                upStart[r + 1] = upStart[r] + len
                r += 1
            }
            for t in c.targets { lowerCount[Int(t)] += 1 }
        }
        var rowStart = [Int](repeating: 0, count: n + 1)
        for s in 0..<n { rowStart[s + 1] = rowStart[s] + lowerCount[s] + 1 + (upStart[s + 1] - upStart[s]) }
        let total = rowStart[n]
        var targets = [Int32](repeating: 0, count: total)
        var seconds = [Float32](repeating: 0, count: total)
        var meters = [Float32](repeating: 0, count: total)
        var lowerCursor = Array(rowStart.dropLast())
        r = 0
        for c in upper {
            var k = 0
            for len in c.rowLengths {
                // Row r: its lower part is filled by earlier rows; then itself, then its upper part.
                var at = rowStart[r] + lowerCount[r]
                targets[at] = Int32(r)
                at += 1
                for _ in 0..<len {
                    let t = Int(c.targets[k])
                    targets[at] = c.targets[k]
                    seconds[at] = c.seconds[k]
                    meters[at] = c.meters[k]
                    at += 1
                    let l = lowerCursor[t]
                    targets[l] = Int32(r)
                    seconds[l] = c.seconds[k]
                    meters[l] = c.meters[k]
                    lowerCursor[t] += 1
                    k += 1
                }
                r += 1
            }
        }
        return TravelTimeMatrix(
            mode: mode, direction: direction, cutoffSeconds: cutoffSeconds,
            sources: (0..<Int32(n)).map { $0 }, targetCount: n, rowStart: rowStart,
            targets: targets, seconds: seconds, meters: meters)
    }
}
