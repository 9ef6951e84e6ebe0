import CPROJ
@_exported import ShurakuCore

/// Geodesic distances on an ellipsoid through PROJ's `geodesic.h` (Karney's algorithm).
///
/// A value type: the ellipsoid parameters are plain numbers, so one instance can be shared
/// across threads.
public struct Geodesic: Sendable {
    private var g: geod_geodesic

    /// The GRS80 ellipsoid of JGD2000/JGD2011 (WGS 84 differs by under a millimetre here).
    public static let grs80 = Geodesic(semiMajorAxis: 6_378_137.0, flattening: 1.0 / 298.257222101)

    public init(semiMajorAxis a: Double, flattening f: Double) {
        var g = geod_geodesic()
        geod_init(&g, a, f)
        self.g = g
    }

    /// Geodesic distance in metres between two lon/lat points (degrees).
    public func distanceMeters(_ a: XY, _ b: XY) -> Double {
        var s12 = 0.0
        var g = self.g
        geod_inverse(&g, a.y, a.x, b.y, b.x, &s12, nil, nil)
        return s12
    }

    /// Distance in metres and forward azimuth (degrees clockwise from north) from `a` to `b`.
    public func inverse(_ a: XY, _ b: XY) -> (meters: Double, azimuthDegrees: Double) {
        var s12 = 0.0
        var azi1 = 0.0
        var azi2 = 0.0
        var g = self.g
        geod_inverse(&g, a.y, a.x, b.y, b.x, &s12, &azi1, &azi2)
        return (s12, azi1)
    }

    /// The point `meters` from `a` (lon/lat degrees) along azimuth `azimuthDegrees`.
    public func destination(from a: XY, azimuthDegrees: Double, meters: Double) -> XY {
        var lat2 = 0.0
        var lon2 = 0.0
        var g = self.g
        geod_direct(&g, a.y, a.x, azimuthDegrees, meters, &lat2, &lon2, nil)
        return XY(lon2, lat2)
    }
}
