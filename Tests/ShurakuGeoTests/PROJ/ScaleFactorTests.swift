import ShurakuCore
import ShurakuGeo
import Testing

@Suite("Scale factors")
struct ScaleFactorTests {
    @Test("UTM scale factor is 0.9996 on the central meridian and grows away from it")
    func utm() throws {
        let k = try ScaleFactor.pointScale(of: .epsg(6690), at: [XY(135, 35), XY(137.5, 35)])
        #expect(abs(k[0] - 0.9996) < 1e-9)
        #expect(k[1] > k[0] && k[1] < 1.0005)
    }

    @Test("planar distance ÷ mean scale factor matches the PROJ geodesic within 1e-5 over 40 km, across Japan")
    func planarMatchesGeodesic() throws {
        var rng = SeededGenerator(seed: 5)
        for (zone, lon0) in [(6689, 129.0), (6690, 135.0), (6691, 141.0), (6675, 137.17)] {
            let crs = try CRS.epsg(zone)
            let t = try CoordinateTransformer(from: .lonLat, to: crs)
            var pairs: [(XY, XY)] = []
            while pairs.count < 200 {
                let a = XY(lon0 + Double.random(in: -3...3, using: &rng), Double.random(in: 31...44, using: &rng))
                let b = XY(a.x + Double.random(in: -0.4...0.4, using: &rng), a.y + Double.random(in: -0.3...0.3, using: &rng))
                let g = Geodesic.grs80.distanceMeters(a, b)
                if g > 100 && g < 40_000 { pairs.append((a, b)) }
            }
            let k = try ScaleFactor.pointScale(of: crs, at: pairs.flatMap { [$0.0, $0.1] })
            var worst = 0.0
            for (i, (a, b)) in pairs.enumerated() {
                let g = Geodesic.grs80.distanceMeters(a, b)
                let planar = try t.apply(a).distance(to: t.apply(b))
                let approx = planar * (1 / k[2 * i] + 1 / k[2 * i + 1]) / 2
                worst = max(worst, abs(approx - g) / g)
            }
            #expect(worst < 1e-5, "EPSG:\(zone): worst relative error \(worst)")
        }
    }
}
