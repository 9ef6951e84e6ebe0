import Testing

@testable import ShurakuOutput

@Suite("map.svg")
struct MapSVGTests {
    @Test("coordinates print with one decimal, as %.1f does away from exact halves")
    func tenths() {
        for v in [0.0, 1.04, 1.06, 12.34, 999.99, -0.26, -12.5001, 123_456.7, 7.0] {
            #expect(MapSVG.tenths(v) == String(format: "%.1f", v), "\(v)")
        }
        #expect(MapSVG.tenths(.nan) == "nan")
    }
}
