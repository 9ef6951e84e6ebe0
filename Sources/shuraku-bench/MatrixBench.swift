import Foundation
import ShurakuCore
import ShurakuGeo
import ShurakuInput
import ShurakuNetwork

/// `shuraku-bench matrix [--roads SRC] --settlements SRC --cutoff-min M [--sources N] [--workers W]
///  [--snap-tolerance M] [--direction from|to] [--repeat K] [--export-csr DIR]
///  [--group-field F] [--filter F=V] [--detour D] [--speed-kmh V] [--geodesic]`
///
/// With `--roads`, prints one line `read_ms= build_ms= snap_ms= matrix_ms= total_ms= pairs= sum_s=
/// rss_mb= …`: build_ms covers the road graph (with the road-data check; `checked_build_ms` and
/// `unchecked_build_ms` are the fastest of `--repeat` builds with and without it, alternated, so
/// the check costs about their difference; `crossings=`, `gaps=`, `dangles=` and
/// `grade_separations=` are what it found), snap_ms joining the settlements, matrix_ms the
/// travel-time matrix from the first N settlements (all by default; with `--repeat K` the fastest
/// of K runs), total_ms the three together (reading is shown apart). `nodes`/`arcs` are the
/// junction graph the matrix searches. `--export-csr` writes the equivalent split graph (a node
/// at every snapped settlement) for the scipy peer.
///
/// Without `--roads`, the straight-line model (distance × detour at a speed) runs instead, per
/// group of `--group-field` (e.g. a municipality code; each group projected to its own UTM zone)
/// or on all settlements at once (`--filter F=V` keeps only features whose field F is V):
/// `read_ms= project_ms= scale_ms= matrix_ms= pairs= groups= rss_mb=`. Distances come from the
/// projection's scale factor at each point, as in `shuraku plan` (scale_ms: one PROJ measurement
/// per point); `--geodesic` measures every pair's geodesic through PROJ instead.
enum MatrixBench {
    struct Options {
        var roads: String?
        var settlements = ""
        var cutoffMin = 0.0
        var sourceCount: Int?
        var workers: Int?
        var tolerance = 1.0
        var export: String?
        var reverse = false
        var repeats = 1
        var groupField: String?
        var filter: (field: String, value: String)?
        var detour = 1.3
        var speedKmh = 40.0
        var geodesic = false
    }

    static let usage =
        "usage: shuraku-bench matrix [--roads SRC] --settlements SRC --cutoff-min M [--sources N] "
        + "[--workers W] [--snap-tolerance M] [--direction from|to] [--repeat K] [--export-csr DIR] "
        + "[--group-field F] [--filter F=V] [--detour D] [--speed-kmh V] [--geodesic]"

    static func run(_ args: [String]) -> Int32 {
        var o = Options()
        var settlements: String?
        var cutoff: Double?
        var i = 0
        func value() -> String? {
            i += 1
            return i < args.count ? args[i] : nil
        }
        while i < args.count {
            switch args[i] {
            case "--roads": o.roads = value()
            case "--settlements": settlements = value()
            case "--cutoff-min": cutoff = value().flatMap(Double.init)
            case "--sources": o.sourceCount = value().flatMap { Int($0) } ?? -1
            case "--workers": o.workers = value().flatMap { Int($0) } ?? 0
            case "--snap-tolerance": o.tolerance = value().flatMap(Double.init) ?? -1
            case "--export-csr": o.export = value()
            case "--direction": o.reverse = value() == "to"
            case "--repeat": o.repeats = value().flatMap { Int($0) } ?? 0
            case "--group-field": o.groupField = value()
            case "--filter":
                guard let f = value(), let eq = f.firstIndex(of: "=") else { return fail(usage) }
                o.filter = (String(f[..<eq]), String(f[f.index(after: eq)...]))
            case "--detour": o.detour = value().flatMap(Double.init) ?? 0
            case "--speed-kmh": o.speedKmh = value().flatMap(Double.init) ?? 0
            case "--geodesic": o.geodesic = true
            default: return fail("unknown option '\(args[i])'\n" + usage)
            }
            i += 1
        }
        guard let settlements, let cutoff, cutoff >= 0, o.repeats >= 1, (o.sourceCount ?? 0) >= 0 else {
            return fail(usage)
        }
        o.settlements = settlements
        o.cutoffMin = cutoff
        do {
            return try o.roads == nil ? straightLine(o) : road(o)
        } catch {
            return fail("\(error)")
        }
    }

