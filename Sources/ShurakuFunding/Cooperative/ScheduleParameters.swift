/// What "total hours" means in the rule that no worker spends more than 80 % of their total
/// hours at one employer.
public enum ShareBasis: String, Sendable, Hashable, Codable, CaseIterable {
    /// 80 % of the hours the worker actually works in the year (the stricter reading, default):
    /// a worker who works at only one employer breaks the rule however few hours they work.
    case hoursWorked
    /// 80 % of the worker's contracted (available) hours in the year.
    case hoursAvailable
}

/// Settings of the cooperative scheduler. JSON keys (camelCase, all optional; others rejected):
/// `workers` (integer, absent = choose automatically), `hoursPerCell` (default 80),
/// `shareBasis` (`hoursWorked` | `hoursAvailable`, default `hoursWorked`),
/// `extraWorkersToTry` (default 2), `improvementRounds` (default 50), `seed` (default 1).
public struct ScheduleParameters: Sendable, Hashable, Codable, StrictlyKeyed {
    /// Number of workers the cooperative employs; nil = the smallest number that reaches the
    /// best coverage found, trying the peak demand and up to ``extraWorkersToTry`` more.
    public var workers: Int?
    /// Hours a worker works in one cell (one half-day slot on every working day of a month);
    /// default 80 = 20 working days × 4 hours, so 1,920 hours a year.
    public var hoursPerCell: Int
    /// The reading of the 80 % rule.
    public var shareBasis: ShareBasis
    /// With automatic worker count: how many workers above the peak demand to try.
    public var extraWorkersToTry: Int
    /// Iteration budget of the improvement phase (rounds of perturb-and-refill); 0 = none.
    public var improvementRounds: Int
    /// Seed of the improvement phase's random perturbations.
    public var seed: UInt64

    public static let knownKeys = CodingKeys.allCases.map(\.stringValue)

    public init(
        workers: Int? = nil, hoursPerCell: Int = 80, shareBasis: ShareBasis = .hoursWorked,
        extraWorkersToTry: Int = 2, improvementRounds: Int = 50, seed: UInt64 = 1
    ) {
        self.workers = workers
        self.hoursPerCell = hoursPerCell
        self.shareBasis = shareBasis
        self.extraWorkersToTry = extraWorkersToTry
        self.improvementRounds = improvementRounds
        self.seed = seed
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case workers, hoursPerCell, shareBasis, extraWorkersToTry, improvementRounds, seed }

    public init(from decoder: any Decoder) throws {
        try Self.rejectUnknownKeys(in: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ScheduleParameters()
        workers = try c.decodeIfPresent(Int.self, forKey: .workers)
        hoursPerCell = try c.decodeIfPresent(Int.self, forKey: .hoursPerCell) ?? d.hoursPerCell
        shareBasis = try c.decodeIfPresent(ShareBasis.self, forKey: .shareBasis) ?? d.shareBasis
        extraWorkersToTry = try c.decodeIfPresent(Int.self, forKey: .extraWorkersToTry) ?? d.extraWorkersToTry
        improvementRounds = try c.decodeIfPresent(Int.self, forKey: .improvementRounds) ?? d.improvementRounds
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? d.seed
    }

    /// Most workers a schedule may have.
    public static let maxWorkers = 1_000

    /// Checks ranges; throws ``FundingError/invalidParameter(name:reason:)``.
    public func validate() throws(FundingError) {
        if let w = workers, !(0...Self.maxWorkers).contains(w) {
            throw .invalidParameter(name: "workers", reason: "\(w) is outside 0...\(Self.maxWorkers)")
        }
        guard (1...744).contains(hoursPerCell) else {
            throw .invalidParameter(name: "hoursPerCell", reason: "\(hoursPerCell) is outside 1...744")
        }
        guard (0...50).contains(extraWorkersToTry) else {
            throw .invalidParameter(name: "extraWorkersToTry", reason: "\(extraWorkersToTry) is outside 0...50")
        }
        guard (0...10_000).contains(improvementRounds) else {
            throw .invalidParameter(name: "improvementRounds", reason: "\(improvementRounds) is outside 0...10000")
        }
    }
}

/// The 特定地域づくり事業協同組合 share rule: at most 4/5 of a worker's total hours at one employer.
public enum ShareRule {
    /// 80 % as a fraction numerator / denominator, so that checks are exact integer comparisons.
    public static let numerator = 4
    public static let denominator = 5

    /// Whether `atOneEmployer` hours are within 80 % of `total` hours.
    public static func allows(atOneEmployer: Int, total: Int) -> Bool {
        denominator * atOneEmployer <= numerator * total
    }
}
