import CGEOS

extension GeometryEngine {
    /// The union of all `geometries` (a dissolve), as one geometry.
    public func union(_ geometries: [Geometry]) throws(GeoError) -> Geometry {
        try unary(.collection(geometries), "union") { GEOSUnaryUnion_r($0, $1) }
    }

    /// The part of `g` inside `h` (clip).
    public func intersection(_ g: Geometry, _ h: Geometry) throws(GeoError) -> Geometry {
        try binary(g, h, "intersection") { GEOSIntersection_r($0, $1, $2) }
    }

    /// The part of `g` outside `h`.
    public func difference(_ g: Geometry, _ h: Geometry) throws(GeoError) -> Geometry {
        try binary(g, h, "difference") { GEOSDifference_r($0, $1, $2) }
    }

    /// The convex hull.
    public func convexHull(_ g: Geometry) throws(GeoError) -> Geometry {
        try unary(g, "convex hull") { GEOSConvexHull_r($0, $1) }
    }

    /// Douglas–Peucker simplification that keeps polygon topology valid.
    public func simplify(_ g: Geometry, tolerance: Double) throws(GeoError) -> Geometry {
        try unary(g, "simplify") { GEOSTopologyPreserveSimplify_r($0, $1, tolerance) }
    }

    /// The areal part of a geometry (polygons of a collection), as a MultiPolygon; lines and
    /// points that overlays leave behind are dropped.
    public static func polygonal(_ g: Geometry) -> Geometry {
        let parts = g.polygonParts.filter { !($0.first?.isEmpty ?? true) }
        return parts.count == 1 ? .polygon(parts[0]) : .multiPolygon(parts)
    }
}
