import Foundation
import ShurakuCore
import ShurakuNetwork

/// How travel between places is measured for bus loops: along the roads, or straight lines.
public enum LoopTravel: Sendable {
    /// Along the road network (times, distances and geometry follow the roads).
    case road(RoutingNetwork)
    /// Geodesic × detour at a set speed; loop geometry is straight segments between stops.
    /// `scale` (optional) is the projection's scale factor per place, for fast distances.
    case straightLine(StraightLineModel, lonLat: [XY], projected: [XY], scale: [Double]?)
}

/// The rules of one zone's bus loops.
public struct BusLoopParameters: Sendable {
    /// Longest loop, dwell times included.
    public var maxLoopSeconds: Double
    /// Dwell time at each stop.
    public var dwellSeconds: Double
    /// Longest ride of any passenger, nil for no limit: from a stop to the core along the rest
    /// of the loop, dwell times included, and from the core to a stop on the loop run in reverse.
    public var maxRideSeconds: Double?
    /// Riders a vehicle can carry on one loop; nil for no limit.
    public var capacity: Int?
    /// Daily riders per resident (demand of a stop = ⌈population × rate⌉), with `capacity`.
    public var tripRate: Double
    public var seed: UInt64

    public init(
        maxLoopSeconds: Double, dwellSeconds: Double, maxRideSeconds: Double? = nil, capacity: Int? = nil, tripRate: Double = 0.02,
        seed: UInt64 = 1
    ) {
        self.maxLoopSeconds = maxLoopSeconds
        self.dwellSeconds = dwellSeconds
        self.maxRideSeconds = maxRideSeconds
        self.capacity = capacity
        self.tripRate = tripRate
        self.seed = seed
    }
}

/// One closed loop from the core through some of its zone's settlements.
public struct BusLoop: Sendable, Hashable {
    /// Place indices of the stops in visiting order (the core, start and end, not included).
    public var stops: [Int]
    /// Arrival at each stop, seconds after leaving the core.
    public var arrivalSeconds: [Double]
    /// Ride time of each stop, seconds: the longer of the ride from the stop to the core along
    /// the rest of the loop and the ride from the core to the stop on the loop run in reverse,
    /// dwell times at the stops in between included.
    public var rideSeconds: [Double]
    /// The loop's longest ride (its first stop's), seconds.
    public var maxRideSeconds: Double { rideSeconds.max() ?? 0 }
    /// Depot to depot, dwell times included.
    public var durationSeconds: Double
    public var meters: Double
    /// The loop's line, core to core, in the metric CRS.
    public var line: [XY]
    /// Riders on the loop (capacitated variant), else 0.
    public var load: Int
}

/// A zone's loops and the stops no loop could take.
public struct ZoneBusPlan: Sendable {
    public var loops: [BusLoop]
    /// Stops left out, with the reason.
    public var skipped: [(place: Int, reason: String)]
}

