/// The public-support rules for a 特定地域づくり事業協同組合. JSON keys (camelCase, all
/// optional; others rejected): `perWorkerCapYen` (default 4,000,000), `officeCapYen`
/// (default 6,000,000), `capReduction` (default `"proportional"`, see ``CapReductionRule``).
public struct SupportRules: Sendable, Hashable, Codable, StrictlyKeyed {
    /// Eligible cost cap per dispatched worker per year, before any utilisation reduction.
    public var perWorkerCapYen: Int
    /// Eligible office (事務局) cost cap per year.
    public var officeCapYen: Int
    /// How the per-worker cap shrinks below 80 % utilisation.
    public var capReduction: CapReductionRule

    public static let knownKeys = CodingKeys.allCases.map(\.stringValue)

    public init(perWorkerCapYen: Int = 4_000_000, officeCapYen: Int = 6_000_000, capReduction: CapReductionRule = .proportional) {
        self.perWorkerCapYen = perWorkerCapYen
        self.officeCapYen = officeCapYen
        self.capReduction = capReduction
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case perWorkerCapYen, officeCapYen, capReduction }

    public init(from decoder: any Decoder) throws {
        try Self.rejectUnknownKeys(in: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = SupportRules()
        perWorkerCapYen = try c.decodeIfPresent(Int.self, forKey: .perWorkerCapYen) ?? d.perWorkerCapYen
        officeCapYen = try c.decodeIfPresent(Int.self, forKey: .officeCapYen) ?? d.officeCapYen
        capReduction = try c.decodeIfPresent(CapReductionRule.self, forKey: .capReduction) ?? d.capReduction
    }

    func validate() throws(FundingError) {
        for (name, v) in [("perWorkerCapYen", perWorkerCapYen), ("officeCapYen", officeCapYen)] where !(0...CostInputs.maxYen).contains(v) {
            throw .invalidParameter(name: name, reason: "\(v) is outside 0...\(CostInputs.maxYen)")
        }
        if case .steps(let steps) = capReduction {
            for s in steps where !(0...100).contains(s.atLeastPercent) || !(0...100).contains(s.capPercent) {
                throw .invalidParameter(name: "capReduction", reason: "step percentages must be within 0...100")
            }
        }
    }
}

/// What the cooperative's year costs. JSON keys: `officeCostYen` (required) and exactly one of
/// `costPerWorkerYen` or `workersCostYen`; others rejected.
public struct CostInputs: Sendable, Hashable, Codable, StrictlyKeyed {
    /// Workers' cost (wages, social insurance, ...) per year.
    public enum WorkerCost: Sendable, Hashable {
        /// The same cost for every worker.
        case perWorker(Int)
        /// One total for all workers.
        case total(Int)
    }

    public var workerCost: WorkerCost
    /// Office (事務局) cost per year.
    public var officeCostYen: Int

    public static let knownKeys = CodingKeys.allCases.map(\.stringValue)
    /// Largest yen amount accepted in an input (one trillion yen).
    public static let maxYen = 1_000_000_000_000

    public init(workerCost: WorkerCost, officeCostYen: Int) {
        self.workerCost = workerCost
        self.officeCostYen = officeCostYen
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case costPerWorkerYen, workersCostYen, officeCostYen }

    public init(from decoder: any Decoder) throws {
        try Self.rejectUnknownKeys(in: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let per = try c.decodeIfPresent(Int.self, forKey: .costPerWorkerYen)
        let total = try c.decodeIfPresent(Int.self, forKey: .workersCostYen)
        switch (per, total) {
        case (let p?, nil): workerCost = .perWorker(p)
        case (nil, let t?): workerCost = .total(t)
        case (.some, .some):
            throw FundingError.invalidValue(
                path: JSONPath.render(decoder.codingPath + [CodingKeys.workersCostYen]),
                reason: "give costPerWorkerYen or workersCostYen, not both")
        case (nil, nil):
            throw FundingError.missingKey(path: JSONPath.render(decoder.codingPath + [CodingKeys.costPerWorkerYen]))
        }
        officeCostYen = try c.decode(Int.self, forKey: .officeCostYen)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch workerCost {
        case .perWorker(let p): try c.encode(p, forKey: .costPerWorkerYen)
        case .total(let t): try c.encode(t, forKey: .workersCostYen)
        }
        try c.encode(officeCostYen, forKey: .officeCostYen)
    }
}
