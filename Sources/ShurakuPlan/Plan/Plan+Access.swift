import ShurakuCore
import ShurakuInput

extension Plan {
    /// How access to services was measured, with the plan-wide figures (with «facilities»).
    public struct AccessReport: Sendable {
        /// The kinds with at least one facility providing them (hospitals provide clinics), in
        /// ``/ShurakuInput/FacilityKind`` order; `other` is left out.
        public var kinds: [FacilityKind]
        /// Searches stopped at this many minutes (`accessLimitMin`).
        public var limitMinutes: Double
        /// People farther than this count as beyond a kind (`accessThresholdMin`).
        public var thresholdMinutes: Double
        /// The travel model the times follow.
        public var travelModel: TravelModel
        /// Whether the facility layer has shops (the 500 m food-access indicator is computed).
        public var hasShops: Bool
        /// Facilities not on the road network that were still used through their connector, by id.
        public var facilitiesFarFromRoad: [String] = []

        /// The plan.json metric key of a kind's beyond-threshold population, e.g.
        /// `population_beyond_30min_clinic` (the threshold as set, `%g`).
        public func metricKey(_ kind: FacilityKind) -> String {
            "population_beyond_\(PlanSetting.format(thresholdMinutes))min_\(kind.rawValue)"
        }
    }

    /// A zone's worst-served settlement for one kind: the member (with people) farthest from the
    /// nearest facility of the kind, one beyond the limit first.
    public struct WorstServed: Sendable, Hashable {
        /// The settlement's id (`worst_<kind>`).
        public var settlementID: String
        /// The settlement's name.
        public var name: String
        /// Its minutes to the nearest facility of the kind; nil beyond «accessLimitMin».
        public var minutes: Double?
    }

    /// Population to 2050: the table, the method and the figures outside zones.
    public struct ProjectionReport: Sendable {
        /// The projection table read.
        public var table: String
        /// How municipal totals were split among settlements.
        public var method: String
        /// The method in words (for plan.json).
        public var methodText: String
        /// The year whose population the zones were planned with; nil: today's (the input's).
        public var year: Int?
        /// How each settlement's municipality was found.
        public var municipalitySource: String
        /// The municipalities of the settlements: code, name and projected totals per year.
        public var municipalities: [ProjectedMunicipality]
        /// People in unserved settlements, per year of ``/ShurakuInput/ProjectionTable/years``.
        public var unserved: [Int64]
    }

    /// One municipality of the projection table used by the plan.
    public struct ProjectedMunicipality: Sendable {
        /// The 5-digit municipality code.
        public var code: String
        /// Its name in the table, when given.
        public var name: String?
        /// Its projected total per year of ``/ShurakuInput/ProjectionTable/years``.
        public var population: [Int64]
        /// Its share of people aged 65 and over in 2050, when the table gives it.
        public var aged65Share2050: Double?
    }
}
