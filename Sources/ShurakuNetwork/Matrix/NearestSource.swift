import ShurakuCore

/// The travel time between a place and the nearest of a set of sources (e.g. the nearest clinic).
public struct NearestSource: Hashable, Sendable {
    /// Travel time, seconds (connectors included).
    public var seconds: Float32
    /// Road distance of that trip, metres (connectors included).
    public var meters: Float32

    public init(seconds: Float32, meters: Float32) {
        self.seconds = seconds
        self.meters = meters
    }
}

extension RoutingNetwork {
    /// For every place, the travel time to (or from) the nearest of `sources`, up to `cutoffSeconds`,
    /// in one multi-source search rather than one search per place.
    ///
    /// The search starts from every source at once, each seeded with its own connector time, so a
    /// place's time is the least over the sources of connector + road + connector, exactly as
    /// ``travelTimes(sources:cutoffSeconds:direction:workers:)`` would give it for that pair.
    /// - Parameters:
    ///   - sources: place indices of the sources (e.g. the clinics among the places); may be empty.
    ///   - cutoffSeconds: the longest time kept (finite, ≥ 0).
    ///   - direction: ``TravelTimeMatrix/Direction/toSources`` for trips from each place to the
    ///     nearest source (e.g. settlement → clinic, searched on the reversed graph), or
    ///     ``TravelTimeMatrix/Direction/fromSources`` for trips from the nearest source to each place.
    /// - Returns: one entry per place, nil when no source is within the cutoff; a source's own entry is 0.
    public func nearestTimes(
        from sources: [Int32], cutoffSeconds: Double, direction: TravelTimeMatrix.Direction
    ) throws(NetworkError) -> [NearestSource?] {
        guard cutoffSeconds.isFinite, cutoffSeconds >= 0 else {
            throw .invalidOption(name: "cutoffSeconds", reason: "must be finite and ≥ 0")
        }
        for s in sources where s < 0 || Int(s) >= places.count {
            throw .indexOutOfRange(name: "source", index: Int(s), count: places.count)
        }
        let places = self.places
        var out = [NearestSource?](repeating: nil, count: places.count)
        for s in sources { out[Int(s)] = NearestSource(seconds: 0, meters: 0) }
        let starts = sources.filter { places[Int($0)].hasRoad }
        guard !starts.isEmpty else { return out }
        let reverse = direction == .toSources
        let at = attachments
        let minConnector = places.lazy.filter(\.hasRoad).map(\.connectorSeconds).min() ?? 0
        let budget = Float32(cutoffSeconds - minConnector).nextUp
        guard budget >= 0 else { return out }
        let ws = DijkstraWorkspace(nodeCount: roads.nodeCount, placeCount: places.count)
        var all: [DijkstraWorkspace.Seed] = []
        var one: [DijkstraWorkspace.Seed] = []
        for s in starts {
            let link = places[Int(s)]
            seeds(of: Int(s), reverse: reverse, roads: roads, at: at, into: &one)
            for var seed in one {
                seed.seconds += Float32(link.connectorSeconds)
                seed.meters += Float32(link.connectorMeters)
                all.append(seed)
            }
        }
        // Deterministic seeding: by node, then time, then distance.
        all.sort { ($0.node, $0.seconds, $0.meters) < ($1.node, $1.seconds, $1.meters) }
        let sinkTable = reverse ? at.reverse : at.forward
        ws.begin()
        for s in starts {
            let link = places[Int(s)]
            offerSameEdge(
                Int(s), reverse: reverse, roads: roads, at: at, ws: ws, budget: budget,
                extraSeconds: Float32(link.connectorSeconds), extraMeters: Float32(link.connectorMeters))
        }
        roads.withCSR(reverse: reverse) { csr in
            sinkTable.withView { sinks in ws.search(csr, seeds: all, budget: budget, sinks: sinks) }
        }
        for i in 0..<ws.touchedCount {
            let (t, d, m) = ws.touched(i)
            guard out[t] == nil else { continue }  // a source keeps its 0
            let total = Double(d) + places[t].connectorSeconds
            guard total <= cutoffSeconds else { continue }
            out[t] = NearestSource(seconds: Float32(total), meters: Float32(Double(m) + places[t].connectorMeters))
        }
        return out
    }
}
