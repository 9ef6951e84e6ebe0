import CGDAL
import Foundation

/// Text decoding for sources that do not say their encoding (CSV, Shapefile without `.cpg`).
enum TextEncoding {
    /// Whether `bytes` are valid UTF-8.
    static func isValidUTF8<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        String(validating: bytes, as: UTF8.self) != nil
    }

    /// `bytes` converted from `encoding` to UTF-8 through GDAL's iconv-based `CPLRecode`.
    static func recode(_ bytes: [UInt8], from encoding: String, path: String) throws(GeoError) -> [UInt8] {
        if bytes.contains(0) {
            throw GeoError.encoding(path: path, reason: "the file contains NUL bytes: it is not a text file")
        }
        _ = GDALRuntime.ready
        CPLErrorReset()
        var input = bytes
        input.append(0)
        let out: UnsafeMutablePointer<CChar>? = input.withUnsafeBufferPointer { buf in
            buf.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buf.count) { CPLRecode($0, encoding, "UTF-8") }
            }
        }
        guard let out else { throw GeoError.encoding(path: path, reason: "cannot decode as \(encoding)") }
        defer { VSIFree(out) }
        let len = strlen(out)
        let result = [UInt8](UnsafeRawBufferPointer(start: out, count: len))
        if CPLGetLastErrorType() != CE_None && CPLGetLastErrorNo() != 0, !isValidUTF8(result) {
            throw GeoError.encoding(path: path, reason: "cannot decode as \(encoding): \(GDALRuntime.lastError(or: ""))")
        }
        return result
    }

    /// Normalised name for the encodings people write ("SJIS", "Shift_JIS", "cp932" → "CP932").
    static func canonical(_ name: String) -> String {
        let u = name.uppercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
        switch u {
        case "SJIS", "SHIFTJIS", "CP932", "WINDOWS31J", "MS932", "MSKANJI": return "CP932"
        case "UTF8", "UTF8BOM": return "UTF-8"
        case "EUCJP": return "EUC-JP"
        default: return name
        }
    }
}
