/// A small settlements fixture shared by the test targets.
public enum FiveSettlements {
    /// Five settlements around 能登町, 1 km apart, as a CSV (lon/lat, no CRS): with the defaults
    /// two zones, 宇出津 (a, d, e) and 小木 (b, c).
    public static let csv = """
        id,name,pop,lon,lat
        a,宇出津,1200,137.150,37.300
        b,小木,800,137.160,37.300
        c,松波,600,137.170,37.305
        d,柳田,300,137.155,37.310
        e,鵜川,200,137.140,37.295

        """
}
