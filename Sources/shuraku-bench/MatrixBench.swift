import Foundation
import ShurakuCore
import ShurakuGeo
import ShurakuInput
import ShurakuNetwork

/// `shuraku-bench matrix --roads SRC --settlements SRC --cutoff-min M [--sources N]
///  [--workers W] [--snap-tolerance M] [--direction from|to] [--export-csr DIR]`
///
/// Prints one line: `read_ms= build_ms= snap_ms= matrix_ms= total_ms= pairs= sum_s= rss_mb= …`
/// (`nodes`/`arcs`: the junction graph the matrix searches; `split_nodes`: with a node at every
/// snapped settlement, the graph paths use and `--export-csr` writes).
/// where build_ms covers the road graph, snap_ms joining the settlements, matrix_ms the
/// travel-time matrix (all sources; with `--repeat K` the fastest of K runs), total_ms the three
/// together (reading excluded, shown apart).
enum MatrixBench {
    static func run(_ args: [String]) -> Int32 {
        var roads: String?, settlements: String?, cutoffMin: Double?, sourceCount: Int?
        var workers: Int?, tolerance = 1.0, export: String?, reverse = false, repeats = 1
        var i = 0
        func value() -> String? {
            i += 1
            return i < args.count ? args[i] : nil
        }
        while i < args.count {
            switch args[i] {
            case "--roads": roads = value()
            case "--settlements": settlements = value()
            case "--cutoff-min": cutoffMin = value().flatMap(Double.init)
            case "--sources": sourceCount = value().flatMap { Int($0) }
            case "--workers": workers = value().flatMap { Int($0) }
            case "--snap-tolerance": tolerance = value().flatMap(Double.init) ?? -1
            case "--export-csr": export = value()
            case "--direction": reverse = value() == "to"
            case "--repeat": repeats = value().flatMap { Int($0) } ?? 0
            default:
                return fail("unknown option '\(args[i])'")
            }
            i += 1
        }
        guard let roads, let settlements, let cutoffMin, cutoffMin >= 0, repeats >= 1 else {
            return fail("usage: shuraku-bench matrix --roads SRC --settlements SRC --cutoff-min M [--sources N] "
                + "[--workers W] [--snap-tolerance M] [--direction from|to] [--repeat K] [--export-csr DIR]")
        }
        do {
            let t0 = now()
            let input = try BenchInput.load(roads: roads, settlements: settlements)
            let t1 = now()
            let (graph, report) = try RoadGraphBuilder.build(
                input.lines, options: RoadGraphOptions(snapToleranceMeters: tolerance))
            let t2 = now()
            let net = try RoutingNetwork(roads: graph, places: input.places)
            let t3 = now()
            let n = min(sourceCount ?? net.placeCount, net.placeCount)
            let sources = (0..<Int32(n)).map { $0 }
            var m = try net.travelTimes(sources: sources, cutoffSeconds: cutoffMin * 60,
                                        direction: reverse ? .toSources : .fromSources, workers: workers)
            var t4 = now()
            for _ in 1..<repeats {  // keep the fastest run: the machine is shared
                let a = now()
                m = try net.travelTimes(sources: sources, cutoffSeconds: cutoffMin * 60,
                                        direction: reverse ? .toSources : .fromSources, workers: workers)
                let b = now()
                t4 = min(t4, t3 + (b - a))
            }
            if let dir = export {
                try CSRExport.write(net, sources: sources, cutoffSeconds: cutoffMin * 60, reverse: reverse,
                                    to: URL(fileURLWithPath: dir))
            }
            let sum = m.seconds.reduce(0.0) { $0 + Double($1) }
            let problems = net.problemPlaces.count
            print(String(
                format: "read_ms=%.1f build_ms=%.1f snap_ms=%.1f matrix_ms=%.1f total_ms=%.1f pairs=%d sum_s=%.1f rss_mb=%.1f "
                    + "nodes=%d arcs=%d split_nodes=%d places=%d sources=%d components=%d flagged_places=%d unknown_class_lines=%d",
                ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t3, t4), ms(t1, t4), m.pairCount, sum, peakRSSMegabytes(),
                graph.nodeCount, graph.arcCount, net.graph.nodeCount, net.placeCount, n, graph.components.components.count,
                problems, report.linesUnknownClass))
            return 0
        } catch {
            return fail("\(error)")
        }
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
    static func ms(_ a: UInt64, _ b: UInt64) -> Double { Double(b - a) / 1e6 }

    static func peakRSSMegabytes() -> Double {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Double(u.ru_maxrss) / 1024  // KB on Linux
    }

    static func fail(_ msg: String) -> Int32 {
        FileHandle.standardError.write(Data(("shuraku-bench matrix: " + msg + "\n").utf8))
        return 2
    }
}

/// Roads and settlements read through OGR and projected to the JGD2011/WGS 84 UTM zone of the
/// settlements (the same choice the planner makes).
struct BenchInput {
    var lines: [RoadLine]
    var places: [XY]

    static func load(roads: String, settlements: String) throws -> BenchInput {
        let sLayer = try VectorReader.read(SourceSpec(parsing: settlements), options: ReadOptions(defaultLayer: "points"))
        let metric = try StudyInputs.chooseCRS(for: sLayer)
        let projected = try sLayer.projected(to: metric)
        let places = projected.features.compactMap { f -> XY? in
            guard let g = f.geometry, !g.isEmpty else { return nil }
            if case .point(let p) = g { return p }
            return g.envelope?.center
        }
        let lines = try RoadSource.read(SourceSpec(parsing: roads), metric: metric)
        return BenchInput(lines: lines, places: places)
    }
}
