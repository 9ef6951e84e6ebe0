import CGDAL
import Foundation

/// The geometry type of an output layer.
public enum OutputGeometryType: String, Sendable {
    case none, point, lineString, polygon, multiPoint, multiLineString, multiPolygon

    var ogr: OGRwkbGeometryType {
        switch self {
        case .none: wkbNone
        case .point: wkbPoint
        case .lineString: wkbLineString
        case .polygon: wkbPolygon
        case .multiPoint: wkbMultiPoint
        case .multiLineString: wkbMultiLineString
        case .multiPolygon: wkbMultiPolygon
        }
    }
}

/// A layer to write: fields, features (values in field order) and the CRS of their geometries.
public struct OutputLayer: Sendable {
    public var name: String
    public var geometryType: OutputGeometryType
    public var crs: CRS
    public var fields: [FieldInfo]
    public var features: [VectorFeature]

    public init(name: String, geometryType: OutputGeometryType, crs: CRS, fields: [FieldInfo], features: [VectorFeature]) {
        self.name = name
        self.geometryType = geometryType
        self.crs = crs
        self.fields = fields
        self.features = features
    }
}

/// Writes layers through GDAL/OGR: GeoPackage (several layers), GeoJSON (RFC 7946), CSV and
/// Shapefile. Files are written in place; callers that need atomic outputs write into a
/// temporary folder and move it.
public enum VectorWriter {
    /// Writes `layers` into a new GeoPackage at `path` (replacing any file there), then runs
    /// `sql` statements on it (e.g. to fill the `layer_styles` table).
    public static func writeGeoPackage(_ layers: [OutputLayer], to path: String, sql: [String] = []) throws(GeoError) {
        try? FileManager.default.removeItem(atPath: path)
        let ds = try OGRDataset(creating: path, driver: "GPKG")
        for layer in layers {
            try writeLayer(layer, into: ds, options: ["SPATIAL_INDEX=YES", "FID=fid"], path: path)
        }
        for statement in sql {
            CPLErrorReset()
            let result = GDALDatasetExecuteSQL(ds.handle, statement, nil, nil)
            if let result { GDALDatasetReleaseResultSet(ds.handle, result) }
            if CPLGetLastErrorType() == CE_Failure {
                throw GeoError.writeFailed(path: path, reason: GDALRuntime.lastError(or: "SQL failed"))
            }
        }
        ds.flush()
    }

    /// Writes one layer as RFC 7946 GeoJSON: lon/lat on WGS 84, right-hand polygon rings,
    /// no `crs` member, 7 decimals.
    public static func writeGeoJSON(_ layer: OutputLayer, to path: String) throws(GeoError) {
        try? FileManager.default.removeItem(atPath: path)
        let ds = try OGRDataset(creating: path, driver: "GeoJSON")
        try writeLayer(
            layer, into: ds, options: ["RFC7946=YES", "COORDINATE_PRECISION=7", "WRITE_NAME=NO", "WRITE_BBOX=NO"],
            path: path)
        ds.flush()
    }

    /// Writes the attributes of one layer as CSV (UTF-8, LF line ends, header row; no geometry).
    public static func writeCSV(_ layer: OutputLayer, to path: String) throws(GeoError) {
        try? FileManager.default.removeItem(atPath: path)
        var attributesOnly = layer
        attributesOnly.geometryType = .none
        let ds = try OGRDataset(creating: path, driver: "CSV")
        try writeLayer(attributesOnly, into: ds, options: ["LINEFORMAT=LF", "STRING_QUOTING=IF_NEEDED"], path: path)
        ds.flush()
    }

    /// Writes one layer as an ESRI Shapefile with attribute text in `encoding` (e.g. "CP932")
    /// and a `.cpg` file naming it.
    public static func writeShapefile(_ layer: OutputLayer, to path: String, encoding: String = "UTF-8") throws(GeoError) {
        let base = (path as NSString).deletingPathExtension
        for ext in ["shp", "shx", "dbf", "prj", "cpg"] { try? FileManager.default.removeItem(atPath: "\(base).\(ext)") }
        let ds = try OGRDataset(creating: path, driver: "ESRI Shapefile")
        try writeLayer(layer, into: ds, options: ["ENCODING=\(TextEncoding.canonical(encoding))"], path: path)
        ds.flush()
    }

    // MARK: - Shared

