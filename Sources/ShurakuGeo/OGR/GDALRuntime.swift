import CGDAL
import Foundation

/// One-time GDAL set-up: drivers registered, GDAL's own stderr printing silenced, GeoPackage
/// timestamps pinned so that reruns write byte-identical files.
enum GDALRuntime {
    /// Touch this before any GDAL call; the global `let` runs its initialiser exactly once.
    static let ready: Void = {
        GDALAllRegister()
        // The global (not thread-local) handler: errors are read with CPLGetLastErrorMsg.
        CPLSetErrorHandler(CPLQuietErrorHandler)
        CPLSetConfigOption("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z")
        CPLSetConfigOption("CPL_DEBUG", "OFF")
        // OSM: keep every tag of a way in other_tags, and keep the temporary index in memory.
        CPLSetConfigOption("OSM_MAX_TMPFILE_SIZE", "1024")
    }()

    /// The last GDAL error message on this thread, or `fallback` when GDAL gave none.
    static func lastError(or fallback: String) -> String {
        guard let msg = CPLGetLastErrorMsg() else { return fallback }
        let s = String(cString: msg)
        return s.isEmpty ? fallback : s
    }

    /// Calls `body` with a NULL-terminated `char**` list built from `strings` (e.g. open options).
    static func withCStringList<R>(_ strings: [String], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) throws -> R) rethrows
        -> R
    {
        if strings.isEmpty { return try body(nil) }
        var ptrs: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        ptrs.append(nil)
        defer { for p in ptrs { free(p) } }
        return try ptrs.withUnsafeMutableBufferPointer { try body($0.baseAddress) }
    }

    /// The same list as `const char* const*`, for functions such as `GDALOpenEx`.
    static func withConstCStringList<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) throws -> R) rethrows -> R {
        try withCStringList(strings) { list in
            try body(list.map { UnsafeRawPointer($0).assumingMemoryBound(to: UnsafePointer<CChar>?.self) })
        }
    }
}
