/// The whole answer for one cooperative: schedule, costs and what each employer pays.
public struct CooperativeReport: Sendable, Hashable {
    public let schedule: Schedule
    /// Nil when no cost inputs were given.
    public let costs: CostBreakdown?
    /// One entry per employer, in input order.
    public let employers: [EmployerSummary]

    /// Schedules the demand, then (with cost inputs) evaluates the year's costs with the
    /// schedule's worker count and utilisation, and shares the usage fees among employers.
    public static func make(
        demand: LabourDemand,
        parameters: ScheduleParameters = ScheduleParameters(),
        costs: CostInputs? = nil,
        rules: SupportRules = SupportRules()
    ) throws(FundingError) -> CooperativeReport {
        let schedule = try CooperativeScheduler.schedule(demand, parameters: parameters)
        return try make(schedule: schedule, costs: costs, rules: rules)
    }

    /// The report for an existing schedule.
    public static func make(schedule: Schedule, costs: CostInputs?, rules: SupportRules = SupportRules()) throws(FundingError)
        -> CooperativeReport
    {
        var breakdown: CostBreakdown?
        if let costs {
            breakdown = try CostModel.evaluate(costs, workers: schedule.workers.count, utilisation: schedule.utilisation, rules: rules)
        }
        let worked = schedule.workedHoursByEmployer
        let fees = UsageFeeShare.split(breakdown?.usageFeesYen ?? 0, byHours: worked)
        let h = schedule.parameters.hoursPerCell
        let employers = schedule.demand.employers.indices.map { e in
            EmployerSummary(
                name: schedule.demand.employers[e],
                demandHours: schedule.demand.total(employer: e) * h,
                workedHours: worked[e],
                usageFeeYen: breakdown == nil ? nil : fees[e]
            )
        }
        return CooperativeReport(schedule: schedule, costs: breakdown, employers: employers)
    }
}

/// One employer's line in the report.
public struct EmployerSummary: Sendable, Hashable, Codable {
    public let name: String
    public let demandHours: Int
    public let workedHours: Int
    public var uncoveredHours: Int { demandHours - workedHours }
    /// The employer's part of the usage fees, in proportion to hours received; nil without costs.
    public let usageFeeYen: Int?
}

/// Splits usage fees among employers in proportion to the hours they receive.
///
/// Largest-remainder rounding: each employer gets ⌊fees × hours / total hours⌋, then the yen
/// left over go one each to the largest remainders (ties: input order), so the parts add up to
/// the fees exactly. With no hours worked, everyone's part is 0.
enum UsageFeeShare {
    static func split(_ fees: Int, byHours hours: [Int]) -> [Int] {
        let total = hours.reduce(0, +)
        guard total > 0, fees > 0 else { return hours.map { _ in 0 } }
        var parts: [Int] = []
        var rems: [(rem: Int, index: Int)] = []
        for (i, h) in hours.enumerated() {
            let p = UInt(fees).multipliedFullWidth(by: UInt(h))
            let (q, r) = UInt(total).dividingFullWidth((p.high, p.low))
            parts.append(Int(q))
            rems.append((Int(r), i))
        }
        var left = fees - parts.reduce(0, +)
        for x in rems.sorted(by: { $0.rem != $1.rem ? $0.rem > $1.rem : $0.index < $1.index }) where left > 0 {
            parts[x.index] += 1
            left -= 1
        }
        return parts
    }
}
