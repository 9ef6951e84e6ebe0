import ShurakuCore
import ShurakuGeo

/// Which districts touch which: two districts are neighbours when their polygons come within a
/// tolerance of each other (shared boundaries in real data are rarely exact).
public enum DistrictAdjacency {
    /// For each of `names`, the indices of the other names whose area lies within
    /// `toleranceMeters` of its own. Names without an area have no neighbours.
    public static func neighbours(
        of names: [String], areas: [String: Geometry], toleranceMeters: Double = 100
    ) throws(GeoError) -> [Set<Int>] {
        let engine = try GeometryEngine()
        let shapes = names.map { areas[$0] }
        let boxes = shapes.map { $0?.envelope }
        var out = [Set<Int>](repeating: [], count: names.count)
        for i in names.indices {
            guard let a = shapes[i], let ba = boxes[i] else { continue }
            for j in names.indices where j > i {
                guard let b = shapes[j], let bb = boxes[j] else { continue }
                let apart =
                    ba.minX - bb.maxX > toleranceMeters || bb.minX - ba.maxX > toleranceMeters
                    || ba.minY - bb.maxY > toleranceMeters || bb.minY - ba.maxY > toleranceMeters
                guard !apart, try engine.distance(a, b) <= toleranceMeters else { continue }
                out[i].insert(j)
                out[j].insert(i)
            }
        }
        return out
    }
}
