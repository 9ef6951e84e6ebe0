import ShurakuInput

/// How much each kind of service counts towards a settlement's core score.
///
/// Defaults (a scenario's `facilityWeights` overrides any of them):
/// - 役場 (town hall and its 支所) 3, 病院 3: the services that most mark a 基幹集落 and are the
///   hardest to replace: administration, and inpatient and emergency care.
/// - 学校 2, 診療所 2, 店舗 2: the daily needs the 集落ネットワーク圏 programme keeps alive (primary
///   care, 買物機能); a school also marks the centre of the 小学校区 a zone is sized after.
/// - 郵便局 1, 公民館・集会所 1: useful (post and banking; a place for 高齢者サロン), but found in
///   most villages, so they tell cores apart less.
/// - その他 0: not counted.
///
/// Weights are whole numbers ≥ 0, so scores compare exactly and sum without rounding.
public struct FacilityWeights: Sendable, Hashable, Codable {
    public private(set) var weights: [FacilityKind: Int]

    /// The documented defaults.
    public static let `default` = FacilityWeights(uncheckedWeights: [
        .townHall: 3, .hospital: 3, .school: 2, .clinic: 2, .shop: 2, .postOffice: 1, .communityCentre: 1, .other: 0,
    ])

    private init(uncheckedWeights: [FacilityKind: Int]) { weights = uncheckedWeights }

    /// The defaults with `overrides` (kind name → weight, e.g. `["shop": 3]`) applied. Unknown
    /// kind names and negative weights are bad input, each reported.
    public init(overriding overrides: [String: Int], source: String = "facilityWeights") throws(InputError) {
        var w = FacilityWeights.default.weights
        var problems: [InputProblem] = []
        for (key, value) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let kind = FacilityKind(rawValue: key) else {
                problems.append(
                    InputProblem(
                        file: source, field: key,
                        message: "not a facility kind; kinds are \(FacilityKind.allCases.map(\.rawValue).joined(separator: ", "))"))
                continue
            }
            guard value >= 0, value <= 1_000_000 else {
                problems.append(InputProblem(file: source, field: key, message: "weight must be 0 … 1,000,000 (\(value))"))
                continue
            }
            w[kind] = value
        }
        guard problems.isEmpty else { throw InputError.invalid(problems) }
        weights = w
    }

    /// The weight of `kind` (0 when not set).
    public subscript(kind: FacilityKind) -> Int { weights[kind] ?? 0 }

    /// Encoded as an object keyed by kind name, in kind order: `{"townhall": 3, …}`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: KindKey.self)
        for k in FacilityKind.allCases { try c.encode(self[k], forKey: KindKey(k.rawValue)) }
    }

    /// Decodes an object keyed by kind name; missing kinds keep their default.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: KindKey.self)
        var overrides: [String: Int] = [:]
        for key in c.allKeys { overrides[key.stringValue] = try c.decode(Int.self, forKey: key) }
        do {
            try self.init(overriding: overrides)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription: error.description))
        }
    }

    private struct KindKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
