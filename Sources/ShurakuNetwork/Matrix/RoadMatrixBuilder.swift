extension RoutingNetwork {
    /// Travel times between places along the roads, up to `cutoffSeconds`.
    ///
    /// One bounded Dijkstra per source on the contracted graph (one workspace per worker, all
    /// cores by default); times include both connectors. Output order does not depend on the
    /// number of workers.
    /// - Parameters:
    ///   - sources: place indices of the rows (nil: every place, in order).
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
        let nodePlaceStart = self.nodePlaceStart, nodePlaces = self.nodePlaces
        let minConnector = places.lazy.filter { $0.node >= 0 }.map(\.connectorSeconds).min() ?? 0
        let graph = self.graph
        let chunks = graph.withCSR(reverse: direction == .toSources) { csr in
            parallelChunks(
                count: src.count, workers: workers,
                makeState: { (DijkstraWorkspace(nodeCount: graph.nodeCount), [(Int32, Float32, Float32)](), RowSortScratch()) },
                work: { state, range in
                    var chunk = MatrixChunk()
                    let ws = state.0
                    for r in range {
                        let s = Int(src[r])
                        let link = places[s]
                        state.1.append((Int32(s), 0, 0))
                        let budget = cutoffSeconds - link.connectorSeconds - minConnector
                        if link.node >= 0, budget >= 0 {
                            ws.run(csr, source: link.node, budget: Float32(budget).nextUp)
                            for i in 0..<ws.settledCount {
                                let v = Int(ws.settled[i])
                                let a = Int(nodePlaceStart[v]), b = Int(nodePlaceStart[v + 1])
                                if a == b { continue }
                                let d = Double(ws.dist(v)), m = Double(ws.meters(v))
                                for k in a..<b {
                                    let t = Int(nodePlaces[k])
                                    if t == s { continue }
                                    let total = d + link.connectorSeconds + places[t].connectorSeconds
                                    if total <= cutoffSeconds {
                                        let tm = m + link.connectorMeters + places[t].connectorMeters
                                        state.1.append((Int32(t), Float32(total), Float32(tm)))
                                    }
                                }
                            }
                        }
                        chunk.appendSorted(&state.1, scratch: &state.2, targetCount: places.count)
                    }
                    return chunk
                })
        }
        return TravelTimeMatrix(mode: .road, direction: direction, cutoffSeconds: cutoffSeconds, sources: src,
                                targetCount: places.count, chunks: chunks)
    }
}
