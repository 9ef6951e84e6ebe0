import Foundation

/// Chooses how GDAL decodes a Shapefile's DBF text.
enum ShapefileEncoding {
    /// Open options and preparation for `path` (.shp or .dbf).
    ///
    /// A forced encoding wins; otherwise a `.cpg` file or a DBF language-driver id is honoured by
    /// GDAL itself; with neither, the file is opened without recoding so that its bytes can be
    /// sniffed (valid UTF-8 stays UTF-8, anything else is read again as CP932).
    static func openOptions(_ path: String, forced: String?) throws(GeoError) -> ([String], VectorReader.Preparation) {
        var prep = VectorReader.Preparation()
        if let forced {
            let enc = TextEncoding.canonical(forced)
            prep.encoding = enc
            return (["ENCODING=\(enc)"], prep)
        }
        let base = (path as NSString).deletingPathExtension
        let fm = FileManager.default
        for ext in ["cpg", "CPG"] where fm.fileExists(atPath: "\(base).\(ext)") {
            if let text = try? String(contentsOfFile: "\(base).\(ext)", encoding: .utf8) {
                prep.encoding = text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            return ([], prep)
        }
        if let ldid = languageDriverID(dbfPath: "\(base).dbf") ?? languageDriverID(dbfPath: "\(base).DBF"), ldid != 0 {
            prep.encoding = ldid == 0x13 ? "CP932" : "LDID \(ldid)"
            return ([], prep)
        }
        prep.rawStrings = true
        return (["ENCODING="], prep)
    }

    /// Byte 29 of the DBF header: the language driver id (0x13 = Japanese Shift-JIS).
    static func languageDriverID(dbfPath: String) -> UInt8? {
        guard let h = FileHandle(forReadingAtPath: dbfPath) else { return nil }
        defer { try? h.close() }
        guard let head = try? h.read(upToCount: 32), head.count >= 30 else { return nil }
        return head[head.startIndex + 29]
    }
}
