import ShurakuCore
import ShurakuInput
import ShurakuPlanner
import ShurakuRoutes

/// A finished plan: zones with their cores, every settlement's assignment, bus loops, grant
/// caps, notes and warnings, with lon/lat geometry, in output order. A value: the writers
/// (`ShurakuOutput`) turn it into files, and scripts can read it directly.
public struct Plan: Sendable {
    /// One settlement and what the plan does with it.
    public struct SettlementRow: Sendable {
        /// The settlement id (`settlement_id`).
        public var id: String
        /// The settlement name (`name`).
        public var name: String
        /// Its population (`population`).
        public var population: Int64
        /// Its location in longitude/latitude degrees.
        public var lonLat: XY
        /// The zone it belongs to (`zone_id`, e.g. "Z01"); nil when unserved.
        public var zoneID: String?
        /// The id of its zone's core settlement (`core_id`); nil when unserved.
        public var coreID: String?
        /// Whether it is its zone's core (`is_core`).
        public var isCore: Bool
        /// Travel time to its core in minutes (`travel_min`); nil when unserved.
        public var travelMin: Double?
        /// Travel distance to its core in kilometres; nil when unserved.
        public var travelKm: Double?
        /// Assigned to a zone, or unserved with ``reason``.
        public var status: SettlementStatus
        /// Why the settlement is unserved (nil when assigned).
        public var reason: UnservedReason?
        /// The district it lies in, when districts are given.
        public var district: String?
        /// Its planning group (the `groupBy` field's value), when planned in groups.
        public var group: String?
        /// Whether the loss of one road piece alone cuts it off from its core (`isolatable`); nil
        /// without roads and for unserved settlements.
        public var isolatable: Bool? = nil
        /// Those road pieces (`cut_roads`), from the settlement's side to the core's: ids as
        /// ``RoadPieceRow/roadID``.
        public var cutRoads: [Int] = []
        /// Drone flight from its core in minutes, overhead included (`drone_min`); nil without a
        /// drone, beyond its range, for cores and for settlements without a core. A settlement cut
        /// off by closed roads counts from the core it lost.
        public var droneMin: Double? = nil
        /// Whether the drone arrives before a car on the roads (`drone_faster`); nil when
        /// ``droneMin`` is.
        public var droneFaster: Bool? = nil
        /// Minutes to the nearest facility of each kind (`access_<kind>_min`); a kind of
        /// ``Plan/AccessReport/kinds`` missing here is beyond «accessLimitMin» (`access_beyond`).
        public var accessMin: [FacilityKind: Double] = [:]
        /// 無医地区-style flag (`muui_chiku`): at least 50 people within 4 km (straight line) and no
        /// clinic or hospital (dental clinics not counted) within 4 km; nil without facilities.
        public var muuiChiku: Bool? = nil
        /// Whether the nearest shop is farther than 500 m in a straight line (`beyond_500m_shop`);
        /// nil without shops in the facility layer.
        public var beyond500mShop: Bool? = nil
        /// Its municipality code (`muni_code`), with projections.
        public var municipality: String? = nil
        /// Its projected population per year of ``/ShurakuInput/ProjectionTable/years``
        /// (`pop_2025` … `pop_2050`); empty without projections.
        public var projected: [Int64] = []
    }

