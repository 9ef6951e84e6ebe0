import ShurakuGeo

/// A finished plan as the outputs see it: rows with lon/lat geometry, in output order.
public struct PlanResult: Sendable {
    public struct SettlementRow: Sendable {
        public var id: String
        public var name: String
        public var population: Int64
        public var lonLat: XY
        public var zoneID: String?
        public var coreID: String?
        public var isCore: Bool
        public var travelMin: Double?
        public var travelKm: Double?
        /// "assigned" or "unserved".
        public var status: String
        public var reason: String?
        public var district: String?
        public var group: String?
    }

    public struct ZoneRow: Sendable {
        public var zoneID: String
        public var coreID: String
        public var coreName: String
        public var coreLonLat: XY
        public var coreDesignated: Bool
        public var population: Int64
        public var settlementCount: Int
        public var maxTravelMin: Double
        public var meanTravelMin: Double
        public var areaKm2: Double
        public var districts: [String]
        public var meetsMinPopulation: Bool
        public var routeKm: Double
        public var routeMin: Double
        public var loops: Int
        public var grantCapYen: Int64
        public var grantBasis: String
        public var group: String?
        /// Zone shape in lon/lat (MultiPolygon).
        public var shape: Geometry
    }

    public struct RouteRow: Sendable {
        public var zoneID: String
        public var loop: Int
        public var stops: [String]
        public var arrivalsMin: [Double]
        public var lengthKm: Double
        public var durationMin: Double
        /// Road geometry in lon/lat.
        public var line: [XY]
    }

    public var settlements: [SettlementRow]
    public var zones: [ZoneRow]
    public var routes: [RouteRow]
    /// How travel times were computed, e.g. "road network (294 lines)" or "straight line × 1.3 at 40 km/h".
    public var travelModel: String
    /// The metric CRS the geometry work was done in.
    public var workCRS: String
    /// Messages for the user: constraints that could not all hold, assumptions made.
    public var notes: [String]
    public var warnings: [String]
    /// The study-area outline in lon/lat (boundary, else the districts' union), for maps.
    public var outline: Geometry? = nil
}

/// Plan-wide figures (`plan.json` "metrics", `compare`), keyed as in the output contract.
public struct PlanMetrics: Sendable, Codable, Equatable {
    public var zones: Int
    public var settlements: Int
    public var population: Int64
    public var unservedSettlements: Int
    public var unservedPopulation: Int64
    public var meanTravelMin: Double
    public var maxTravelMin: Double
    public var minZonePopulation: Int64
    public var maxZonePopulation: Int64
    public var routeKmTotal: Double
    public var routeMinTotal: Double
    public var grantCapYenTotal: Int64

    enum CodingKeys: String, CodingKey, CaseIterable {
        case zones, settlements, population
        case unservedSettlements = "unserved_settlements"
        case unservedPopulation = "unserved_population"
        case meanTravelMin = "mean_travel_min"
        case maxTravelMin = "max_travel_min"
        case minZonePopulation = "min_zone_population"
        case maxZonePopulation = "max_zone_population"
        case routeKmTotal = "route_km_total"
        case routeMinTotal = "route_min_total"
        case grantCapYenTotal = "grant_cap_yen_total"
    }

    /// The metrics of a plan (population-weighted mean travel time over assigned settlements).
    public init(_ r: PlanResult) {
        zones = r.zones.count
        settlements = r.settlements.count
        population = r.settlements.reduce(0) { $0 + $1.population }
        let unserved = r.settlements.filter { $0.status != "assigned" }
        unservedSettlements = unserved.count
        unservedPopulation = unserved.reduce(0) { $0 + $1.population }
        let assigned = r.settlements.filter { $0.status == "assigned" }
        let weight = assigned.reduce(0.0) { $0 + Double($1.population) }
        let sum = assigned.reduce(0.0) { $0 + Double($1.population) * ($1.travelMin ?? 0) }
        meanTravelMin = weight > 0 ? sum / weight : 0
        maxTravelMin = assigned.compactMap(\.travelMin).max() ?? 0
        minZonePopulation = r.zones.map(\.population).min() ?? 0
        maxZonePopulation = r.zones.map(\.population).max() ?? 0
        routeKmTotal = r.zones.reduce(0) { $0 + $1.routeKm }
        routeMinTotal = r.zones.reduce(0) { $0 + $1.routeMin }
        grantCapYenTotal = r.zones.reduce(0) { $0 + $1.grantCapYen }
    }
}
