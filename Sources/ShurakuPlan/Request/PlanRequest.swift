import Foundation
import ShurakuCore
import ShurakuFunding
import ShurakuInput
import ShurakuNetwork
import ShurakuPlanner
import ShurakuRoutes

/// Everything one plan is made from: the input sources and every setting, typed.
///
/// A new request holds the documented defaults (the same as ``PlanSettings/all`` lists for the
/// command line and scenario files). Change what you need, then call ``Planner/plan(_:progress:)``:
///
/// ```swift
/// var request = PlanRequest(settlements: "geodata/noto/settlements.geojson")
/// request.inputs.roads = "geodata/noto/roads.geojson"
/// request.zoning.minZonePopulation = 1000
/// let plan = try Planner.plan(request)
/// ```
///
/// ``validate()`` checks the request without reading any file's contents; the planner runs it first.
public struct PlanRequest: Sendable, Equatable {
    public var inputs: Inputs
    public var fields: Fields
    public var travel: Travel
    public var zoning: Zoning
    public var cores: Cores
    public var bus: Bus
    public var funding: Funding
    /// Road closures and drone reach (cut-off risk).
    public var risk: Risk
    /// Travel times to the nearest service of each kind (with facilities).
    public var access: Access
    /// Population to 2050 from a municipal projection table.
    public var projection: Projection
    public var output: Output
    /// The scenario file the settings came from, when any (hashed into `plan.json`).
    public var scenarioPath: String?

    /// A request for `settlements` (a path, or `path:layer`) with every other setting at its default.
    public init(settlements: String) {
        inputs = Inputs(settlements: settlements)
        fields = Fields()
        travel = Travel()
        zoning = Zoning()
        cores = Cores()
        bus = Bus()
        funding = Funding()
        risk = Risk()
        access = Access()
        projection = Projection()
        output = Output()
    }

    /// The sources a plan reads. Paths may name a layer as `path:layer` (GeoPackage, OSM PBF).
    public struct Inputs: Sendable, Equatable {
        /// Points or polygons with population (any OGR source).
        public var settlements: String
        /// District polygons (小学校区, 旧町村, 地区…) that zones respect.
        public var districts: String?
        /// Road lines; without them travel times are straight-line distance × detour.
        public var roads: String?
        /// The study-area outline that clips zone shapes.
        public var boundary: String?
        /// Service points (schools, clinics, hospitals, post offices, shops, the town hall,
        /// community centres) that make a settlement a good core.
        public var facilities: String?
        /// Road speeds per class (JSON), replacing the defaults.
        public var speedTable: String?
        /// The metric CRS for geometry work (e.g. "EPSG:6675"); the JGD2011 UTM zone of the data when nil.
        public var crs: String?
        /// The CRS of inputs that declare none.
        public var sourceCRS: String?
        /// The text encoding of Shapefile/CSV attributes (e.g. "CP932"); detected when nil.
        public var encoding: String?
        /// Count a missing population as 0 (with a warning) instead of failing.
        public var missingPopulationAsZero = false

        public init(settlements: String) { self.settlements = settlements }
    }

    /// Which attribute fields carry which meaning; detected when nil.
    public struct Fields: Sendable, Equatable {
        public var population: String?
        public var id: String?
        public var name: String?
        /// Truthy values mark designated cores (always cores).
        public var core: String?
        /// Truthy values mark the settlements the solver may choose as cores (all when nil).
        public var coreCandidates: String?
        /// Name field of the district polygons.
        public var district: String?
        /// The facilities' kind field (detected: `kind`, KSJ codes, OSM tags).
        public var facilityKind: String?
        /// Plan each value of this settlement field (e.g. a municipality code) separately.
        public var groupBy: String?
        /// Keep only the settlements whose field has one of the values.
        public var filter: SettlementFilter?

        public init() {}
    }

    /// How travel times are measured.
    public struct Travel: Sendable, Equatable {
        /// Longest travel time from a settlement to its core, in minutes.
        public var maxMinutes: Double = 30
        /// Longest road distance from a settlement to its core, in kilometres, when limited.
        public var maxKilometres: Double?
        /// Without roads: straight-line distance × this factor.
        public var detour: Double = 1.3
        /// Without roads: travel speed in km/h.
        public var speedKmh: Double = 40
        /// Road ends this close (metres) that share no vertex are joined.
        public var snapToleranceMeters: Double = 1
        /// Where road lines are joined: shared vertices only (the default), or also crossings.
        public var junctions: JunctionRule = .vertices
        /// An unjoined road end this close (metres) to another road is reported as a gap.
        public var gapReportMeters: Double = 25
        /// Speed on the link from a settlement to its nearest road, km/h.
        public var connectorSpeedKmh: Double = 20
        /// A settlement farther than this (metres) from every road is off the network.
        public var maxConnectorMeters: Double = 2000

        public init() {}
    }

    /// The rules zones follow.
    public struct Zoning: Sendable, Equatable {
        /// How many zones: by default the most that meet the rules (max-p).
        public var zones: ZoneCount = .auto
        /// Smallest zone population: a size that can carry a shop and a salon. Set it for your area.
        public var minZonePopulation: Int64 = 1000
        /// Largest zone population, when limited.
        public var maxZonePopulation: Int64?
        /// How zones respect districts; nil means `within` when districts are given, else `ignore`.
        public var districtMode: DistrictMode?
        /// A settlement this close (metres) outside every district joins the nearest one.
        public var districtToleranceMeters: Double = 200
        /// Seed of every random choice: same inputs and seed, same plan.
        public var seed: UInt64 = 1

