import CPROJ
import Foundation

/// Transforms coordinates between two CRSs through PROJ, always in x = east (longitude),
/// y = north (latitude) order whatever the CRSs' official axis order.
///
/// Owns its own PROJ context: use one transformer per thread; reuse it across a batch.
public final class CoordinateTransformer {
    public let source: CRS
    public let target: CRS
    private let context: PROJContext
    private let transform: PROJObject

    public init(from source: CRS, to target: CRS) throws(GeoError) {
        self.source = source
        self.target = target
        let ctx = try PROJContext()
        let src = try ctx.object(source.definition)
        let dst = try ctx.object(target.definition)
        // proj_create_crs_to_crs_from_pj: NULL when no operation links the two CRSs. With several
        // candidate operations (e.g. Tokyo datum → JGD2011) PROJ picks per point by area of use.
        guard let raw = proj_create_crs_to_crs_from_pj(ctx.handle, src.handle, dst.handle, nil, nil) else {
            throw GeoError.crs("no transformation from \(source) to \(target): \(ctx.lastError())")
        }
        // proj_normalize_for_visualization: lon/lat, easting/northing order; NULL on failure.
        let normalized = proj_normalize_for_visualization(ctx.handle, raw)
        proj_destroy(raw)
        guard let pj = normalized else {
            throw GeoError.crs("cannot normalise axis order from \(source) to \(target): \(ctx.lastError())")
        }
        context = ctx
        transform = PROJObject(pj, context: ctx)
    }

    /// Transforms one coordinate.
    public func apply(_ p: XY) throws(GeoError) -> XY {
        var pts = [p]
        try apply(&pts)
        return pts[0]
    }

    /// Transforms coordinates in place, in one PROJ call.
    public func apply(_ points: inout [XY]) throws(GeoError) {
        if points.isEmpty { return }
        let n = points.count
        let stride = MemoryLayout<XY>.stride
        let pj = transform.handle
        proj_errno_reset(pj)
        let done: Int = points.withUnsafeMutableBytes { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            let xs = base.assumingMemoryBound(to: Double.self)
            let ys = xs + 1
            // proj_trans_generic: returns the number of coordinates transformed; a coordinate
            // that fails becomes HUGE_VAL.
            return proj_trans_generic(pj, PJ_FWD, xs, stride, n, ys, stride, n, nil, 0, 0, nil, 0, 0)
        }
        guard done == n else {
            throw GeoError.crs("transforming \(n) coordinates from \(source) to \(target) failed")
        }
        if let bad = points.firstIndex(where: { !$0.isFinite || abs($0.x) >= 1e300 || abs($0.y) >= 1e300 }) {
            throw GeoError.crs(
                "coordinate \(bad + 1) cannot be transformed from \(source) to \(target) (outside the CRS's area?)")
        }
    }

    /// Transforms every coordinate of a geometry.
    public func apply(_ g: Geometry) throws(GeoError) -> Geometry {
        // Flatten, transform in one call, and rebuild in the same order.
        var flat = g.coordinates
        try apply(&flat)
        var i = 0
        return g.mapCoordinates { _ in
            defer { i += 1 }
            return flat[i]
        }
    }
}
