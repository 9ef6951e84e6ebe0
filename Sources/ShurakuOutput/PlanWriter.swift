import Foundation
import ShurakuCore
import ShurakuGeo
import ShurakuPlan

/// Writes a plan folder (DESIGN.md's output contract): `plan.gpkg` with the layers zones,
/// settlements, cores and routes (and facilities, network_issues when the plan has them) and their
/// default styles; one RFC 7946 `.geojson` per layer
/// with a `.qml` beside it; `summary.csv`; `plan.json`; `map.svg`; `report.html` (an offline
/// page with a map and a card per zone); for an evaluated plan also `changes.csv` and a
/// `violations` field on zones and settlements. All or nothing.
///
/// ```swift
/// try PlanWriter(plan).write(toFolder: "out/noto")
/// ```
public struct PlanWriter: Sendable {
    let result: Plan
    let grouped: Bool
    /// The folder `report.html` takes Leaflet's `leaflet.js` and `leaflet.css` from:
    /// `$SHURAKU_LEAFLET_DIR` when set, else Debian's `/usr/share/javascript/leaflet`. When they
    /// are missing the report still comes, with a static map.
    public var leafletDirectory: String

    /// A writer for `plan`.
    public init(_ plan: Plan) {
        self.result = plan
        self.grouped = plan.isGrouped
        self.leafletDirectory = LeafletAssets.defaultDirectory
    }

    /// Writes the plan folder at `path` atomically: staged beside it and moved into place whole.
    /// An earlier plan there is replaced; another non-empty folder is refused unless the plan's
    /// request says `force`.
    public func write(toFolder path: String) throws(ShurakuError) {
        try write(to: OutputFolder(path, force: result.request.output.force))
    }

    /// Writes every file into `folder`'s staging area and commits it; on any failure the staging
    /// area is removed and the destination left as it was.
    public func write(to folder: OutputFolder) throws(ShurakuError) {
        do {
            try writeFiles(folder)
            try folder.commit()
        } catch {
            folder.discard()
            throw ShurakuError.from(error)
        }
    }

    private func writeFiles(_ folder: OutputFolder) throws {
        var layers = [
            PlanLayers.zones(result, grouped: grouped), PlanLayers.settlements(result, grouped: grouped),
            PlanLayers.cores(result, grouped: grouped), PlanLayers.routes(result),
        ]
        if let facilities = result.facilities { layers.append(PlanLayers.facilities(facilities)) }
        if let issues = result.networkIssues { layers.append(PlanLayers.networkIssues(issues)) }
        if let critical = result.criticalRoads { layers.append(PlanLayers.criticalRoads(critical)) }
        if result.request.risk.drone != nil { layers.append(PlanLayers.droneRings(result)) }
        let styles = qmlStyles()
        try VectorWriter.writeGeoPackage(layers, to: folder.path("plan.gpkg"), sql: styleSQL(styles, layers: layers.map(\.name)))
        for layer in layers {
            try VectorWriter.writeGeoJSON(layer, to: folder.path("\(layer.name).geojson"))
            try write(styles[layer.name] ?? "", to: folder.path("\(layer.name).qml"))
        }
        try VectorWriter.writeCSV(PlanLayers.summary(result, grouped: grouped), to: folder.path("summary.csv"))
        if let e = result.evaluation { try VectorWriter.writeCSV(PlanWriter.changes(e), to: folder.path("changes.csv")) }
        try write(planJSON(), to: folder.path("plan.json"))
        let title = "Shuraku plan: \(result.zones.count) zones, ≤ \(String(format: "%g", result.request.travel.maxMinutes)) min"
        let map = MapSVG(result: result, title: title).render()
        try write(map, to: folder.path("map.svg"))
        let report = ReportHTML(plan: result, staticMap: map, leaflet: LeafletAssets.load(from: leafletDirectory))
        try writeStreamed(to: folder.path("report.html")) { sink in try report.render(sink) }
    }