    /// One zone: its core, size, travel, districts, bus loops and grant cap.
    public struct ZoneRow: Sendable {
        /// The zone id (`zone_id`): "Z01", "Z02", … in output order.
        public var zoneID: String
        /// The core settlement's id (`core_id`).
        public var coreID: String
        /// The core settlement's name (`core_name`).
        public var coreName: String
        /// The core's location in longitude/latitude degrees.
        public var coreLonLat: XY
        /// Whether the core was designated in the data (the core field) rather than chosen.
        public var coreDesignated: Bool
        /// The zone's population (`population`).
        public var population: Int64
        /// The number of its settlements (`settlements`).
        public var settlementCount: Int
        /// The longest travel time of a member to the core, in minutes (`max_travel_min`).
        public var maxTravelMin: Double
        /// The population-weighted mean travel time to the core, in minutes (`mean_travel_min`).
        public var meanTravelMin: Double
        /// The area of the zone's shape in km² (`area_km2`).
        public var areaKm2: Double
        /// The districts its settlements lie in (`districts`).
        public var districts: [String]
        /// Whether it reaches the minimum zone population (`meets_min_population`).
        public var meetsMinPopulation: Bool
        /// The total length of its bus loops in km (`route_km`).
        public var routeKm: Double
        /// The total duration of its bus loops in minutes (`route_min`).
        public var routeMin: Double
        /// The number of its bus loops.
        public var loops: Int
        /// The grant cap the zone could apply for, in yen (`grant_cap_yen`).
        public var grantCapYen: Int64
        /// The zone's vehicles over the service windows, trip by trip; nil without
        /// «busServiceWindows».
        public var fleet: FleetSchedule? = nil
        /// Drivers' hours per day, to 0.001 h (`driver_hours_per_day`): every vehicle's chain of
        /// trips and layovers in every window; nil without service windows.
        public var driverHoursPerDay: Double? = nil
        /// Vehicle-km per day, to 0.001 km (`vehicle_km_per_day`): every trip of every window; nil
        /// without service windows.
        public var vehicleKmPerDay: Double? = nil
        /// What a year of the zone's buses costs, whole yen (`annual_cost_yen`), from the vehicles and
        /// the two figures above as reported; nil without «busCosts».
        public var annualCostYen: Int64? = nil
        /// How the grant cap was arrived at, in words.
        public var grantBasis: String
        /// The core's score (``/ShurakuPlanner/CoreScore/value``: weighted service kinds with
        /// facilities, else people within the radius); nil when scores are not used.
        public var coreScore: Int64?
        /// Why this settlement is the core, in words ("役場, 小学校, 診療所 within 1 km; …").
        public var coreReason: String
        /// Facilities inside the zone, by kind (nil without a facility layer).
        public var facilityCounts: [FacilityKind: Int]?
        /// Its planning group, when planned in groups.
        public var group: String?
        /// Zone shape in lon/lat (MultiPolygon).
        public var shape: Geometry
        /// People in its isolatable settlements (`isolatable_population`); nil without roads.
        public var isolatablePopulation: Int64? = nil
        /// Of those, the people within the drone's range of the core
        /// (`isolatable_population_in_drone_range`); nil without a drone.
        public var isolatablePopulationInDroneRange: Int64? = nil
        /// The drone's range around the core in lon/lat (a polygon); nil without a drone.
        public var droneRing: Geometry? = nil
        /// People farther than «accessThresholdMin» from each kind (`pop_beyond_<kind>`).
        public var beyondPopulation: [FacilityKind: Int64] = [:]
        /// The worst-served member for each kind (`worst_<kind>`, `worst_<kind>_min`).
        public var worstServed: [FacilityKind: WorstServed] = [:]
        /// Members flagged 無医地区-style (`muui_chiku_settlements`); nil without facilities.
        public var muuiChikuSettlements: Int? = nil
        /// People farther than 500 m from a shop (`pop_beyond_500m_shop`), an upper bound; nil
        /// without shops.
        public var beyond500mShopPopulation: Int64? = nil
        /// The zone's projected population per year of ``/ShurakuInput/ProjectionTable/years``
        /// (`pop_2025` … `pop_2050`); empty without projections.
        public var projected: [Int64] = []
        /// The last projection year up to which the zone meets «minZonePop» in every projection
        /// year (`viable_until`); nil when it does not even in the first, or without projections.
        public var viableUntil: Int? = nil
        /// The share of people aged 65+ in 2050 of the core's municipality
        /// (`muni_aged65_share_2050`, a municipal figure); nil when unknown.
        public var muniAged65Share2050: Double? = nil

        /// Vehicles the zone needs (`vehicles`): the most any service window needs; nil without
        /// service windows.
        public var vehicles: Int? { fleet?.vehicles }
        /// No schedule needs fewer vehicles (`vehicles_lower_bound`): ⌈trip time in a window /
        /// window length⌉, a trip longer than its window counted as a vehicle of its own, the most
        /// over the windows; nil without service windows.
        public var vehiclesLowerBound: Int? { fleet?.lowerBound }
    }

