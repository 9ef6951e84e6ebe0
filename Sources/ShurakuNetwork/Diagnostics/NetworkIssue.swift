import ShurakuCore

/// One place where the road data is doubtful: two lines crossing without a junction, or a line
/// end stopping short of another line.
public struct NetworkIssue: Hashable, Sendable {
    /// What kind of doubt.
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        /// Two lines whose interiors cross with no shared vertex (and no grade separation).
        case crossing
        /// A line end within the gap-report distance of another line, not joined to it.
        case gap
    }

    /// The kind of issue.
    public var kind: Kind
    /// The input lines involved (indices into the lines given to the builder), ascending.
    public var lines: [Int]
    /// Where it is, in the lines' metric CRS: the crossing point, or the dangling line end.
    public var point: XY
    /// The gap's length in metres (0 for a crossing).
    public var distanceMeters: Double
    /// Whether the graph joins the lines there (crossings with ``JunctionRule/crossings``).
    public var joined: Bool

    /// An issue at `point` between `lines`.
    public init(kind: Kind, lines: [Int], point: XY, distanceMeters: Double, joined: Bool) {
        self.kind = kind
        self.lines = lines
        self.point = point
        self.distanceMeters = distanceMeters
        self.joined = joined
    }
}

/// What the road-data check found: the issues to show, and the counts to report.
public struct NetworkCheck: Hashable, Sendable {
    /// Crossings (joined or not) then gaps, each in a stable order.
    public var issues: [NetworkIssue] = []
    /// Crossings without a shared vertex that are not grade separations.
    public var crossings = 0
    /// Of those, the crossings the graph joins (``JunctionRule/crossings``).
    public var crossingsJoined = 0
    /// Crossings left alone because the data marks a grade separation (bridge, tunnel, layer).
    public var gradeSeparations = 0
    /// Those crossings, for review (not issues: never joined, not in ``issues``).
    public var separations: [NetworkIssue] = []
    /// Line ends within ``gapReportMeters`` of another line, not joined by the snap tolerance.
    public var gaps = 0
    /// Line ends farther than ``gapReportMeters`` from any other line (dead ends).
    public var dangles = 0
    /// The distance within which an unjoined line end counts as a gap.
    public var gapReportMeters = 0.0

    /// An empty check for gaps up to `gapReportMeters`.
    public init(gapReportMeters: Double = 0) {
        self.gapReportMeters = gapReportMeters
    }
}
