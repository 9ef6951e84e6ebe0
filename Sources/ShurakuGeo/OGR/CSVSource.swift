import CGDAL
import Foundation

/// CSV files: decoded to UTF-8 (BOM removed; CP932 detected) into GDAL's in-memory file system,
/// read by the CSV driver with every column as text, then given point geometries from their
/// longitude/latitude (or x/y) columns.
enum CSVSource {
    static func withPrepared<R>(
        _ path: String, options: ReadOptions,
        _ body: (String, VectorReader.Preparation) throws(GeoError) -> R
    ) throws(GeoError) -> R {
        _ = GDALRuntime.ready
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GeoError.notVector(path: path, reason: "cannot read the file")
        }
        var bytes = [UInt8](data)
        var prep = VectorReader.Preparation()
        prep.isCSV = true
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let forced = options.encoding.map(TextEncoding.canonical), forced != "UTF-8" {
            bytes = try TextEncoding.recode(bytes, from: forced, path: path)
            prep.encoding = forced
        } else if TextEncoding.isValidUTF8(bytes) {
            prep.encoding = "UTF-8"
        } else if options.encoding != nil {
            throw GeoError.encoding(path: path, reason: "the file is not valid UTF-8")
        } else {
            bytes = try TextEncoding.recode(bytes, from: "CP932", path: path)
            prep.encoding = "CP932"
            prep.warnings.append("not UTF-8: decoded as CP932 (Shift-JIS)")
        }
        if bytes.contains(0) {
            throw GeoError.notVector(path: path, reason: "the file contains NUL bytes: it is not a CSV text file")
        }
        let name = (path as NSString).lastPathComponent
        let ext = (name as NSString).pathExtension.lowercased() == "tsv" ? "tsv" : "csv"
        let base = ((name as NSString).deletingPathExtension as NSString).lastPathComponent
        let vsiPath = "/vsimem/shuraku-csv-\(UUID().uuidString)/\(base.isEmpty ? "data" : base).\(ext)"
        // VSIMalloc'd buffer handed to GDAL, which frees it (bTakeOwnership = TRUE).
        guard let buffer = VSIMalloc(max(bytes.count, 1)) else {
            throw GeoError.readFailed(path: path, reason: "out of memory")
        }
        bytes.withUnsafeBytes { src in
            if let s = src.baseAddress { buffer.copyMemory(from: s, byteCount: bytes.count) }
        }
        guard let fp = VSIFileFromMemBuffer(vsiPath, buffer.assumingMemoryBound(to: GByte.self), vsi_l_offset(bytes.count), 1)
        else {
            VSIFree(buffer)
            throw GeoError.readFailed(path: path, reason: "cannot stage the file in memory")
        }
        _ = VSIFCloseL(fp)
        defer { VSIUnlink(vsiPath) }
        do {
            return try body(vsiPath, prep)
        } catch {
            // Errors name the user's file, not the in-memory copy.
            throw rename(error, from: vsiPath, to: path)
        }
    }

    /// Adds a point geometry to every row from the x/y columns (chosen or detected). Rows whose
    /// coordinates are missing or not numbers get no geometry and a note in `geometryNotes`.
    static func attachPoints(_ layer: inout VectorLayer, options: ReadOptions) throws(GeoError) {
        if layer.features.contains(where: { $0.geometry != nil }) { return }  // a WKT column did it
        let xi: Int
        let yi: Int
        if let xf = options.xField, let yf = options.yField {
            guard let a = layer.fieldIndex(xf) else {
                throw GeoError.readFailed(path: layer.path, reason: "no column '\(xf)' for x/longitude")
            }
            guard let b = layer.fieldIndex(yf) else {
                throw GeoError.readFailed(path: layer.path, reason: "no column '\(yf)' for y/latitude")
            }
            (xi, yi) = (a, b)
        } else if let pair = detectCoordinateColumns(layer.fields.map(\.name)) {
            (xi, yi) = pair
        } else {
            throw GeoError.readFailed(
                path: layer.path,
                reason: "no coordinate columns found (looked for "
                    + VectorReader.coordinateColumnPairs.map { "\($0.0)/\($0.1)" }.joined(separator: ", ")
                    + "); name them with --x-field and --y-field")
        }
        let xName = layer.fields[xi].name
        let yName = layer.fields[yi].name
        for i in layer.features.indices {
            let v = layer.features[i].values
            let xv = xi < v.count ? v[xi] : .null
            let yv = yi < v.count ? v[yi] : .null
            guard let x = xv.number, let y = yv.number, x.isFinite, y.isFinite else {
                let bad = xv.number == nil ? (xName, xv) : (yName, yv)
                layer.geometryNotes[i] = "field \(bad.0): '\(bad.1.text ?? "")' is not a coordinate"
                continue
            }
            layer.features[i].geometry = .point(XY(x, y))
        }
        layer.declaredGeometryType = "Point"
        layer.warnings.append("points from columns \(xName)/\(yName)")
    }

    /// The indices of the first recognised x/y column pair, case-insensitively.
    static func detectCoordinateColumns(_ names: [String]) -> (Int, Int)? {
        let lower = names.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
        for (x, y) in VectorReader.coordinateColumnPairs {
            if let xi = lower.firstIndex(of: x), let yi = lower.firstIndex(of: y) { return (xi, yi) }
        }
        return nil
    }

    private static func rename(_ error: GeoError, from vsi: String, to path: String) -> GeoError {
        switch error {
        case .notVector(_, let r): .notVector(path: path, reason: r.replacingOccurrences(of: vsi, with: path))
        case .layerNotFound(_, let l, let a): .layerNotFound(path: path, layer: l, available: a)
        case .ambiguousLayer(_, let a): .ambiguousLayer(path: path, available: a)
        case .emptyLayer(_, let l): .emptyLayer(path: path, layer: l)
        case .readFailed(_, let r): .readFailed(path: path, reason: r.replacingOccurrences(of: vsi, with: path))
        case .encoding(_, let r): .encoding(path: path, reason: r)
        default: error
        }
    }
}
