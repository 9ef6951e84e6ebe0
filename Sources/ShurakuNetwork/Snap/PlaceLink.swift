import ShurakuCore

/// How a place (a settlement point) joins the road graph: a straight connector from the point to
/// the nearest point on the nearest edge, driven at the connector speed.
public struct PlaceLink: Hashable, Sendable {
    /// The place itself (metric CRS).
    public var point: XY
    /// Where the connector meets the road (equal to `point` when there is no road).
    public var snapped: XY
    /// Connector length in metres and its travel time in seconds.
    public var connectorMeters: Double
    public var connectorSeconds: Double
    /// Component of the road piece the place joined, in ``RoutingNetwork/roads`` (-1: no road at all).
    public var component: Int32
    /// The connector is longer than ``ConnectorOptions/maxConnectorMeters``.
    public var isFarFromRoad: Bool
    /// The place joined a minor piece of the network, cut off from the main component(s).
    public var isOffMainNetwork: Bool

    /// Whether the place joined a road at all (false only when the graph has no edge).
    public var hasRoad: Bool { component >= 0 }

    /// A one-word summary, most serious first: `noRoad`, `offMainNetwork`, `farFromRoad`, `onNetwork`.
    public var status: Status {
        if !hasRoad { return .noRoad }
        if isOffMainNetwork { return .offMainNetwork }
        if isFarFromRoad { return .farFromRoad }
        return .onNetwork
    }

    public enum Status: String, Hashable, Sendable {
        case onNetwork, farFromRoad, offMainNetwork, noRoad
    }
}

/// How places connect to the roads.
public struct ConnectorOptions: Hashable, Sendable {
    /// Speed on the straight connector, km/h. Default 20: the connector stands for lanes not in
    /// the road layer; 20 km/h on the straight line is about 26 km/h on a lane 1.3 times longer.
    public var speedKmh: Double
    /// A connector longer than this (metres) is flagged ``PlaceLink/isFarFromRoad``. Default 2,000.
    public var maxConnectorMeters: Double
    /// When the nearest edge is on a minor component and a major one is within
    /// ``maxConnectorMeters``, join the major one instead. Default true.
    public var preferMajorComponent: Bool

    public init(speedKmh: Double = 20, maxConnectorMeters: Double = 2000, preferMajorComponent: Bool = true) {
        self.speedKmh = speedKmh
        self.maxConnectorMeters = maxConnectorMeters
        self.preferMajorComponent = preferMajorComponent
    }

    func validate() throws(NetworkError) {
        guard speedKmh.isFinite, speedKmh > 0, speedKmh <= 300 else {
            throw .invalidOption(name: "connector speedKmh", reason: "must be in (0, 300]")
        }
        guard maxConnectorMeters.isFinite || maxConnectorMeters == .infinity, maxConnectorMeters >= 0 else {
            throw .invalidOption(name: "maxConnectorMeters", reason: "must be ≥ 0")
        }
    }
}
