/// Scratch space of one Dijkstra search, reused query after query (STYLE.md rule 7).
///
/// Arrays are sized to the graph once; a stamp per node says whether its entries belong to the
/// current query, so starting a query costs O(1) and a query touches only what it reaches.
/// The queue is a 4-ary heap with decrease-key. Not thread-safe: one workspace per worker.
final class DijkstraWorkspace {
    let nodeCount: Int
    /// Per node, packed: what one relaxation reads and writes sits in one cache line.
    struct NodeState {
        var dist: Float32
        var meters: Float32
        var stamp: UInt32
        /// Heap slot of a queued node; -1 once settled.
        var heapPos: Int32
    }
    let node: UnsafeMutablePointer<NodeState>
    /// Arc (forward or reverse id, per the search) by which the node was reached; -1 at the source.
    let parent: UnsafeMutablePointer<Int32>
    /// The queue's slots: key and node side by side.
    let heapSlots: UnsafeMutablePointer<QueueSlot>
    /// Nodes in the order they were settled.
    let settled: UnsafeMutablePointer<Int32>
    private(set) var settledCount = 0
    private var round: UInt32 = 0

    /// - Parameter placeCount: places that sink entries may name (0 when the search has none).
    init(nodeCount n: Int, placeCount: Int = 0) {
        nodeCount = n
        let c = max(n, 1)
        let pc = max(placeCount, 1)
        placeCapacity = placeCount
        placeBest = .allocate(capacity: pc)
        placeBestMeters = .allocate(capacity: pc)
        touchedList = .allocate(capacity: pc)
        placeViaNode = .allocate(capacity: pc)
        placeViaEntry = .allocate(capacity: pc)
        placeStamp = .allocate(capacity: pc)
        placeStamp.initialize(repeating: 0, count: pc)
        node = .allocate(capacity: c)
        node.initialize(repeating: NodeState(dist: 0, meters: 0, stamp: 0, heapPos: -1), count: c)
        parent = .allocate(capacity: c)
        heapSlots = .allocate(capacity: c)
        settled = .allocate(capacity: c)
    }

    deinit {
        node.deallocate()
        placeBest.deallocate()
        placeBestMeters.deallocate()
        touchedList.deallocate()
        placeStamp.deallocate()
        placeViaNode.deallocate()
        placeViaEntry.deallocate()
        parent.deallocate()
        heapSlots.deallocate()
        settled.deallocate()
    }

    /// Whether node `v` was reached by the last query.
    @inline(__always) func reached(_ v: Int) -> Bool { node[v].stamp == round }

    /// Travel time (seconds) and distance (metres) of a reached node.
    @inline(__always) func dist(_ v: Int) -> Float32 { node[v].dist }
    @inline(__always) func meters(_ v: Int) -> Float32 { node[v].meters }
    /// Whether a reached node was settled (its time is final).
    @inline(__always) func isSettled(_ v: Int) -> Bool { node[v].stamp == round && node[v].heapPos == -1 }

    /// A start of a search: a node already reached at some time and distance.
    struct Seed {
        var node: Int32
        var seconds: Float32
        var meters: Float32
    }

    /// Shortest travel times from `source` over `g`, settling nodes with time ≤ `budget`.
    /// Ties in time are broken by the shorter distance. Stops early once `target` is settled.
    /// Parent arcs are recorded only when `parents` is true (paths need them, matrices do not).
    func run(_ g: CSRView, source: Int32, budget: Float32, target: Int32 = -1, parents: Bool = false) {
        begin()
        search(g, seeds: [Seed(node: source, seconds: 0, meters: 0)], budget: budget, target: target, parents: parents)
    }

    /// Start a new query: forget every node and place of the previous one (O(1)).
    func begin() {
        round &+= 1
        if round == 0 {  // wrapped: clear stamps once every 2^32 queries
            for v in 0..<max(nodeCount, 1) { node[v].stamp = 0 }
            for p in 0..<placeCapacity { placeStamp[p] = 0 }
            round = 1
        }
        settledCount = 0
        touchedCount = 0
    }

