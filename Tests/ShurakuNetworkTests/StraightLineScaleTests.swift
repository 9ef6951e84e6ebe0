import Foundation
import ShurakuGeo
import ShurakuNetwork
import ShurakuTestSupport
import Testing

@Suite("Straight-line times from scale factors")
struct StraightLineScaleTests {
    @Test("新見市: scale-factor distances agree with per-pair PROJ geodesics within 1e-5, same pairs")
    func agreesWithGeodesic() throws {
        let layer = try VectorReader.read(SourceSpec(parsing: SharedData.path("geodata-real/niimi-city-okayama/settlements.geojson")))
        let lonLat = layer.features.compactMap { f -> XY? in if case .point(let p)? = f.geometry { p } else { nil } }
        let crs = try CRS.epsg(6690)
        var projected = lonLat
        try CoordinateTransformer(from: .lonLat, to: crs).apply(&projected)
        let model = StraightLineModel()
        let exact = try model.travelTimes(lonLat: lonLat, projected: projected, cutoffSeconds: 1800)
        let fast = try model.travelTimes(
            lonLat: lonLat, projected: projected, cutoffSeconds: 1800, scale: try ScaleFactor.pointScale(of: crs, at: lonLat))
        #expect(exact.pairCount > 1000)
        // Pairs right at the cutoff may fall either side; everything else matches.
        #expect(abs(exact.pairCount - fast.pairCount) <= 2)
        var worst = 0.0
        for r in 0..<exact.rowCount {
            for k in exact.range(ofRow: r) where exact.meters[k] > 0 {
                guard let e = fast.entry(row: r, target: exact.targets[k]) else { continue }
                worst = max(worst, abs(Double(e.meters) - Double(exact.meters[k])) / Double(exact.meters[k]))
            }
        }
        #expect(worst < 1e-5, "worst relative difference \(worst)")
    }
}
