import ShurakuCore

extension PlanRequest {
    /// Cut-off risk: roads to close before travel times are evaluated, and the reach of a
    /// delivery drone from each core. Everything is off unless given; the drone settings come
    /// together and have no defaults (no published drone specification is assumed).
    public struct Risk: Sendable, Equatable {
        /// Lines or polygons (any OGR source): every road piece they touch is closed.
        public var closedRoads: String?
        /// A drone's one-way range from the core, km.
        public var droneRangeKm: Double?
        /// A drone's cruise speed, km/h.
        public var droneSpeedKmh: Double?
        /// Minutes of take-off, landing and hand-over added to each flight.
        public var droneOverheadMin: Double?

        public init() {}

        /// The drone, when all three drone settings are given.
        public var drone: Drone? {
            guard let r = droneRangeKm, let v = droneSpeedKmh, let o = droneOverheadMin else { return nil }
            return Drone(rangeKm: r, speedKmh: v, overheadMin: o)
        }
    }

    /// A delivery drone flying straight from a core.
    public struct Drone: Sendable, Hashable {
        /// One-way range, km.
        public var rangeKm: Double
        /// Cruise speed, km/h.
        public var speedKmh: Double
        /// Take-off, landing and hand-over, minutes.
        public var overheadMin: Double

        public init(rangeKm: Double, speedKmh: Double, overheadMin: Double) {
            self.rangeKm = rangeKm
            self.speedKmh = speedKmh
            self.overheadMin = overheadMin
        }

        /// Minutes to fly `meters` in a straight line, overhead included; nil beyond the range.
        public func minutes(meters: Double) -> Double? {
            guard meters.isFinite, meters <= rangeKm * 1000 else { return nil }
            return overheadMin + meters / 1000 / speedKmh * 60
        }
    }

    /// Settings of ``Risk`` that need each other.
    func riskProblems() -> [Problem] {
        var problems: [Problem] = []
        if risk.closedRoads != nil && inputs.roads == nil {
            problems.append(Problem(file: "", field: "closedRoads", message: "«closedRoads» needs «roads»"))
        }
        let drone = [
            ("droneRangeKm", risk.droneRangeKm), ("droneSpeedKmh", risk.droneSpeedKmh), ("droneOverheadMin", risk.droneOverheadMin),
        ]
        let given = drone.filter { $0.1 != nil }.map(\.0)
        if !given.isEmpty && given.count < drone.count {
            let missing = drone.filter { $0.1 == nil }.map { SettingName.ref($0.0) }.joined(separator: " and ")
            problems.append(
                Problem(
                    file: "", field: given[0],
                    message: "\(given.map(SettingName.ref).joined(separator: ", ")) also need\(given.count == 1 ? "s" : "") \(missing) "
                        + "(the drone settings have no defaults)"))
        }
        return problems
    }
}