    static func road(_ o: Options) throws -> Int32 {
        let cutoff = o.cutoffMin * 60
        let t0 = now()
        let input = try BenchInput.load(roads: o.roads ?? "", settlements: o.settlements)
        let t1 = now()
        let (graph, report) = try RoadGraphBuilder.build(input.lines, options: RoadGraphOptions(snapToleranceMeters: o.tolerance))
        let t2 = now()
        let net = try RoutingNetwork(roads: graph, places: input.places)
        let t3 = now()
        let n = min(o.sourceCount ?? net.placeCount, net.placeCount)
        let sources = (0..<Int32(n)).map { $0 }
        let direction: TravelTimeMatrix.Direction = o.reverse ? .toSources : .fromSources
        // With --repeat, keep the fastest run (the machine is shared); only one matrix is alive
        // at a time so that rss_mb stays the footprint of one run.
        var best = UInt64.max
        var kept: TravelTimeMatrix? = nil
        for _ in 0..<o.repeats {
            kept = nil
            let a = now()
            let m = try net.travelTimes(sources: sources, cutoffSeconds: cutoff, direction: direction, workers: o.workers)
            best = min(best, now() - a)
            kept = m
        }
        guard let m = kept else { return fail(usage) }
        let t4 = t3 + best
        if let dir = o.export {
            try CSRExport.write(net, sources: sources, cutoffSeconds: cutoff, reverse: o.reverse, to: URL(fileURLWithPath: dir))
        }
        let sum = m.seconds.reduce(0.0) { $0 + Double($1) }
        // Builds with and without the road-data check, alternated `--repeat` times, fastest of each
        // (the machine is shared: the difference of the two minima is the check's cost).
        var checked = t2 - t1
        var unchecked = UInt64.max
        for _ in 0..<o.repeats {
            let u0 = now()
            _ = try RoadGraphBuilder.build(input.lines, options: RoadGraphOptions(snapToleranceMeters: o.tolerance, checksData: false))
            unchecked = min(unchecked, now() - u0)
            guard o.repeats > 1 else { break }
            let c0 = now()
            _ = try RoadGraphBuilder.build(input.lines, options: RoadGraphOptions(snapToleranceMeters: o.tolerance))
            checked = min(checked, now() - c0)
        }
        let check = report.check ?? NetworkCheck()
        print(
            String(
                format: "read_ms=%.1f build_ms=%.1f snap_ms=%.1f matrix_ms=%.1f total_ms=%.1f pairs=%d sum_s=%.1f rss_mb=%.1f "
                    + "nodes=%d arcs=%d places=%d sources=%d components=%d flagged_places=%d unknown_class_lines=%d "
                    + "checked_build_ms=%.1f unchecked_build_ms=%.1f crossings=%d grade_separations=%d gaps=%d dangles=%d",
                ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t3, t4), ms(t1, t4), m.pairCount, sum, peakRSSMegabytes(),
                graph.nodeCount, graph.arcCount, net.placeCount, n, graph.components.components.count,
                net.problemPlaces.count, report.linesUnknownClass, Double(checked) / 1e6, Double(unchecked) / 1e6, check.crossings,
                check.gradeSeparations, check.gaps,
                check.dangles))
        return 0
    }

    static func straightLine(_ o: Options) throws -> Int32 {
        let t0 = now()
        let layer = try VectorReader.read(SourceSpec(parsing: o.settlements), options: ReadOptions(defaultLayer: "points"))
        let lonLatLayer = try layer.projected(to: .lonLat)
        var groups: [String: [XY]] = [:]
        var order: [String] = []
        for f in lonLatLayer.features {
            guard let g = f.geometry, !g.isEmpty else { continue }
            if let (field, v) = o.filter, lonLatLayer.value(f, field).text != v { continue }
            let p: XY
            if case .point(let q) = g { p = q } else if let c = g.envelope?.center { p = c } else { continue }
            let key = o.groupField.flatMap { lonLatLayer.value(f, $0).text } ?? ""
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(p)
        }
        let t1 = now()
        var projected: [(lonLat: [XY], metric: [XY], scale: [Double]?)] = []
        var transformers: [CRS: CoordinateTransformer] = [:]  // one per UTM zone
        var crsOfGroup: [CRS] = []
        for key in order {
            let lonLat = groups[key] ?? []
            guard let env = Envelope(covering: lonLat) else { continue }
            let crs = try MetricCRS.utm(forLonLat: env.center)
            let tr = try transformers[crs] ?? CoordinateTransformer(from: .lonLat, to: crs)
            transformers[crs] = tr
            var metric = lonLat
            try tr.apply(&metric)
            projected.append((lonLat, metric, nil))
            crsOfGroup.append(crs)
        }
        let t2 = now()
        if !o.geodesic {
            // One PROJ measurement per point, all the groups of a zone at once (as the planner does).
            for crs in Set(crsOfGroup).sorted(by: { $0.description < $1.description }) {
                let members = crsOfGroup.indices.filter { crsOfGroup[$0] == crs }
                var scale = try ScaleFactor.pointScale(of: crs, at: members.flatMap { projected[$0].lonLat })[...]
                for g in members {
                    projected[g].scale = Array(scale.prefix(projected[g].lonLat.count))
                    scale = scale.dropFirst(projected[g].lonLat.count)
                }
            }
        }
        let t3 = now()
        let model = StraightLineModel(detour: o.detour, speedKmh: o.speedKmh)
        var best = UInt64.max
        var pairs = 0
        var points = 0
        var largest = 0
        for _ in 0..<o.repeats {
            let a = now()
            pairs = 0
            for (lonLat, metric, scale) in projected {
                let n = min(o.sourceCount ?? lonLat.count, lonLat.count)
                let m = try model.travelTimes(
                    lonLat: lonLat, projected: metric, sources: (0..<Int32(n)).map { $0 },
                    cutoffSeconds: o.cutoffMin * 60, workers: o.workers, scale: scale)
                pairs += m.pairCount
            }
            best = min(best, now() - a)
        }
        for (lonLat, _, _) in projected {
            points += lonLat.count
            largest = max(largest, lonLat.count)
        }
        print(
            String(
                format:
                    "read_ms=%.1f project_ms=%.1f scale_ms=%.1f matrix_ms=%.1f pairs=%d points=%d groups=%d largest_group=%d rss_mb=%.1f",
                ms(t0, t1), ms(t1, t2), ms(t2, t3), Double(best) / 1e6, pairs, points, projected.count, largest, peakRSSMegabytes()))
        return 0
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