        public init() {}
    }

    /// How cores (基幹集落) are chosen among the candidates.
    public struct Cores: Sendable, Equatable {
        /// What the core score counts.
        public var score: CoreScoreMode = .auto
        /// The walking radius around a settlement in which services and people count, metres.
        public var radiusMeters: Double = CoreScoring.defaultRadiusMeters
        /// The weight of each facility kind in the score.
        public var weights: FacilityWeights = .default
        /// The weights as given in a scenario file (canonical JSON), recorded in `plan.json`.
        public var weightsJSON: Data?
        /// Facilities to leave out, e.g. `subkind=institutional_clinic` (not open to the public).
        public var exclude: FacilityExclusion?

        public init() {}
    }

    /// The demand-bus loops drawn for each zone.
    public struct Bus: Sendable, Equatable {
        /// Longest loop in minutes, dwell times included; longer zones get several loops.
        public var maxLoopMinutes: Double = 60
        /// Dwell time at each stop, minutes.
        public var dwellMinutes: Double = 1
        /// Longest ride of any passenger in minutes, when limited: from a stop to the core along
        /// the rest of the loop, and from the core to a stop on the loop run in reverse.
        public var maxRideMinutes: Double?
        /// Only settlements with at least this many people get a stop.
        public var minStopPopulation: Int64 = 1
        /// Vehicle capacity in riders per loop (with ``tripRate``), when limited.
        public var capacity: Int?
        /// Daily riders per resident, for capacitated loops.
        public var tripRate: Double = 0.02
        /// Times of day the bus runs; empty (the default): no vehicles, driver hours or costs.
        public var serviceWindows: [ServiceWindow] = []
        /// Runs of every loop in each service window.
        public var tripsPerWindow = 1
        /// Least minutes between two trips chained on one vehicle.
        public var layoverMinutes: Double = 5
        /// Operating costs for `annual_cost_yen`; nil (the default): not computed. Needs ``serviceWindows``.
        public var costs: OperatingCosts?

        public init() {}
    }

    /// Which zones use specialist staff and ICT, for the grant caps.
    public struct Funding: Sendable, Equatable {
        public var policy: GrantPolicy = .none
        /// The policy as given in a scenario file (canonical JSON), recorded in `plan.json`.
        public var json: Data?

        public init() {}
    }

    /// How the outputs look and where they may go.
    public struct Output: Sendable, Equatable {
        /// Font family of the QGIS labels (QGIS falls back to a font it has).
        public var labelFont = "Noto Sans CJK JP"
        /// Write into a non-empty folder that holds no earlier plan.
        public var force = false

        public init() {}
    }

    /// The district mode in force: the given one, else `within` with districts and `ignore` without.
    public var effectiveDistrictMode: DistrictMode {
        zoning.districtMode ?? (inputs.districts == nil ? .ignore : .within)
    }

    /// Whether travel times follow roads or straight lines.
    public var travelModelKind: TravelModel.Kind { inputs.roads == nil ? .straightLine : .roadNetwork }
}

/// How many zones a plan makes.
public enum ZoneCount: Sendable, Hashable, CustomStringConvertible {
    /// The most zones such that every zone meets the minimum population (and the maximum),
    /// every served settlement is within the travel limit of its core and districts are
    /// respected (max-p regions); at that count the cores with the largest total core score;
    /// then the least population-weighted travel time.
    case auto
    /// The fewest zones that serve everyone reachable (a minimum-cost network).
    case fewest
    /// Exactly this many zones (≥ 1); cores by score, then travel time.
    case exactly(Int)

    /// "auto", "fewest" or the number, as in scenario files.
    public var description: String {
        switch self {
        case .auto: "auto"
        case .fewest: "fewest"
        case .exactly(let n): String(n)
        }
    }

    /// Parses "auto", "fewest" or a whole number ≥ 1.
    public init?(_ text: String) {
        if text == "auto" {
            self = .auto
        } else if text == "fewest" {
            self = .fewest
        } else if let n = Int(text), n >= 1 {
            self = .exactly(n)
        } else {
            return nil
        }
    }
}

/// What a settlement's core score counts.
public enum CoreScoreMode: String, Sendable, Hashable, CaseIterable {
    /// Facilities when they are given, else the population within the radius.
    case auto
    /// The population within the radius, even when facilities are given.
    case population
    /// No score: every settlement is as good a core as any other (a pure capacitated p-median).
    case none
}

/// Keep only the settlements whose `field` has one of `values` (as text).
public struct SettlementFilter: Sendable, Hashable, CustomStringConvertible {
    public var field: String
    public var values: [String]

    public init(field: String, values: [String]) {
        self.field = field
        self.values = values
    }

    /// Parses "FIELD=V1,V2".
    public init?(_ text: String) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        self.init(field: parts[0], values: parts[1].split(separator: ",").map(String.init))
    }

    /// "FIELD=V1,V2".
    public var description: String { field + "=" + values.joined(separator: ",") }
}
