/// Connected pieces of the road network (ignoring one-way restrictions), largest first.
public struct ComponentTable: Sendable {
    /// Component of each node; component 0 holds the most road length.
    public let nodeComponent: [Int32]
    /// Per component: nodes, edges and metres of road.
    public let components: [Component]
    /// Components holding at least `majorShare` of all road length (always including the largest).
    public let majorShare: Double

    public struct Component: Hashable, Sendable {
        public var nodes: Int
        public var edges: Int
        public var meters: Double
        /// Whether this is a main piece of the network (see ``ComponentTable/majorShare``).
        public var isMajor: Bool
    }

    /// Label components of the undirected graph given by `edgeTail`/`edgeHead`.
    init(nodeCount: Int, edgeTail: [Int32], edgeHead: [Int32], edgeMeters: [Double], majorShare: Double) {
        var parent = Array(Int32(0)..<Int32(nodeCount))
        func find(_ a: Int32) -> Int32 {
            var r = a
            while parent[Int(r)] != r { r = parent[Int(r)] }
            var x = a
            while parent[Int(x)] != r {
                let nx = parent[Int(x)]
                parent[Int(x)] = r
                x = nx
            }
            return r
        }
        for e in edgeTail.indices {
            let a = find(edgeTail[e])
            let b = find(edgeHead[e])
            if a != b { parent[Int(max(a, b))] = min(a, b) }
        }
        var rootIndex = [Int32](repeating: -1, count: nodeCount)
        var raw: [(nodes: Int, edges: Int, meters: Double, firstNode: Int)] = []
        var rawOf = [Int32](repeating: -1, count: nodeCount)
        for v in 0..<nodeCount {
            let r = Int(find(Int32(v)))
            if rootIndex[r] < 0 {
                rootIndex[r] = Int32(raw.count)
                raw.append((0, 0, 0, v))
            }
            rawOf[v] = rootIndex[r]
            raw[Int(rootIndex[r])].nodes += 1
        }
        for e in edgeTail.indices {
            let c = Int(rawOf[Int(edgeTail[e])])
            raw[c].edges += 1
            raw[c].meters += edgeMeters[e]
        }
        let order = raw.indices.sorted {
            raw[$0].meters != raw[$1].meters ? raw[$0].meters > raw[$1].meters : raw[$0].firstNode < raw[$1].firstNode
        }
        var rank = [Int32](repeating: 0, count: raw.count)
        for (r, c) in order.enumerated() { rank[c] = Int32(r) }
        let total = raw.reduce(0) { $0 + $1.meters }
        components = order.enumerated().map { r, c in
            Component(
                nodes: raw[c].nodes, edges: raw[c].edges, meters: raw[c].meters,
                isMajor: r == 0 || raw[c].meters >= majorShare * total)
        }
        nodeComponent = rawOf.map { rank[Int($0)] }
        self.majorShare = majorShare
    }
}
