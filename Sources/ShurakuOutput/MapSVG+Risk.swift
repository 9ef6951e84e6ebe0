import Foundation
import ShurakuGeo
import ShurakuPlan

/// The cut-off risk on `map.svg`: drone range rings around the cores, critical roads in dark red
/// (wider for more people cut off), isolatable settlements ringed in red, and their legend.
extension MapSVG {
    static let criticalColor = "#b2182b"

    /// The drone rings, clipped to the map frame `frame` (x, y, width, height) so that they do not
    /// run over the legend.
    func droneRingsSVG(_ pathData: (Geometry) -> String, frame: (Double, Double, Double, Double)) -> String {
        let rings = result.zones.compactMap { z in z.droneRing.map { (z, $0) } }
        guard !rings.isEmpty else { return "" }
        var s = String(
            format: "<clipPath id=\"map-frame\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/></clipPath>\n",
            frame.0, frame.1, frame.2, frame.3)
        s +=
            "<g id=\"drone_rings\" clip-path=\"url(#map-frame)\" fill=\"none\" stroke=\"#1e6ec8\" stroke-width=\"1.2\" "
            + "stroke-dasharray=\"6 4\">\n"
        for (z, ring) in rings {
            s += "<path d=\"\(pathData(ring))\"><title>\(esc(z.coreName)): drone range</title></path>\n"
        }
        return s + "</g>\n"
    }

    func criticalRoadsSVG(_ p: (XY) -> (Double, Double)) -> String {
        guard let roads = result.criticalRoads, !roads.isEmpty else { return "" }
        let most = Double(max(1, roads.map(\.peopleCutOff).max() ?? 1))
        var s =
            "<g id=\"critical_roads\" fill=\"none\" stroke=\"\(Self.criticalColor)\" stroke-linecap=\"round\" stroke-linejoin=\"round\">\n"
        for r in roads where r.road.line.count >= 2 {
            let width = 1.5 + 3.5 * (Double(r.peopleCutOff) / most).squareRoot()
            let points = r.road.line.map {
                let (x, y) = p($0)
                return String(format: "%.1f,%.1f", x, y)
            }
            s +=
                "<polyline points=\"\(points.joined(separator: " "))\" stroke-width=\(quote(String(format: "%.1f", width)))>"
                + "<title>road \(r.road.roadID): \(r.peopleCutOff)人 in \(r.settlementIDs.count) settlements cut off</title></polyline>\n"
        }
        return s + "</g>\n"
    }

    func isolatableSVG(_ p: (XY) -> (Double, Double)) -> String {
        let isolatable = result.settlements.filter { $0.isolatable == true }
        guard !isolatable.isEmpty else { return "" }
        var s = "<g id=\"isolatable\" fill=\"none\" stroke=\"\(Self.criticalColor)\" stroke-width=\"1.6\">\n"
        for st in isolatable {
            let (x, y) = p(st.lonLat)
            let roads = st.cutRoads.map(String.init).joined(separator: ", ")
            s += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"8\">", x, y)
            s += "<title>\(esc(st.name)): isolatable (roads \(roads))</title></circle>\n"
        }
        return s + "</g>\n"
    }

    /// Legend rows for the risk layers drawn, from `y` down (advanced past them).
    func riskLegend(x: Double, y: inout Double) -> String {
        var s = ""
        func row(_ symbol: String, _ text: String) {
            s += symbol + "<text x=\"\(String(format: "%.1f", x + 18))\" y=\"\(String(format: "%.1f", y))\">\(esc(text))</text>\n"
            y += 17
        }
        if let roads = result.criticalRoads, !roads.isEmpty {
            row(
                String(
                    format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%@\" stroke-width=\"3\"/>", x, y - 4, x + 12,
                    y - 4, Self.criticalColor),
                "critical roads: \(roads.count)")
        }
        let isolatable = result.settlements.filter { $0.isolatable == true }
        if !isolatable.isEmpty {
            row(
                String(
                    format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"none\" stroke=\"%@\" stroke-width=\"1.6\"/>", x + 6, y - 4,
                    Self.criticalColor),
                "isolatable: \(isolatable.count) (\(isolatable.reduce(0) { $0 + $1.population })人)")
        }
        if let d = result.request.risk.drone {
            row(
                String(
                    format:
                        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#1e6ec8\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>",
                    x, y - 4, x + 12, y - 4),
                "drone range \(String(format: "%g", d.rangeKm)) km")
        }
        return s
    }

    private func quote(_ s: String) -> String { "\"" + s + "\"" }
}
