/// How a zone's bus loops run through the day: the service windows, how often each loop runs in
/// a window, and the least time between two trips of one vehicle.
public struct FleetParameters: Sendable, Hashable {
    /// The windows in which the bus runs (none: no schedule).
    public var windows: [ServiceWindow]
    /// Runs of every loop in each window (at least 1).
    public var tripsPerWindow: Int
    /// The least time between two trips chained on one vehicle, whole seconds.
    public var layoverSeconds: Int

    public init(windows: [ServiceWindow], tripsPerWindow: Int = 1, layoverSeconds: Int = 300) {
        self.windows = windows
        self.tripsPerWindow = tripsPerWindow
        self.layoverSeconds = layoverSeconds
    }
}

/// One run of one loop, core to core.
public struct FleetTrip: Sendable, Hashable {
    /// The loop's index in the zone's loops, from 0.
    public var loop: Int
    /// Core to core, dwell times included, whole seconds.
    public var seconds: Int
    /// Length in metres.
    public var meters: Double

    public init(loop: Int, seconds: Int, meters: Double) {
        self.loop = loop
        self.seconds = seconds
        self.meters = meters
    }
}

/// One vehicle's work in one window: trips back to back, a layover between consecutive ones.
public struct VehicleChain: Sendable, Hashable {
    /// Indices into the window's ``WindowSchedule/trips``, in increasing order.
    public var trips: [Int]
    /// The trips' time plus the layovers between them, seconds (the driver's time).
    public var seconds: Int
    /// Whether this is one trip longer than the window (it still needs a vehicle of its own).
    public var overruns: Bool
}

/// The vehicles of one zone in one service window.
public struct WindowSchedule: Sendable, Hashable {
    public var window: ServiceWindow
    /// Every loop × trips per window.
    public var trips: [FleetTrip]
    /// The vehicles, each with its chain of trips.
    public var vehicles: [VehicleChain]
    /// ⌈trip time / window length⌉ over the trips that fit the window, plus one vehicle per trip
    /// longer than the window: no schedule needs fewer vehicles.
    public var lowerBound: Int
    /// The vehicles first-fit decreasing needed, before the exact search.
    public var firstFitVehicles: Int
    /// Whether ``vehicles`` is proven the fewest: the exact search ran, or first fit met a lower bound.
    public var provenFewest: Bool

    /// Trips longer than the window (indices into ``trips``).
    public var oversizedTrips: [Int] { vehicles.filter(\.overruns).flatMap(\.trips) }
    /// The drivers' time in this window: every vehicle's chain, seconds.
    public var driverSeconds: Int { vehicles.reduce(0) { $0 + $1.seconds } }
    /// Metres driven in this window.
    public var meters: Double { trips.reduce(0) { $0 + $1.meters } }
}

/// A zone's vehicles over the day: the fewest vehicles per window, reused from window to window.
public struct FleetSchedule: Sendable, Hashable {
    /// One schedule per service window, in the windows' order.
    public var windows: [WindowSchedule]

    /// Vehicles the zone needs: the most any window needs (vehicles serve every window).
    public var vehicles: Int { windows.map(\.vehicles.count).max() ?? 0 }
    /// The largest lower bound over the windows.
    public var lowerBound: Int { windows.map(\.lowerBound).max() ?? 0 }
    /// Driver time per day: every window's vehicle chains, seconds.
    public var driverSecondsPerDay: Int { windows.reduce(0) { $0 + $1.driverSeconds } }
    /// Metres driven per day: every trip of every window.
    public var metersPerDay: Double { windows.reduce(0) { $0 + $1.meters } }
    /// Trips longer than their window, over the day.
    public var oversizedTrips: Int { windows.reduce(0) { $0 + $1.oversizedTrips.count } }
    /// Whether every window's vehicle count is proven the fewest.
    public var provenFewest: Bool { windows.allSatisfy(\.provenFewest) }
}

/// Puts a zone's trips on the fewest vehicles in each service window: bin packing where a
/// vehicle's chain (trip durations plus a layover between consecutive trips) must fit the window.
/// First-fit decreasing, then, when it misses the lower bound and the window has at most
/// ``BinPacking/exactLimit`` trips, an exact search. A trip longer than its window gets a vehicle
/// of its own and is reported (``VehicleChain/overruns``).
public enum FleetScheduler {
    /// The schedule of `loops` (one zone's) under `parameters`.
    public static func schedule(_ loops: [BusLoop], parameters: FleetParameters) -> FleetSchedule {
        // Loop durations are whole seconds already; NaN or beyond 10⁹ s cannot come from a loop.
        let seconds = loops.map { l in l.durationSeconds.isNaN ? 0 : Int(min(max(0, l.durationSeconds), 1e9).rounded(.up)) }
        return schedule(loopSeconds: seconds, loopMeters: loops.map(\.meters), parameters: parameters)
    }

    /// The schedule of loops given by their durations (whole seconds) and lengths (metres).
    public static func schedule(loopSeconds: [Int], loopMeters: [Double], parameters p: FleetParameters) -> FleetSchedule {
        var trips: [FleetTrip] = []
        for _ in 0..<max(1, p.tripsPerWindow) {
            for (i, s) in loopSeconds.enumerated() {
                trips.append(FleetTrip(loop: i, seconds: s, meters: i < loopMeters.count ? loopMeters[i] : 0))
            }
        }
        return FleetSchedule(windows: p.windows.map { window(trips, in: $0, layoverSeconds: max(0, p.layoverSeconds)) })
    }

    /// The fewest vehicles for `trips` in `window`.
    public static func window(_ trips: [FleetTrip], in window: ServiceWindow, layoverSeconds layover: Int) -> WindowSchedule {
        let length = window.lengthMinutes * 60
        let fitting = trips.indices.filter { trips[$0].seconds <= length }
        let oversized = trips.indices.filter { trips[$0].seconds > length }
        // A chain of k trips fits when Σ seconds + (k − 1) × layover ≤ length, that is when
        // Σ (seconds + layover) ≤ length + layover: bin packing with those sizes and capacity.
        let sizes = fitting.map { trips[$0].seconds + layover }
        let capacity = length + layover
        let tripTime = fitting.reduce(0) { $0 + trips[$1].seconds }
        let simpleBound = (tripTime + length - 1) / length
        let bound = max(simpleBound, BinPacking.lowerBound(sizes, capacity: capacity))
        let firstFit = BinPacking.firstFitDecreasing(sizes, capacity: capacity)
        var bins = firstFit
        var proven = firstFit.count <= bound
        if !proven, let exact = BinPacking.fewestBins(sizes, capacity: capacity) {
            if exact.count < bins.count { bins = exact }
            proven = true
        }
        var vehicles = bins.map { bin -> VehicleChain in
            let members = bin.map { fitting[$0] }.sorted()
            let seconds = members.reduce(0) { $0 + trips[$1].seconds } + layover * (members.count - 1)
            return VehicleChain(trips: members, seconds: seconds, overruns: false)
        }
        vehicles += oversized.map { VehicleChain(trips: [$0], seconds: trips[$0].seconds, overruns: true) }
        vehicles.sort { ($0.trips.first ?? 0) < ($1.trips.first ?? 0) }
        return WindowSchedule(
            window: window, trips: trips, vehicles: vehicles, lowerBound: simpleBound + oversized.count,
            firstFitVehicles: firstFit.count + oversized.count, provenFewest: proven)
    }
}
