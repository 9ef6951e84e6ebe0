import Foundation

/// Everything the cooperative model takes besides the demand CSV, as one scenario block.
///
/// JSON (camelCase; every key optional; others rejected with their path):
/// ```json
/// {
///   "schedule": { "workers": 6, "hoursPerCell": 80, "shareBasis": "hoursWorked", "seed": 1 },
///   "costs": { "workersCostYen": 20000000, "officeCostYen": 4000000 },
///   "supportRules": { "perWorkerCapYen": 4000000, "officeCapYen": 6000000, "capReduction": "proportional" }
/// }
/// ```
/// Without `costs` the report has no yen figures.
public struct CooperativeSettings: Sendable, Hashable, Codable, StrictlyKeyed {
    public var schedule: ScheduleParameters
    public var costs: CostInputs?
    public var supportRules: SupportRules

    public static let knownKeys = CodingKeys.allCases.map(\.stringValue)

    public init(schedule: ScheduleParameters = ScheduleParameters(), costs: CostInputs? = nil, supportRules: SupportRules = SupportRules())
    {
        self.schedule = schedule
        self.costs = costs
        self.supportRules = supportRules
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case schedule, costs, supportRules }

    public init(from decoder: any Decoder) throws {
        try Self.rejectUnknownKeys(in: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schedule = try c.decodeIfPresent(ScheduleParameters.self, forKey: .schedule) ?? ScheduleParameters()
        costs = try c.decodeIfPresent(CostInputs.self, forKey: .costs)
        supportRules = try c.decodeIfPresent(SupportRules.self, forKey: .supportRules) ?? SupportRules()
    }

    /// Decodes settings from JSON bytes; errors name the offending JSON path.
    public static func decode(from data: Data) throws(FundingError) -> CooperativeSettings {
        try StrictJSON.decode(CooperativeSettings.self, from: data)
    }
}

extension CooperativeReport {
    /// The report for `demand` under `settings`.
    public static func make(demand: LabourDemand, settings: CooperativeSettings) throws(FundingError) -> CooperativeReport {
        try make(demand: demand, parameters: settings.schedule, costs: settings.costs, rules: settings.supportRules)
    }
}