    /// One bus loop of a zone.
    public struct RouteRow: Sendable {
        /// The zone the loop serves (`zone_id`).
        public var zoneID: String
        /// The loop's number within its zone, from 1 (`loop`).
        public var loop: Int
        /// Settlement ids in visiting order (`stops`).
        public var stops: [String]
        /// Minutes from the start at which each stop is reached.
        public var arrivalsMin: [Double]
        /// Each stop's ride time in minutes (`ride_min`): the longer of its ride to the core on the
        /// rest of the loop and its ride from the core on the loop run in reverse, dwells included.
        public var ridesMin: [Double]
        /// The loop's longest ride in minutes (`max_ride_min`).
        public var maxRideMin: Double { ridesMin.max() ?? 0 }
        /// The loop's length in km (`length_km`).
        public var lengthKm: Double
        /// The loop's duration in minutes, dwell times included (`duration_min`).
        public var durationMin: Double
        /// Road geometry in lon/lat.
        public var line: [XY]
    }

    /// One service point and the zone it lies in.
    public struct FacilityRow: Sendable {
        /// The facility's id (`facility_id`).
        public var id: String
        /// Its name (`name`).
        public var name: String
        /// Its kind (`kind`, with `kind_label` in Japanese).
        public var kind: FacilityKind
        /// A finer kind from the source, e.g. `dental` (`subkind`).
        public var subkind: String?
        /// Where it is, longitude/latitude.
        public var lonLat: XY
        /// The zone whose shape holds the facility (nil outside every zone).
        public var zoneID: String?
    }

    /// Every settlement, assigned or unserved.
    public var settlements: [SettlementRow]
    /// The zones, in output order.
    public var zones: [ZoneRow]
    /// The bus loops of every zone.
    public var routes: [RouteRow]
    /// The facilities used for core scores, when a facility layer was given.
    public var facilities: [FacilityRow]? = nil
    /// Where the road data is doubtful (crossings, gaps), when the plan has roads.
    public var networkIssues: [NetworkIssueRow]? = nil
    /// The road-data counts, when the plan has roads.
    public var roadCheck: RoadDataCheck? = nil
    /// Access to services (with facilities), else nil.
    public var access: AccessReport? = nil
    /// Population to 2050 (with «projections»), else nil.
    public var projection: ProjectionReport? = nil
    /// Road pieces whose loss alone cuts someone off from their core, by road id; nil without roads.
    public var criticalRoads: [CriticalRoadRow]? = nil
    /// The road pieces closed by «closedRoads», by road id; nil without closures.
    public var closedRoads: [RoadPieceRow]? = nil
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
    /// For a plan made by ``Planner/evaluate(_:edited:progress:)``: what the edits changed and
    /// the rules they break; nil for a plan made by ``Planner/plan(_:progress:)``.
    public var evaluation: PlanEvaluation? = nil
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
    /// The longest ride on any bus loop, minutes.
    public var maxRideMin: Double
    /// The zones' vehicles; nil without service windows.
    public var vehiclesTotal: Int?
    /// The zones' lower bounds on vehicles; nil without service windows.
    public var vehiclesLowerBoundTotal: Int?
    /// The zones' driver hours per day; nil without service windows.
    public var driverHoursPerDayTotal: Double?
    /// The zones' vehicle-km per day; nil without service windows.
    public var vehicleKmPerDayTotal: Double?
    /// The zones' annual costs in yen; nil without operating costs.
    public var annualCostYenTotal: Int64?

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
        case maxRideMin = "max_ride_min"
        case vehiclesTotal = "vehicles_total"
        case vehiclesLowerBoundTotal = "vehicles_lower_bound_total"
        case driverHoursPerDayTotal = "driver_hours_per_day_total"
        case vehicleKmPerDayTotal = "vehicle_km_per_day_total"
        case annualCostYenTotal = "annual_cost_yen_total"
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
        maxRideMin = r.routes.map(\.maxRideMin).max() ?? 0
        let scheduled = r.request.bus.fleetParameters != nil
        vehiclesTotal = scheduled ? r.zones.reduce(0) { $0 + ($1.vehicles ?? 0) } : nil
        vehiclesLowerBoundTotal = scheduled ? r.zones.reduce(0) { $0 + ($1.vehiclesLowerBound ?? 0) } : nil
        driverHoursPerDayTotal = scheduled ? r.zones.reduce(0) { $0 + ($1.driverHoursPerDay ?? 0) } : nil
        vehicleKmPerDayTotal = scheduled ? r.zones.reduce(0) { $0 + ($1.vehicleKmPerDay ?? 0) } : nil
        annualCostYenTotal = scheduled && r.request.bus.costs != nil ? r.zones.reduce(0) { $0 + ($1.annualCostYen ?? 0) } : nil
    }
}