    /// Search from `seeds` (after ``begin()``); when `sinks` is given, every settled node also
    /// offers its sink places their time (see ``offer(place:seconds:meters:viaNode:viaEntry:)``)
    /// without queueing them. Stops once `target` is settled, or once `targetPlace` has a time
    /// no later node can improve.
    ///
    /// The loop works on local copies of the buffers and counters (a `MinQueue` value and plain
    /// locals) so that the optimiser keeps them in registers.
    func search(
        _ g: CSRView, seeds: [Seed], budget: Float32, target: Int32 = -1, parents: Bool = false,
        sinks: SinkView? = nil, targetPlace: Int = -1
    ) {
        let r = round
        let state = node
        let parentP = parent
        let settledP = settled
        var queue = MinQueue(slots: heapSlots, state: state)
        var settledN = settledCount
        defer { settledCount = settledN }
        for sd in seeds where sd.node >= 0 && Int(sd.node) < nodeCount && sd.seconds <= budget {
            let v = Int(sd.node)
            if state[v].stamp != r {
                state[v] = NodeState(dist: sd.seconds, meters: sd.meters, stamp: r, heapPos: 0)
                parentP[v] = -1
                queue.push(v, sd.seconds)
            } else if sd.seconds < state[v].dist || (sd.seconds == state[v].dist && sd.meters < state[v].meters) {
                state[v].dist = sd.seconds
                state[v].meters = sd.meters
                queue.siftUp(Int(state[v].heapPos), v, sd.seconds)
            }
        }
        let arcs = g.arcs
        let firstOut = g.firstOut
        let target = Int(target)
        let watch = targetPlace >= 0 && targetPlace < placeCapacity
        while queue.count > 0 {
            let (u, du) = queue.popMin()
            if watch, placeStamp[targetPlace] == r, placeBest[targetPlace] < du {
                return  // every later offer is at least du: the target place's time is final
            }
            state[u].heapPos = -1
            settledP[settledN] = Int32(u)
            settledN += 1
            if u == target { return }
            let mu = state[u].meters
            if let sk = sinks {
                var k = Int(sk.start[u])
                let kEnd = Int(sk.start[u + 1])
                while k < kEnd {
                    let e = sk.entries[k]
                    let d = du + e.seconds
                    if d <= budget {
                        offer(place: Int(e.place), seconds: d, meters: mu + e.meters, viaNode: Int32(u), viaEntry: Int32(k))
                    }
                    k += 1
                }
            }
            var a = Int(firstOut[u])
            let end = Int(firstOut[u + 1])
            while a < end {
                let arc = arcs[a]
                let dv = du + arc.seconds
                if dv <= budget {
                    let v = Int(arc.head)
                    let mv = mu + arc.meters
                    let st = state[v]
                    if st.stamp != r {
                        state[v] = NodeState(dist: dv, meters: mv, stamp: r, heapPos: 0)
                        if parents { parentP[v] = Int32(a) }
                        queue.push(v, dv)
                    } else if st.heapPos >= 0, dv < st.dist || (dv == st.dist && mv < st.meters) {
                        state[v].dist = dv
                        state[v].meters = mv
                        if parents { parentP[v] = Int32(a) }
                        queue.siftUp(Int(st.heapPos), v, dv)
                    }
                }
                a += 1
            }
        }
    }

    // MARK: Places reached through sinks

    private let placeCapacity: Int
    private let placeBest: UnsafeMutablePointer<Float32>
    private let placeBestMeters: UnsafeMutablePointer<Float32>
    private let placeStamp: UnsafeMutablePointer<UInt32>
    private let touchedList: UnsafeMutablePointer<Int32>
    /// Per place: the settled node and sink entry of its best offer (entry -1: a direct offer).
    private let placeViaNode: UnsafeMutablePointer<Int32>
    private let placeViaEntry: UnsafeMutablePointer<Int32>
    /// Places offered a time in the current query, in first-offer order.
    private(set) var touchedCount = 0

    /// Offer place `p` a time, reached from settled node `viaNode` through sink entry `viaEntry`
    /// (-1, -1 for a direct offer); keeps the best (time, then distance) per query.
    @inline(__always) func offer(place p: Int, seconds: Float32, meters: Float32, viaNode: Int32 = -1, viaEntry: Int32 = -1) {
        let best = placeBest
        let bestM = placeBestMeters
        if placeStamp[p] != round {
            placeStamp[p] = round
            best[p] = seconds
            bestM[p] = meters
            touchedList[touchedCount] = Int32(p)
            touchedCount += 1
        } else if seconds < best[p] || (seconds == best[p] && meters < bestM[p]) {
            best[p] = seconds
            bestM[p] = meters
        } else {
            return
        }
        placeViaNode[p] = viaNode
        placeViaEntry[p] = viaEntry
    }

    /// The best offer of place `p` in this query (nil when it got none).
    func placeResult(_ p: Int) -> (seconds: Float32, meters: Float32, viaNode: Int32, viaEntry: Int32)? {
        guard p >= 0, p < placeCapacity, placeStamp[p] == round else { return nil }
        return (placeBest[p], placeBestMeters[p], placeViaNode[p], placeViaEntry[p])
    }

    /// The `i`-th place offered in this query, with its best time and distance.
    @inline(__always) func touched(_ i: Int) -> (place: Int, seconds: Float32, meters: Float32) {
        let p = Int(touchedList[i])
        return (p, placeBest[p], placeBestMeters[p])
    }
}
