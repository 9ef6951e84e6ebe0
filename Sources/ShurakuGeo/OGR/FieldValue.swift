/// The type of an attribute field as OGR reports it.
public enum FieldType: String, Sendable, Codable, Hashable {
    /// Written as an integer with OGR's boolean subtype (true/false in GeoJSON); values are
    /// `.integer(0)` / `.integer(1)`.
    case boolean
    case integer, real, string, date, other
}

/// One attribute field of a layer.
public struct FieldInfo: Hashable, Sendable {
    public var name: String
    public var type: FieldType

    public init(name: String, type: FieldType) {
        self.name = name
        self.type = type
    }
}

/// One attribute value.
public enum FieldValue: Hashable, Sendable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case string(String)

    public var isNull: Bool { self == .null }

    /// The value as text (nil for null). Reals print without a trailing ".0" when whole.
    public var text: String? {
        switch self {
        case .null: nil
        case .integer(let i): String(i)
        case .real(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .string(let s): s
        }
    }

    /// The value as a number, parsing text leniently: surrounding spaces, thousands separators
    /// ("1,234"), full-width digits ("１２３") are accepted. Nil for null, empty or non-numeric text.
    public var number: Double? {
        switch self {
        case .null: return nil
        case .integer(let i): return Double(i)
        case .real(let d): return d
        case .string(let s): return FieldValue.parseNumber(s)
        }
    }

    public var description: String { text ?? "null" }

    /// Lenient number parsing used for text fields (CSV columns are read as text).
    public static func parseNumber(_ raw: String) -> Double? {
        var s = ""
        s.reserveCapacity(raw.utf8.count)
        for ch in raw.unicodeScalars {
            switch ch.value {
            case 0xFF10...0xFF19: s.unicodeScalars.append(Unicode.Scalar(ch.value - 0xFF10 + 0x30) ?? ch)
            case 0xFF0E: s.append(".")
            case 0xFF0D, 0x2212: s.append("-")
            case 0x2C, 0xFF0C: continue  // thousands separator
            default: s.unicodeScalars.append(ch)
            }
        }
        var t = Substring(s)
        while let f = t.first, f.isWhitespace { t.removeFirst() }
        while let l = t.last, l.isWhitespace { t.removeLast() }
        if t.isEmpty { return nil }
        // Reject what Double(String) accepts but data never means: "nan", "inf", hex floats.
        if t.contains(where: { "nNiIxXpP".contains($0) }) { return nil }
        return Double(t)
    }
}
