import CGEOS

extension GeometryEngine {
    /// The area within `distance` of `g` (negative to shrink polygons), approximating quarter
    /// circles with `quadrantSegments` segments.
    public func buffer(_ g: Geometry, distance: Double, quadrantSegments: Int = 8) throws(GeoError) -> Geometry {
        guard distance.isFinite else { throw GeoError.geometry(operation: "buffer", reason: "distance is not finite") }
        return try unary(g, "buffer") { GEOSBuffer_r($0, $1, distance, Int32(max(1, quadrantSegments))) }
    }
}
