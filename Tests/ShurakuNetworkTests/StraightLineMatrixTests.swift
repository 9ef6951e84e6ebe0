import Foundation
import ShurakuCore
import ShurakuGeo
import Testing

@testable import ShurakuNetwork

@Test("straight-line mode finds exactly the pairs a brute-force geodesic scan finds, marked as such")
func straightLineMatchesBruteForce() throws {
    var rng = SeededGenerator(seed: 5)
    // 400 points within ~60 km around 37.3°N 137.1°E, projected with a local equirectangular
    // approximation (good to a fraction of a percent here; the grid pads its radius by 5 %).
    let lat0 = 37.3
    let lon0 = 137.1
    let kx = 111_320.0 * cos(lat0 * .pi / 180)
    let ky = 110_574.0
    let lonLat = (0..<400).map { _ in
        XY(lon0 + Double.random(in: -0.35...0.35, using: &rng), lat0 + Double.random(in: -0.27...0.27, using: &rng))
    }
    let projected = lonLat.map { XY(($0.x - lon0) * kx, ($0.y - lat0) * ky) }
    let model = StraightLineModel()  // 1.3 × geodesic at 40 km/h
    let cutoff = 15.0 * 60
    let m = try model.travelTimes(lonLat: lonLat, projected: projected, cutoffSeconds: cutoff)
    #expect(m.mode == .straightLine(detour: 1.3, speedKmh: 40))
    #expect(m.mode.label == "straight-line ×1.3 at 40 km/h")
    var expectedPairs = 0
    for s in 0..<lonLat.count {
        for t in 0..<lonLat.count {
            let meters = Geodesic.grs80.distanceMeters(lonLat[s], lonLat[t]) * 1.3
            let sec = meters / (40 / 3.6)
            let e = m.entry(row: s, target: Int32(t))
            if sec <= cutoff {
                expectedPairs += 1
                #expect(e.map { abs(Double($0.seconds) - sec) < 0.01 && abs(Double($0.meters) - meters) < 0.05 } == true)
            } else {
                #expect(e == nil)
            }
        }
    }
    #expect(m.pairCount == expectedPairs)
    #expect(expectedPairs > 400)  // not only the diagonal
    // Some sources only (computed directly, not mirrored): the same rows.
    let some: [Int32] = [17, 0, 399, 17]
    let part = try model.travelTimes(
        lonLat: lonLat, projected: projected, sources: some, cutoffSeconds: cutoff,
        workers: 2)
    for (r, s) in some.enumerated() {
        #expect(Array(part.targets[part.range(ofRow: r)]) == Array(m.targets[m.range(ofRow: Int(s))]))
        for (a, b) in zip(part.seconds[part.range(ofRow: r)], m.seconds[m.range(ofRow: Int(s))]) {
            #expect(abs(a - b) < 1e-3)
        }
    }
}

@Test("straight-line mode rejects mismatched inputs and bad parameters")
func straightLineErrors() {
    #expect(throws: NetworkError.self) {
        try StraightLineModel().travelTimes(lonLat: [XY(0, 0)], projected: [], cutoffSeconds: 60)
    }
    #expect(throws: NetworkError.self) {
        try StraightLineModel(detour: 0.5).travelTimes(lonLat: [], projected: [], cutoffSeconds: 60)
    }
    #expect(throws: NetworkError.self) {
        try StraightLineModel(speedKmh: 0).travelTimes(lonLat: [], projected: [], cutoffSeconds: 60)
    }
}
