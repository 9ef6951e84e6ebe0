import Foundation
import ShurakuGeo
import ShurakuInput
import ShurakuPlan

/// `map.svg`: an overview map any browser opens — zones filled by zone, routes, settlements sized
/// by population, unserved settlements as red crosses, cores labelled with their names, a legend
/// and a scale bar.
struct MapSVG {
    let result: Plan
    let title: String

    private let width = 1000.0
    private let legendWidth = 260.0
    private let margin = 24.0

    func render() -> String {
        // Local equirectangular projection around the plan's centre.
        var pts = result.settlements.map(\.lonLat)
        for z in result.zones { pts += z.shape.coordinates }
        guard let env = Envelope(covering: pts) else { return emptyMap() }
        let lat0 = (env.minY + env.maxY) / 2 * .pi / 180
        let kx = cos(lat0)
        let spanX = max(env.width * kx, 1e-6)
        let spanY = max(env.height, 1e-6)
        let scale = (width - 2 * margin) / spanX
        let mapHeight = spanY * scale
        let height = max(mapHeight + 2 * margin + 40, 400)
        func p(_ q: XY) -> (Double, Double) {
            (margin + (q.x - env.minX) * kx * scale, margin + 40 + (env.maxY - q.y) * scale)
        }
        func n(_ v: Double) -> String { MapSVG.tenths(v) }
        let zoneIndex = Dictionary(uniqueKeysWithValues: result.zones.enumerated().map { ($1.zoneID, $0) })

        var s = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(n(width + legendWidth))" height="\(n(height))" viewBox="0 0 \(n(width + legendWidth)) \(n(height))" font-family="'Noto Sans CJK JP','Hiragino Sans','Yu Gothic','Meiryo',sans-serif">
            <rect width="100%" height="100%" fill="#fbfbf8"/>
            <text x="\(n(margin))" y="28" font-size="18" font-weight="bold">\(esc(title))</text>

            """
        /// SVG path data of a polygonal geometry's rings.
        func pathData(_ g: Geometry) -> String {
            var d = ""
            for poly in g.polygonParts {
                for ring in poly where ring.count >= 3 {
                    d +=
                        "M"
                        + ring.map {
                            let (x, y) = p($0)
                            return "\(n(x)) \(n(y))"
                        }.joined(separator: " L") + " Z "
                }
            }
            return d
        }
        // Zones.
        s += "<g id=\"zones\" stroke-width=\"1\" fill-opacity=\"0.55\">\n"
        for (i, z) in result.zones.enumerated() {
            let d = pathData(z.shape)
            s +=
                "<path d=\"\(d)\" fill=\"\(ZonePalette.hex(ZonePalette.color(i)))\" stroke=\"\(ZonePalette.hex(ZonePalette.dark(i)))\" fill-rule=\"evenodd\"><title>\(esc(z.zoneID)) \(esc(z.coreName))</title></path>\n"
        }
        s += "</g>\n"
        if let outline = result.outline {
            let d = pathData(outline)
            s += "<path id=\"outline\" d=\"\(d)\" fill=\"none\" stroke=\"#666\" stroke-width=\"1.2\" stroke-dasharray=\"5 3\"/>\n"
        }
        s += droneRingsSVG(pathData, frame: (margin / 2, margin + 40 - margin / 2, width - margin, mapHeight + margin))
        s += "<g id=\"routes\" fill=\"none\" stroke-width=\"1.8\" stroke-linejoin=\"round\" stroke-opacity=\"0.9\">\n"
        for r in result.routes where r.line.count >= 2 {
            let c = ZonePalette.hex(ZonePalette.dark(zoneIndex[r.zoneID] ?? 0))
            s +=
                "<polyline points=\""
                + r.line.map {
                    let (x, y) = p($0)
                    return "\(n(x)),\(n(y))"
                }.joined(separator: " ")
                + "\" stroke=\"\(c)\"><title>\(esc(r.zoneID)) loop \(r.loop): \(n(r.durationMin)) min</title></polyline>\n"
        }
        let critical = criticalRoadsSVG(p)
        if !critical.isEmpty { s += "</g>\n" + critical + "<g>\n" }
        // Settlements.
        let maxPop = Double(max(1, result.settlements.map(\.population).max() ?? 1))
        s += "</g>\n<g id=\"settlements\" stroke-width=\"0.6\">\n"
        for st in result.settlements {
            let (x, y) = p(st.lonLat)
            if st.status == .unserved {
                s +=
                    "<path d=\"M\(n(x - 4)) \(n(y - 4)) L\(n(x + 4)) \(n(y + 4)) M\(n(x - 4)) \(n(y + 4)) L\(n(x + 4)) \(n(y - 4))\" stroke=\"#d81414\" stroke-width=\"2\"><title>\(esc(st.name)): \(esc(st.reason?.description ?? "unserved"))</title></path>\n"
            } else {
                let i = st.zoneID.flatMap { zoneIndex[$0] } ?? 0
                let r = 1.3 + 5.0 * (Double(st.population) / maxPop).squareRoot()
                s +=
                    "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" fill=\"\(ZonePalette.hex(ZonePalette.color(i)))\" stroke=\"\(ZonePalette.hex(ZonePalette.dark(i)))\"><title>\(esc(st.name)) \(st.population)人</title></circle>\n"
            }
        }
        let isolatable = isolatableSVG(p)
        if !isolatable.isEmpty { s += "</g>\n" + isolatable + "<g>\n" }
        // Facilities: a small dark square per service point, except community centres and others.
        s += "</g>\n<g id=\"facilities\" fill=\"#222\" stroke=\"#fff\" stroke-width=\"0.6\">\n"
        for f in result.facilities ?? [] where ![.communityCentre, .other].contains(f.kind) {
            let (x, y) = p(f.lonLat)
            s +=
                "<rect x=\"\(n(x - 2.5))\" y=\"\(n(y - 2.5))\" width=\"5\" height=\"5\"><title>\(esc(f.name)) (\(esc(f.kind.label)))</title></rect>\n"
        }
        // Cores with labels.
        s += "</g>\n<g id=\"cores\">\n"
        for (i, z) in result.zones.enumerated() {
            let (x, y) = p(z.coreLonLat)
            s +=
                "<rect x=\"\(n(x - 5))\" y=\"\(n(y - 5))\" width=\"10\" height=\"10\" transform=\"rotate(45 \(n(x)) \(n(y)))\" fill=\"\(ZonePalette.hex(ZonePalette.color(i)))\" stroke=\"#000\" stroke-width=\"1.2\"/>\n"
            s +=
                "<text x=\"\(n(x + 8))\" y=\"\(n(y - 6))\" font-size=\"13\" font-weight=\"bold\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">\(esc(z.coreName))</text>\n"
        }
        s += "</g>\n"
        // Scale bar: a round number of km near a fifth of the map width.
        let kmPerPx = 111.32 / scale
        let target = (width - 2 * margin) / 5 * kmPerPx
        let magnitude = pow(10, floor(log10(max(target, 1e-9))))
        let km = [1.0, 2, 5, 10].map { $0 * magnitude }.last(where: { $0 <= target }) ?? magnitude
        let barPx = km / kmPerPx
        let by = height - 18
        s +=
            "<g id=\"scale\"><line x1=\"\(n(margin))\" y1=\"\(n(by))\" x2=\"\(n(margin + barPx))\" y2=\"\(n(by))\" stroke=\"#000\" stroke-width=\"3\"/>"
        s +=
            "<text x=\"\(n(margin + barPx + 6))\" y=\"\(n(by + 4))\" font-size=\"12\">\(km < 1 ? String(format: "%.1f", km) : String(Int(km))) km</text></g>\n"
        // Legend.
        let lx = width + 8
        s += "<g id=\"legend\" font-size=\"12\"><text x=\"\(n(lx))\" y=\"60\" font-weight=\"bold\">zones</text>\n"
        var ly = 78.0
        for (i, z) in result.zones.enumerated() {
            if ly > height - 60 {
                s += "<text x=\"\(n(lx))\" y=\"\(n(ly))\">… \(result.zones.count - i) more</text>\n"
                break
            }
            s +=
                "<rect x=\"\(n(lx))\" y=\"\(n(ly - 10))\" width=\"12\" height=\"12\" fill=\"\(ZonePalette.hex(ZonePalette.color(i)))\" stroke=\"\(ZonePalette.hex(ZonePalette.dark(i)))\"/>"
            s += "<text x=\"\(n(lx + 18))\" y=\"\(n(ly))\">\(esc(z.zoneID)) \(esc(z.coreName)) \(z.population)人</text>\n"
            ly += 17
        }
        if let f = result.facilities, !f.isEmpty {
            s += "<rect x=\"\(n(lx + 3.5))\" y=\"\(n(ly - 6.5))\" width=\"5\" height=\"5\" fill=\"#222\"/>"
            s += "<text x=\"\(n(lx + 18))\" y=\"\(n(ly))\">services (役場, 病院, 診療所, 学校, 郵便局, 店舗)</text>\n"
            ly += 17
        }
        s += riskLegend(x: lx, y: &ly)
        let unserved = result.settlements.filter { $0.status == .unserved }
        if !unserved.isEmpty {
            s +=
                "<path d=\"M\(n(lx + 2)) \(n(ly - 8)) L\(n(lx + 10)) \(n(ly)) M\(n(lx + 2)) \(n(ly)) L\(n(lx + 10)) \(n(ly - 8))\" stroke=\"#d81414\" stroke-width=\"2\"/>"
            s +=
                "<text x=\"\(n(lx + 18))\" y=\"\(n(ly))\">unserved: \(unserved.count) (\(unserved.reduce(0) { $0 + $1.population })人)</text>\n"
        }
        s += "</g>\n</svg>\n"
        return s
    }

    /// `v` with one decimal ("12.3", "-0.5"): what `String(format: "%.1f")` prints, without its
    /// cost (a national map writes millions of coordinates); halves round away from zero.
    static func tenths(_ v: Double) -> String {
        let t = (v * 10).rounded()
        guard t.isFinite, t.magnitude < 1e15 else { return String(format: "%.1f", v) }
        let i = Int64(t)
        let a = i.magnitude
        return (i < 0 ? "-" : "") + String(a / 10) + "." + String(a % 10)
    }

    private func emptyMap() -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"100\"><text x=\"10\" y=\"50\">\(esc(title)): nothing to draw</text></svg>\n"
    }

    func esc(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
