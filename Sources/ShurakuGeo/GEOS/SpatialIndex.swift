import CGEOS

/// A spatial index (GEOS STR-tree) over a list of geometries, answering which geometries
/// contain a point and which is nearest to a point. Indices refer to the input order.
///
/// Owns its GEOS context and geometries; not Sendable (one per thread).
public final class SpatialIndex {
    private let context: GEOSContext
    private let tree: OpaquePointer
    private let geoms: [GEOSGeom]
    private let envelopes: [Envelope?]
    private var prepared: [OpaquePointer?]
    /// The number of indexed geometries.
    public var count: Int { geoms.count }

    public init(_ geometries: [Geometry]) throws(GeoError) {
        let ctx = try GEOSContext()
        // GEOSSTRtree_create_r: NULL on failure; node capacity 10 as GEOS recommends.
        guard let t = GEOSSTRtree_create_r(ctx.handle, 10) else { throw ctx.error("spatial index") }
        var gs: [GEOSGeom] = []
        gs.reserveCapacity(geometries.count)
        do {
            for g in geometries { gs.append(try g.makeGEOS(ctx)) }
        } catch {
            GEOSSTRtree_destroy_r(ctx.handle, t)
            throw error
        }
        for (i, g) in gs.enumerated() where !geometries[i].isEmpty {
            // The tree stores the index + 1 as its item (0 would be NULL); it does not own geometries.
            GEOSSTRtree_insert_r(ctx.handle, t, g.handle, UnsafeMutableRawPointer(bitPattern: i + 1))
        }
        context = ctx
        tree = t
        geoms = gs
        envelopes = geometries.map(\.envelope)
        prepared = Array(repeating: nil, count: gs.count)
    }

    deinit {
        for p in prepared { if let p { GEOSPreparedGeom_destroy_r(context.handle, p) } }
        GEOSSTRtree_destroy_r(context.handle, tree)
    }

    /// Indices whose envelopes intersect `box`, ascending.
    public func candidates(_ box: Envelope) throws(GeoError) -> [Int] {
        guard let q = GEOSGeom_createRectangle_r(context.handle, box.minX, box.minY, box.maxX, box.maxY) else {
            throw context.error("query box")
        }
        defer { GEOSGeom_destroy_r(context.handle, q) }
        let collector = Collector()
        let ud = Unmanaged.passUnretained(collector).toOpaque()
        GEOSSTRtree_query_r(
            context.handle, tree, q,
            { item, userdata in
                guard let userdata, let item else { return }
                Unmanaged<Collector>.fromOpaque(userdata).takeUnretainedValue().items.append(Int(bitPattern: item) - 1)
            }, ud)
        return collector.items.sorted()
    }

    /// Indices of the geometries that cover `p` (boundary included), ascending.
    public func covering(_ p: XY) throws(GeoError) -> [Int] {
        let box = Envelope(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y)
        var out: [Int] = []
        let pt = try Geometry.point(p).makeGEOS(context)
        for i in try candidates(box) {
            let pg = try preparedGeometry(i)
            // GEOSPreparedCovers_r: 1 true, 0 false, 2 exception.
            let r = GEOSPreparedCovers_r(context.handle, pg, pt.handle)
            guard r != 2 else { throw context.error("covers") }
            if r == 1 { out.append(i) }
        }
        return out
    }

    /// The geometry nearest to `p` within `maxDistance` and its distance (ties: lowest index).
    public func nearest(to p: XY, maxDistance: Double = .infinity) throws(GeoError) -> (index: Int, distance: Double)? {
        guard
            let world = envelopes.compactMap({ $0 }).reduce(
                nil,
                { (acc: Envelope?, e) in
                    var a = acc ?? e
                    a.expand(toInclude: e)
                    return a
                })
        else { return nil }
        let pt = try Geometry.point(p).makeGEOS(context)
        // Grow a search box until it holds a candidate whose exact distance fits inside it.
        var radius = max(1e-9, min(world.width + world.height, maxDistance) / 64)
        let far = max(abs(p.x - world.minX), abs(p.x - world.maxX)) + max(abs(p.y - world.minY), abs(p.y - world.maxY))
        while true {
            let box = Envelope(minX: p.x - radius, minY: p.y - radius, maxX: p.x + radius, maxY: p.y + radius)
            var best: (Int, Double)? = nil
            for i in try candidates(box) {
                var d = 0.0
                // GEOSDistance_r: 0 on exception.
                guard GEOSDistance_r(context.handle, geoms[i].handle, pt.handle, &d) != 0 else { throw context.error("distance") }
                if let b = best, d >= b.1 { continue }
                best = (i, d)
            }
            if let (i, d) = best, d <= radius {
                return d <= maxDistance ? (i, d) : nil
            }
            if radius >= maxDistance || radius > far {
                if let (i, d) = best, d <= maxDistance { return (i, d) }
                return nil
            }
            radius *= 4
        }
    }

    private func preparedGeometry(_ i: Int) throws(GeoError) -> OpaquePointer {
        if let p = prepared[i] { return p }
        // GEOSPrepare_r: NULL on exception; the prepared geometry borrows geoms[i].
        guard let p = GEOSPrepare_r(context.handle, geoms[i].handle) else { throw context.error("prepare") }
        prepared[i] = p
        return p
    }
}

/// Receives STR-tree query results through the C callback.
private final class Collector {
    var items: [Int] = []
}
