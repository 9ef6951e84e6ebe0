import ShurakuCore
import ShurakuInput
import ShurakuPlanner

/// A finished plan: zones with their cores, every settlement's assignment, bus loops, grant
/// caps, notes and warnings, with lon/lat geometry, in output order. A value: the writers
/// (`ShurakuOutput`) turn it into files, and scripts can read it directly.
public struct Plan: Sendable {
    /// One settlement and what the plan does with it.
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
        /// Assigned to a zone, or unserved with ``reason``.
        public var status: SettlementStatus
        /// Why the settlement is unserved (nil when assigned).
        public var reason: UnservedReason?
        public var district: String?
        public var group: String?
    }

    /// One zone: its core, size, travel, districts, bus loops and grant cap.
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
        /// The core's score (``CoreScore/value``: weighted service kinds with facilities, else
        /// people within the radius); nil when scores are not used.
        public var coreScore: Int64?
        /// Why this settlement is the core, in words ("役場, 小学校, 診療所 within 1 km; …").
        public var coreReason: String
        /// Facilities inside the zone, by kind (nil without a facility layer).
        public var facilityCounts: [FacilityKind: Int]?
        public var group: String?
        /// Zone shape in lon/lat (MultiPolygon).
        public var shape: Geometry
    }

    /// One bus loop of a zone.
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

    /// One service point and the zone it lies in.
    public struct FacilityRow: Sendable {
        public var id: String
        public var name: String
        public var kind: FacilityKind
        public var subkind: String?
        public var lonLat: XY
        /// The zone whose shape holds the facility (nil outside every zone).
        public var zoneID: String?
    }

    public var settlements: [SettlementRow]
    public var zones: [ZoneRow]
    public var routes: [RouteRow]
    /// The facilities used for core scores, when a facility layer was given.
    public var facilities: [FacilityRow]? = nil
    /// How travel times were computed (nil when there was nothing to plan).
    public var travelModel: TravelModel?
    /// The metric CRS the geometry work was done in.
    public var workCRS: String
    /// Messages for the user: constraints that could not all hold, assumptions made.
    public var notes: [String]
    /// Warnings about the plan (recorded in `plan.json`).
    public var warnings: [String]
    /// Warnings about the inputs as read (shown while planning, not recorded in `plan.json`).
    public var inputWarnings: [String] = []
    /// The study-area outline in lon/lat (boundary, else the districts' union), for maps.
    public var outline: Geometry? = nil
    /// The request the plan was made from (every setting, for `plan.json`).
    public var request: PlanRequest
    /// The input files read, by role ("settlements", "roads", "scenario", …), for checksums.
    public var inputs: [(role: String, path: String)]
    /// Whether the settlements were planned in groups (`groupBy`).
    public var isGrouped: Bool { request.fields.groupBy != nil }
    /// Plan-wide figures.
    public var metrics: PlanMetrics { PlanMetrics(self) }
}

/// Whether a settlement is in a zone.
public enum SettlementStatus: String, Sendable, Hashable {
    case assigned
    case unserved
}

/// How travel times were measured.
public enum TravelModel: Sendable, Hashable, CustomStringConvertible {
    /// Along the road graph built from the road layer.
    case roadNetwork
    /// Straight-line distance × `detour` at `speedKmh` (no road layer).
    case straightLine(detour: Double, speedKmh: Double)

    /// The two kinds, without parameters.
    public enum Kind: Sendable, Hashable {
        case roadNetwork
        case straightLine
    }

    public var description: String {
        switch self {
        case .roadNetwork: "road network"
        case .straightLine(let d, let v): String(format: "straight line × %g at %g km/h (no road layer)", d, v)
        }
    }
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
    public init(_ r: Plan) {
        zones = r.zones.count
        settlements = r.settlements.count
        population = r.settlements.reduce(0) { $0 + $1.population }
        let unserved = r.settlements.filter { $0.status != .assigned }
        unservedSettlements = unserved.count
        unservedPopulation = unserved.reduce(0) { $0 + $1.population }
        let assigned = r.settlements.filter { $0.status == .assigned }
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
