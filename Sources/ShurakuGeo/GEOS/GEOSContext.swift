import CGEOS

/// Owns one reentrant GEOS context handle and collects its error messages.
///
/// Not Sendable: a context belongs to one thread at a time. Create one per batch of work
/// (``GeometryEngine`` does) and reuse it.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    /// The last error message GEOS reported through the handler.
    fileprivate(set) var lastError: String?

    init() throws(GeoError) {
        // GEOS_init_r: NULL only on allocation failure.
        guard let h = GEOS_init_r() else { throw GeoError.geometry(operation: "init", reason: "GEOS context") }
        handle = h
        let me = Unmanaged.passUnretained(self).toOpaque()
        // The handler receives `self` unretained: the context never outlives this object.
        _ = GEOSContext_setErrorMessageHandler_r(
            h,
            { message, userdata in
                guard let userdata else { return }
                let ctx = Unmanaged<GEOSContext>.fromOpaque(userdata).takeUnretainedValue()
                ctx.lastError = message.map { String(cString: $0) } ?? "unknown GEOS error"
            }, me)
    }

    deinit { GEOS_finish_r(handle) }

    /// A typed error for a failed `operation`, with GEOS's own message.
    func error(_ operation: String) -> GeoError {
        let e = GeoError.geometry(operation: operation, reason: lastError ?? "GEOS returned no result")
        lastError = nil
        return e
    }
}

/// Owns one GEOS geometry; destroyed in `deinit` unless ownership was handed to GEOS.
final class GEOSGeom {
    let context: GEOSContext
    private(set) var handle: OpaquePointer

    init(_ handle: OpaquePointer, _ context: GEOSContext) {
        self.handle = handle
        self.context = context
    }

    /// Wraps an owned result handle or throws the context's error for `operation`.
    static func wrap(_ handle: OpaquePointer?, _ context: GEOSContext, _ operation: String) throws(GeoError) -> GEOSGeom {
        guard let handle else { throw context.error(operation) }
        return GEOSGeom(handle, context)
    }

    deinit { GEOSGeom_destroy_r(context.handle, handle) }
}
