import ShurakuCore

/// Compact GeoJSON text for the map embedded in `report.html`: keys sorted, coordinates with at
/// most `digits` decimals (7, as the `.geojson` outputs; fewer for a simplified map), repeated
/// points after rounding dropped. Rounding to a grid keeps the edges two zones share identical.
struct ReportGeoJSON {
    /// A property value.
    enum Value {
        case text(String)
        case int(Int64)
        /// A number already formatted (e.g. ``ReportText/decimal(_:_:)``).
        case number(String)
        case bool(Bool)
        case null
    }

    let digits: Int

    /// The properties object, keys sorted.
    static func properties(_ props: [(String, Value)], into out: inout String) {
        out += "{"
        for (i, (key, value)) in props.sorted(by: { $0.0 < $1.0 }).enumerated() {
            if i > 0 { out += "," }
            ReportText.jsonString(key, into: &out)
            out += ":"
            switch value {
            case .text(let s): ReportText.jsonString(s, into: &out)
            case .int(let n): out += String(n)
            case .number(let s): out += s
            case .bool(let b): out += b ? "true" : "false"
            case .null: out += "null"
            }
        }
        out += "}"
    }

    /// A FeatureCollection of `count` features, each written by `feature(i, &out)` (which
    /// returns false to leave feature `i` out, having written nothing).
    static func collection(_ count: Int, into out: inout String, _ feature: (Int, inout String) -> Bool) {
        out += "{\"features\":["
        var first = true
        for i in 0..<count {
            var f = ""
            guard feature(i, &f) else { continue }
            if !first { out += "," }
            first = false
            out += f
        }
        out += "],\"type\":\"FeatureCollection\"}"
    }

    /// One feature: `{"geometry":…,"properties":…,"type":"Feature"}`.
    static func feature(geometry: String, _ props: [(String, Value)], into out: inout String) {
        out += "{\"geometry\":" + geometry + ",\"properties\":"
        properties(props, into: &out)
        out += ",\"type\":\"Feature\"}"
    }

    func point(_ p: XY) -> String {
        "{\"coordinates\":[" + ReportText.decimal(p.x, digits) + "," + ReportText.decimal(p.y, digits) + "],\"type\":\"Point\"}"
    }

    /// A LineString, nil when fewer than two distinct points remain.
    func lineString(_ points: [XY]) -> String? {
        let coords = rounded(points)
        guard coords.count >= 2 else { return nil }
        return "{\"coordinates\":[" + coords.joined(separator: ",") + "],\"type\":\"LineString\"}"
    }

    /// A MultiPolygon of `g`'s polygons; rings with fewer than three distinct points after
    /// rounding are dropped (a polygon whose outer ring goes, whole); nil when nothing remains.
    func multiPolygon(_ g: Geometry) -> String? {
        var polygons: [String] = []
        for poly in g.polygonParts {
            var rings: [String] = []
            for (k, ring) in poly.enumerated() {
                var coords = rounded(ring)
                if coords.count > 1 && coords.first == coords.last { coords.removeLast() }
                guard coords.count >= 3 else {
                    if k == 0 { break } else { continue }
                }
                coords.append(coords[0])
                rings.append("[" + coords.joined(separator: ",") + "]")
            }
            if !rings.isEmpty { polygons.append("[" + rings.joined(separator: ",") + "]") }
        }
        guard !polygons.isEmpty else { return nil }
        return "{\"coordinates\":[" + polygons.joined(separator: ",") + "],\"type\":\"MultiPolygon\"}"
    }

    /// The points as `[x,y]` texts, consecutive repeats (after rounding) dropped.
    private func rounded(_ points: [XY]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(points.count)
        for p in points {
            let c = "[" + ReportText.decimal(p.x, digits) + "," + ReportText.decimal(p.y, digits) + "]"
            if out.last != c { out.append(c) }
        }
        return out
    }
}
