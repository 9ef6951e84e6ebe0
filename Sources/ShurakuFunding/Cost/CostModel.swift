/// A cooperative's year in yen: running cost, eligible cost, support and who pays it.
public struct CostBreakdown: Sendable, Hashable, Codable {
    /// Dispatched workers.
    public let workers: Int
    public let workersCostYen: Int
    public let officeCostYen: Int
    /// Workers' cost + office cost.
    public let runningCostYen: Int
    /// The per-worker cap before reduction.
    public let perWorkerCapYen: Int
    /// The per-worker cap after the utilisation reduction (equal when not reduced).
    public let reducedPerWorkerCapYen: Int
    /// The reduction rule used (``CapReductionRule/name``) and its formula.
    public let capReductionRule: String
    public let capReductionFormula: String
    /// Whether utilisation was below 80 % so that the rule applied.
    public let capReductionApplied: Bool
    /// The utilisation used, nil when none was given (then no reduction).
    public let utilisation: Utilisation?
    /// min(workers' cost, reduced cap × workers).
    public let eligibleWorkersCostYen: Int
    /// min(office cost, office cap).
    public let eligibleOfficeCostYen: Int
    public let officeCapYen: Int
    public var eligibleCostYen: Int { eligibleWorkersCostYen + eligibleOfficeCostYen }
    /// The municipality's grant to the cooperative: ⌊eligible / 2⌋.
    public let grantYen: Int
    /// The national share of the grant: ⌊grant / 2⌋.
    public let nationalShareYen: Int
    /// The municipal share: grant − national share.
    public let municipalShareYen: Int
    /// Special allocation tax (特別交付税) returned to the municipality: ⌊municipal share / 2⌋.
    public let specialAllocationTaxYen: Int
    /// What the municipality bears in the end: municipal share − special allocation tax.
    public var municipalNetYen: Int { municipalShareYen - specialAllocationTaxYen }
    /// Paid by the employers who receive workers: running cost − grant.
    public let usageFeesYen: Int
}

/// The support arithmetic of a 特定地域づくり事業協同組合.
///
/// Rounding: every amount is whole yen; each division rounds down (the grant is "up to" half,
/// so rounding never overstates support), and the remainder goes to the other side so parts
/// add up exactly: municipal share = grant − national share, usage fees = running − grant.
///
/// Worked example (published): 6 workers, workers' cost 20,000,000, office 4,000,000 →
/// running 24,000,000, eligible 24,000,000, grant 12,000,000 (national 6,000,000, municipal
/// 6,000,000, of which 3,000,000 comes back as special allocation tax), usage fees 12,000,000.
public enum CostModel {
    /// Evaluates one year.
    ///
    /// - Parameters:
    ///   - inputs: what the cooperative's year costs.
    ///   - workers: dispatched workers (the per-worker cap counts these).
    ///   - utilisation: the workers' utilisation; nil = not known, no reduction.
    ///   - rules: the support rules (caps and the cap-reduction rule; the published ones by default).
    public static func evaluate(
        _ inputs: CostInputs, workers: Int, utilisation: Utilisation? = nil, rules: SupportRules = SupportRules()
    ) throws(FundingError) -> CostBreakdown {
        try rules.validate()
        guard (0...ScheduleParameters.maxWorkers * 100).contains(workers) else {
            throw .invalidParameter(name: "workers", reason: "\(workers) is outside 0...\(ScheduleParameters.maxWorkers * 100)")
        }
        let workersCost: Int
        switch inputs.workerCost {
        case .perWorker(let p):
            try check("costPerWorkerYen", p)
            workersCost = p * workers  // ≤ 1e12 × 1e5, fits in Int64
        case .total(let t):
            try check("workersCostYen", t)
            workersCost = t
        }
        try check("officeCostYen", inputs.officeCostYen)
        if let u = utilisation, u.workedHours < 0 || u.availableHours < 0 || u.workedHours > u.availableHours {
            throw .invalidParameter(name: "utilisation", reason: "worked \(u.workedHours) h of \(u.availableHours) h available")
        }

        var cap = rules.perWorkerCapYen
        var applied = false
        if let u = utilisation, !u.isAtLeast(ShareRule.numerator, over: ShareRule.denominator) {
            applied = true
            guard let r = rules.capReduction.reducedCap(cap, utilisation: u) else {
                throw .arithmeticOverflow(what: "reduced per-worker cap")
            }
            cap = r
        }
        let eligibleWorkers = min(workersCost, cap * workers)
        let eligibleOffice = min(inputs.officeCostYen, rules.officeCapYen)
        let grant = (eligibleWorkers + eligibleOffice) / 2
        let national = grant / 2
        let municipal = grant - national
        return CostBreakdown(
            workers: workers,
            workersCostYen: workersCost,
            officeCostYen: inputs.officeCostYen,
            runningCostYen: workersCost + inputs.officeCostYen,
            perWorkerCapYen: rules.perWorkerCapYen,
            reducedPerWorkerCapYen: cap,
            capReductionRule: rules.capReduction.name,
            capReductionFormula: rules.capReduction.summary,
            capReductionApplied: applied,
            utilisation: utilisation,
            eligibleWorkersCostYen: eligibleWorkers,
            eligibleOfficeCostYen: eligibleOffice,
            officeCapYen: rules.officeCapYen,
            grantYen: grant,
            nationalShareYen: national,
            municipalShareYen: municipal,
            specialAllocationTaxYen: municipal / 2,
            usageFeesYen: workersCost + inputs.officeCostYen - grant
        )
    }

    private static func check(_ name: String, _ v: Int) throws(FundingError) {
        guard (0...CostInputs.maxYen).contains(v) else {
            throw .invalidParameter(name: name, reason: "\(v) is outside 0...\(CostInputs.maxYen)")
        }
    }
}
