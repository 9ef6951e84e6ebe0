/// How the per-worker eligible cost cap shrinks when the workers' utilisation is below 80 %.
///
/// The published summary says only that the cap is reduced step by step with the rate, so the
/// rule is a setting. JSON: `"proportional"`, `"none"`, or
/// `{"steps": [{"atLeastPercent": 70, "capPercent": 90}, {"atLeastPercent": 60, "capPercent": 75}]}`.
public enum CapReductionRule: Sendable, Hashable, Codable {
    /// cap × utilisation / 80 % (the default).
    case proportional
    /// No reduction.
    case none
    /// Below 80 %, the step with the highest `atLeastPercent` that the utilisation reaches
    /// gives the cap as `capPercent` of the full cap; below every step the cap is 0.
    case steps([CapStep])

    /// Name and formula, as printed in reports.
    public var summary: String {
        switch self {
        case .proportional: "proportional (cap × utilisation ÷ 80 %)"
        case .none: "none (no reduction)"
        case .steps(let steps):
            "steps ("
                + steps.sorted { $0.atLeastPercent > $1.atLeastPercent }
                .map { "≥ \($0.atLeastPercent) %: \($0.capPercent) % of cap" }
                .joined(separator: ", ") + ", lower: 0)"
        }
    }

    /// Short name: `proportional`, `none` or `steps`.
    public var name: String {
        switch self {
        case .proportional: "proportional"
        case .none: "none"
        case .steps: "steps"
        }
    }

    private enum StepsKey: String, CodingKey { case steps }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let name = try? single.decode(String.self) {
            switch name {
            case "proportional": self = .proportional
            case "none": self = .none
            default:
                throw FundingError.invalidValue(
                    path: JSONPath.render(decoder.codingPath),
                    reason: "'\(name)' is not a cap reduction rule (proportional, none, or {\"steps\": [...]})"
                )
            }
            return
        }
        try StepsObject.rejectUnknownKeys(in: decoder)
        let c = try decoder.container(keyedBy: StepsKey.self)
        let steps = try c.decode([CapStep].self, forKey: .steps)
        var seen = Set<Int>()
        for (i, s) in steps.enumerated() where !seen.insert(s.atLeastPercent).inserted {
            throw FundingError.invalidValue(
                path: JSONPath.render(decoder.codingPath + [StepsKey.steps, AnyCodingKey(intValue: i)]),
                reason: "atLeastPercent \(s.atLeastPercent) given twice"
            )
        }
        self = .steps(steps)
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .proportional, .none:
            var c = encoder.singleValueContainer()
            try c.encode(name)
        case .steps(let steps):
            var c = encoder.container(keyedBy: StepsKey.self)
            try c.encode(steps, forKey: .steps)
        }
    }

    private enum StepsObject: StrictlyKeyed { static let knownKeys = ["steps"] }

    /// The per-worker cap after reduction. Utilisation at or above 80 % (or unknown) keeps the
    /// full cap. Rounds down to whole yen. Nil on overflow.
    func reducedCap(_ cap: Int, utilisation u: Utilisation) -> Int? {
        guard !u.isAtLeast(ShareRule.numerator, over: ShareRule.denominator) else { return cap }
        switch self {
        case .none:
            return cap
        case .proportional:
            // cap × (worked / available) / (4/5) = cap × 5·worked / (4·available)
            let (num, o1) = u.workedHours.multipliedReportingOverflow(by: ShareRule.denominator)
            let (den, o2) = u.availableHours.multipliedReportingOverflow(by: ShareRule.numerator)
            guard !o1, !o2 else { return nil }
            return Yen.mulDiv(cap, num, den)
        case .steps(let steps):
            let step = steps.filter { u.isAtLeast($0.atLeastPercent, over: 100) }.max { $0.atLeastPercent < $1.atLeastPercent }
            return Yen.mulDiv(cap, step?.capPercent ?? 0, 100)
        }
    }
}

/// One step of a ``CapReductionRule/steps(_:)`` rule. JSON keys: `atLeastPercent`, `capPercent`
/// (integers 0...100, both required).
public struct CapStep: Sendable, Hashable, Codable, StrictlyKeyed {
    public let atLeastPercent: Int
    public let capPercent: Int

    public static let knownKeys = CodingKeys.allCases.map(\.stringValue)

    public init(atLeastPercent: Int, capPercent: Int) {
        self.atLeastPercent = atLeastPercent
        self.capPercent = capPercent
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case atLeastPercent, capPercent }

    public init(from decoder: any Decoder) throws {
        try Self.rejectUnknownKeys(in: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        atLeastPercent = try c.decode(Int.self, forKey: .atLeastPercent)
        capPercent = try c.decode(Int.self, forKey: .capPercent)
        for (key, v) in [(CodingKeys.atLeastPercent, atLeastPercent), (.capPercent, capPercent)] where !(0...100).contains(v) {
            throw FundingError.invalidValue(path: JSONPath.render(decoder.codingPath + [key]), reason: "\(v) is outside 0...100")
        }
    }
}

extension CapReductionRule {
    /// Parses a command-line spelling: `proportional`, `none`, or `steps:70=90,60=75` (at least
    /// 70 % utilisation → 90 % of the cap, at least 60 % → 75 %, lower → 0).
    public init(argument: String) throws(FundingError) {
        switch argument {
        case "proportional": self = .proportional
        case "none": self = .none
        case let s where s.hasPrefix("steps:"):
            var steps: [CapStep] = []
            for part in s.dropFirst("steps:".count).split(separator: ",", omittingEmptySubsequences: false) {
                let kv = part.split(separator: "=", omittingEmptySubsequences: false)
                guard kv.count == 2, let at = Int(kv[0]), let cap = Int(kv[1]), (0...100).contains(at), (0...100).contains(cap),
                    !steps.contains(where: { $0.atLeastPercent == at })
                else {
                    throw .invalidParameter(
                        name: "capReduction", reason: "'\(part)' is not a step AT=CAP with percentages 0...100 (thresholds distinct)")
                }
                steps.append(CapStep(atLeastPercent: at, capPercent: cap))
            }
            self = .steps(steps)
        default:
            throw .invalidParameter(name: "capReduction", reason: "'\(argument)' is not proportional, none or steps:AT=CAP,...")
        }
    }
}
