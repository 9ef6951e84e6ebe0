/// Scratch space of one Dijkstra search, reused query after query (STYLE.md rule 7).
///
/// Arrays are sized to the graph once; a stamp per node says whether its entries belong to the
/// current query, so starting a query costs O(1) and a query touches only what it reaches.
/// The queue is a 4-ary heap with decrease-key. Not thread-safe: one workspace per worker.
final class DijkstraWorkspace {
    let nodeCount: Int
    let dist: UnsafeMutablePointer<Float32>
    let meters: UnsafeMutablePointer<Float32>
    let stamp: UnsafeMutablePointer<UInt32>
    /// Heap slot of a queued node; -1 once settled.
    let heapPos: UnsafeMutablePointer<Int32>
    /// Arc (forward or reverse id, per the search) by which the node was reached; -1 at the source.
    let parent: UnsafeMutablePointer<Int32>
    let heapNode: UnsafeMutablePointer<Int32>
    let heapKey: UnsafeMutablePointer<Float32>
    /// Nodes in the order they were settled.
    let settled: UnsafeMutablePointer<Int32>
    private(set) var settledCount = 0
    private var heapCount = 0
    private var round: UInt32 = 0

    init(nodeCount n: Int) {
        nodeCount = n
        let c = max(n, 1)
        dist = .allocate(capacity: c)
        meters = .allocate(capacity: c)
        stamp = .allocate(capacity: c)
        stamp.initialize(repeating: 0, count: c)
        heapPos = .allocate(capacity: c)
        parent = .allocate(capacity: c)
        heapNode = .allocate(capacity: c)
        heapKey = .allocate(capacity: c)
        settled = .allocate(capacity: c)
    }

    deinit {
        dist.deallocate(); meters.deallocate(); stamp.deallocate(); heapPos.deallocate()
        parent.deallocate(); heapNode.deallocate(); heapKey.deallocate(); settled.deallocate()
    }

    /// Whether node `v` was reached by the last query.
    @inline(__always) func reached(_ v: Int) -> Bool { stamp[v] == round }

    /// Shortest travel times from `source` over `g`, settling nodes with time ≤ `budget`.
    /// Ties in time are broken by the shorter distance. Stops early once `target` is settled.
    func run(_ g: CSRView, source: Int32, budget: Float32, target: Int32 = -1) {
        round &+= 1
        if round == 0 {  // wrapped: clear stamps once every 2^32 queries
            stamp.update(repeating: 0, count: max(nodeCount, 1))
            round = 1
        }
        settledCount = 0
        heapCount = 0
        guard source >= 0, Int(source) < nodeCount, budget >= 0 else { return }
        let s = Int(source)
        stamp[s] = round
        dist[s] = 0
        meters[s] = 0
        parent[s] = -1
        push(s, 0)
        while heapCount > 0 {
            let u = Int(heapNode[0])
            let du = heapKey[0]
            popMin()
            heapPos[u] = -1
            settled[settledCount] = Int32(u)
            settledCount += 1
            if u == Int(target) { return }
            let mu = meters[u]
            var a = Int(g.firstOut[u])
            let end = Int(g.firstOut[u + 1])
            while a < end {
                let v = Int(g.head[a])
                let dv = du + g.seconds[a]
                if dv <= budget {
                    let mv = mu + g.meters[a]
                    if stamp[v] != round {
                        stamp[v] = round
                        dist[v] = dv
                        meters[v] = mv
                        parent[v] = Int32(a)
                        push(v, dv)
                    } else if heapPos[v] >= 0, dv < dist[v] || (dv == dist[v] && mv < meters[v]) {
                        dist[v] = dv
                        meters[v] = mv
                        parent[v] = Int32(a)
                        siftUp(Int(heapPos[v]), v, dv)
                    }
                }
                a += 1
            }
        }
    }

    @inline(__always) private func push(_ v: Int, _ key: Float32) {
        let i = heapCount
        heapCount += 1
        siftUp(i, v, key)
    }

    @inline(__always) private func siftUp(_ start: Int, _ v: Int, _ key: Float32) {
        var i = start
        while i > 0 {
            let p = (i - 1) >> 2
            let pk = heapKey[p]
            if pk <= key { break }
            heapKey[i] = pk
            let pn = heapNode[p]
            heapNode[i] = pn
            heapPos[Int(pn)] = Int32(i)
            i = p
        }
        heapKey[i] = key
        heapNode[i] = Int32(v)
        heapPos[v] = Int32(i)
    }

    @inline(__always) private func popMin() {
        heapCount -= 1
        let n = heapCount
        if n == 0 { return }
        let key = heapKey[n]
        let v = heapNode[n]
        var i = 0
        while true {
            let c0 = 4 * i + 1
            if c0 >= n { break }
            var best = c0
            var bk = heapKey[c0]
            let cEnd = min(c0 + 4, n)
            var c = c0 + 1
            while c < cEnd {
                let k = heapKey[c]
                if k < bk { bk = k; best = c }
                c += 1
            }
            if bk >= key { break }
            heapKey[i] = bk
            let bn = heapNode[best]
            heapNode[i] = bn
            heapPos[Int(bn)] = Int32(i)
            i = best
        }
        heapKey[i] = key
        heapNode[i] = v
        heapPos[Int(v)] = Int32(i)
    }
}
