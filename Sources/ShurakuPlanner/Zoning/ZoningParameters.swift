/// How zones must respect districts.
public enum DistrictMode: String, Sendable, CaseIterable {
    /// No zone spans two districts.
    case within
    /// Zones are unions of whole districts.
    case whole
    /// Districts play no part in zoning.
    case ignore
}

/// The rules a zoning must follow.
public struct ZoningParameters: Sendable {
    /// Longest travel time from a settlement to its core.
    public var maxTravelSeconds: Double
    /// Longest road distance from a settlement to its core, when limited.
    public var maxTravelMeters: Double?
    /// Smallest zone population (soft: reported when it cannot hold).
    public var minPopulation: Int64
    /// Largest zone population (hard).
    public var maxPopulation: Int64?
    /// Number of zones: `.most` (max-p: the most zones that meet the minimum population),
    /// `.auto` (the fewest that serve everyone reachable), or exactly n.
    public var zoneCount: FacilityCount
    public var districtMode: DistrictMode
    public var seed: UInt64
    /// Each settlement's preference as a core (larger is better; e.g. ``CoreScore/preferences(_:)``),
    /// or nil for none. At the zone count, the cores with the largest total preference are
    /// chosen; travel time only breaks ties.
    public var coreScores: [Int64]?
    /// In `whole` mode, the districts that touch each district (indices of
    /// ``DistrictMembership/names``): a district may only join a core in its own district or in
    /// one it touches, so that zones are contiguous. nil: no such rule. A district that touches
    /// none (an island) may join any core it reaches.
    public var districtNeighbours: [Set<Int>]?

    public init(
        maxTravelSeconds: Double, maxTravelMeters: Double? = nil, minPopulation: Int64 = 0, maxPopulation: Int64? = nil,
        zoneCount: FacilityCount = .auto, districtMode: DistrictMode = .ignore, seed: UInt64 = 1, coreScores: [Int64]? = nil,
        districtNeighbours: [Set<Int>]? = nil
    ) {
        self.districtNeighbours = districtNeighbours
        self.coreScores = coreScores
        self.maxTravelSeconds = maxTravelSeconds
        self.maxTravelMeters = maxTravelMeters
        self.minPopulation = minPopulation
        self.maxPopulation = maxPopulation
        self.zoneCount = zoneCount
        self.districtMode = districtMode
        self.seed = seed
    }
}
