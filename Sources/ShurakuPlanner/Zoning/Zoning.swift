/// A zoning: cores, their members, and why anyone is left out.
public struct Zoning: Sendable {
    public struct Zone: Sendable, Hashable {
        /// Settlement index of the core (基幹集落).
        public var core: Int
        /// Settlement indices of the members, core included, ascending.
        public var members: [Int]
        public var population: Int64
        public var maxTravelSeconds: Double
        /// Population-weighted mean travel time of the members to the core.
        public var meanTravelSeconds: Double
        /// Names of the districts the members are in (empty without districts).
        public var districts: [String]
        public var meetsMinPopulation: Bool
        /// Whether the core was designated (not chosen by the solver).
        public var isDesignated: Bool

        /// A zone with its figures as given (``Zoner/zone(core:members:travelSeconds:settlements:districts:minPopulation:)``
        /// computes them from the members).
        public init(
            core: Int, members: [Int], population: Int64, maxTravelSeconds: Double, meanTravelSeconds: Double, districts: [String],
            meetsMinPopulation: Bool, isDesignated: Bool
        ) {
            self.core = core
            self.members = members
            self.population = population
            self.maxTravelSeconds = maxTravelSeconds
            self.meanTravelSeconds = meanTravelSeconds
            self.districts = districts
            self.meetsMinPopulation = meetsMinPopulation
            self.isDesignated = isDesignated
        }
    }

    /// Zones ordered by their core's position in the input.
    public var zones: [Zone]
    /// For each settlement, its zone index (nil = unserved).
    public var zoneOf: [Int?]
    /// For each settlement, its travel time and road distance to its core (nil = unserved).
    public var travelSeconds: [Double?]
    public var travelMeters: [Double?]
    /// For each settlement, why it is unserved (nil = assigned).
    public var unservedReason: [UnservedReason?]
    /// Constraints that could not all hold, and by how much; choices the planner made.
    public var notes: [String]

    /// A zoning as given: for a zoning made outside the ``Zoner``, e.g. from a planner's edits.
    public init(
        zones: [Zone], zoneOf: [Int?], travelSeconds: [Double?], travelMeters: [Double?], unservedReason: [UnservedReason?],
        notes: [String]
    ) {
        self.zones = zones
        self.zoneOf = zoneOf
        self.travelSeconds = travelSeconds
        self.travelMeters = travelMeters
        self.unservedReason = unservedReason
        self.notes = notes
    }
}
