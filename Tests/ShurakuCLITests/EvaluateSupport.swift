import Foundation
import ShurakuGeo
import ShurakuNetwork
import ShurakuTestSupport
import Testing

/// Helpers for the `shuraku evaluate` tests: planning the samples, editing a plan's settlements
/// layer the ways a planner would, reading the results back.
enum EvaluateSupport {
    /// Plans the 能登町 sample scenario into `out`.
    static func notoPlan(_ out: String, scenario: String = "noto-30min-1000.json") throws {
        let r = CapturedRun(["plan", "--scenario", SharedData.repoPath("geodata/scenarios/\(scenario)"), "--out", out, "--quiet"])
        #expect(r.status == 0, "\(r.err)")
    }

    /// Plans the five settlements of ``BadInputTests/goodCSV`` (two zones: Z01 = a, d, e around
    /// 宇出津; Z02 = b, c around 小木) into `dir/plan`, and returns the folder.
    static func smallPlan(in dir: TempDir) throws -> String {
        let s = try dir.write("s.csv", BadInputTests.goodCSV)
        let out = dir.path("plan")
        let r = CapturedRun(["plan", "--settlements", s, "--out", out, "--quiet"])
        #expect(r.status == 0, "\(r.err)")
        return out
    }

    /// A copy of `plan/plan.gpkg` at `copy` with `statements` (SQL, e.g. `UPDATE settlements SET
    /// zone_id = 'Z01' WHERE settlement_id = '…'`) run on it by GDAL's `ogrinfo`, as a planner's
    /// edit in QGIS would leave it; returns `copy:settlements`.
    static func editedGeoPackage(_ plan: String, copy: String, _ statements: [String]) throws -> String {
        try FileManager.default.copyItem(atPath: plan + "/plan.gpkg", toPath: copy)
        for sql in statements {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["ogrinfo", "-q", copy, "-sql", sql]
            p.standardOutput = FileHandle.nullDevice
            let err = Pipe()
            p.standardError = err
            try p.run()
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "ogrinfo: \(text)")
        }
        return copy + ":settlements"
    }

    /// The plan's `settlements.geojson` with each feature's properties changed by `edit` (by
    /// settlement id), written to `path`: the layer as a GIS saves it, types and all.
    @discardableResult
    static func editedGeoJSON(_ plan: String, to path: String, _ edit: (String, inout [String: Any]) -> Void) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: plan + "/settlements.geojson"))
        var doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var features = try #require(doc["features"] as? [[String: Any]])
        for i in features.indices {
            var props = features[i]["properties"] as? [String: Any] ?? [:]
            edit(props["settlement_id"] as? String ?? "", &props)
            features[i]["properties"] = props
        }
        doc["features"] = features
        try JSONSerialization.data(withJSONObject: doc).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A layer's features as field → value, in order.
    static func rows(_ source: String) throws -> [[String: FieldValue]] {
        let layer = try VectorReader.read(SourceSpec(parsing: source))
        return layer.features.map { layer.properties(of: $0) }
    }

    /// `plan.json` as a dictionary.
    static func planJSON(_ folder: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/plan.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// `changes.csv` as rows of column → text.
    static func changes(_ folder: String) throws -> [[String: String]] {
        let text = try String(contentsOfFile: folder + "/changes.csv", encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else { return [] }
        return lines.dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(header, cells))
        }
    }

    /// Minutes from settlement `from` to settlement `to` of the sample, by a textbook Dijkstra on
    /// the road graph with the settlements as nodes (``RoutingNetwork/splitGraph()``), plus both
    /// settlements' connectors: the plan's travel model, measured without the planner's search.
    static func naiveMinutes(from: String, to: String, workCRS: String) throws -> Double {
        let epsg = try #require(workCRS.range(of: #"EPSG:\d+"#, options: .regularExpression).map { String(workCRS[$0]) })
        let metric = try CRS.parse(epsg)
        let lines = try RoadSource.read(SourceSpec(path: SharedData.repoPath("geodata/noto/roads.geojson")), metric: metric)
        let graph = try RoadGraphBuilder.build(lines, options: RoadGraphOptions()).graph
        let layer = try VectorReader.read(SourceSpec(path: SharedData.repoPath("geodata/noto/settlements.geojson"))).projected(to: metric)
        var points: [XY] = []
        var index: [String: Int] = [:]
        for f in layer.features {
            guard case .point(let p)? = f.geometry, let id = layer.value(f, "KEY_CODE").text else { continue }
            index[id] = points.count
            points.append(p)
        }
        let net = try RoutingNetwork(roads: graph, places: points)
        let (split, placeNode) = try net.splitGraph()
        let s = try #require(index[from])
        let t = try #require(index[to])
        let source = Int(placeNode[s])
        let target = Int(placeNode[t])
        #expect(source >= 0 && target >= 0)
        // O(n²) Dijkstra: scan for the nearest unsettled node.
        var dist = [Double](repeating: .infinity, count: split.nodeCount)
        var done = [Bool](repeating: false, count: split.nodeCount)
        dist[source] = 0
        while true {
            var u = -1
            for v in 0..<split.nodeCount where !done[v] && dist[v].isFinite && (u < 0 || dist[v] < dist[u]) { u = v }
            if u < 0 || u == target { break }
            done[u] = true
            for a in Int(split.firstOut[u])..<Int(split.firstOut[u + 1]) {
                let v = Int(split.head[a])
                dist[v] = min(dist[v], dist[u] + Double(split.seconds[a]))
            }
        }
        return (dist[target] + net.places[s].connectorSeconds + net.places[t].connectorSeconds) / 60
    }
}
