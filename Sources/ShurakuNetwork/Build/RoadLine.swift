import ShurakuCore

/// One road line as the builder takes it: vertices in a metric CRS (metres) and the
/// feature's attributes as strings (`highway`, `oneway`, `maxspeed`, `road_class`, …).
public struct RoadLine: Hashable, Sendable {
    public var points: [XY]
    public var properties: [String: String]
    /// How reports name the line: its id and name (`osm_id 123 (国道249号)`, `fid 17`).
    public var label: String?

    public init(points: [XY], properties: [String: String] = [:], label: String? = nil) {
        self.points = points
        self.properties = properties
        self.label = label
    }
}

/// Which ways a line may be driven, relative to the order of its vertices.
public enum TravelDirection: Hashable, Sendable {
    case both
    /// Only from the first vertex towards the last.
    case forward
    /// Only from the last vertex towards the first.
    case backward

    var allowsForward: Bool { self != .backward }
    var allowsBackward: Bool { self != .forward }
}
