/// Chooses the metric CRS in which Shuraku does its geometry work.
public enum MetricCRS {
    /// The UTM zone (1…60) whose central meridian is nearest to `longitude`.
    public static func utmZone(longitude: Double) -> Int {
        let z = Int(((longitude + 180) / 6).rounded(.down)) + 1
        return min(max(z, 1), 60)
    }

    /// A metric CRS for data centred on `center` (lon/lat degrees): JGD2011 / UTM zone 51N–56N
    /// (EPSG:6688–6693) inside Japan, WGS 84 / UTM elsewhere (EPSG:326zz north, 327zz south).
    public static func utm(forLonLat center: XY) throws(GeoError) -> CRS {
        guard center.isFinite, abs(center.y) <= 90, abs(center.x) <= 180 else {
            throw GeoError.crs("cannot choose a UTM zone for the centre \(center.x), \(center.y): not lon/lat")
        }
        let zone = utmZone(longitude: center.x)
        if (51...56).contains(zone), (20.0...46.5).contains(center.y), center.x >= 122, center.x <= 154 {
            return try CRS.epsg(6688 + zone - 51)
        }
        return try CRS.epsg((center.y >= 0 ? 32600 : 32700) + zone)
    }
}
