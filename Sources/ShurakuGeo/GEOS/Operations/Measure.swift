import CGEOS

extension GeometryEngine {
    /// Area in squared CRS units (m² in a metric CRS).
    public func area(_ g: Geometry) throws(GeoError) -> Double {
        let a = try g.makeGEOS(context)
        var v = 0.0
        // GEOSArea_r: 0 on exception.
        guard GEOSArea_r(context.handle, a.handle, &v) != 0 else { throw context.error("area") }
        return v
    }

    /// Length (perimeter for polygons) in CRS units.
    public func length(_ g: Geometry) throws(GeoError) -> Double {
        let a = try g.makeGEOS(context)
        var v = 0.0
        // GEOSLength_r: 0 on exception.
        guard GEOSLength_r(context.handle, a.handle, &v) != 0 else { throw context.error("length") }
        return v
    }

    /// Minimum distance between two geometries in CRS units.
    public func distance(_ g: Geometry, _ h: Geometry) throws(GeoError) -> Double {
        let a = try g.makeGEOS(context)
        let b = try h.makeGEOS(context)
        var v = 0.0
        // GEOSDistance_r: 0 on exception.
        guard GEOSDistance_r(context.handle, a.handle, b.handle, &v) != 0 else { throw context.error("distance") }
        return v
    }

    /// The closest points of `g` and `h` (first on `g`, second on `h`).
    public func nearestPoints(_ g: Geometry, _ h: Geometry) throws(GeoError) -> (XY, XY) {
        let a = try g.makeGEOS(context)
        let b = try h.makeGEOS(context)
        // GEOSNearestPoints_r: an owned 2-point sequence, NULL on exception or empty input.
        guard let seq = GEOSNearestPoints_r(context.handle, a.handle, b.handle) else {
            throw context.error("nearest points")
        }
        defer { GEOSCoordSeq_destroy_r(context.handle, seq) }
        var x0 = 0.0
        var y0 = 0.0
        var x1 = 0.0
        var y1 = 0.0
        guard GEOSCoordSeq_getXY_r(context.handle, seq, 0, &x0, &y0) != 0,
            GEOSCoordSeq_getXY_r(context.handle, seq, 1, &x1, &y1) != 0
        else { throw context.error("nearest points") }
        return (XY(x0, y0), XY(x1, y1))
    }

    /// A point guaranteed to lie inside an areal geometry (on a line for lines): GEOS's
    /// point-on-surface, the representative point for polygons given as settlements.
    public func representativePoint(_ g: Geometry) throws(GeoError) -> XY {
        let r = try unary(g, "representative point") { GEOSPointOnSurface_r($0, $1) }
        guard case .point(let p) = r else { throw GeoError.geometry(operation: "representative point", reason: "empty geometry") }
        return p
    }

    /// The centroid (may lie outside a concave polygon).
    public func centroid(_ g: Geometry) throws(GeoError) -> XY {
        let r = try unary(g, "centroid") { GEOSGetCentroid_r($0, $1) }
        guard case .point(let p) = r else { throw GeoError.geometry(operation: "centroid", reason: "empty geometry") }
        return p
    }
}
