import Foundation

/// Reader for J.E. Beasley's OR-Library uncapacitated p-median files (`pmed1.txt` … `pmed40.txt`).
///
/// Format: whitespace-separated integers; first `nodes edges p`, then `edges` triples `i j cost`
/// of an undirected graph with 1-based node ids. When an edge appears more than once, the LAST
/// occurrence wins (Beasley's rule). The distance between nodes is the shortest path length.
/// Any input gives a value or an ``ORLibraryError``; sizes are capped so that a hostile header
/// cannot make the reader allocate or compute without bound.
public struct ORLibraryPMedian: Sendable {
    /// Number of nodes (clients and candidate facilities alike).
    public let nodeCount: Int
    /// Number of facilities to open.
    public let p: Int
    /// Undirected edges after duplicates are resolved, as (i, j, cost) with 0-based i < j.
    public let edges: [(Int32, Int32, Int64)]

    /// Largest accepted node count (OR-Library's largest is 900).
    public static let maxNodes = 2000  // node ids must fit 11 bits in the packed heap
    /// Largest accepted edge count.
    public static let maxEdges = 2_000_000
    /// Largest accepted edge cost.
    public static let maxEdgeCost: Int64 = 1_000_000_000

    /// Reads a file.
    public static func load(path: String) throws(ORLibraryError) -> ORLibraryPMedian {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        return try parse([UInt8](data))
    }

    /// Parses the text of a file.
    public static func parse(_ bytes: [UInt8]) throws(ORLibraryError) -> ORLibraryPMedian {
        var reader = IntegerTokens(bytes)
        guard let n = try reader.next(), let e = try reader.next(), let p = try reader.next() else {
            throw .missingHeader
        }
        guard n >= 1, n <= Int64(maxNodes) else { throw .nodeCountOutOfRange(n) }
        guard e >= 0, e <= Int64(maxEdges) else { throw .edgeCountOutOfRange(e) }
        guard p >= 1, p <= n else { throw .facilityCountOutOfRange(p) }
        var latest: [UInt64: Int64] = [:]
        var order: [UInt64] = []
        for edge in 0..<Int(e) {
            guard let i = try reader.next(), let j = try reader.next(), let cost = try reader.next() else {
                throw .truncated(edgesRead: edge)
            }
            guard i >= 1, i <= n, j >= 1, j <= n else { throw .nodeOutOfRange(edge: edge + 1) }
            guard cost >= 0, cost <= maxEdgeCost else { throw .costOutOfRange(edge: edge + 1) }
            guard i != j else { continue }
            let key = UInt64(min(i, j) - 1) << 32 | UInt64(max(i, j) - 1)
            if latest.updateValue(cost, forKey: key) == nil { order.append(key) }
        }
        guard try reader.next() == nil else { throw .trailingData }
        let edges = order.map { key in
            (Int32(truncatingIfNeeded: key >> 32), Int32(truncatingIfNeeded: key & 0xFFFF_FFFF), latest[key] ?? 0)
        }
        return ORLibraryPMedian(nodeCount: Int(n), p: Int(p), edges: edges)
    }

    /// All-pairs shortest path lengths, row-major `nodeCount × nodeCount`; `-1` where unreachable.
    public func distances() -> [Int64] {
        let n = nodeCount
        var degree = [Int32](repeating: 0, count: n + 1)
        for (i, j, _) in edges {
            degree[Int(i) + 1] += 1
            degree[Int(j) + 1] += 1
        }
        for v in 0..<n { degree[v + 1] += degree[v] }
        var next = degree
        var head = [Int32](repeating: 0, count: edges.count * 2)
        var weight = [Int64](repeating: 0, count: edges.count * 2)
        for (i, j, w) in edges {
            head[Int(next[Int(i)])] = j
            weight[Int(next[Int(i)])] = w
            next[Int(i)] += 1
            head[Int(next[Int(j)])] = i
            weight[Int(next[Int(j)])] = w
            next[Int(j)] += 1
        }
        // Heap entries pack (distance << 11 | node): distances stay below 2^41 and nodes below
        // 2^11 under the size caps, so one UInt64 compare orders by distance.
        var result = [Int64](repeating: -1, count: n * n)
        var heap: [UInt64] = []
        heap.reserveCapacity(edges.count * 2 + 1)
        for s in 0..<n {
            result.withUnsafeMutableBufferPointer { all in
                let dist = UnsafeMutableBufferPointer(rebasing: all[(s * n)..<(s * n + n)])
                dist[s] = 0
                heap.removeAll(keepingCapacity: true)
                Self.heapPush(&heap, UInt64(s))
                while let top = Self.heapPop(&heap) {
                    let v = Int(top & 0x7FF)
                    let d = Int64(top >> 11)
                    guard d == dist[v] else { continue }
                    for a in Int(degree[v])..<Int(degree[v + 1]) {
                        let u = Int(head[a])
                        let nd = d + weight[a]
                        let old = dist[u]
                        if old < 0 || nd < old {
                            dist[u] = nd
                            Self.heapPush(&heap, UInt64(nd) << 11 | UInt64(u))
                        }
                    }
                }
            }
        }
        return result
    }

