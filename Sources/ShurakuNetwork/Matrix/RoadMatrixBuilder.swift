import ShurakuCore

extension RoutingNetwork {
    /// Travel times between places along the roads, up to `cutoffSeconds`.
    ///
    /// One bounded Dijkstra per source on the junction graph, with places reached through their
    /// edges rather than queued (one workspace per worker, all cores by default); times include
    /// both connectors. Output order does not depend on the number of workers.
    /// - Parameters:
    ///   - sources: place indices of the rows (nil: every place, in order).
    ///   - cutoffSeconds: the longest time kept; pairs farther apart are left out (finite, ≥ 0).
    ///   - direction: ``TravelTimeMatrix/Direction/fromSources`` (source → target) or
    ///     ``TravelTimeMatrix/Direction/toSources`` (target → source, e.g. settlement → core).
    ///   - workers: threads to use (nil: all active processors).
    public func travelTimes(
        sources: [Int32]? = nil, cutoffSeconds: Double, direction: TravelTimeMatrix.Direction = .fromSources,
        workers: Int? = nil
    ) throws(NetworkError) -> TravelTimeMatrix {
        guard cutoffSeconds.isFinite, cutoffSeconds >= 0 else {
            throw .invalidOption(name: "cutoffSeconds", reason: "must be finite and ≥ 0")
        }
        if let w = workers, w < 1 { throw .invalidOption(name: "workers", reason: "must be ≥ 1") }
        let src = sources ?? (0..<Int32(places.count)).map { $0 }
        for s in src where s < 0 || Int(s) >= places.count {
            throw .indexOutOfRange(name: "source", index: Int(s), count: places.count)
        }
        let places = self.places
        let at = attachments
        let reverse = direction == .toSources
        let minConnector = places.lazy.filter(\.hasRoad).map(\.connectorSeconds).min() ?? 0
        let roads = self.roads
        let placeCount = places.count
        let sinkTable = reverse ? at.reverse : at.forward
        let chunks = roads.withCSR(reverse: reverse) { csr in
            sinkTable.withView { sinks in
                parallelChunks(
                    count: src.count, workers: workers,
                    makeState: {
                        (
                            DijkstraWorkspace(nodeCount: roads.nodeCount, placeCount: placeCount),
                            [(Int32, Float32, Float32)](), RowSortScratch(), [DijkstraWorkspace.Seed]()
                        )
                    },
                    work: { state, range in
                        var chunk = MatrixChunk()
                        let ws = state.0
                        for r in range {
                            let s = Int(src[r])
                            let link = places[s]
                            state.1.append((Int32(s), 0, 0))
                            let budget = cutoffSeconds - link.connectorSeconds - minConnector
                            if link.hasRoad, budget >= 0 {
                                let b = Float32(budget).nextUp
                                seeds(of: s, reverse: reverse, roads: roads, at: at, into: &state.3)
                                ws.begin()
                                ws.search(csr, seeds: state.3, budget: b, sinks: sinks)
                                offerSameEdge(s, reverse: reverse, roads: roads, at: at, ws: ws, budget: b)
                                for i in 0..<ws.touchedCount {
                                    let (t, d, m) = ws.touched(i)
                                    if t == s { continue }
                                    let total = Double(d) + link.connectorSeconds + places[t].connectorSeconds
                                    if total <= cutoffSeconds {
                                        let tm = Double(m) + link.connectorMeters + places[t].connectorMeters
                                        state.1.append((Int32(t), Float32(total), Float32(tm)))
                                    }
                                }
                            }
                            chunk.appendSorted(&state.1, scratch: &state.2, targetCount: placeCount)
                        }
                        return chunk
                    })
            }
        }
        return TravelTimeMatrix(
            mode: .road, direction: direction, cutoffSeconds: cutoffSeconds, sources: src,
            targetCount: places.count, chunks: chunks)
    }
}

/// Where a search from (or, reversed, towards) place `s` starts on the junction graph.
func seeds(
    of s: Int, reverse: Bool, roads: RoadGraph, at: PlaceAttachments, into out: inout [DijkstraWorkspace.Seed]
) {
    out.removeAll(keepingCapacity: true)
    if at.node[s] >= 0 {
        out.append(.init(node: at.node[s], seconds: 0, meters: 0))
        return
    }
    let e = Int(at.edge[s])
    guard e >= 0 else { return }
    let a = roads.edgeTail[e]
    let b = roads.edgeHead[e]
    let flags = roads.edgeFlags[e]
    let toHead = DijkstraWorkspace.Seed(node: b, seconds: at.restSeconds[s], meters: at.restMeters[s])
    let toTail = DijkstraWorkspace.Seed(node: a, seconds: at.offsetSeconds[s], meters: at.offsetMeters[s])
    if !reverse {
        if flags & 1 != 0 { out.append(toHead) }  // s → b along a → b
        if flags & 2 != 0 { out.append(toTail) }  // s → a along b → a
    } else {
        if flags & 1 != 0 { out.append(toTail) }  // a → s along a → b
        if flags & 2 != 0 { out.append(toHead) }  // b → s along b → a
    }
}

/// Places inside the same edge as `s` are also reached directly along it (`extraSeconds` and
/// `extraMeters` added to each, e.g. the source's own connector).
func offerSameEdge(
    _ s: Int, reverse: Bool, roads: RoadGraph, at: PlaceAttachments, ws: DijkstraWorkspace, budget: Float32,
    extraSeconds: Float32 = 0, extraMeters: Float32 = 0
) {
    let e = Int(at.edge[s])
    guard e >= 0 else { return }
    let flags = roads.edgeFlags[e]
    let os = at.offsetSeconds[s]
    let om = at.offsetMeters[s]
    for k in Int(at.edgePlaceStart[e])..<Int(at.edgePlaceStart[e + 1]) {
        let q = Int(at.edgePlaces[k])
        if q == s { continue }
        let oq = at.offsetSeconds[q]
        let mq = at.offsetMeters[q]
        // The trip runs from → to; towards a higher offset it needs a → b, else b → a.
        let (from, to) = reverse ? (q, s) : (s, q)
        let ahead = at.offsetSeconds[to] >= at.offsetSeconds[from]
        let allowed = ahead ? flags & 1 != 0 : flags & 2 != 0
        guard allowed || oq == os else { continue }
        let d = abs(oq - os) + extraSeconds
        let m = abs(mq - om) + extraMeters
        if d <= budget { ws.offer(place: q, seconds: d, meters: m) }
    }
}
