import ShurakuGeo

/// A settlement (集落, or a census small area standing in for one): the unit that is assigned
/// to a zone. Geometry is in the study's metric CRS.
public struct Settlement: Sendable, Hashable {
    /// Position in the input layer (0-based), for messages and stable ordering.
    public var sourceIndex: Int
    public var id: String
    public var name: String
    public var population: Int64
    /// Where the settlement is: the point itself, or the representative point of its polygon.
    public var location: XY
    /// Longitude/latitude of `location` (WGS 84), for outputs.
    public var lonLat: XY
    /// The settlement's own polygon when it was given as one (used for zone shapes).
    public var area: Geometry?
    /// Designated core (基幹集落): always a core.
    public var isDesignatedCore: Bool
    /// May be chosen as a core by the solver.
    public var isCoreCandidate: Bool
    /// Group value for `--group-by` (e.g. a municipality code).
    public var group: String?
    /// The text of the fields ``SettlementOptions/keepFields`` asked for (absent when null or empty).
    public var attributes: [String: String]

    public init(
        sourceIndex: Int, id: String, name: String, population: Int64, location: XY, lonLat: XY,
        area: Geometry? = nil, isDesignatedCore: Bool = false, isCoreCandidate: Bool = true, group: String? = nil,
        attributes: [String: String] = [:]
    ) {
        self.sourceIndex = sourceIndex
        self.id = id
        self.name = name
        self.population = population
        self.location = location
        self.lonLat = lonLat
        self.area = area
        self.isDesignatedCore = isDesignatedCore
        self.isCoreCandidate = isCoreCandidate
        self.group = group
        self.attributes = attributes
    }
}

/// A district (小学校区, 旧小学校区, 旧町村, 地区, …): a polygon zones must respect.
public struct District: Sendable, Hashable {
    public var sourceIndex: Int
    public var name: String
    /// Valid (repaired if needed) polygonal geometry in the study's metric CRS.
    public var area: Geometry
}
