import CGEOS

extension GeometryEngine {
    /// Whether `g` contains `h` (no point of `h` outside `g`, interiors meet).
    public func contains(_ g: Geometry, _ h: Geometry) throws(GeoError) -> Bool {
        try predicate(g, h, "contains") { GEOSContains_r($0, $1, $2) }
    }

    /// Whether `g` and `h` share at least one point.
    public func intersects(_ g: Geometry, _ h: Geometry) throws(GeoError) -> Bool {
        try predicate(g, h, "intersects") { GEOSIntersects_r($0, $1, $2) }
    }

    /// Whether `g` covers `h` (no point of `h` outside `g`; boundary points count).
    public func covers(_ g: Geometry, _ h: Geometry) throws(GeoError) -> Bool {
        try predicate(g, h, "covers") { GEOSCovers_r($0, $1, $2) }
    }
}
