import CGEOS

/// Geometry operations through GEOS on ``/ShurakuCore/Geometry`` values.
///
/// Holds one GEOS context: create one engine per thread or batch and reuse it. Not Sendable.
/// Operations are in `Operations/` (one file each); all throw ``GeoError`` with GEOS's message.
public final class GeometryEngine {
    let context: GEOSContext

    public init() throws(GeoError) {
        context = try GEOSContext()
    }

    /// Builds a GEOS geometry, applies `op` to its handle and converts an owned result back.
    func unary(_ g: Geometry, _ name: String, _ op: (GEOSContextHandle_t, OpaquePointer) -> OpaquePointer?)
        throws(GeoError) -> Geometry
    {
        let a = try g.makeGEOS(context)
        let r = try GEOSGeom.wrap(op(context.handle, a.handle), context, name)
        return try Geometry.fromGEOS(r.handle, context)
    }

    /// Like ``unary(_:_:_:)`` for two operands.
    func binary(
        _ g: Geometry, _ h: Geometry, _ name: String,
        _ op: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> OpaquePointer?
    ) throws(GeoError) -> Geometry {
        let a = try g.makeGEOS(context)
        let b = try h.makeGEOS(context)
        let r = try GEOSGeom.wrap(op(context.handle, a.handle, b.handle), context, name)
        return try Geometry.fromGEOS(r.handle, context)
    }

    /// Applies a GEOS predicate or measure returning a C `char`/`int` status (2 = exception).
    func predicate(_ g: Geometry, _ h: Geometry, _ name: String, _ op: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> CChar)
        throws(GeoError) -> Bool
    {
        let a = try g.makeGEOS(context)
        let b = try h.makeGEOS(context)
        let r = op(context.handle, a.handle, b.handle)
        // GEOS predicates: 1 true, 0 false, 2 exception.
        guard r != 2 else { throw context.error(name) }
        return r == 1
    }
}
