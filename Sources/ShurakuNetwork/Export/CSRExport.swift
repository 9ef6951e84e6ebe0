import Foundation

/// Writes a routing network as plain binary arrays so that an outside tool (the scipy peer in
/// `bench/peers/`) can run on the identical network: the split graph (``RoutingNetwork/splitGraph()``,
/// a node at every snapped place), the plain-graph form of what the matrix searches.
///
/// Files (little-endian): `indptr.i64` (n + 1), `indices.i32`, `seconds.f64` (one entry per
/// distinct (tail, head) pair, the fastest arc; self-loops left out; zero weights written as
/// 1e-6 s because sparse-matrix tools may treat explicit zeros as missing), `source_nodes.i32`
/// and `source_conn_s.f64` (per source: node and connector seconds), `place_nodes.i32` and
/// `place_conn_s.f64` (per place), and `meta.json` (`nodes`, `arcs`, `places`, `sources`,
/// `cutoffSeconds`, `reverse`). With `reverse` the arcs are the reversed graph.
public enum CSRExport {
    public static func write(
        _ net: RoutingNetwork, sources: [Int32], cutoffSeconds: Double, reverse: Bool, to dir: URL
    ) throws(NetworkError) {
        let (g, placeNode) = try net.splitGraph()
        let n = g.nodeCount
        var indptr = [Int64](repeating: 0, count: n + 1)
        var indices: [Int32] = []
        var weights: [Double] = []
        indices.reserveCapacity(g.arcCount)
        weights.reserveCapacity(g.arcCount)
        let first = reverse ? g.firstIn : g.firstOut
        let other = reverse ? g.tail : g.head
        let secs = reverse ? g.inSeconds : g.seconds
        var best: [Int32: Float32] = [:]
        for u in 0..<n {
            best.removeAll(keepingCapacity: true)
            for a in Int(first[u])..<Int(first[u + 1]) where Int(other[a]) != u {
                let v = other[a]
                best[v] = min(best[v] ?? .infinity, secs[a])
            }
            for (v, w) in best.sorted(by: { $0.key < $1.key }) {
                indices.append(v)
                weights.append(w > 0 ? Double(w) : 1e-6)
            }
            indptr[u + 1] = Int64(indices.count)
        }
        let places = net.places
        let meta: [String: Any] = [
            "nodes": n, "arcs": indices.count, "places": places.count, "sources": sources.count,
            "cutoffSeconds": cutoffSeconds, "reverse": reverse,
        ]
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            func put<T>(_ name: String, _ a: [T]) throws {
                try a.withUnsafeBytes { try Data($0).write(to: dir.appendingPathComponent(name)) }
            }
            try put("indptr.i64", indptr)
            try put("indices.i32", indices)
            try put("seconds.f64", weights)
            try put("source_nodes.i32", sources.map { placeNode[Int($0)] })
            try put("source_conn_s.f64", sources.map { places[Int($0)].connectorSeconds })
            try put("place_nodes.i32", placeNode)
            try put("place_conn_s.f64", places.map(\.connectorSeconds))
            try JSONSerialization.data(withJSONObject: meta, options: [.sortedKeys])
                .write(to: dir.appendingPathComponent("meta.json"))
        } catch {
            throw .writeFailed(path: dir.path, reason: "\(error)")
        }
    }
}
