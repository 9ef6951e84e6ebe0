import Foundation
import ShurakuCore

/// Text helpers of `report.html`: HTML escaping, compact JSON for the embedded map data, and
/// numbers as the page prints them. Everything here gives the same bytes for the same values.
enum ReportText {
    /// A zone's card anchor (`card-…`): HTML ids hold no whitespace, so `--group-by` values with
    /// spaces become underscores (the page script does the same).
    static func anchor(_ zoneID: String) -> String {
        "card-" + html(String(zoneID.map { $0.isWhitespace ? "_" : $0 }))
    }

    /// `s` safe in HTML text and in double-quoted attribute values.
    static func html(_ s: String) -> String {
        guard s.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "'" }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// `s` as a JSON string literal that is also safe inside an HTML `<script>` element: `<`, `>`
    /// and `&` are escaped, as are the line separators JavaScript once refused in strings.
    static func jsonString(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }

    /// `v` with at most `digits` decimals, trailing zeros dropped ("137.15", "-0.5", "3"): how
    /// the GeoJSON outputs print coordinates (7 decimals there). Halves round away from zero.
    static func decimal(_ v: Double, _ digits: Int) -> String {
        var scale = 1.0
        var unit: UInt64 = 1
        for _ in 0..<digits {
            scale *= 10
            unit *= 10
        }
        let t = (v * scale).rounded()
        guard t.isFinite, t.magnitude < 9e15 else { return v.isFinite ? String(v) : "null" }
        let a = UInt64(t.magnitude)
        var s = (t < 0 ? "-" : "") + String(a / unit)
        var frac = a % unit
        if frac > 0 {
            var width = digits
            while frac % 10 == 0 {
                frac /= 10
                width -= 1
            }
            let f = String(frac)
            s += "." + String(repeating: "0", count: width - f.count) + f
        }
        return s
    }

    /// People: "3,822人".
    static func people(_ n: Int64) -> String { groupedDigits(n) + "人" }

    /// Yen: "15,000,000円".
    static func yen(_ n: Int64) -> String { groupedDigits(n) + "円" }

    /// Minutes with one decimal: "12.3分".
    static func minutes(_ m: Double) -> String { MapSVG.tenths(m) + "分" }

    /// Kilometres with one decimal: "23.4 km".
    static func km(_ k: Double) -> String { MapSVG.tenths(k) + " km" }

    /// A number with the settings' own format (`%g`): "30", "2.5".
    static func setting(_ d: Double) -> String { String(format: "%g", d) }
}
