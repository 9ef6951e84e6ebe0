import CGDAL
import Foundation

/// Reads vector sources through GDAL/OGR into ``VectorLayer`` values.
///
/// Formats: anything OGR reads (GeoJSON, GeoPackage, Shapefile, FlatGeobuf, OSM PBF, …), plus
/// CSV with longitude/latitude columns (detected, UTF-8 with or without BOM, or CP932).
/// Shapefiles honour `.cpg` and the DBF language id; without either, CP932 is detected.
public enum VectorReader {
    /// Column-name pairs recognised as x/y in CSV files, in order of preference (case-insensitive).
    public static let coordinateColumnPairs: [(String, String)] = [
        ("lon", "lat"), ("longitude", "latitude"), ("lng", "lat"), ("long", "lat"), ("x", "y"),
        ("x_code", "y_code"), ("経度", "緯度"), ("easting", "northing"),
    ]

    /// Names of the layers in a source.
    public static func layerNames(_ path: String, options: ReadOptions = ReadOptions()) throws(GeoError) -> [String] {
        try withOpenDataset(path, options: options) { ds, _ in ds.layerNames }
    }

    /// Reads one layer: the one `spec` names, the only one, or `options.defaultLayer`.
    public static func read(_ spec: SourceSpec, options: ReadOptions = ReadOptions(), allowEmpty: Bool = false)
        throws(GeoError) -> VectorLayer
    {
        let layer = try withOpenDataset(spec.path, options: options) { ds, prep throws(GeoError) -> VectorLayer in
            let names = ds.layerNames
            let chosen: String
            if let l = spec.layer {
                guard names.contains(l) else { throw GeoError.layerNotFound(path: spec.path, layer: l, available: names) }
                chosen = l
            } else if names.count == 1 {
                chosen = names[0]
            } else if let d = options.defaultLayer, names.contains(d) {
                chosen = d
            } else if names.isEmpty {
                throw GeoError.notVector(path: spec.path, reason: "it holds no vector layers")
            } else {
                throw GeoError.ambiguousLayer(path: spec.path, available: names)
            }
            return try readLayer(ds, name: chosen, path: spec.path, prep: prep, options: options)
        }
        if layer.features.isEmpty && !allowEmpty {
            throw GeoError.emptyLayer(path: spec.path, layer: layer.name)
        }
        return layer
    }

    /// Reads every layer of a source (for `inspect`). Empty layers are returned, not thrown.
    public static func readAll(_ path: String, options: ReadOptions = ReadOptions()) throws(GeoError) -> [VectorLayer] {
        try withOpenDataset(path, options: options) { ds, prep throws(GeoError) -> [VectorLayer] in
            var out: [VectorLayer] = []
            for name in ds.layerNames {
                out.append(try readLayer(ds, name: name, path: path, prep: prep, options: options))
            }
            return out
        }
    }

    // MARK: - Opening

    /// What was done to a source before GDAL saw it.
    struct Preparation {
        var encoding: String?
        var warnings: [String] = []
        var isCSV = false
        /// Shapefile opened without recoding, to sniff its bytes.
        var rawStrings = false
    }

