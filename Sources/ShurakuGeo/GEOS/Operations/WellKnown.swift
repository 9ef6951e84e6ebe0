import CGEOS

extension GeometryEngine {
    /// Well-known text, with trailing zeros trimmed.
    public func wkt(_ g: Geometry) throws(GeoError) -> String {
        let a = try g.makeGEOS(context)
        let c = context.handle
        guard let w = GEOSWKTWriter_create_r(c) else { throw context.error("WKT writer") }
        defer { GEOSWKTWriter_destroy_r(c, w) }
        GEOSWKTWriter_setTrim_r(c, w, 1)
        // GEOSWKTWriter_write_r: an owned C string, NULL on exception.
        guard let s = GEOSWKTWriter_write_r(c, w, a.handle) else { throw context.error("write WKT") }
        defer { GEOSFree_r(c, s) }
        return String(cString: s)
    }

    /// Parses well-known text.
    public func geometry(wkt: String) throws(GeoError) -> Geometry {
        let c = context.handle
        guard let r = GEOSWKTReader_create_r(c) else { throw context.error("WKT reader") }
        defer { GEOSWKTReader_destroy_r(c, r) }
        let g = try GEOSGeom.wrap(GEOSWKTReader_read_r(c, r, wkt), context, "read WKT")
        return try Geometry.fromGEOS(g.handle, context)
    }

    /// Well-known binary (little-endian, 2D).
    public func wkb(_ g: Geometry) throws(GeoError) -> [UInt8] {
        let a = try g.makeGEOS(context)
        let c = context.handle
        guard let w = GEOSWKBWriter_create_r(c) else { throw context.error("WKB writer") }
        defer { GEOSWKBWriter_destroy_r(c, w) }
        GEOSWKBWriter_setByteOrder_r(c, w, Int32(GEOS_WKB_NDR.rawValue))
        var size = 0
        // GEOSWKBWriter_write_r: an owned buffer of `size` bytes, NULL on exception.
        guard let buf = GEOSWKBWriter_write_r(c, w, a.handle, &size) else { throw context.error("write WKB") }
        defer { GEOSFree_r(c, buf) }
        return Array(UnsafeBufferPointer(start: buf, count: size))
    }

    /// Parses well-known binary.
    public func geometry(wkb: [UInt8]) throws(GeoError) -> Geometry {
        let c = context.handle
        guard let r = GEOSWKBReader_create_r(c) else { throw context.error("WKB reader") }
        defer { GEOSWKBReader_destroy_r(c, r) }
        let h = wkb.withUnsafeBufferPointer { GEOSWKBReader_read_r(c, r, $0.baseAddress, $0.count) }
        let g = try GEOSGeom.wrap(h, context, "read WKB")
        return try Geometry.fromGEOS(g.handle, context)
    }
}
