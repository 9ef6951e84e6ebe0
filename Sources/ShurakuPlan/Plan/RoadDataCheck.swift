import ShurakuCore
import ShurakuNetwork

extension Plan {
    /// One place where the road data is doubtful (`network_issues` layer).
    public struct NetworkIssueRow: Sendable, Hashable {
        /// A crossing without a junction, or a gap (`kind`).
        public var kind: NetworkIssue.Kind
        /// The lines involved, by id and name (`roads`).
        public var roads: [String]
        /// The gap's length in metres, 0 for a crossing (`distance_m`).
        public var distanceMeters: Double
        /// Whether the road graph joins the lines there (`joined`).
        public var joined: Bool
        /// Where it is, in longitude/latitude degrees.
        public var lonLat: XY
    }
}

/// What the road-data check found (`plan.json` "network_issues", notes, `inspect`).
public struct RoadDataCheck: Sendable, Hashable {
    /// Crossings without a shared vertex that are not grade separations.
    public var crossings: Int
    /// Of those, the ones joined (`junctions` crossings).
    public var crossingsJoined: Int
    /// Crossings the data marks as bridges, tunnels or different layers, left apart.
    public var gradeSeparations: Int
    /// Line ends within ``gapReportMeters`` of another line, not joined.
    public var gaps: Int
    /// Line ends farther than that from any other line.
    public var dangles: Int
    /// The gap-report distance used, metres.
    public var gapReportMeters: Double
    /// The snap tolerance used, metres.
    public var snapToleranceMeters: Double
    /// The junction rule used.
    public var junctions: JunctionRule
    /// What joining the crossings does to the settlements' travel times, when measured.
    public var impact: CrossingImpact?

    /// The counts of `check` under `options`.
    public init(_ check: NetworkCheck, options: RoadGraphOptions) {
        crossings = check.crossings
        crossingsJoined = check.crossingsJoined
        gradeSeparations = check.gradeSeparations
        gaps = check.gaps
        dangles = check.dangles
        gapReportMeters = check.gapReportMeters
        snapToleranceMeters = options.snapToleranceMeters
        junctions = options.junctions
    }
}

/// How the settlements' travel times differ with and without the crossings joined.
public struct CrossingImpact: Sendable, Hashable {
    /// Ordered settlement pairs within the travel limit in either graph.
    public var pairsWithinLimit: Int
    /// Of those, the pairs whose time differs by at least ``thresholdMinutes``.
    public var pairsChanged: Int
    /// The smallest difference counted as a change, minutes.
    public var thresholdMinutes: Double
    /// Settlements with at least one changed pair.
    public var settlementsAffected: Int
    /// The pair with the largest change.
    public var largest: ChangedPair?

    /// An impact with the given counts and no largest pair yet.
    public init(pairsWithinLimit: Int, pairsChanged: Int, thresholdMinutes: Double, settlementsAffected: Int) {
        self.pairsWithinLimit = pairsWithinLimit
        self.pairsChanged = pairsChanged
        self.thresholdMinutes = thresholdMinutes
        self.settlementsAffected = settlementsAffected
    }

    /// One settlement pair's travel time without and with the crossings joined.
    public struct ChangedPair: Sendable, Hashable {
        /// The settlement ids, from and to.
        public var from: String
        public var to: String
        /// The settlement names, from and to.
        public var fromName: String
        public var toName: String
        /// Minutes without the crossings joined, nil beyond the limit.
        public var withoutMin: Double?
        /// Minutes with the crossings joined, nil beyond the limit.
        public var withMin: Double?
    }
}