    private static func withOpenDataset<R>(
        _ path: String, options: ReadOptions, _ body: (OGRDataset, Preparation) throws(GeoError) -> R
    ) throws(GeoError) -> R {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw GeoError.fileNotFound(path: path)
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw GeoError.notVector(path: path, reason: "permission denied")
        }
        let ext = (path as NSString).pathExtension.lowercased()
        if !isDir.boolValue && ["csv", "tsv", "txt"].contains(ext) {
            return try CSVSource.withPrepared(path, options: options) { vsiPath, prep throws(GeoError) -> R in
                let ds = try OGRDataset(
                    openForReading: vsiPath,
                    options: ["AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=YES", "KEEP_GEOM_COLUMNS=YES"],
                    drivers: ["CSV"])
                return try body(ds, prep)
            }
        }
        if !isDir.boolValue && ["shp", "dbf"].contains(ext) {
            let (openOptions, prep) = try ShapefileEncoding.openOptions(path, forced: options.encoding)
            let ds = try OGRDataset(openForReading: path, options: openOptions)
            return try body(ds, prep)
        }
        let ds = try OGRDataset(openForReading: path)
        return try body(ds, Preparation())
    }

    // MARK: - Reading a layer

    private static func readLayer(
        _ ds: OGRDataset, name: String, path: String, prep: Preparation, options: ReadOptions
    ) throws(GeoError) -> VectorLayer {
        guard let h = ds.layer(named: name) else {
            throw GeoError.layerNotFound(path: path, layer: name, available: ds.layerNames)
        }
        var prep = prep
        var layer = try readFeatures(h, name: name, path: path, driver: ds.driverName, raw: prep.rawStrings)
        if prep.rawStrings {
            // Shapefile without .cpg or language id: keep UTF-8 if every text is valid UTF-8,
            // else decode as CP932, the encoding of most Japanese public data.
            if layer.undecodable {
                let ds2 = try OGRDataset(openForReading: path, options: ["ENCODING=CP932"])
                guard let h2 = ds2.layer(named: name) else {
                    throw GeoError.layerNotFound(path: path, layer: name, available: ds2.layerNames)
                }
                layer = try readFeatures(h2, name: name, path: path, driver: ds2.driverName, raw: false)
                prep.encoding = "CP932"
                prep.warnings.append("no .cpg file: attribute text decoded as CP932 (Shift-JIS)")
            } else {
                prep.encoding = "UTF-8"
            }
        }
        var result = layer.layer
        result.encoding = prep.encoding
        result.warnings += prep.warnings
        if prep.isCSV {
            try CSVSource.attachPoints(&result, options: options)
        } else if result.driver == "OSM" {
            OSMFlattening.flattenOtherTags(&result, always: options.osmKeys, cellBudget: options.osmCellBudget)
        }
        if result.crs == nil {
            if let assumed = options.assumedCRS {
                result.crs = assumed
                result.warnings.append("no CRS in the source: \(assumed) assumed as given")
            } else if let env = result.envelope, env.minX >= -180, env.maxX <= 180, env.minY >= -90, env.maxY <= 90 {
                result.crs = .lonLat
                result.warnings.append("no CRS in the source: coordinates fit longitude/latitude, WGS 84 assumed")
            }
        }
        return result
    }

    private struct ReadResult {
        var layer: VectorLayer
        var undecodable: Bool
    }

    private static func readFeatures(_ h: UnsafeMutableRawPointer, name: String, path: String, driver: String, raw: Bool)
        throws(GeoError) -> ReadResult
    {
        guard let defn = OGR_L_GetLayerDefn(h) else {
            throw GeoError.readFailed(path: path, reason: "layer '\(name)' has no definition")
        }
        let nFields = Int(OGR_FD_GetFieldCount(defn))
        var fields: [FieldInfo] = []
        var ogrTypes: [OGRFieldType] = []
        for i in 0..<nFields {
            guard let fd = OGR_FD_GetFieldDefn(defn, Int32(i)) else { continue }
            let t = OGR_Fld_GetType(fd)
            ogrTypes.append(t)
            let fname = OGR_Fld_GetNameRef(fd).map { String(cString: $0) } ?? "field\(i + 1)"
            let isBool = t == OFTInteger && OGR_Fld_GetSubType(fd) == OFSTBoolean
            fields.append(FieldInfo(name: fname, type: isBool ? .boolean : fieldType(t)))
        }
        let crs = try layerCRS(h, path: path)
        let declared = OGR_GT_Flatten(OGR_L_GetGeomType(h))
        let declaredName = OGRGeometryTypeToName(declared).map { String(cString: $0) } ?? "Unknown"

        var features: [VectorFeature] = []
        var undecodable = false
        CPLErrorReset()
        OGR_L_ResetReading(h)
        while let f = OGR_L_GetNextFeature(h) {
            defer { OGR_F_Destroy(f) }
            var values: [FieldValue] = []
            values.reserveCapacity(fields.count)
            for i in 0..<fields.count {
                let idx = Int32(i)
                guard OGR_F_IsFieldSetAndNotNull(f, idx) != 0 else {
                    values.append(.null)
                    continue
                }
                switch ogrTypes[i] {
                case OFTInteger, OFTInteger64:
                    values.append(.integer(OGR_F_GetFieldAsInteger64(f, idx)))
                case OFTReal:
                    values.append(.real(OGR_F_GetFieldAsDouble(f, idx)))
                default:
                    guard let cs = OGR_F_GetFieldAsString(f, idx) else {
                        values.append(.null)
                        continue
                    }
                    if raw, String(validatingCString: cs) == nil {
                        undecodable = true
                    }
                    values.append(.string(String(cString: cs)))
                }
            }
            let geom = Geometry.fromOGR(OGR_F_GetGeometryRef(f))
            features.append(VectorFeature(fid: Int64(OGR_F_GetFID(f)), geometry: geom, values: values))
        }
        if CPLGetLastErrorType() == CE_Failure {
            throw GeoError.readFailed(path: path, reason: GDALRuntime.lastError(or: "error while reading features"))
        }
        let layer = VectorLayer(
            path: path, name: name, driver: driver, crs: crs, fields: fields, features: features,
            declaredGeometryType: declaredName)
        return ReadResult(layer: layer, undecodable: undecodable)
    }

    private static func fieldType(_ t: OGRFieldType) -> FieldType {
        switch t {
        case OFTInteger, OFTInteger64: .integer
        case OFTReal: .real
        case OFTString: .string
        case OFTDate, OFTDateTime, OFTTime: .date
        default: .other
        }
    }

    /// The layer's CRS, parsed through PROJ from OGR's WKT2 export; nil when it declares none.
    private static func layerCRS(_ h: UnsafeMutableRawPointer, path: String) throws(GeoError) -> CRS? {
        guard let srs = OGR_L_GetSpatialRef(h) else { return nil }
        var wkt: UnsafeMutablePointer<CChar>? = nil
        // OSRExportToWktEx: OGRERR_NONE (0) on success; the string is freed with VSIFree.
        let err = GDALRuntime.withConstCStringList(["FORMAT=WKT2_2019"]) { OSRExportToWktEx(srs, &wkt, $0) }
        defer { if let wkt { VSIFree(wkt) } }
        guard err == OGRERR_NONE, let wkt else {
            throw GeoError.crs("\(path): the layer's CRS cannot be exported")
        }
        let text = String(cString: wkt)
        // Prefer the short authority code when OGR knows one ("EPSG:6668").
        if let auth = OSRGetAuthorityName(srs, nil), let code = OSRGetAuthorityCode(srs, nil) {
            let def = "\(String(cString: auth)):\(String(cString: code))"
            if let crs = try? CRS.parse(def) { return crs }
        }
        do {
            return try CRS.parse(text)
        } catch {
            throw GeoError.crs("\(path): \(error)")
        }
    }
}