    private static func writeLayer(_ layer: OutputLayer, into ds: OGRDataset, options: [String], path: String)
        throws(GeoError)
    {
        let srs = try SpatialReference(layer.crs)
        CPLErrorReset()
        let lh = GDALRuntime.withCStringList(options) { opts in
            GDALDatasetCreateLayer(ds.handle, layer.name, layer.geometryType == .none ? nil : srs.handle, layer.geometryType.ogr, opts)
        }
        // GDALDatasetCreateLayer: NULL on failure.
        guard let lh else {
            throw GeoError.writeFailed(path: path, reason: GDALRuntime.lastError(or: "cannot create layer \(layer.name)"))
        }
        for f in layer.fields {
            guard let fd = OGR_Fld_Create(f.name, ogrType(f.type)) else {
                throw GeoError.writeFailed(path: path, reason: "cannot define field \(f.name)")
            }
            defer { OGR_Fld_Destroy(fd) }
            if f.type == .boolean { OGR_Fld_SetSubType(fd, OFSTBoolean) }
            // OGR_L_CreateField: OGRERR_NONE on success.
            guard OGR_L_CreateField(lh, fd, 1) == OGRERR_NONE else {
                throw GeoError.writeFailed(path: path, reason: GDALRuntime.lastError(or: "cannot create field \(f.name)"))
            }
        }
        guard let defn = OGR_L_GetLayerDefn(lh) else {
            throw GeoError.writeFailed(path: path, reason: "layer \(layer.name) has no definition")
        }
        // One transaction per layer: much faster for GeoPackage; a no-op for the others.
        let inTransaction = OGR_L_StartTransaction(lh) == OGRERR_NONE
        for (n, feature) in layer.features.enumerated() {
            guard let fh = OGR_F_Create(defn) else { throw GeoError.writeFailed(path: path, reason: "out of memory") }
            defer { OGR_F_Destroy(fh) }
            for (i, v) in feature.values.prefix(layer.fields.count).enumerated() {
                let idx = Int32(i)
                switch v {
                case .null: OGR_F_SetFieldNull(fh, idx)
                case .integer(let x): OGR_F_SetFieldInteger64(fh, idx, x)
                case .real(let x): OGR_F_SetFieldDouble(fh, idx, x)
                case .string(let s): OGR_F_SetFieldString(fh, idx, s)
                }
            }
            if layer.geometryType != .none, let g = feature.geometry, let gh = g.makeOGR() {
                OGR_G_AssignSpatialReference(gh, srs.handle)
                // OGR_F_SetGeometryDirectly takes ownership of gh.
                _ = OGR_F_SetGeometryDirectly(fh, gh)
            }
            // OGR_L_CreateFeature: OGRERR_NONE on success.
            guard OGR_L_CreateFeature(lh, fh) == OGRERR_NONE else {
                if inTransaction { _ = OGR_L_RollbackTransaction(lh) }
                throw GeoError.writeFailed(
                    path: path, reason: "\(layer.name) feature \(n + 1): \(GDALRuntime.lastError(or: "cannot write"))")
            }
        }
        if inTransaction, OGR_L_CommitTransaction(lh) != OGRERR_NONE {
            throw GeoError.writeFailed(path: path, reason: GDALRuntime.lastError(or: "commit failed"))
        }
    }

    private static func ogrType(_ t: FieldType) -> OGRFieldType {
        switch t {
        case .boolean: OFTInteger
        case .integer: OFTInteger64
        case .real: OFTReal
        case .string, .date, .other: OFTString
        }
    }
}

/// Owns an OGR spatial reference built from a ``CRS``, in traditional GIS axis order (x = east).
final class SpatialReference {
    let handle: UnsafeMutableRawPointer

    init(_ crs: CRS) throws(GeoError) {
        _ = GDALRuntime.ready
        guard let h = OSRNewSpatialReference(nil) else { throw GeoError.crs("out of memory") }
        // OGC:CRS84 is written as EPSG:4326 with lon/lat data order, the form every reader knows.
        let def = crs == .lonLat ? "EPSG:4326" : crs.definition
        // OSRSetFromUserInput: OGRERR_NONE on success.
        guard OSRSetFromUserInput(h, def) == OGRERR_NONE else {
            OSRDestroySpatialReference(h)
            throw GeoError.crs("GDAL cannot use the CRS \(crs)")
        }
        OSRSetAxisMappingStrategy(h, OAMS_TRADITIONAL_GIS_ORDER)
        handle = h
    }

    deinit { OSRDestroySpatialReference(handle) }
}
