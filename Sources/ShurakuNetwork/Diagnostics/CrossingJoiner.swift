import ShurakuCore

/// Joins crossings (``JunctionRule/crossings``): both segments are split at the crossing point,
/// which becomes one shared vertex.
enum CrossingJoiner {
    /// Splits the soup at every crossing in `crossings` that is not a grade separation; returns
    /// how many were joined.
    static func join(_ soup: inout SegmentSoup, _ crossings: [CrossingFinder.Crossing]) -> Int {
        var splits: [(segment: Int32, t: Double, vertex: Int32)] = []
        var joined = 0
        for c in crossings where !c.gradeSeparated {
            var v = c.vertex
            if v < 0 {
                v = Int32(soup.vertexXY.count)
                soup.vertexXY.append(c.point)
            }
            for (s, t) in [(c.segments.0, c.t.0), (c.segments.1, c.t.1)] where soup.segA[Int(s)] != v && soup.segB[Int(s)] != v {
                splits.append((s, t, v))
            }
            joined += 1
        }
        soup.split(splits)
        return joined
    }
}
