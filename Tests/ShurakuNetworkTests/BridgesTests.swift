import Foundation
import ShurakuCore
import ShurakuTestSupport
import Testing

@testable import ShurakuNetwork

/// Bridges by definition: edge e is one when removing it leaves its two ends unconnected
/// (quadratic; for small graphs only).
func bruteForceBridges(nodeCount n: Int, tail: [Int32], head: [Int32]) -> [Bool] {
    (0..<tail.count).map { cut in
        guard tail[cut] != head[cut] else { return false }
        var seen = [Bool](repeating: false, count: n)
        var stack = [Int(tail[cut])]
        seen[Int(tail[cut])] = true
        while let v = stack.popLast() {
            for e in 0..<tail.count where e != cut {
                let a = Int(tail[e])
                let b = Int(head[e])
                for (x, y) in [(a, b), (b, a)] where x == v && !seen[y] {
                    seen[y] = true
                    stack.append(y)
                }
            }
        }
        return !seen[Int(head[cut])]
    }
}

@Suite("Bridges of the road graph")
struct BridgesTests {
    @Test("a triangle with a tail, a parallel pair and a self-loop: only the tail is a bridge")
    func tiny() {
        // 0-1-2-0 triangle, 2-3 tail, 3-4 twice (parallel), 4-4 loop, 5 alone, 5-6.
        let tail: [Int32] = [0, 1, 2, 2, 3, 3, 4, 5]
        let head: [Int32] = [1, 2, 0, 3, 4, 4, 4, 6]
        let t = BridgeTree(nodeCount: 7, edgeTail: tail, edgeHead: head)
        #expect(t.isBridge == [false, false, false, true, false, false, false, true])
        #expect(t.bridgeCount == 2)
        #expect(t.bridges(between: 0, and: 4) == [3])
        #expect(t.bridges(between: 4, and: 1) == [3])
        #expect(t.bridges(between: 0, and: 2) == [])
        #expect(t.bridges(between: 0, and: 5) == nil)
        #expect(t.bridges(between: 6, and: 5) == [7])
    }

    @Test("a path of pieces: the bridges between two nodes run from the first to the second")
    func pathOrder() {
        // 0-1-2-3-4 path: every edge a bridge.
        let t = BridgeTree(nodeCount: 5, edgeTail: [0, 1, 2, 3], edgeHead: [1, 2, 3, 4])
        #expect(t.bridges(between: 4, and: 0) == [3, 2, 1, 0])
        #expect(t.bridges(between: 1, and: 3) == [1, 2])
        #expect(t.pieceCount == 5)
    }

    @Test("seeded random sparse graphs: bridges and paths agree with the definition")
    func randomAgainstBruteForce() {
        var rng = SeededGenerator(seed: 18)
        for _ in 0..<200 {
            let n = Int.random(in: 1...14, using: &rng)
            let m = Int.random(in: 0...(2 * n), using: &rng)
            let tail = (0..<m).map { _ in Int32.random(in: 0..<Int32(n), using: &rng) }
            let head = (0..<m).map { _ in Int32.random(in: 0..<Int32(n), using: &rng) }
            let t = BridgeTree(nodeCount: n, edgeTail: tail, edgeHead: head)
            let expected = bruteForceBridges(nodeCount: n, tail: tail, head: head)
            #expect(t.isBridge == expected, "n=\(n) edges=\(Array(zip(tail, head)))")
            #expect(t.bridgeCount == expected.filter { $0 }.count)
            // Path bridges: e lies between a and b iff removing it separates them.
            for a in 0..<n {
                for b in 0..<n {
                    let between = t.bridges(between: a, and: b)
                    let connected = connectedWithout(-1, a, b, n: n, tail: tail, head: head)
                    #expect((between != nil) == connected)
                    guard let between else { continue }
                    let set = Set(between.map(Int.init))
                    #expect(set.count == between.count)
                    for e in 0..<m where expected[e] {
                        #expect(set.contains(e) == !connectedWithout(e, a, b, n: n, tail: tail, head: head))
                    }
                }
            }
        }
    }

    func connectedWithout(_ cut: Int, _ a: Int, _ b: Int, n: Int, tail: [Int32], head: [Int32]) -> Bool {
        var seen = [Bool](repeating: false, count: n)
        var stack = [a]
        seen[a] = true
        while let v = stack.popLast() {
            for e in 0..<tail.count where e != cut {
                for (x, y) in [(Int(tail[e]), Int(head[e])), (Int(head[e]), Int(tail[e]))] where x == v && !seen[y] {
                    seen[y] = true
                    stack.append(y)
                }
            }
        }
        return seen[b]
    }

    @Test(
        "能登町 sample roads: the bridges agree with networkx on the junction graph and on the graph split at the settlements",
        .enabled(if: NetworkX.python != nil, "needs networkx in .venv: .venv/bin/pip install -r Tests/tools/requirements.txt"))
    func notoAgainstNetworkX() throws {
        let data = try RealRoads.noto()
        let g = try RoadGraphBuilder.build(data.lines).graph
        let split = try RoutingNetwork(roads: g, places: data.places).splitGraph().graph
        for graph in [g, split] {
            let t = BridgeTree(graph)
            let ours = (0..<graph.edgeCount).filter { t.isBridge[$0] }
            let theirs = try #require(try NetworkX.bridges(graph))
            #expect(ours == theirs)
            #expect(ours.count > 50)  // a rural network: many dead-end valleys
        }
    }
}

/// networkx's `bridges` on an exported edge list, through Tests/tools/bridges_nx.py and the
/// project's `.venv` Python (`$SHURAKU_PYTHON` first when set); nil when none has networkx.
enum NetworkX {
    static let script = SharedData.repoPath("Tests/tools/bridges_nx.py")

    static let python = VenvPython.find(importing: "networkx")

    /// Sorted ids of the bridges of `g`'s undirected view, by networkx.
    static func bridges(_ g: RoadGraph) throws -> [Int]? {
        guard let python else { return nil }
        let edges = (0..<g.edgeCount).map { [Int(g.edgeTail[$0]), Int(g.edgeHead[$0])] }
        let input = try JSONSerialization.data(withJSONObject: ["nodes": g.nodeCount, "edges": edges] as [String: Any])
        return try JSONDecoder().decode([Int].self, from: VenvPython.run(python, [script], input: input))
    }
}
