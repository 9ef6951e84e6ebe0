import Foundation
import ShurakuCore
import ShurakuNetwork

/// `shuraku-bench bridges --roads SRC --settlements SRC [--repeat K] [--core-every N]`
///
/// The cut-off analysis of `shuraku plan` on its own: prints one line `read_ms= build_ms= snap_ms=
/// split_ms= bridges_ms= paths_ms= nodes= edges= bridges= pieces= isolatable= cut_entries= rss_mb=`.
/// split_ms splits the road graph at every settlement's access point (the graph the plan
/// analyses); bridges_ms is one bridge pass on it (low links, 2-edge-connected pieces, bridge
/// forest; with `--repeat K` the fastest of K); paths_ms lists, for every settlement, the bridges
/// between it and its "core" (the first settlement of its block of N in input order, default 50).
/// `junction_bridges_ms` is the same pass on the junction graph before splitting.
enum BridgesBench {
    static let usage = "usage: shuraku-bench bridges --roads SRC --settlements SRC [--repeat K] [--core-every N]"

    static func run(_ args: [String]) -> Int32 {
        var roads: String?
        var settlements: String?
        var repeats = 1
        var block = 50
        var i = 0
        func value() -> String? {
            i += 1
            return i < args.count ? args[i] : nil
        }
        while i < args.count {
            switch args[i] {
            case "--roads": roads = value()
            case "--settlements": settlements = value()
            case "--repeat": repeats = value().flatMap { Int($0) } ?? 0
            case "--core-every": block = value().flatMap { Int($0) } ?? 0
            default: return MatrixBench.fail("unknown option '\(args[i])'\n" + usage)
            }
            i += 1
        }
        guard let roads, let settlements, repeats >= 1, block >= 1 else { return MatrixBench.fail(usage) }
        do {
            let t0 = MatrixBench.now()
            let input = try BenchInput.load(roads: roads, settlements: settlements)
            let t1 = MatrixBench.now()
            let graph = try RoadGraphBuilder.build(input.lines).graph
            let t2 = MatrixBench.now()
            let net = try RoutingNetwork(roads: graph, places: input.places)
            let t3 = MatrixBench.now()
            let (split, placeNode) = try net.splitGraph()
            let t4 = MatrixBench.now()
            var best = UInt64.max
            var junctionBest = UInt64.max
            var tree: BridgeTree? = nil
            for _ in 0..<repeats {
                tree = nil
                let a = MatrixBench.now()
                let t = BridgeTree(split)
                best = min(best, MatrixBench.now() - a)
                tree = t
                let b = MatrixBench.now()
                _ = BridgeTree(graph)
                junctionBest = min(junctionBest, MatrixBench.now() - b)
            }
            guard let tree else { return MatrixBench.fail(usage) }
            let p0 = MatrixBench.now()
            var isolatable = 0
            var entries = 0
            for s in placeNode.indices {
                let core = s / block * block
                guard placeNode[s] >= 0, placeNode[core] >= 0,
                    let cut = tree.bridges(between: Int(placeNode[s]), and: Int(placeNode[core]))
                else { continue }
                if !cut.isEmpty { isolatable += 1 }
                entries += cut.count
            }
            let p1 = MatrixBench.now()
            print(
                String(
                    format: "read_ms=%.1f build_ms=%.1f snap_ms=%.1f split_ms=%.1f bridges_ms=%.2f junction_bridges_ms=%.2f "
                        + "paths_ms=%.2f nodes=%d edges=%d bridges=%d pieces=%d isolatable=%d cut_entries=%d rss_mb=%.1f",
                    MatrixBench.ms(t0, t1), MatrixBench.ms(t1, t2), MatrixBench.ms(t2, t3), MatrixBench.ms(t3, t4),
                    Double(best) / 1e6, Double(junctionBest) / 1e6, MatrixBench.ms(p0, p1), split.nodeCount, split.edgeCount,
                    tree.bridgeCount, tree.pieceCount, isolatable, entries, MatrixBench.peakRSSMegabytes()))
            return 0
        } catch {
            return MatrixBench.fail("\(error)")
        }
    }
}
