import Foundation

/// Which 集落ネットワーク圏 zones use specialist staff (専門人材) and ICT: a scenario setting.
///
/// JSON form (camelCase keys; every key optional; any other key is rejected with its path):
/// ```json
/// {
///   "defaults": { "specialistStaff": false, "ict": false },
///   "zones": { "S012": { "specialistStaff": true }, "S040": { "ict": true } },
///   "appBookedBusCountsAsICT": false
/// }
/// ```
/// - `defaults`: features of every zone without an override (neither, when absent).
/// - `zones`: overrides keyed by the zone's core settlement id; a key left out of an override
///   falls back to `defaults`.
/// - `appBookedBusCountsAsICT`: when true, a zone whose plan includes an app-booked demand bus
///   counts as using ICT even if its settings say no (false when absent).
public struct GrantPolicy: Codable, Sendable, Hashable, StrictlyKeyed {
    public var defaults: GrantFeatures
    public var zones: [String: GrantFeatureOverride]
    public var appBookedBusCountsAsICT: Bool

    public static let knownKeys = CodingKeys.allCases.map(\.stringValue)

    /// No zone uses specialist staff or ICT; an app-booked bus does not count as ICT.
    public static let none = GrantPolicy()

    public init(
        defaults: GrantFeatures = GrantFeatures(),
        zones: [String: GrantFeatureOverride] = [:],
        appBookedBusCountsAsICT: Bool = false
    ) {
        self.defaults = defaults
        self.zones = zones
        self.appBookedBusCountsAsICT = appBookedBusCountsAsICT
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case defaults, zones, appBookedBusCountsAsICT }

    public init(from decoder: any Decoder) throws {
        try Self.rejectUnknownKeys(in: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        defaults = try c.decodeIfPresent(GrantFeatures.self, forKey: .defaults) ?? GrantFeatures()
        zones = try c.decodeIfPresent([String: GrantFeatureOverride].self, forKey: .zones) ?? [:]
        appBookedBusCountsAsICT = try c.decodeIfPresent(Bool.self, forKey: .appBookedBusCountsAsICT) ?? false
    }

    /// Decodes a policy from JSON bytes; errors name the offending JSON path.
    public static func decode(from data: Data) throws(FundingError) -> GrantPolicy {
        try StrictJSON.decode(GrantPolicy.self, from: data)
    }

    /// The features that apply to a zone, and whether they came from a per-zone override.
    public func features(coreID: String) -> (features: GrantFeatures, overridden: Bool) {
        guard let o = zones[coreID] else { return (defaults, false) }
        return (
            GrantFeatures(specialistStaff: o.specialistStaff ?? defaults.specialistStaff, ict: o.ict ?? defaults.ict),
            true
        )
    }

    /// Override keys that name no core in `coreIDs`, sorted (likely typos in the scenario).
    public func unmatchedZoneIDs(coreIDs: some Sequence<String>) -> [String] {
        let known = Set(coreIDs)
        return zones.keys.filter { !known.contains($0) }.sorted()
    }
}

/// Whether a zone's project uses specialist staff and ICT. JSON keys: `specialistStaff`, `ict`
/// (both optional, false when absent).
public struct GrantFeatures: Codable, Sendable, Hashable, StrictlyKeyed {
    public var specialistStaff: Bool
    public var ict: Bool

    public static let knownKeys = CodingKeys.allCases.map(\.stringValue)

    public init(specialistStaff: Bool = false, ict: Bool = false) {
        self.specialistStaff = specialistStaff
        self.ict = ict
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case specialistStaff, ict }

    public init(from decoder: any Decoder) throws {
        try Self.rejectUnknownKeys(in: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        specialistStaff = try c.decodeIfPresent(Bool.self, forKey: .specialistStaff) ?? false
        ict = try c.decodeIfPresent(Bool.self, forKey: .ict) ?? false
    }
}

/// A per-zone override: keys left nil fall back to the policy's defaults. JSON keys:
/// `specialistStaff`, `ict` (both optional).
public struct GrantFeatureOverride: Codable, Sendable, Hashable, StrictlyKeyed {
    public var specialistStaff: Bool?
    public var ict: Bool?

    public static let knownKeys = CodingKeys.allCases.map(\.stringValue)

    public init(specialistStaff: Bool? = nil, ict: Bool? = nil) {
        self.specialistStaff = specialistStaff
        self.ict = ict
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case specialistStaff, ict }

    public init(from decoder: any Decoder) throws {
        try Self.rejectUnknownKeys(in: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        specialistStaff = try c.decodeIfPresent(Bool.self, forKey: .specialistStaff)
        ict = try c.decodeIfPresent(Bool.self, forKey: .ict)
    }
}
