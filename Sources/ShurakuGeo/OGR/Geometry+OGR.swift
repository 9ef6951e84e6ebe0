import CGDAL

extension Geometry {
    /// Builds a value from a borrowed OGR geometry handle. Curves are linearised.
    /// Returns nil for a null handle.
    static func fromOGR(_ h: UnsafeMutableRawPointer?) -> Geometry? {
        guard let h else { return nil }
        let type = OGR_GT_Flatten(OGR_G_GetGeometryType(h))
        switch type {
        case wkbPoint:
            if OGR_G_IsEmpty(h) != 0 { return .multiPoint([]) }
            return .point(XY(OGR_G_GetX(h, 0), OGR_G_GetY(h, 0)))
        case wkbLineString, wkbLinearRing:
            return .lineString(points(h))
        case wkbPolygon:
            return .polygon(rings(h))
        case wkbMultiPoint:
            return .multiPoint(
                children(h).compactMap {
                    if case .point(let p) = $0 { return p } else { return nil }
                })
        case wkbMultiLineString:
            return .multiLineString(children(h).flatMap(\.lineParts))
        case wkbMultiPolygon:
            return .multiPolygon(children(h).flatMap(\.polygonParts))
        case wkbGeometryCollection:
            return .collection(children(h))
        default:
            // Curves, surfaces, TIN...: ask OGR for a linear approximation.
            if OGR_G_HasCurveGeometry(h, 0) != 0, let lin = OGR_G_GetLinearGeometry(h, 0, nil) {
                defer { OGR_G_DestroyGeometry(lin) }
                if OGR_GT_Flatten(OGR_G_GetGeometryType(lin)) != type { return fromOGR(lin) }
            }
            return nil
        }
    }

    private static func points(_ h: UnsafeMutableRawPointer) -> [XY] {
        let n = Int(OGR_G_GetPointCount(h))
        guard n > 0 else { return [] }
        var pts = [XY](repeating: XY(0, 0), count: n)
        let stride = Int32(MemoryLayout<XY>.stride)
        pts.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return }
            // OGR_G_GetPoints: copies n coordinates with the given byte strides.
            _ = OGR_G_GetPoints(h, base, stride, base + MemoryLayout<Double>.size, stride, nil, 0)
        }
        return pts
    }

    private static func rings(_ h: UnsafeMutableRawPointer) -> [[XY]] {
        (0..<Int(OGR_G_GetGeometryCount(h))).compactMap { i in
            OGR_G_GetGeometryRef(h, Int32(i)).map(points)
        }
    }

    private static func children(_ h: UnsafeMutableRawPointer) -> [Geometry] {
        (0..<Int(OGR_G_GetGeometryCount(h))).compactMap { i in fromOGR(OGR_G_GetGeometryRef(h, Int32(i))) }
    }

    /// A new OGR geometry handle owned by the caller (to be given to a feature with
    /// `OGR_F_SetGeometryDirectly`, or destroyed).
    func makeOGR() -> UnsafeMutableRawPointer? {
        switch self {
        case .point(let p):
            let g = OGR_G_CreateGeometry(wkbPoint)
            OGR_G_SetPoint_2D(g, 0, p.x, p.y)
            return g
        case .lineString(let c):
            return Geometry.makeCurve(wkbLineString, c)
        case .polygon(let rings):
            let g = OGR_G_CreateGeometry(wkbPolygon)
            for r in rings { OGR_G_AddGeometryDirectly(g, Geometry.makeCurve(wkbLinearRing, r)) }
            return g
        case .multiPoint(let ps):
            let g = OGR_G_CreateGeometry(wkbMultiPoint)
            for p in ps { OGR_G_AddGeometryDirectly(g, Geometry.point(p).makeOGR()) }
            return g
        case .multiLineString(let ls):
            let g = OGR_G_CreateGeometry(wkbMultiLineString)
            for l in ls { OGR_G_AddGeometryDirectly(g, Geometry.makeCurve(wkbLineString, l)) }
            return g
        case .multiPolygon(let ps):
            let g = OGR_G_CreateGeometry(wkbMultiPolygon)
            for p in ps { OGR_G_AddGeometryDirectly(g, Geometry.polygon(p).makeOGR()) }
            return g
        case .collection(let gs):
            let g = OGR_G_CreateGeometry(wkbGeometryCollection)
            for c in gs { OGR_G_AddGeometryDirectly(g, c.makeOGR()) }
            return g
        }
    }

    private static func makeCurve(_ type: OGRwkbGeometryType, _ pts: [XY]) -> UnsafeMutableRawPointer? {
        let g = OGR_G_CreateGeometry(type)
        guard !pts.isEmpty else { return g }
        var copy = pts
        let stride = Int32(MemoryLayout<XY>.stride)
        copy.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return }
            OGR_G_SetPoints(g, Int32(pts.count), base, stride, base + MemoryLayout<Double>.size, stride, nil, 0)
        }
        return g
    }
}
