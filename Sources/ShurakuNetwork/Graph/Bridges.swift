/// The bridges of a road graph's undirected view and the tree they form: which edges, lost
/// alone, split the network, and which of them lie between any two nodes.
///
/// One iterative depth-first pass computes low links (Tarjan / Hopcroft, no recursion, linear
/// in nodes + edges); parallel edges are told apart by edge id, so two roads between the same
/// junctions are never bridges, and self-loops never are. A second linear pass labels the
/// 2-edge-connected pieces (what remains connected after removing every bridge) and roots the
/// forest whose nodes are those pieces and whose edges are the bridges. The bridges between two
/// nodes are then the path between their pieces in that forest:
/// ``bridges(between:and:)`` walks it in time proportional to its length.
public struct BridgeTree: Sendable {
    /// Per edge of the graph: whether it is a bridge.
    public let isBridge: [Bool]
    /// The number of bridges.
    public let bridgeCount: Int
    /// Per node: its 2-edge-connected piece.
    public let pieceOfNode: [Int32]
    /// Per piece: its parent piece in the bridge forest (-1 at a root).
    let parent: [Int32]
    /// Per piece: the bridge to its parent (-1 at a root).
    let parentBridge: [Int32]
    /// Per piece: its depth in the bridge forest (0 at a root).
    let depth: [Int32]
    /// Per piece: the root piece of its tree (one tree per connected component).
    let root: [Int32]

    /// The number of 2-edge-connected pieces.
    public var pieceCount: Int { parent.count }

    /// Bridges and bridge forest of `graph`'s undirected view (every edge, whatever its directions).
    public init(_ graph: RoadGraph) {
        self.init(nodeCount: graph.nodeCount, edgeTail: graph.edgeTail, edgeHead: graph.edgeHead)
    }

