/// Sparse many-to-many travel times: for each source row, the targets within the cutoff with
/// their travel time and distance (compressed rows, targets ascending within a row).
///
/// Memory is proportional to the pairs within the cutoff. A pair missing from a row is beyond
/// the cutoff or unreachable. A place's own entry is always present with 0 s and 0 m.
public struct TravelTimeMatrix: Sendable {
    /// How the times were made; outputs should say so.
    public enum Mode: Hashable, Sendable {
        /// Along the road graph (connector + road + connector).
        case road
        /// Geodesic distance × `detour` at `speedKmh`, because there was no road layer.
        case straightLine(detour: Double, speedKmh: Double)

        /// How outputs should name the mode, e.g. `road` or `straight-line ×1.3 at 40 km/h`.
        public var label: String {
            switch self {
            case .road: "road"
            case .straightLine(let d, let v): "straight-line ×\(Self.text(d)) at \(Self.text(v)) km/h"
            }
        }

        /// Locale-independent: `40`, `1.3`.
        private static func text(_ x: Double) -> String {
            x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
        }
    }

    /// Which way each row runs.
    public enum Direction: Hashable, Sendable {
        /// Row `r` holds times *from* source `sources[r]` to each target.
        case fromSources
        /// Row `r` holds times *from* each target *to* source `sources[r]` (e.g. settlement → core,
        /// computed on the reversed graph; differs from `fromSources` where streets are one-way).
        case toSources
    }

    public let mode: Mode
    public let direction: Direction
    /// Pairs slower than this were left out, seconds.
    public let cutoffSeconds: Double
    /// Place index of each row.
    public let sources: [Int32]
    /// Number of places (targets are `0..<targetCount`).
    public let targetCount: Int
    /// Row offsets (`sources.count + 1` entries).
    public let rowStart: [Int]
    public let targets: [Int32]
    public let seconds: [Float32]
    /// Road distance of the fastest path, metres (straight-line mode: geodesic × detour).
    public let meters: [Float32]

    public var rowCount: Int { sources.count }
    public var pairCount: Int { targets.count }

    init(
        mode: Mode, direction: Direction, cutoffSeconds: Double, sources: [Int32], targetCount: Int,
        rowStart: [Int], targets: [Int32], seconds: [Float32], meters: [Float32]
    ) {
        self.mode = mode
        self.direction = direction
        self.cutoffSeconds = cutoffSeconds
        self.sources = sources
        self.targetCount = targetCount
        self.rowStart = rowStart
        self.targets = targets
        self.seconds = seconds
        self.meters = meters
    }

    /// Entries of row `r`: indices into ``targets``, ``seconds``, ``meters``.
    public func range(ofRow r: Int) -> Range<Int> { rowStart[r]..<rowStart[r + 1] }

    /// Travel time and distance of row `r` to `target`, or nil when beyond the cutoff/unreachable.
    public func entry(row r: Int, target: Int32) -> (seconds: Float32, meters: Float32)? {
        var lo = rowStart[r]
        var hi = rowStart[r + 1]
        while lo < hi {
            let mid = (lo + hi) >> 1
            if targets[mid] < target { lo = mid + 1 } else { hi = mid }
        }
        guard lo < rowStart[r + 1], targets[lo] == target else { return nil }
        return (seconds[lo], meters[lo])
    }
}

extension TravelTimeMatrix {
    /// Stitch chunks (in order) into one matrix, releasing each chunk once copied so that the
    /// peak memory stays near one copy of the pairs.
    init(
        mode: Mode, direction: Direction, cutoffSeconds: Double, sources: [Int32], targetCount: Int,
        chunks: consuming [MatrixChunk]
    ) {
        let total = chunks.reduce(0) { $0 + $1.targets.count }
        var rowStart = [0]
        rowStart.reserveCapacity(sources.count + 1)
        var t: [Int32] = []
        var s: [Float32] = []
        var m: [Float32] = []
        t.reserveCapacity(total)
        s.reserveCapacity(total)
        m.reserveCapacity(total)
        for i in chunks.indices {
            let c = chunks[i]
            chunks[i] = MatrixChunk()
            for len in c.rowLengths { rowStart.append(rowStart[rowStart.count - 1] + len) }
            t.append(contentsOf: c.targets)
            s.append(contentsOf: c.seconds)
            m.append(contentsOf: c.meters)
        }
        self.init(
            mode: mode, direction: direction, cutoffSeconds: cutoffSeconds, sources: sources,
            targetCount: targetCount, rowStart: rowStart, targets: t, seconds: s, meters: m)
    }
}
