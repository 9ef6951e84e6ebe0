/// Point scale factors of a projected CRS, measured through PROJ.
///
/// A distance measured on the projected plane between two nearby points, divided by the scale
/// factor along the way, is the distance on the ellipsoid: for points a few tens of kilometres
/// apart in a transverse Mercator zone, `planar × (1/kₐ + 1/k_b) / 2` agrees with the geodesic
/// to about a millimetre per ten kilometres (checked in the tests against ``Geodesic``). That lets
/// many-to-many straight-line distances cost PROJ work per point instead of per pair.
public enum ScaleFactor {
    /// The scale factor k of the projected `crs` at each lon/lat point (degrees): the projected
    /// length of a 10 m geodesic step (PROJ's geodesic and transformation) divided by 10 m. For
    /// conformal projections (UTM, 平面直角座標系) k is the same in every direction.
    public static func pointScale(of crs: CRS, at lonLat: [XY]) throws(GeoError) -> [Double] {
        guard crs.kind == .projected else { throw GeoError.crs("\(crs) is not a projected CRS: no scale factor") }
        let step = 10.0
        var points = lonLat
        var stepped = lonLat.map { Geodesic.grs80.destination(from: $0, azimuthDegrees: 45, meters: step) }
        let t = try CoordinateTransformer(from: .lonLat, to: crs)
        try t.apply(&points)
        try t.apply(&stepped)
        return zip(points, stepped).map { $0.distance(to: $1) / step }
    }
}