    private static func heapPush(_ heap: inout [UInt64], _ x: UInt64) {
        heap.append(x)
        heap.withUnsafeMutableBufferPointer { h in
            var i = h.count - 1
            while i > 0 {
                let parent = (i - 1) >> 1
                guard x < h[parent] else { break }
                h[i] = h[parent]
                i = parent
            }
            h[i] = x
        }
    }

    private static func heapPop(_ heap: inout [UInt64]) -> UInt64? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        guard !heap.isEmpty else { return top }
        heap.withUnsafeMutableBufferPointer { h in
            let count = h.count
            var i = 0
            while true {
                var child = 2 * i + 1
                guard child < count else { break }
                if child + 1 < count, h[child + 1] < h[child] { child += 1 }
                guard h[child] < last else { break }
                h[i] = h[child]
                i = child
            }
            h[i] = last
        }
        return top
    }

    /// The dense p-median instance: every node is a client of demand 1 and a candidate facility
    /// whose own client is itself; costs are shortest-path distances (unreachable pairs absent).
    public func problem() throws(ORLibraryError) -> PMedianProblem {
        let n = nodeCount
        let d = distances()
        var start: [Int32] = [0]
        var facility: [Int32] = []
        var cost: [Int64] = []
        facility.reserveCapacity(n * n)
        cost.reserveCapacity(n * n)
        var row: [UInt64] = []  // distance << 11 | facility, as in the heap
        for c in 0..<n {
            row.removeAll(keepingCapacity: true)
            for f in 0..<n where d[c * n + f] >= 0 { row.append(UInt64(d[c * n + f]) << 11 | UInt64(f)) }
            row.sort()
            for x in row {
                facility.append(Int32(x & 0x7FF))
                cost.append(Int64(x >> 11))
            }
            start.append(Int32(facility.count))
        }
        do {
            return try PMedianProblem(
                demand: [Int64](repeating: 1, count: n), facilityCount: n, pairStart: start, pairFacility: facility,
                pairCost: cost, facilityOwnClient: (0..<n).map { Int32($0) }, p: .exactly(p))
        } catch {
            throw .invalidProblem(error)
        }
    }

    /// The optimum recorded for `name` (e.g. `pmed1`) in the text of OR-Library's `optimal.txt`
    /// (lines `name value`; other lines are skipped).
    public static func optimum(named name: String, in text: String) -> Int64? {
        for line in text.split(whereSeparator: \.isNewline) {
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if parts.count >= 2, parts[0] == name, let v = Int64(parts[1]) { return v }
        }
        return nil
    }
}

/// Why an OR-Library p-median file could not be read.
public enum ORLibraryError: Error, Hashable, Sendable {
    /// The file could not be read.
    case unreadable(String)
    /// Fewer than three numbers at the start.
    case missingHeader
    /// A token that is not a non-negative integer of at most 18 digits.
    case invalidToken(offset: Int)
    /// Node count outside `1...maxNodes`.
    case nodeCountOutOfRange(Int64)
    /// Edge count outside `0...maxEdges`.
    case edgeCountOutOfRange(Int64)
    /// `p` outside `1...nodes`.
    case facilityCountOutOfRange(Int64)
    /// The file ends before all announced edges.
    case truncated(edgesRead: Int)
    /// An edge (1-based) names a node outside `1...nodes`.
    case nodeOutOfRange(edge: Int)
    /// An edge (1-based) has a cost outside `0...maxEdgeCost`.
    case costOutOfRange(edge: Int)
    /// Numbers after the last announced edge.
    case trailingData
    /// The instance could not be turned into a problem.
    case invalidProblem(PMedianError)
}

/// Splits ASCII bytes into non-negative integers separated by whitespace.
private struct IntegerTokens {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The next integer, nil at the end, or an error for a malformed token.
    mutating func next() throws(ORLibraryError) -> Int64? {
        while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
        guard position < bytes.count else { return nil }
        let tokenStart = position
        var value: Int64 = 0
        var digits = 0
        while position < bytes.count, !Self.isSpace(bytes[position]) {
            let b = bytes[position]
            guard b >= 0x30, b <= 0x39, digits < 18 else { throw .invalidToken(offset: tokenStart) }
            value = value * 10 + Int64(b - 0x30)
            digits += 1
            position += 1
        }
        return value
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
}
