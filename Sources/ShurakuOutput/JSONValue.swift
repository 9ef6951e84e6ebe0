import Foundation

/// A JSON tree, encoded with sorted keys so that the same value always gives the same bytes.
public indirect enum JSONValue: Encodable, Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case int(Int64)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let d): if d.isFinite { try c.encode(d) } else { try c.encodeNil() }
        case .int(let i): try c.encode(i)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    /// Pretty-printed UTF-8 JSON with sorted keys and a final newline.
    public func rendered() throws -> Data {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try enc.encode(self)
        data.append(0x0A)
        return data
    }

    /// A number rounded to `digits` decimals (no float noise in outputs).
    public static func rounded(_ d: Double, _ digits: Int) -> JSONValue {
        let p = pow(10.0, Double(digits))
        return .number((d * p).rounded() / p)
    }
}
