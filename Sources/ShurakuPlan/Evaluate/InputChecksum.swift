import Foundation
import ShurakuCore
import ShurakuGeo

/// The checksums `plan.json` records for its inputs, and the check `evaluate` makes against them.
public enum InputChecksum {
    /// SHA-256 of an input in hex (for a Shapefile, its sidecar files in a fixed order), or
    /// `unreadable` when a file cannot be read.
    public static func sha256(of path: String) -> String {
        let spec = SourceSpec(parsing: path)
        var files = [spec.path]
        if spec.path.lowercased().hasSuffix(".shp") {
            let base = (spec.path as NSString).deletingPathExtension
            files = ["shp", "shx", "dbf", "prj", "cpg"].map { "\(base).\($0)" }.filter { FileManager.default.fileExists(atPath: $0) }
        }
        var h = SHA256()
        for f in files {
            guard let d = FileManager.default.contents(atPath: f) else { return "unreadable" }
            h.update(d)
        }
        return h.hexDigest()
    }
}
