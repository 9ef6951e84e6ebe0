import CGEOS

/// Whether a geometry is valid, and if not why and where.
public struct Validity: Sendable, Equatable {
    public var isValid: Bool
    /// GEOS's reason, e.g. "Self-intersection".
    public var reason: String?
    /// Where the problem is.
    public var location: XY?
}

extension GeometryEngine {
    /// Checks OGC validity.
    public func validity(_ g: Geometry) throws(GeoError) -> Validity {
        let a = try g.makeGEOS(context)
        var reason: UnsafeMutablePointer<CChar>? = nil
        var location: OpaquePointer? = nil
        // GEOSisValidDetail_r: 1 valid, 0 invalid, 2 exception; reason freed with GEOSFree_r.
        let r = GEOSisValidDetail_r(context.handle, a.handle, 0, &reason, &location)
        defer {
            if let reason { GEOSFree_r(context.handle, reason) }
            if let location { GEOSGeom_destroy_r(context.handle, location) }
        }
        guard r != 2 else { throw context.error("validity") }
        if r == 1 { return Validity(isValid: true) }
        var at: XY? = nil
        if let location, case .point(let p)? = try? Geometry.fromGEOS(location, context) { at = p }
        return Validity(isValid: false, reason: reason.map { String(cString: $0) }, location: at)
    }

    /// A valid geometry covering the same area (self-intersections split, rings fixed), keeping
    /// the geometry's dimension ("structure" method: polygons stay polygons).
    public func makeValid(_ g: Geometry) throws(GeoError) -> Geometry {
        let c = context.handle
        guard let params = GEOSMakeValidParams_create_r(c) else { throw context.error("make valid") }
        defer { GEOSMakeValidParams_destroy_r(c, params) }
        _ = GEOSMakeValidParams_setMethod_r(c, params, GEOS_MAKE_VALID_STRUCTURE)
        _ = GEOSMakeValidParams_setKeepCollapsed_r(c, params, 0)
        return try unary(g, "make valid") { GEOSMakeValidWithParams_r($0, $1, params) }
    }
}