    /// Writes the text `produce` hands to its sink, piece by piece, to `path`.
    private func writeStreamed(to path: String, _ produce: ((String) throws -> Void) throws -> Void) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw ShurakuError.failure(file: path, "cannot write: cannot create the file")
        }
        defer { try? handle.close() }
        do {
            try produce { piece in try handle.write(contentsOf: Data(piece.utf8)) }
        } catch {
            throw ShurakuError.failure(file: path, "cannot write: \(error.localizedDescription)")
        }
    }

    private func write(_ text: String, to path: String) throws { try write(Data(text.utf8), to: path) }

    private func write(_ data: Data, to path: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw ShurakuError.failure(file: path, "cannot write: \(error.localizedDescription)")
        }
    }

    // MARK: - Styles

    private func qmlStyles() -> [String: String] {
        let cats = result.zones.map { QMLStyle.Category(zoneID: $0.zoneID, label: "\($0.zoneID) \($0.coreName) (\($0.population)人)") }
        let style = QMLStyle(zones: cats, fontFamily: result.request.output.labelFont)
        return [
            "zones": style.zones(),
            "settlements": style.settlements(maxPopulation: result.settlements.map(\.population).max() ?? 1),
            "cores": style.cores(),
            "routes": style.routes(),
            "facilities": style.facilities(),
            "network_issues": style.networkIssues(),
            "critical_roads": style.criticalRoads(maxPeople: result.criticalRoads?.map(\.peopleCutOff).max() ?? 0),
            "drone_rings": style.droneRings(),
        ]
    }

    /// SQL that creates QGIS's `layer_styles` table and makes each style its layer's default.
    private func styleSQL(_ styles: [String: String], layers: [String]) -> [String] {
        var sql = [
            """
            CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT(256), \
            f_table_schema TEXT(256), f_table_name TEXT(256), f_geometry_column TEXT(256), styleName TEXT(30), \
            styleQML TEXT, styleSLD TEXT, useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30), \
            update_time DATETIME)
            """
        ]
        for name in layers {
            let qml = (styles[name] ?? "").replacingOccurrences(of: "'", with: "''")
            sql.append(
                """
                INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, \
                styleQML, styleSLD, useAsDefault, description, owner, ui, update_time) VALUES ('', '', '\(name)', 'geom', \
                '\(name)', '\(qml)', '', 1, 'Shuraku default style', '', NULL, '2000-01-01T00:00:00.000Z')
                """)
        }
        return sql
    }

    // MARK: - plan.json

    private func planJSON() throws -> Data {
        var params: [String: JSONValue] = [:]
        for (key, value) in PlanSettings.parameters(of: result.request) where !PlanSettings.isUnused(key, in: result.request) {
            switch value {
            case nil: params[key] = .null
            case .text(let t)?: params[key] = .string(t)
            case .number(let d)?: params[key] = d == d.rounded() && abs(d) < 1e15 ? .int(Int64(d)) : .number(d)
            case .flag(let b)?: params[key] = .bool(b)
            case .object(let data)?:
                params[key] = (try? JSONSerialization.jsonObject(with: data)).map(PlanWriter.json) ?? .null
            }
        }
        // The rule the zones follow, in words (derived from the settings above, not a setting).
        params["zoningRule"] = .string(ZoningRule.text(result.request))
        var inputObj: [String: JSONValue] = [:]
        for (role, path) in result.inputs {
            inputObj[role] = .object(["path": .string(path), "sha256": .string(PlanWriter.checksum(path))])
        }
        let m = PlanMetrics(result)
        var metrics: [String: JSONValue] = [
            "zones": .int(Int64(m.zones)), "settlements": .int(Int64(m.settlements)), "population": .int(m.population),
            "unserved_settlements": .int(Int64(m.unservedSettlements)), "unserved_population": .int(m.unservedPopulation),
            "mean_travel_min": .rounded(m.meanTravelMin, 3), "max_travel_min": .rounded(m.maxTravelMin, 3),
            "min_zone_population": .int(m.minZonePopulation), "max_zone_population": .int(m.maxZonePopulation),
            "route_km_total": .rounded(m.routeKmTotal, 3), "route_min_total": .rounded(m.routeMinTotal, 3),
            "grant_cap_yen_total": .int(m.grantCapYenTotal), "max_ride_min": .rounded(m.maxRideMin, 3),
        ]
        metrics.merge(PlanWriter.serviceMetrics(m)) { a, _ in a }
        metrics.merge(PlanWriter.accessMetrics(result)) { a, _ in a }
        if let e = result.evaluation { metrics["violations"] = .int(Int64(e.violations.count)) }
        var members: [String: [String]] = [:]
        for s in result.settlements { if let z = s.zoneID { members[z, default: []].append(s.id) } }
        let zones: [JSONValue] = result.zones.map { z in
            var o: [String: JSONValue] = [
                "zone_id": .string(z.zoneID), "core_id": .string(z.coreID), "core_name": .string(z.coreName),
                "population": .int(z.population), "members": .array((members[z.zoneID] ?? []).map(JSONValue.string)),
                "core_score": z.coreScore.map(JSONValue.int) ?? .null, "core_reason": .string(z.coreReason),
            ]
            o.merge(PlanWriter.serviceJSON(z)) { a, _ in a }
            o.merge(PlanWriter.accessJSON(z, result)) { a, _ in a }
            if let counts = z.facilityCounts {
                o["facilities"] = .object(
                    Dictionary(uniqueKeysWithValues: counts.filter { $0.value > 0 }.map { ($0.key.rawValue, .int(Int64($0.value))) }))
            }
            return .object(o)
        }
        var doc: [String: JSONValue] = [
            "tool": .string("shuraku"), "version": .string(shurakuVersion), "parameters": .object(params),
            "inputs": .object(inputObj), "travel_model": .string(result.travelModel?.description ?? "none"),
            "work_crs": .string(result.workCRS),
            "metrics": .object(metrics), "zones": .array(zones), "zoning_rule": .string(ZoningRule.text(result.request)),
            "notes": .array(result.notes.map { .string(SettingName.plain($0)) }),
            "warnings": .array(result.warnings.map { .string(SettingName.plain($0)) }),
        ]
        if let check = result.roadCheck { doc["network_issues"] = PlanWriter.json(check) }
        doc["cut_off"] = PlanWriter.cutOffJSON(result)
        doc["bus_service"] = PlanWriter.busServiceJSON(result)
        if let access = PlanWriter.accessReportJSON(result) { doc["access"] = access }
        if let projection = PlanWriter.projectionJSON(result) { doc["projection"] = projection }
        if let e = result.evaluation {
            doc["evaluation"] = PlanWriter.evaluationJSON(e)
            doc["violations"] = PlanWriter.violationsJSON(e)
        }
        return try JSONValue.object(doc).rendered()
    }

    /// SHA-256 of an input (all sidecar files of a Shapefile, in a fixed order).
    static func checksum(_ path: String) -> String { InputChecksum.sha256(of: path) }

    /// plan.json's `network_issues`: the road-data counts and, when measured, what joining the
    /// crossings changes.
    static func json(_ c: RoadDataCheck) -> JSONValue {
        var o: [String: JSONValue] = [
            "crossings": .int(Int64(c.crossings)), "crossings_joined": .int(Int64(c.crossingsJoined)),
            "grade_separations": .int(Int64(c.gradeSeparations)), "gaps": .int(Int64(c.gaps)), "dangles": .int(Int64(c.dangles)),
            "gap_report_m": .rounded(c.gapReportMeters, 3), "snap_tolerance_m": .rounded(c.snapToleranceMeters, 3),
            "junctions": .string(c.junctions.rawValue),
        ]
        if let i = c.impact {
            var impact: [String: JSONValue] = [
                "pairs_within_limit": .int(Int64(i.pairsWithinLimit)), "pairs_changed": .int(Int64(i.pairsChanged)),
                "threshold_min": .rounded(i.thresholdMinutes, 3), "settlements_affected": .int(Int64(i.settlementsAffected)),
            ]
            if let p = i.largest {
                impact["largest"] = .object([
                    "from": .string(p.from), "from_name": .string(p.fromName), "to": .string(p.to), "to_name": .string(p.toName),
                    "without_min": p.withoutMin.map { .rounded($0, 2) } ?? .null,
                    "with_min": p.withMin.map { .rounded($0, 2) } ?? .null,
                ])
            }
            o["crossing_impact"] = .object(impact)
        }
        return .object(o)
    }

    static func json(_ any: Any) -> JSONValue {
        switch any {
        case let s as String: return .string(s)
        case let n as NSNumber:
            if String(cString: n.objCType) == "c" { return .bool(n.boolValue) }
            let d = n.doubleValue
            return d == d.rounded() && abs(d) < 1e15 ? .int(Int64(d)) : .number(d)
        case let a as [Any]: return .array(a.map(json))
        case let o as [String: Any]: return .object(o.mapValues(json))
        default: return .null
        }
    }
}