/// Sketches a zone's デマンドバス: closed loops from the core through its stops, as few as the
/// duration (and capacity) limits allow, each as short as the routing engine finds, with road
/// geometry.
public enum BusLoopPlanner {
    public static func plan(
        depot: Int, stops: [Int], population: (Int) -> Int64, travel: LoopTravel, parameters p: BusLoopParameters
    ) throws -> ZoneBusPlan {
        if stops.isEmpty { return ZoneBusPlan(loops: [], skipped: []) }
        let nodes = [depot] + stops
        let n = nodes.count
        let (seconds, meters) = try pairTable(nodes, travel: travel, cutoff: p.maxLoopSeconds)
        let matrix = RoutingProblem.roundedTravel(seconds: seconds)
        let dwell = Int32(p.dwellSeconds.rounded())
        var demand: [Int32]? = nil
        var capacity: Int32? = nil
        if let cap = p.capacity {
            capacity = Int32(clamping: cap)
            demand = [0] + stops.map { Int32(clamping: Int64((Double(population($0)) * p.tripRate).rounded(.up))) }
        }
        let problem = try RoutingProblem(
            nodeCount: n, travel: matrix, service: [0] + Array(repeating: dwell, count: stops.count), demand: demand,
            capacity: capacity, maxRouteDuration: Int32(clamping: Int64(p.maxLoopSeconds.rounded(.down))),
            maxRideTime: p.maxRideSeconds.map { Int32(clamping: Int64($0.rounded(.down))) },
            objective: .fewestRoutesThenCost)
        // Budgets grow with small zones and shrink per stop in large ones, so that a whole
        // country of zones stays fast: on 能登町 these budgets are within 0.01 % of 4× more.
        let rounds = n <= 40 ? min(100, 20 + 2 * n) : max(4, 4_000 / n)
        let options = RoutingOptions(seed: p.seed, iterations: rounds, tourIterations: n <= 40 ? min(4_000, 100 * n) : 800)
        let solution = RoutingEngine.solve(problem, options: options)

        var finder: PathFinder? = nil
        if case .road(let net) = travel { finder = PathFinder(network: net) }
        var loops: [BusLoop] = []
        for route in solution.routes {
            let order = [0] + route.stops + [0]
            var line: [XY] = []
            var total = 0.0
            for k in 0..<(order.count - 1) {
                let a = order[k]
                let b = order[k + 1]
                total += meters[a * n + b]
                let leg = try legGeometry(from: nodes[a], to: nodes[b], travel: travel, finder: &finder)
                for q in leg where line.last != q { line.append(q) }
            }
            loops.append(
                BusLoop(
                    stops: route.stops.map { nodes[$0] }, arrivalSeconds: route.arrivals.map(Double.init),
                    rideSeconds: route.rides.map(Double.init),
                    durationSeconds: Double(route.duration), meters: total, line: line, load: Int(route.load)))
        }
        let skipped = solution.unassigned.map { u -> (Int, String) in
            let why: String
            switch u.reason {
            case .roundTripExceedsMaxDuration: why = "the round trip from the core is longer than the loop limit"
            case .rideExceedsMaxRideTime: why = "its direct ride to or from the core is longer than the ride limit"
            case .demandExceedsCapacity: why = "its riders alone exceed the vehicle capacity"
            case .unreachable: why = "no road path to or from the core"
            case .noRouteAvailable: why = "no loop has room for it"
            }
            return (nodes[u.node], why)
        }
        return ZoneBusPlan(loops: loops, skipped: skipped)
    }

    /// Seconds and metres between every ordered pair of `nodes`, row-major (infinite beyond `cutoff`).
    private static func pairTable(_ nodes: [Int], travel: LoopTravel, cutoff: Double) throws -> ([Float32], [Double]) {
        let n = nodes.count
        var secs = [Float32](repeating: .infinity, count: n * n)
        var mets = [Double](repeating: .infinity, count: n * n)
        let m: TravelTimeMatrix
        switch travel {
        case .road(let net):
            m = try net.travelTimes(sources: nodes.map { Int32($0) }, cutoffSeconds: cutoff, direction: .fromSources, workers: 1)
        case .straightLine(let model, let lonLat, let projected, let scale):
            m = try model.travelTimes(
                lonLat: lonLat, projected: projected, sources: nodes.map { Int32($0) }, cutoffSeconds: cutoff,
                direction: .fromSources, workers: 1, scale: scale)
        }
        for i in 0..<n {
            for j in 0..<n {
                if let e = m.entry(row: i, target: Int32(nodes[j])) {
                    secs[i * n + j] = e.seconds
                    mets[i * n + j] = Double(e.meters)
                }
            }
        }
        return (secs, mets)
    }

    private static func legGeometry(from a: Int, to b: Int, travel: LoopTravel, finder: inout PathFinder?) throws -> [XY] {
        switch travel {
        case .road:
            if let path = try finder?.path(from: a, to: b) { return path.points }
            return []
        case .straightLine(_, _, let projected, _):
            return [projected[a], projected[b]]
        }
    }
}