    /// Bridges and bridge forest of the undirected graph with these edges.
    init(nodeCount n: Int, edgeTail: [Int32], edgeHead: [Int32]) {
        let m = edgeTail.count
        // Undirected incidence (CSR): per node, (neighbour, edge) pairs; self-loops left out.
        var start = [Int32](repeating: 0, count: n + 1)
        for e in 0..<m where edgeTail[e] != edgeHead[e] {
            start[Int(edgeTail[e]) + 1] += 1
            start[Int(edgeHead[e]) + 1] += 1
        }
        for v in 0..<n { start[v + 1] += start[v] }
        var fill = start
        var other = [Int32](repeating: 0, count: Int(start[n]))
        var via = other
        for e in 0..<m where edgeTail[e] != edgeHead[e] {
            let a = Int(edgeTail[e])
            let b = Int(edgeHead[e])
            other[Int(fill[a])] = Int32(b)
            via[Int(fill[a])] = Int32(e)
            fill[a] += 1
            other[Int(fill[b])] = Int32(a)
            via[Int(fill[b])] = Int32(e)
            fill[b] += 1
        }

        // Low links by an explicit stack: `next[v]` is the next incidence of v to look at.
        var disc = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var parentEdge = [Int32](repeating: -1, count: n)
        var parentNode = [Int32](repeating: -1, count: n)
        var next = Array(start.dropLast())
        var stack: [Int32] = []
        var bridge = [Bool](repeating: false, count: m)
        var count = 0
        var time: Int32 = 0
        for r in 0..<n where disc[r] < 0 {
            disc[r] = time
            low[r] = time
            time += 1
            stack.append(Int32(r))
            while let v32 = stack.last {
                let v = Int(v32)
                let k = Int(next[v])
                if k < Int(start[v + 1]) {
                    next[v] += 1
                    let e = via[k]
                    if e == parentEdge[v] { continue }
                    let w = Int(other[k])
                    if disc[w] < 0 {
                        disc[w] = time
                        low[w] = time
                        time += 1
                        parentEdge[w] = e
                        parentNode[w] = v32
                        stack.append(Int32(w))
                    } else if disc[w] < low[v] {
                        low[v] = disc[w]
                    }
                } else {
                    stack.removeLast()
                    let p = Int(parentNode[v])
                    guard p >= 0 else { continue }
                    if low[v] < low[p] { low[p] = low[v] }
                    if low[v] > disc[p] {
                        bridge[Int(parentEdge[v])] = true
                        count += 1
                    }
                }
            }
        }
        isBridge = bridge
        bridgeCount = count

        // 2-edge-connected pieces: flood fill without crossing bridges.
        var piece = [Int32](repeating: -1, count: n)
        var pieces: Int32 = 0
        for s in 0..<n where piece[s] < 0 {
            piece[s] = pieces
            stack.removeAll(keepingCapacity: true)
            stack.append(Int32(s))
            while let v = stack.popLast() {
                for k in Int(start[Int(v)])..<Int(start[Int(v) + 1]) where !bridge[Int(via[k])] {
                    let w = Int(other[k])
                    if piece[w] < 0 {
                        piece[w] = pieces
                        stack.append(Int32(w))
                    }
                }
            }
            pieces += 1
        }
        pieceOfNode = piece

        // The bridge forest, rooted at the lowest piece of each tree: breadth first over bridges.
        let p = Int(pieces)
        var bStart = [Int32](repeating: 0, count: p + 1)
        for e in 0..<m where bridge[e] {
            bStart[Int(piece[Int(edgeTail[e])]) + 1] += 1
            bStart[Int(piece[Int(edgeHead[e])]) + 1] += 1
        }
        for c in 0..<p { bStart[c + 1] += bStart[c] }
        var bFill = bStart
        var bEdge = [Int32](repeating: 0, count: Int(bStart[p]))
        for e in 0..<m where bridge[e] {
            for c in [piece[Int(edgeTail[e])], piece[Int(edgeHead[e])]] {
                bEdge[Int(bFill[Int(c)])] = Int32(e)
                bFill[Int(c)] += 1
            }
        }
        var par = [Int32](repeating: -1, count: p)
        var parBridge = [Int32](repeating: -1, count: p)
        var dep = [Int32](repeating: -1, count: p)
        var rt = [Int32](repeating: -1, count: p)
        var queue = [Int32]()
        queue.reserveCapacity(p)
        for r in 0..<p where dep[r] < 0 {
            dep[r] = 0
            rt[r] = Int32(r)
            queue.removeAll(keepingCapacity: true)
            queue.append(Int32(r))
            var head = 0
            while head < queue.count {
                let c = Int(queue[head])
                head += 1
                for k in Int(bStart[c])..<Int(bStart[c + 1]) {
                    let e = Int(bEdge[k])
                    let a = piece[Int(edgeTail[e])]
                    let d = Int(a == Int32(c) ? piece[Int(edgeHead[e])] : a)
                    if dep[d] >= 0 { continue }
                    dep[d] = dep[c] + 1
                    par[d] = Int32(c)
                    parBridge[d] = Int32(e)
                    rt[d] = Int32(r)
                    queue.append(Int32(d))
                }
            }
        }
        parent = par
        parentBridge = parBridge
        depth = dep
        root = rt
    }

    /// The bridges on every path between nodes `a` and `b`, ordered from `a`'s side to `b`'s
    /// (empty when two disjoint paths join them); nil when no path joins them.
    public func bridges(between a: Int, and b: Int) -> [Int32]? {
        var x = Int(pieceOfNode[a])
        var y = Int(pieceOfNode[b])
        guard root[x] == root[y] else { return nil }
        var fromA: [Int32] = []
        var fromB: [Int32] = []
        while depth[x] > depth[y] {
            fromA.append(parentBridge[x])
            x = Int(parent[x])
        }
        while depth[y] > depth[x] {
            fromB.append(parentBridge[y])
            y = Int(parent[y])
        }
        while x != y {
            fromA.append(parentBridge[x])
            fromB.append(parentBridge[y])
            x = Int(parent[x])
            y = Int(parent[y])
        }
        return fromA + fromB.reversed()
    }
}
