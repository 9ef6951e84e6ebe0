import ShurakuCore

extension Plan {
    /// One piece of road: a stretch between two junctions, dead ends or settlement access points
    /// (where a settlement's connector meets the road). Its id is stable for the same roads,
    /// settlements and snap tolerance, so plans with and without closures name the same pieces.
    public struct RoadPieceRow: Sendable, Hashable {
        /// The piece's id (`road_id`), from 1.
        public var roadID: Int
        /// The road class of the input line it lies on (`road_class`), when the input has one.
        public var roadClass: String?
        /// The road's name or route number (`road_name`), when the input has one.
        public var roadName: String?
        /// Its length in km (`length_km`).
        public var lengthKm: Double
        /// Geometry in lon/lat.
        public var line: [XY]
    }

    /// A road piece whose loss alone cuts settlements off from their cores: a bridge of the road
    /// graph on the way between them.
    public struct CriticalRoadRow: Sendable, Hashable {
        public var road: RoadPieceRow
        /// People of the settlements it cuts off (`people_cut_off`).
        public var peopleCutOff: Int64
        /// Ids of the settlements it cuts off, in settlement order.
        public var settlementIDs: [String]
        /// The zones of those settlements (`zones`), in zone order.
        public var zoneIDs: [String]
    }
}
