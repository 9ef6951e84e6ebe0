import ShurakuCore
import ShurakuInput

extension PlanRequest {
    /// Access to services: each settlement's travel time to the nearest facility of each kind
    /// (with «facilities»), and the official distance indicators.
    public struct Access: Sendable, Equatable {
        /// Searches stop here: a settlement with no facility of a kind within this many minutes
        /// has no time for that kind and is marked beyond.
        public var limitMinutes: Double = 60
        /// People farther than this many minutes from a kind count as beyond it
        /// (`pop_beyond_<kind>`, `population_beyond_<T>min_<kind>`).
        public var thresholdMinutes: Double = 30

        public init() {}
    }

    /// Population to 2050: a municipal projection table split among the settlements.
    public struct Projection: Sendable, Equatable {
        /// The projection table (CSV: `muni_code`, `pop2020` … `pop2050`, optional `elderly2050`).
        public var table: String?
        /// The settlement field holding the municipality code; detected when nil.
        public var municipalityField: String?
        /// One municipality code for every settlement (instead of a field).
        public var municipality: String?
        /// A settlement field with an earlier census count (five years before the population):
        /// the trend method instead of the share method.
        public var previousPopulationField: String?
        /// Plan with the projected population of this year instead of today's.
        public var year: Int?

        public init() {}
    }

    /// Settings of ``Access`` and ``Projection`` that need each other.
    func accessAndProjectionProblems() -> [Problem] {
        var problems: [Problem] = []
        func problem(_ key: String, _ message: String) { problems.append(Problem(file: "", field: key, message: message)) }
        if access.thresholdMinutes > access.limitMinutes {
            problem(
                "accessThresholdMin",
                "«accessThresholdMin» \(PlanSetting.format(access.thresholdMinutes)) is above «accessLimitMin» "
                    + "\(PlanSetting.format(access.limitMinutes)): nobody could be counted beyond it")
        }
        let p = projection
        if p.table == nil {
            for (key, given) in [
                ("municipalityField", p.municipalityField != nil), ("municipality", p.municipality != nil),
                ("previousPopulationField", p.previousPopulationField != nil), ("year", p.year != nil),
            ] where given {
                problem(key, "«\(key)» needs «projections»")
            }
        }
        if p.municipalityField != nil && p.municipality != nil {
            problem("municipality", "give «municipality» or «municipalityField», not both")
        }
        if let y = p.year, !ProjectionTable.years.contains(y) {
            problem(
                "year",
                "«year» \(y) is not a year of the projection table (\(ProjectionTable.years.map(String.init).joined(separator: ", ")))")
        }
        if let code = p.municipality, ProjectionTable.normalisedCode(code) == nil {
            problem("municipality", "«municipality» '\(code)' is not a 5-digit municipality code")
        }
        return problems
    }
}
