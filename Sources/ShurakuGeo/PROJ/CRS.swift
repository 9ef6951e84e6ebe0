import CPROJ

/// A coordinate reference system, as a value: its definition text plus what Shuraku needs to know
/// of it. Create one with ``CRS/parse(_:)`` (validated through PROJ) or ``CRS/epsg(_:)``.
public struct CRS: Hashable, Sendable, CustomStringConvertible {
    /// What kind of CRS this is.
    public enum Kind: String, Sendable, Codable {
        case geographic, projected, other
    }

    /// The definition PROJ accepts: "EPSG:6690", WKT, PROJJSON or a PROJ string.
    public let definition: String
    /// Human-readable name, e.g. "JGD2011 / UTM zone 53N".
    public let name: String
    /// Authority code, e.g. "EPSG:6690", when PROJ knows one.
    public let authorityCode: String?
    public let kind: Kind
    /// Metres per unit of the first axis for projected CRSs (1 for metric ones).
    public let linearUnitMeters: Double?

    /// Longitude/latitude on WGS 84 in that axis order (OGC:CRS84), the CRS of all outputs.
    public static let lonLat = CRS(
        definition: "OGC:CRS84", name: "WGS 84 (CRS84)", authorityCode: "OGC:CRS84", kind: .geographic,
        linearUnitMeters: nil)

    /// Parses and validates a definition through PROJ.
    public static func parse(_ definition: String) throws(GeoError) -> CRS {
        let ctx = try PROJContext()
        let obj = try ctx.object(definition)
        return try CRS(object: obj, definition: definition)
    }

    /// `EPSG:code`, validated through PROJ.
    public static func epsg(_ code: Int) throws(GeoError) -> CRS {
        try parse("EPSG:\(code)")
    }

    init(definition: String, name: String, authorityCode: String?, kind: Kind, linearUnitMeters: Double?) {
        self.definition = definition
        self.name = name
        self.authorityCode = authorityCode
        self.kind = kind
        self.linearUnitMeters = linearUnitMeters
    }

    init(object obj: PROJObject, definition: String) throws(GeoError) {
        let pj = obj.handle
        let type = proj_get_type(pj)
        var kind: Kind
        switch type {
        case PJ_TYPE_GEOGRAPHIC_2D_CRS, PJ_TYPE_GEOGRAPHIC_3D_CRS: kind = .geographic
        case PJ_TYPE_PROJECTED_CRS: kind = .projected
        case PJ_TYPE_BOUND_CRS, PJ_TYPE_COMPOUND_CRS, PJ_TYPE_ENGINEERING_CRS, PJ_TYPE_GEOCENTRIC_CRS,
            PJ_TYPE_VERTICAL_CRS, PJ_TYPE_OTHER_CRS, PJ_TYPE_CRS:
            kind = .other
        default:
            throw GeoError.crs("'\(definition.prefix(120))' is not a coordinate reference system")
        }
        self.definition = definition
        self.name = proj_get_name(pj).map { String(cString: $0) } ?? "unnamed CRS"
        if let auth = proj_get_id_auth_name(pj, 0), let code = proj_get_id_code(pj, 0) {
            self.authorityCode = "\(String(cString: auth)):\(String(cString: code))"
        } else {
            self.authorityCode = nil
        }
        var unit: Double? = nil
        // A bound or compound CRS wraps a horizontal CRS: look through it for kind and unit.
        var horizontal: OpaquePointer? = nil
        if type == PJ_TYPE_BOUND_CRS {
            horizontal = proj_get_source_crs(obj.context.handle, pj)
        } else if type == PJ_TYPE_COMPOUND_CRS {
            horizontal = proj_crs_get_sub_crs(obj.context.handle, pj, 0)
        }
        defer { if let h = horizontal { proj_destroy(h) } }
        let base = horizontal ?? pj
        if horizontal != nil {
            switch proj_get_type(base) {
            case PJ_TYPE_GEOGRAPHIC_2D_CRS, PJ_TYPE_GEOGRAPHIC_3D_CRS: kind = .geographic
            case PJ_TYPE_PROJECTED_CRS: kind = .projected
            default: break
            }
        }
        if kind == .projected, let cs = proj_crs_get_coordinate_system(obj.context.handle, base) {
            defer { proj_destroy(cs) }
            var factor = 0.0
            // proj_cs_get_axis_info: 1 on success.
            if proj_cs_get_axis_info(obj.context.handle, cs, 0, nil, nil, nil, &factor, nil, nil, nil) == 1 {
                unit = factor
            }
        }
        self.kind = kind
        self.linearUnitMeters = unit
    }

    /// Whether coordinates are metres on a plane (projected with a metre unit).
    public var isMetric: Bool {
        guard kind == .projected, let u = linearUnitMeters else { return false }
        return abs(u - 1) < 1e-9
    }

    public var description: String {
        if let code = authorityCode { return "\(name) (\(code))" }
        return name
    }

    public static func == (a: CRS, b: CRS) -> Bool { a.definition == b.definition }
    public func hash(into h: inout Hasher) { h.combine(definition) }
}
