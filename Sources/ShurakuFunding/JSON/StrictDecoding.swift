import Foundation
import ShurakuCore

/// A coding key for any string or index, used to see every key an object really has.
struct AnyCodingKey: CodingKey, Hashable {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    /// An array index; the string form follows JSONDecoder's (`Index 3`) so paths print as `[3]`.
    init(intValue: Int) {
        stringValue = "Index \(intValue)"
        self.intValue = intValue
    }
}

/// A type whose JSON object form has a fixed, documented set of keys.
///
/// Its `init(from:)` calls ``rejectUnknownKeys(in:)`` first, so a misspelt key is an error that
/// names the key's full path instead of being silently ignored.
public protocol StrictlyKeyed {
    /// Every key the JSON object may hold (camelCase); derive it from `CaseIterable` coding keys
    /// (`CodingKeys.allCases.map(\.stringValue)`) so the two cannot drift apart.
    static var knownKeys: [String] { get }
}

extension StrictlyKeyed {
    /// Throws ``FundingError/unknownKey(path:hint:)`` for the first key (in sorted order) that is not in
    /// ``knownKeys``; does nothing when the value is not an object (the typed decode reports that).
    /// Call it first in `init(from:)`; callers' own scenario types may adopt the protocol too.
    public static func rejectUnknownKeys(in decoder: any Decoder) throws {
        guard let container = try? decoder.container(keyedBy: AnyCodingKey.self) else { return }
        let unknown = UnknownKeys(given: container.allKeys.map(\.stringValue), known: knownKeys)
        if let first = unknown.unknown.first {
            throw FundingError.unknownKey(
                path: JSONPath.render(decoder.codingPath + [AnyCodingKey(stringValue: first)]), hint: unknown.hint(first))
        }
    }
}

/// Dotted JSON paths for error messages: `grants.zones.S01.ict`, `capReduction.steps[2].capPercent`.
public enum JSONPath {
    /// Renders a coding path; array elements appear as `[i]`, the root as `$`.
    public static func render(_ path: [any CodingKey]) -> String {
        var out = ""
        for key in path {
            if let i = key.intValue, key.stringValue == "Index \(i)" {
                out += "[\(i)]"
            } else {
                out += out.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return out.isEmpty ? "$" : out
    }
}

/// Decoding a funding type from JSON with every failure turned into a ``FundingError``.
public enum StrictJSON {
    /// Decodes `T` from UTF-8 JSON bytes. Unknown keys, missing keys and wrong types come back as
    /// ``FundingError`` cases that carry the JSON path.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(FundingError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw map(error)
        }
    }

    /// Turns any error thrown while decoding into a ``FundingError`` (for callers that decode a
    /// funding type nested inside their own JSON and want the same messages).
    public static func map(_ error: any Error) -> FundingError {
        if let e = error as? FundingError { return e }
        guard let d = error as? DecodingError else { return .malformedJSON(reason: String(describing: error)) }
        switch d {
        case .typeMismatch(let type, let ctx):
            return .wrongType(path: JSONPath.render(ctx.codingPath), expected: jsonTypeName(type))
        case .valueNotFound(let type, let ctx):
            return .wrongType(path: JSONPath.render(ctx.codingPath), expected: jsonTypeName(type) + " (not null)")
        case .keyNotFound(let key, let ctx):
            return .missingKey(path: JSONPath.render(ctx.codingPath + [key]))
        case .dataCorrupted(let ctx):
            if ctx.codingPath.isEmpty {
                return .malformedJSON(reason: ctx.debugDescription)
            }
            return .invalidValue(path: JSONPath.render(ctx.codingPath), reason: ctx.debugDescription)
        @unknown default:
            return .malformedJSON(reason: String(describing: d))
        }
    }

    private static func jsonTypeName(_ type: Any.Type) -> String {
        switch type {
        case is Bool.Type: "a boolean"
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type, is UInt64.Type: "an integer"
        case is Double.Type: "a number"
        default:
            switch String(describing: type) {
            case let name where name.hasPrefix("Dictionary"): "an object"
            case let name where name.hasPrefix("Array"): "an array"
            case let name: "a value of type \(name)"
            }
        }
    }
}
