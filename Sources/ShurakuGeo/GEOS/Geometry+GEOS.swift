import CGEOS

extension Geometry {
    /// Builds an owned GEOS geometry inside `ctx`.
    func makeGEOS(_ ctx: GEOSContext) throws(GeoError) -> GEOSGeom {
        try GEOSGeom.wrap(Geometry.raw(self, ctx), ctx, "build \(typeName)")
    }

    /// A value copied out of a GEOS geometry (borrowed handle).
    static func fromGEOS(_ h: OpaquePointer, _ ctx: GEOSContext) throws(GeoError) -> Geometry {
        let c = ctx.handle
        // GEOSGeomTypeId_r: -1 on error.
        let type = GEOSGeomTypeId_r(c, h)
        if GEOSisEmpty_r(c, h) == 1 {
            switch Int(type) {
            case Int(GEOS_LINESTRING.rawValue), Int(GEOS_LINEARRING.rawValue): return .lineString([])
            case Int(GEOS_POLYGON.rawValue): return .polygon([])
            case Int(GEOS_MULTIPOLYGON.rawValue): return .multiPolygon([])
            case Int(GEOS_MULTILINESTRING.rawValue): return .multiLineString([])
            default: return .collection([])
            }
        }
        switch Int(type) {
        case Int(GEOS_POINT.rawValue):
            let pts = try coords(h, ctx)
            guard let p = pts.first else { throw ctx.error("read point") }
            return .point(p)
        case Int(GEOS_LINESTRING.rawValue), Int(GEOS_LINEARRING.rawValue):
            return .lineString(try coords(h, ctx))
        case Int(GEOS_POLYGON.rawValue):
            return .polygon(try rings(h, ctx))
        case Int(GEOS_MULTIPOINT.rawValue):
            return .multiPoint(try parts(h, ctx).flatMap(\.coordinates))
        case Int(GEOS_MULTILINESTRING.rawValue):
            return .multiLineString(try parts(h, ctx).flatMap(\.lineParts))
        case Int(GEOS_MULTIPOLYGON.rawValue):
            return .multiPolygon(try parts(h, ctx).flatMap(\.polygonParts))
        case Int(GEOS_GEOMETRYCOLLECTION.rawValue):
            return .collection(try parts(h, ctx))
        default:
            throw ctx.error("read geometry of type \(type)")
        }
    }

    // MARK: - Building (raw handles; each function either returns an owned handle or frees what it built)

    private static func raw(_ g: Geometry, _ ctx: GEOSContext) throws(GeoError) -> OpaquePointer {
        let c = ctx.handle
        switch g {
        case .point(let p):
            // GEOSGeom_createPointFromXY_r: NULL on failure.
            guard let h = GEOSGeom_createPointFromXY_r(c, p.x, p.y) else { throw ctx.error("create point") }
            return h
        case .lineString(let pts):
            if pts.isEmpty { return try empty(GEOSGeom_createEmptyLineString_r(c), ctx) }
            let seq = try sequence(pts, ctx)
            // GEOSGeom_createLineString_r takes ownership of seq, also on failure.
            guard let h = GEOSGeom_createLineString_r(c, seq) else { throw ctx.error("create line") }
            return h
        case .polygon(let rings):
            return try polygon(rings, ctx)
        case .multiPoint(let pts):
            return try collection(GEOS_MULTIPOINT, pts.map { Geometry.point($0) }, ctx)
        case .multiLineString(let ls):
            return try collection(GEOS_MULTILINESTRING, ls.map { Geometry.lineString($0) }, ctx)
        case .multiPolygon(let ps):
            return try collection(GEOS_MULTIPOLYGON, ps.map { Geometry.polygon($0) }, ctx)
        case .collection(let gs):
            return try collection(GEOS_GEOMETRYCOLLECTION, gs, ctx)
        }
    }

    private static func empty(_ h: OpaquePointer?, _ ctx: GEOSContext) throws(GeoError) -> OpaquePointer {
        guard let h else { throw ctx.error("create empty geometry") }
        return h
    }

    private static func sequence(_ pts: [XY], _ ctx: GEOSContext) throws(GeoError) -> OpaquePointer {
        if let bad = pts.first(where: { !$0.isFinite }) {
            throw GeoError.geometry(operation: "build", reason: "coordinate \(bad.x), \(bad.y) is not finite")
        }
        let seq: OpaquePointer? = pts.withUnsafeBytes { raw in
            // GEOSCoordSeq_copyFromBuffer_r: copies size x/y pairs; NULL on failure.
            GEOSCoordSeq_copyFromBuffer_r(ctx.handle, raw.baseAddress?.assumingMemoryBound(to: Double.self), UInt32(pts.count), 0, 0)
        }
        guard let seq else { throw ctx.error("create coordinates") }
        return seq
    }

