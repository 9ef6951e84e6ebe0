/// What the builder did with the input lines: counts a planner can check and print.
public struct BuildReport: Hashable, Sendable {
    /// Lines given to the builder.
    public var linesRead = 0
    /// Lines that became road.
    public var linesUsed = 0
    /// Lines whose class is in the speed table's `excluded` set (footway, path, …).
    public var linesExcluded = 0
    /// Lines without any class in OSM-like data (rivers, railways, power lines, …).
    public var linesNotRoads = 0
    /// Roads whose OSM access tags close them to cars (`access=no|private`, `motor_vehicle=no`, …).
    public var linesClosedToCars = 0
    /// Lines with fewer than two distinct vertices, or a non-finite or absurd (beyond ±1e9 m) one.
    public var linesInvalid = 0
    /// Lines driven one way only.
    public var linesOneWay = 0
    /// Lines whose speed came from `maxspeed`.
    public var linesWithMaxspeed = 0
    /// Unknown class value → number of lines that got the default speed (`(none)`: no class).
    public var unknownClasses: [String: Int] = [:]
    /// Distinct vertices after merging identical coordinates.
    public var vertices = 0
    /// Straight segments between vertices (after near-miss joins).
    public var segments = 0
    /// Dangling line ends joined to another line by the snap tolerance.
    public var nearMissJoins = 0
    /// Of those, joins that split a segment to make a new junction.
    public var nearMissSplits = 0
    /// Crossings without a shared vertex joined into junctions (``JunctionRule/crossings``).
    public var crossingsJoined = 0
    /// Where the road data is doubtful (crossings, gaps, dangles), when the options ask for it.
    public var check: NetworkCheck?
    /// Graph nodes (junctions and dead ends) and edges (contracted chains).
    public var nodes = 0
    public var edges = 0
    /// Lines that got the default speed because their class was unknown.
    public var linesUnknownClass: Int { unknownClasses.values.reduce(0, +) }
}

/// Options of ``RoadGraphBuilder``.
public struct RoadGraphOptions: Hashable, Sendable {
    /// Speeds per road class and the attributes they are read from.
    public var speeds: SpeedTable
    /// A dangling line end closer than this (metres) to another line's vertex or segment is
    /// joined to it (the segment is split there). 0 joins only identical coordinates.
    public var snapToleranceMeters: Double
    /// A component is *major* (a main piece of the network, not a fragment) when it holds at
    /// least this share of the total road length; the largest one always is.
    public var majorComponentShare: Double
    /// Where lines are joined: at shared vertices only, or also where they cross.
    public var junctions: JunctionRule
    /// An unjoined line end closer than this (metres) to another line is reported as a gap.
    public var gapReportMeters: Double
    /// Whether to check the data for crossings, gaps and dangles (``BuildReport/check``).
    public var checksData: Bool

    public init(
        speeds: SpeedTable = .standard, snapToleranceMeters: Double = 1.0, majorComponentShare: Double = 0.05,
        junctions: JunctionRule = .vertices, gapReportMeters: Double = 25, checksData: Bool = true
    ) {
        self.speeds = speeds
        self.snapToleranceMeters = snapToleranceMeters
        self.majorComponentShare = majorComponentShare
        self.junctions = junctions
        self.gapReportMeters = gapReportMeters
        self.checksData = checksData
    }

    func validate() throws(NetworkError) {
        guard snapToleranceMeters.isFinite, snapToleranceMeters >= 0, snapToleranceMeters <= 1000 else {
            throw .invalidOption(name: "snapToleranceMeters", reason: "must be in [0, 1000] m")
        }
        guard gapReportMeters.isFinite, gapReportMeters >= 0, gapReportMeters <= 1000 else {
            throw .invalidOption(name: "gapReportMeters", reason: "must be in [0, 1000] m")
        }
        guard majorComponentShare.isFinite, majorComponentShare >= 0, majorComponentShare <= 1 else {
            throw .invalidOption(name: "majorComponentShare", reason: "must be in [0, 1]")
        }
        guard speeds.defaultKmh.isFinite, speeds.defaultKmh > 0 else {
            throw .invalidOption(name: "speeds.defaultKmh", reason: "must be > 0")
        }
        for (k, v) in speeds.speedsKmh where !(v.isFinite && v > 0) {
            throw .invalidOption(name: "speeds.speedsKmh[\(k)]", reason: "must be > 0")
        }
        guard speeds.maxspeedFactor.isFinite, speeds.maxspeedFactor > 0 else {
            throw .invalidOption(name: "speeds.maxspeedFactor", reason: "must be > 0")
        }
    }
}
