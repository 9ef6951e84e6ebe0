/// Small deterministic text helpers shared by the renderers (no locale, no floating point).
enum TextFormat {
    /// `num / den` as a percentage with one decimal, rounded half up: `88.9`; `0.0` when den is 0.
    static func percent(_ num: Int, _ den: Int) -> String {
        guard den > 0 else { return "0.0" }
        let tenths = (num * 2000 + den) / (2 * den)  // round(num × 1000 / den)
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// `num / den` as a decimal fraction with four places, rounded half up: `0.8889`.
    static func fraction(_ num: Int, _ den: Int) -> String {
        guard den > 0 else { return "0.0000" }
        let units = (num * 20000 + den) / (2 * den)
        let frac = String(units % 10000)
        return "\(units / 10000)." + String(repeating: "0", count: 4 - frac.count) + frac
    }

    /// A CSV field, quoted when it holds a comma, quote, CR or LF (RFC 4180).
    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Text safe inside a Markdown table cell.
    static func markdownCell(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
    }

    /// A JSON string literal.
    static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}

/// A value in the summary: rendered the same way by every format.
enum SummaryValue {
    case int(Int)
    case yen(Int)
    case text(String)
    /// A machine value (CSV/JSON) with a human label (Markdown).
    case code(String, label: String)
    case bool(Bool)
    /// A ratio shown as a percentage in Markdown and a 4-place fraction in CSV and JSON.
    case ratio(Int, Int)

    var markdown: String {
        switch self {
        case .int(let v): Yen.format(v)
        case .yen(let v): Yen.format(v) + " yen"
        case .text(let s): TextFormat.markdownCell(s)
        case .code(_, let label): TextFormat.markdownCell(label)
        case .bool(let b): b ? "yes" : "no"
        case .ratio(let n, let d): TextFormat.percent(n, d) + " %"
        }
    }

    var csv: String {
        switch self {
        case .int(let v), .yen(let v): String(v)
        case .text(let s), .code(let s, _): TextFormat.csvField(s)
        case .bool(let b): b ? "true" : "false"
        case .ratio(let n, let d): TextFormat.fraction(n, d)
        }
    }

    var json: String {
        switch self {
        case .int(let v), .yen(let v): String(v)
        case .text(let s), .code(let s, _): TextFormat.jsonString(s)
        case .bool(let b): b ? "true" : "false"
        case .ratio(let n, let d): TextFormat.fraction(n, d)
        }
    }
}