    private static func closedRing(_ ring: [XY], _ ctx: GEOSContext) throws(GeoError) -> OpaquePointer {
        var r = ring
        if let f = r.first, let l = r.last, f != l { r.append(f) }
        guard r.count >= 4 else {
            throw GeoError.geometry(operation: "build polygon", reason: "a ring needs at least 3 distinct points, has \(ring.count)")
        }
        let seq = try sequence(r, ctx)
        // GEOSGeom_createLinearRing_r takes ownership of seq.
        guard let h = GEOSGeom_createLinearRing_r(ctx.handle, seq) else { throw ctx.error("create ring") }
        return h
    }

    private static func polygon(_ rings: [[XY]], _ ctx: GEOSContext) throws(GeoError) -> OpaquePointer {
        let c = ctx.handle
        guard let shellPts = rings.first, !shellPts.isEmpty else {
            return try empty(GEOSGeom_createEmptyPolygon_r(c), ctx)
        }
        let shell = try closedRing(shellPts, ctx)
        var holes: [OpaquePointer?] = []
        for r in rings.dropFirst() {
            do {
                holes.append(try closedRing(r, ctx))
            } catch {
                GEOSGeom_destroy_r(c, shell)
                for h in holes { if let h { GEOSGeom_destroy_r(c, h) } }
                throw error
            }
        }
        // GEOSGeom_createPolygon_r takes ownership of shell and holes.
        let h = holes.withUnsafeMutableBufferPointer { buf in
            GEOSGeom_createPolygon_r(c, shell, buf.baseAddress, UInt32(buf.count))
        }
        guard let h else { throw ctx.error("create polygon") }
        return h
    }

    private static func collection(_ type: GEOSGeomTypes, _ parts: [Geometry], _ ctx: GEOSContext) throws(GeoError) -> OpaquePointer {
        let c = ctx.handle
        if parts.isEmpty { return try empty(GEOSGeom_createEmptyCollection_r(c, Int32(type.rawValue)), ctx) }
        var built: [OpaquePointer?] = []
        for p in parts {
            do {
                built.append(try raw(p, ctx))
            } catch {
                for b in built { if let b { GEOSGeom_destroy_r(c, b) } }
                throw error
            }
        }
        // GEOSGeom_createCollection_r takes ownership of the parts.
        let h = built.withUnsafeMutableBufferPointer { buf in
            GEOSGeom_createCollection_r(c, Int32(type.rawValue), buf.baseAddress, UInt32(buf.count))
        }
        guard let h else { throw ctx.error("create collection") }
        return h
    }

    // MARK: - Reading

    private static func coords(_ h: OpaquePointer, _ ctx: GEOSContext) throws(GeoError) -> [XY] {
        let c = ctx.handle
        guard let seq = GEOSGeom_getCoordSeq_r(c, h) else { throw ctx.error("read coordinates") }
        var size: UInt32 = 0
        // GEOSCoordSeq_getSize_r: 0 on exception.
        guard GEOSCoordSeq_getSize_r(c, seq, &size) != 0 else { throw ctx.error("read coordinates") }
        var pts = [XY](repeating: XY(0, 0), count: Int(size))
        if size == 0 { return pts }
        let ok = pts.withUnsafeMutableBytes { raw in
            // GEOSCoordSeq_copyToBuffer_r: 0 on exception.
            GEOSCoordSeq_copyToBuffer_r(c, seq, raw.baseAddress?.assumingMemoryBound(to: Double.self), 0, 0)
        }
        guard ok != 0 else { throw ctx.error("read coordinates") }
        return pts
    }

    private static func rings(_ h: OpaquePointer, _ ctx: GEOSContext) throws(GeoError) -> [[XY]] {
        let c = ctx.handle
        guard let ext = GEOSGetExteriorRing_r(c, h) else { throw ctx.error("read polygon") }
        var out = [try coords(ext, ctx)]
        let n = GEOSGetNumInteriorRings_r(c, h)
        guard n >= 0 else { throw ctx.error("read polygon") }
        for i in 0..<n {
            guard let r = GEOSGetInteriorRingN_r(c, h, i) else { throw ctx.error("read polygon") }
            out.append(try coords(r, ctx))
        }
        return out
    }

    private static func parts(_ h: OpaquePointer, _ ctx: GEOSContext) throws(GeoError) -> [Geometry] {
        let c = ctx.handle
        let n = GEOSGetNumGeometries_r(c, h)
        guard n >= 0 else { throw ctx.error("read collection") }
        var out: [Geometry] = []
        out.reserveCapacity(Int(n))
        for i in 0..<n {
            guard let g = GEOSGetGeometryN_r(c, h, i) else { throw ctx.error("read collection") }
            out.append(try fromGEOS(g, ctx))
        }
        return out
    }
}
