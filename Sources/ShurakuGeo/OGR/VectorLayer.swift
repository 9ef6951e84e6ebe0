/// One feature read from a vector layer.
public struct VectorFeature: Sendable {
    /// The feature id OGR reports (GeoJSON without ids: 0, 1, 2, … in file order).
    public var fid: Int64
    /// Nil when the feature has no geometry (a null geometry).
    public var geometry: Geometry?
    /// Attribute values in the order of ``VectorLayer/fields``.
    public var values: [FieldValue]

    public init(fid: Int64, geometry: Geometry?, values: [FieldValue]) {
        self.fid = fid
        self.geometry = geometry
        self.values = values
    }
}

/// A whole layer in memory: fields, CRS and features in source order.
public struct VectorLayer: Sendable {
    /// The file the layer came from, as the user named it.
    public var path: String
    public var name: String
    /// The GDAL driver that read it, e.g. "GeoJSON", "GPKG", "ESRI Shapefile", "CSV", "OSM".
    public var driver: String
    /// The layer's CRS; nil when the source declares none.
    public var crs: CRS?
    public var fields: [FieldInfo]
    public var features: [VectorFeature]
    /// Geometry type as declared by the layer, e.g. "Point", "MultiPolygon", "Unknown".
    public var declaredGeometryType: String
    /// The text encoding attributes were decoded from, when it was chosen or detected.
    public var encoding: String?
    /// Things noticed while reading that the user should hear about (assumed CRS, encoding guess).
    public var warnings: [String]
    /// Why a feature has no geometry, by feature index, when the reader knows (e.g. a CSV row
    /// whose longitude is not a number).
    public var geometryNotes: [Int: String] = [:]

    public init(
        path: String, name: String, driver: String, crs: CRS?, fields: [FieldInfo], features: [VectorFeature],
        declaredGeometryType: String, encoding: String? = nil, warnings: [String] = []
    ) {
        self.path = path
        self.name = name
        self.driver = driver
        self.crs = crs
        self.fields = fields
        self.features = features
        self.declaredGeometryType = declaredGeometryType
        self.encoding = encoding
        self.warnings = warnings
    }

    /// Index of the field called `name` (exact match first, then case-insensitive), or nil.
    public func fieldIndex(_ name: String) -> Int? {
        if let i = fields.firstIndex(where: { $0.name == name }) { return i }
        let lower = name.lowercased()
        return fields.firstIndex(where: { $0.name.lowercased() == lower })
    }

    /// The value of field `name` of `feature`, `.null` when the layer has no such field.
    public func value(_ feature: VectorFeature, _ name: String) -> FieldValue {
        guard let i = fieldIndex(name), i < feature.values.count else { return .null }
        return feature.values[i]
    }

    /// All attributes of `feature` as a dictionary keyed by field name.
    public func properties(of feature: VectorFeature) -> [String: FieldValue] {
        var d: [String: FieldValue] = [:]
        for (i, f) in fields.enumerated() where i < feature.values.count {
            d[f.name] = feature.values[i]
        }
        return d
    }

    /// The envelope of all geometries, or nil when none has coordinates.
    public var envelope: Envelope? {
        var env: Envelope? = nil
        for f in features {
            guard let e = f.geometry?.envelope else { continue }
            if env == nil { env = e } else { env?.expand(toInclude: e) }
        }
        return env
    }

    /// The same layer with every geometry transformed to `target`.
    ///
    /// A layer without a CRS must have been given one (``ReadOptions/assumedCRS``) or have been
    /// assumed lon/lat by the reader; otherwise this throws.
    public func projected(to target: CRS) throws(GeoError) -> VectorLayer {
        guard let source = crs else {
            throw GeoError.crs("\(path): layer '\(name)' has no CRS; give one (e.g. «sourceCrs» EPSG:6674)")
        }
        if source == target { return self }
        let t = try CoordinateTransformer(from: source, to: target)
        var out = self
        for i in out.features.indices {
            if let g = out.features[i].geometry {
                do {
                    out.features[i].geometry = try t.apply(g)
                } catch {
                    throw GeoError.crs("\(path): feature \(i + 1) (fid \(out.features[i].fid)): \(error)")
                }
            }
        }
        out.crs = target
        return out
    }
}
