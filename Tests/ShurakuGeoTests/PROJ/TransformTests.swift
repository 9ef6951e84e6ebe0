import Foundation
import ShurakuGeo
import Testing

@Suite("CRS and transformations")
struct TransformTests {
    /// Runs PROJ's own `cs2cs` on one point (lon/lat in, lon/lat out with `-d 9`).
    private func cs2cs(_ from: String, _ to: String, lon: Double, lat: Double) throws -> XY {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // cs2cs follows the CRSs' official axis order (lat, lon for EPSG geographic CRSs).
        p.arguments = ["cs2cs", "-d", "9", from, to]
        let input = Pipe()
        let output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        input.fileHandleForWriting.write(Data("\(lat) \(lon)\n".utf8))
        try input.fileHandleForWriting.close()
        p.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let nums = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).compactMap { Double($0) }
        try #require(p.terminationStatus == 0 && nums.count >= 2, "cs2cs failed: \(text)")
        return XY(nums[1], nums[0])
    }

    @Test("a Tokyo-datum point lands within 1 m of PROJ's cs2cs answer")
    func tokyoDatum() throws {
        let t = try CoordinateTransformer(from: .epsg(4301), to: .epsg(6668))
        let ours = try t.apply(XY(137.17, 37.30))  // 能登町, old Tokyo datum
        let theirs = try cs2cs("EPSG:4301", "EPSG:6668", lon: 137.17, lat: 37.30)
        let d = Geodesic.grs80.distanceMeters(ours, theirs)
        #expect(d < 1.0, "differs from cs2cs by \(d) m")
        // And the datum shift itself is real: Tokyo → JGD2011 moves points by hundreds of metres.
        #expect(Geodesic.grs80.distanceMeters(XY(137.17, 37.30), ours) > 300)
    }

    @Test("JGD2000 lon/lat reaches the same UTM position as JGD2011 to within a centimetre")
    func jgd2000() throws {
        let utm = try CRS.epsg(6690)
        let a = try CoordinateTransformer(from: .epsg(4612), to: utm).apply(XY(137.17, 37.30))
        let b = try CoordinateTransformer(from: .epsg(6668), to: utm).apply(XY(137.17, 37.30))
        #expect(a.distance(to: b) < 0.01)
        // Zone 53's central meridian is 135°E: 2.17° east at 37.3°N is ~192 km → easting ~692 km.
        #expect(abs(a.x - 692_000) < 3_000 && abs(a.y - 4_130_000) < 5_000)
    }

    @Test("the metric CRS is the JGD2011 UTM zone of the data's centre, WGS 84 UTM abroad")
    func utmChoice() throws {
        #expect(try MetricCRS.utm(forLonLat: XY(137.1, 37.3)).authorityCode == "EPSG:6690")  // 能登町: zone 53
        #expect(try MetricCRS.utm(forLonLat: XY(133.3, 34.8)).authorityCode == "EPSG:6690")  // 新見市: zone 53
        #expect(try MetricCRS.utm(forLonLat: XY(141.3, 43.1)).authorityCode == "EPSG:6691")  // 札幌: zone 54
        #expect(try MetricCRS.utm(forLonLat: XY(1.55, 42.5)).authorityCode == "EPSG:32631")  // Andorra
        #expect(try MetricCRS.utm(forLonLat: XY(137.1, 37.3)).isMetric)
        #expect(throws: GeoError.self) { try MetricCRS.utm(forLonLat: XY(500_000, 4_000_000)) }
    }

    @Test("a 平面直角座標系 zone in easting/northing order round-trips through lon/lat")
    func planeRectangular() throws {
        let zone7 = try CRS.epsg(6675)  // JGD2011 / Japan Plane Rectangular CS VII (石川)
        #expect(zone7.isMetric)
        let toPlane = try CoordinateTransformer(from: .lonLat, to: zone7)
        let back = try CoordinateTransformer(from: zone7, to: .lonLat)
        let p = try toPlane.apply(XY(137.17, 37.30))
        // Origin of zone VII is 137°10'E 36°N: the point is ~144 km north, near the meridian.
        #expect(abs(p.x) < 1_000 && abs(p.y - 144_300) < 1_000)
        let q = try back.apply(p)
        #expect(abs(q.x - 137.17) < 1e-9 && abs(q.y - 37.30) < 1e-9)
    }

    @Test("geodesic distance agrees with a UTM distance over a few kilometres")
    func geodesic() throws {
        let a = XY(137.10, 37.30)
        let b = XY(137.15, 37.33)
        let g = Geodesic.grs80.distanceMeters(a, b)
        let t = try CoordinateTransformer(from: .lonLat, to: .epsg(6690))
        let planar = try t.apply(a).distance(to: t.apply(b))
        // UTM scale factor near the central meridian is ~0.9996: agree within 0.1 %.
        #expect(abs(g - planar) / g < 0.001)
        #expect(g > 5_000 && g < 6_000)
    }

    @Test("unknown CRS text is a typed error, not a crash")
    func badCRS() {
        #expect(throws: GeoError.self) { try CRS.parse("EPSG:999999") }
        #expect(throws: GeoError.self) { try CRS.parse("not a crs") }
    }
}
