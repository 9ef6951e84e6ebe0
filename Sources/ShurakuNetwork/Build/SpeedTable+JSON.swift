import Foundation
import ShurakuCore

/// Reading a speed table from JSON.
///
/// Format (every key optional; unknown keys are an error so that typos do not pass silently):
/// ```json
/// {
///   "replaceDefaults": false,
///   "defaultKmh": 30,
///   "maxspeedFactor": 0.8,
///   "speedsKmh": { "国道": 45, "residential": 20, "my_class": 35 },
///   "aliases": { "一般県道": "都道府県道", "N01_001=2": "国道" },
///   "excluded": ["track"],
///   "classFields": ["highway", "road_class"]
/// }
/// ```
/// With `replaceDefaults` false (the default) the entries are merged over
/// ``SpeedTable/standard`` (`speedsKmh`/`aliases` per key, `excluded` added to, `classFields`
/// replaced when given); with true the table holds only what the file says. Speeds must be
/// numbers in (0, 300] km/h, `maxspeedFactor` in (0, 2]; class names and fields non-empty.
extension SpeedTable {
    /// Parse a speed table from JSON bytes. Any input gives a table or
    /// ``NetworkError/invalidSpeedTable(reason:)``; it never traps.
    public static func parse(json data: Data) throws(NetworkError) -> SpeedTable {
        guard data.count <= 4 << 20 else { throw .invalidSpeedTable(reason: "file larger than 4 MB") }
        let file: SpeedTableFile
        do {
            file = try JSONDecoder().decode(SpeedTableFile.self, from: data)
        } catch let e as NetworkError {
            throw e
        } catch let e as DecodingError {
            throw .invalidSpeedTable(reason: describe(e))
        } catch {
            throw .invalidSpeedTable(reason: "not valid JSON")
        }
        return try file.table()
    }

    /// Read and parse a speed table file.
    public static func load(contentsOf url: URL) throws(NetworkError) -> SpeedTable {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .invalidSpeedTable(reason: "cannot read \(url.path)")
        }
        do {
            return try parse(json: data)
        } catch {
            guard case .invalidSpeedTable(let reason) = error else { throw error }
            throw .invalidSpeedTable(reason: "\(url.path): \(reason)")
        }
    }

    private static func describe(_ e: DecodingError) -> String {
        func path(_ c: DecodingError.Context) -> String {
            let p = c.codingPath.map(\.stringValue).joined(separator: ".")
            return p.isEmpty ? "" : " at '\(p)'"
        }
        switch e {
        case .typeMismatch(_, let c): return "wrong type\(path(c))"
        case .valueNotFound(_, let c): return "missing value\(path(c))"
        case .keyNotFound(let k, let c): return "missing key '\(k.stringValue)'\(path(c))"
        case .dataCorrupted(let c): return "not valid JSON\(path(c))"
        @unknown default: return "not valid JSON"
        }
    }
}

/// The JSON document, decoded key by key so that unknown keys can be rejected.
struct SpeedTableFile: Decodable {
    var replaceDefaults = false
    var defaultKmh: Double?
    var maxspeedFactor: Double?
    var speedsKmh: [String: Double] = [:]
    var aliases: [String: String] = [:]
    var excluded: [String] = []
    var classFields: [String]?

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static let knownKeys: Set<String> = [
        "replaceDefaults", "defaultKmh", "maxspeedFactor", "speedsKmh", "aliases", "excluded", "classFields",
    ]

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let unknown = UnknownKeys(given: c.allKeys.map(\.stringValue), known: Self.knownKeys.sorted())
        if let k = unknown.unknown.first {
            throw NetworkError.invalidSpeedTable(reason: "unknown key '\(k)'" + unknown.hint(k))
        }
        func opt<T: Decodable>(_ name: String, _ t: T.Type) throws -> T? {
            try c.decodeIfPresent(T.self, forKey: Key(stringValue: name))
        }
        replaceDefaults = try opt("replaceDefaults", Bool.self) ?? false
        defaultKmh = try opt("defaultKmh", Double.self)
        maxspeedFactor = try opt("maxspeedFactor", Double.self)
        speedsKmh = try opt("speedsKmh", [String: Double].self) ?? [:]
        aliases = try opt("aliases", [String: String].self) ?? [:]
        excluded = try opt("excluded", [String].self) ?? []
        classFields = try opt("classFields", [String].self)
    }

    func table() throws(NetworkError) -> SpeedTable {
        func checkSpeed(_ name: String, _ v: Double) throws(NetworkError) {
            guard v.isFinite, v > 0, v <= 300 else {
                throw .invalidSpeedTable(reason: "speed for '\(name)' must be in (0, 300] km/h, got \(v)")
            }
        }
        func checkName(_ what: String, _ s: String) throws(NetworkError) {
            guard !s.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw .invalidSpeedTable(reason: "empty \(what)")
            }
        }
        var t =
            replaceDefaults
            ? SpeedTable(speedsKmh: [:], classFields: SpeedTable.standard.classFields, defaultKmh: 30)
            : SpeedTable.standard
        for (k, v) in speedsKmh.sorted(by: { $0.key < $1.key }) {
            try checkName("class name", k)
            try checkSpeed(k, v)
            t.speedsKmh[k] = v
        }
        for (k, v) in aliases.sorted(by: { $0.key < $1.key }) {
            try checkName("alias", k)
            try checkName("alias target", v)
            t.aliases[k] = v
        }
        for e in excluded {
            try checkName("excluded class", e)
            t.excluded.insert(e)
        }
        if let f = classFields {
            guard !f.isEmpty else { throw .invalidSpeedTable(reason: "classFields is empty") }
            for name in f { try checkName("class field", name) }
            t.classFields = f
        }
        if let d = defaultKmh {
            try checkSpeed("defaultKmh", d)
            t.defaultKmh = d
        }
        if let m = maxspeedFactor {
            guard m.isFinite, m > 0, m <= 2 else {
                throw .invalidSpeedTable(reason: "maxspeedFactor must be in (0, 2], got \(m)")
            }
            t.maxspeedFactor = m
        }
        return t
    }
}
