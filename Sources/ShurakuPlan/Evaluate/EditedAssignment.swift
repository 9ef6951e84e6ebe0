import Foundation
import ShurakuCore
import ShurakuGeo

/// A planner's edits of a plan: the plan's `settlements` layer as saved after changing `zone_id`
/// and `is_core` (in QGIS, or with any GIS), one entry per settlement.
///
/// ```swift
/// let edited = try EditedAssignment.read("out/noto/plan.gpkg:settlements", planZones: saved.zones.map(\.zoneID))
/// ```
public struct EditedAssignment: Sendable {
    /// One settlement as the planner left it.
    public struct Entry: Sendable, Hashable {
        /// Its id (`settlement_id`).
        public var settlementID: String
        /// The zone the planner put it in (`zone_id`); nil: in no zone.
        public var zoneID: String?
        /// Whether the planner marks it as its zone's core (`is_core`).
        public var isCore: Bool
        /// The layer's `reason`, when it has one (why the plan left it unserved).
        public var reason: String?
        /// The feature in messages: "feature 12 (settlement_id 17463001001)".
        public var feature: String

        public init(settlementID: String, zoneID: String?, isCore: Bool, reason: String? = nil, feature: String) {
            self.settlementID = settlementID
            self.zoneID = zoneID
            self.isCore = isCore
            self.reason = reason
            self.feature = feature
        }
    }

    /// The edited layer (`path` or `path:layer`), for messages and `plan.json`.
    public var source: String
    /// One entry per feature, in the layer's order.
    public var entries: [Entry]

    public init(source: String, entries: [Entry]) {
        self.source = source
        self.entries = entries
    }

    /// The fields an edited layer must have.
    public static let requiredFields = ["settlement_id", "zone_id", "is_core"]

    /// Reads an edited settlements layer (any OGR source; `path:layer` picks a layer).
    ///
    /// `zone_id` is text; a whole number in a numeric field is taken as its digits, unless the
    /// plan has a zone whose id ends in that number ("Z03" for 3), which would be a guess: then it
    /// is bad input, as is a number with a fraction. `is_core` takes booleans, 0/1 and
    /// true/false/yes/no; empty is false. Every problem names the file, the feature and the field.
    ///
    /// - Parameters:
    ///   - source: the layer, `path` or `path:layer`.
    ///   - planZones: the plan's zone ids, to tell a new zone from a mistyped one.
    public static func read(_ source: String, planZones: [String]) throws(ShurakuError) -> EditedAssignment {
        let spec = SourceSpec(parsing: source)
        guard FileManager.default.fileExists(atPath: spec.path) else { throw .badInput(file: spec.path, "no such file") }
        let layer: VectorLayer
        do {
            layer = try VectorReader.read(spec, allowEmpty: true)
        } catch {
            throw .badInput(file: source, "cannot read the edited settlements: \(error)")
        }
        return try parse(layer, source: source, planZones: planZones)
    }

    /// The entries of a layer already read.
    public static func parse(_ layer: VectorLayer, source: String, planZones: [String]) throws(ShurakuError) -> EditedAssignment {
        let missing = requiredFields.filter { layer.fieldIndex($0) == nil }
        guard missing.isEmpty else {
            throw .invalid(
                missing.map {
                    Problem(file: source, field: $0, message: "no such field: the edited layer must be the plan's settlements layer")
                })
        }
        let known = Set(planZones)
        var problems: [Problem] = []
        var entries: [Entry] = []
        var firstSeen: [String: Int] = [:]
        for (i, f) in layer.features.enumerated() {
            let idText = layer.value(f, "settlement_id").text?.trimmingCharacters(in: .whitespaces) ?? ""
            let feature = "feature \(i + 1)" + (idText.isEmpty ? "" : " (settlement_id \(idText))")
            func problem(_ field: String, _ value: String?, _ message: String) {
                problems.append(Problem(file: source, feature: feature, field: field, value: value, message: message))
            }
            if idText.isEmpty {
                problem("settlement_id", nil, "settlement_id is missing")
                continue
            }
            if let first = firstSeen[idText] {
                problem("settlement_id", idText, "duplicate settlement_id '\(idText)' (also feature \(first + 1))")
                continue
            }
            firstSeen[idText] = i
            let zone: String?
            switch zoneID(layer.value(f, "zone_id"), known: known, planZones: planZones) {
            case .success(let z): zone = z
            case .failure(let e):
                problem("zone_id", layer.value(f, "zone_id").text, e.message)
                continue
            }
            guard let core = flag(layer.value(f, "is_core")) else {
                problem(
                    "is_core", layer.value(f, "is_core").text, "is_core must be true or false (1 or 0), got '\(layer.value(f, "is_core"))'")
                continue
            }
            let reason = layer.fieldIndex("reason") == nil ? nil : layer.value(f, "reason").text.flatMap { $0.isEmpty ? nil : $0 }
            entries.append(Entry(settlementID: idText, zoneID: zone, isCore: core, reason: reason, feature: feature))
        }
        guard problems.isEmpty else { throw .invalid(problems) }
        return EditedAssignment(source: source, entries: entries)
    }

    struct ValueError: Error {
        var message: String
    }

    /// A `zone_id` value as text (nil: no zone).
    static func zoneID(_ v: FieldValue, known: Set<String>, planZones: [String]) -> Result<String?, ValueError> {
        let number: Int64
        switch v {
        case .null: return .success(nil)
        case .string(let s):
            let t = s.trimmingCharacters(in: .whitespaces)
            return .success(t.isEmpty ? nil : t)
        case .integer(let i): number = i
        case .real(let d):
            guard d.isFinite, d == d.rounded(), abs(d) < 1e15 else {
                return .failure(ValueError(message: "zone_id \(v) is not a zone id: zone ids are text, e.g. \(planZones.first ?? "Z01")"))
            }
            number = Int64(d)
        }
        let text = String(number)
        if known.contains(text) { return .success(text) }
        // "3" where the plan has "Z03": which zone was meant is a guess.
        if let like = planZones.first(where: { trailingNumber($0) == number }) {
            return .failure(
                ValueError(message: "zone_id \(number) is a number, and the plan's zone \(like) ends in it: write the zone id as text"))
        }
        return .success(text)
    }

    /// The number a zone id ends in ("Z03" → 3), if it ends in digits.
    static func trailingNumber(_ id: String) -> Int64? {
        let digits = id.reversed().prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : Int64(String(digits.reversed()))
    }

    /// An `is_core` value as a flag; nil when it is not one.
    static func flag(_ v: FieldValue) -> Bool? {
        switch v {
        case .null: return false
        case .integer(let i): return i == 0 ? false : i == 1 ? true : nil
        case .real(let d): return d == 0 ? false : d == 1 ? true : nil
        case .string(let s):
            switch s.trimmingCharacters(in: .whitespaces).lowercased() {
            case "", "0", "false", "f", "no", "n": return false
            case "1", "true", "t", "yes", "y": return true
            default: return nil
            }
        }
    }
}
