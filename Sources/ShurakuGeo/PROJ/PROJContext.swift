import CPROJ

/// Owns one PROJ context (`PJ_CONTEXT`); a context belongs to one thread at a time and is never
/// shared, so it is not Sendable. Freed in `deinit`.
final class PROJContext {
    let handle: OpaquePointer

    init() throws(GeoError) {
        // proj_context_create: NULL on allocation failure.
        guard let ctx = proj_context_create() else { throw GeoError.crs("PROJ context could not be created") }
        handle = ctx
    }

    deinit { proj_context_destroy(handle) }

    /// The text of the context's last error.
    func lastError() -> String {
        let code = proj_context_errno(handle)
        guard code != 0, let msg = proj_context_errno_string(handle, code) else { return "unknown PROJ error" }
        return String(cString: msg)
    }

    /// Creates a PROJ object (CRS) from a definition ("EPSG:6690", WKT, PROJJSON or PROJ string).
    func object(_ definition: String) throws(GeoError) -> PROJObject {
        // proj_create: NULL when the definition cannot be parsed.
        guard let pj = proj_create(handle, definition) else {
            throw GeoError.crs("'\(definition.prefix(120))' is not a CRS PROJ understands (\(lastError()))")
        }
        return PROJObject(pj, context: self)
    }
}

/// Owns one `PJ` object; keeps its context alive.
final class PROJObject {
    let handle: OpaquePointer
    let context: PROJContext

    init(_ handle: OpaquePointer, context: PROJContext) {
        self.handle = handle
        self.context = context
    }

    deinit { proj_destroy(handle) }
}
