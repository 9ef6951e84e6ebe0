import Foundation
import ShurakuCore
import ShurakuGeo
import ShurakuInput
import ShurakuPlan

/// `report.html`: one offline page to hand out at residents' meetings and with council papers.
/// A cover with the plan's figures, an interactive map (Leaflet inlined, vector layers only, no
/// tiles and no network), then one card (集落カルテ) per zone; Japanese labels, one card per
/// printed page. Without Leaflet the map is `map.svg`'s drawing, and the page says so.
///
/// The same plan gives the same bytes: no dates, no random ids, keys sorted in the embedded data.
/// A plan of more than ``simplifyAbove`` zones gets a simplified map (zones and cores only, on a
/// coarser grid), one of more than ``interactiveLimit`` neither map nor cards (a national plan:
/// its figures per zone are in `summary.csv`; a municipality planned alone gets its cards).
struct ReportHTML {
    let plan: Plan
    /// `map.svg`'s content, the fallback map.
    let staticMap: String
    /// Leaflet, or nil when it was not found.
    let leaflet: LeafletAssets?

    /// Above this many zones, the map shows zones and cores only, to 4 decimals (about 10 m).
    static let simplifyAbove = 2000
    /// Above this many zones, the page has no map and no cards (a national plan).
    static let interactiveLimit = 20000

    /// How the page draws its map; the value is the status element's `data-map`.
    enum MapKind: String {
        case leaflet
        case simplified = "leaflet-simplified"
        case svg
        case none
    }

    var mapKind: MapKind {
        let n = plan.zones.count
        if leaflet == nil { return n > Self.simplifyAbove ? .none : .svg }
        if n > Self.interactiveLimit { return .none }
        return n > Self.simplifyAbove ? .simplified : .leaflet
    }

    /// Members of each zone, in plan order.
    let members: [String: [Plan.SettlementRow]]
    /// Bus loops of each zone, in plan order.
    let loops: [String: [Plan.RouteRow]]
    /// An evaluated plan's violations by zone (nil for a plan made by `plan`).
    let violations: [String: String]?

    init(plan: Plan, staticMap: String, leaflet: LeafletAssets?) {
        self.plan = plan
        self.staticMap = staticMap
        self.leaflet = leaflet
        var members: [String: [Plan.SettlementRow]] = [:]
        for s in plan.settlements { if let z = s.zoneID { members[z, default: []].append(s) } }
        self.members = members
        var loops: [String: [Plan.RouteRow]] = [:]
        for r in plan.routes { loops[r.zoneID, default: []].append(r) }
        self.loops = loops
        self.violations = plan.evaluation?.zoneTexts()
    }

    /// The whole page as one string.
    func render() -> String {
        var page = ""
        render { page += $0 }
        return page
    }

    /// The page in pieces of about a megabyte, in order (a national plan's page is over 100 MB:
    /// it is written as it is made).
    func render(_ sink: (String) throws -> Void) rethrows {
        let kind = mapKind
        var s = ""
        s.reserveCapacity(1 << 20)
        s += """
            <!DOCTYPE html>
            <html lang="ja">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="shuraku \(shurakuVersion)">
            <title>集落ネットワーク圏 計画案（\(plan.zones.count)圏域）</title>

            """
        s += "<script>\n" + Self.errorScript + "</script>\n"
        if let leaflet, kind == .leaflet || kind == .simplified {
            s += "<style>\n/* Leaflet's style sheet (BSD-2-Clause, see the script's header) */\n" + leaflet.style + "\n</style>\n"
        }
        s += "<style>\n" + Self.style + "</style>\n</head>\n<body>\n<main>\n"
        cover(into: &s)
        mapSection(kind, into: &s)
        s += "<section id=\"cards\">\n"
        if plan.zones.count > Self.interactiveLimit {
            s +=
                "<p class=\"note\">圏域が\(groupedDigits(Int64(Self.interactiveLimit)))を超えるため、集落カルテを省いています。"
                + "圏域ごとの数字は summary.csv にあります。市区町村ごとに計画すると（--filter）カルテ付きの報告書ができます。</p>\n"
        } else {
            for (i, z) in plan.zones.enumerated() {
                card(z, index: i, into: &s)
                if s.utf8.count >= 1 << 20 {
                    try sink(s)
                    s = ""
                    s.reserveCapacity(1 << 20)
                }
            }
        }
        s += "</section>\n"
        unservedAndNotes(into: &s)
        s += "</main>\n"
        s +=
            "<div id=\"shuraku-status\" hidden data-state=\"loading\" data-zones=\"\(plan.zones.count)\" "
            + "data-map=\"\(kind.rawValue)\" data-polygons=\"\" data-cards=\"\" data-errors=\"0\"></div>\n"
        if let leaflet, kind == .leaflet || kind == .simplified {
            s += "<script>\n" + leaflet.script + "\n</script>\n"
            s += "<script type=\"application/json\" id=\"shuraku-data\">"
            mapData(simplified: kind == .simplified, into: &s)
            s += "</script>\n"
        }
        s += "<script>\n" + Self.pageScript + "</script>\n</body>\n</html>\n"
        try sink(s)
    }

    // MARK: - Cover

    private func cover(into s: inout String) {
        let m = PlanMetrics(plan)
        let r = plan.request
        let h = ReportText.html
        s += "<section class=\"cover\">\n<h1>集落ネットワーク圏 計画案</h1>\n"
        s +=
            "<p class=\"lead\">基幹集落と周辺の集落を道路の移動時間で結んだ圏域の案です。Shuraku \(shurakuVersion) "
            + "が入力データから機械的に作った下書きで、決定ではありません。地図、圏域ごとの集落カルテ、圏域に入らなかった集落の順に載せています。</p>\n"
        s += "<table class=\"kv\">\n"
        func row(_ label: String, _ value: String, key: String? = nil) {
            let k = key.map { " data-k=\"\($0)\"" } ?? ""
            s += "<tr><th>\(label)</th><td\(k)>\(value)</td></tr>\n"
        }
        row("圏域の数", "\(m.zones)", key: "zones")
        row("集落の数", "\(m.settlements)", key: "settlements")
        row("人口", ReportText.people(m.population), key: "population")
        row(
            "圏域に入らない集落",
            "\(m.unservedSettlements)集落・\(ReportText.people(m.unservedPopulation))", key: "unserved_population")
        let model =
            switch plan.travelModel {
            case .roadNetwork?: "道路網に沿って"
            case .straightLine(let d, let v)?: "直線距離×\(ReportText.setting(d))、時速\(ReportText.setting(v)) km で"
            case nil: ""
            }
        row("移動時間の上限", "基幹集落まで\(ReportText.setting(r.travel.maxMinutes))分（\(model)計算）")
        var size = "1圏域\(ReportText.people(r.zoning.minZonePopulation))以上"
        if let maxPop = r.zoning.maxZonePopulation { size += "、\(ReportText.people(maxPop))以下" }
        row("圏域の人口", size)
        if let y = r.projection.year { row("計画に使った人口", "\(y)年の推計人口") }
        row("基幹集落までの移動時間", "平均 \(ReportText.minutes(m.meanTravelMin))（人口加重）・最長 \(ReportText.minutes(m.maxTravelMin))")
        row(
            "デマンドバス",
            "循環 \(plan.routes.count)本・計 \(ReportText.km(m.routeKmTotal))・\(ReportText.minutes(m.routeMinTotal))・最長乗車 "
                + ReportText.minutes(m.maxRideMin))
        if let v = m.vehiclesTotal { row("車両", "\(v)台（下限 \(m.vehiclesLowerBoundTotal ?? 0)台）", key: "vehicles_total") }
        if let c = m.annualCostYenTotal { row("年間運行費（試算）", ReportText.yen(c), key: "annual_cost_yen_total") }
        row("交付上限額の合計", ReportText.yen(m.grantCapYenTotal), key: "grant_cap_yen_total")
        if let a = plan.access {
            for k in a.kinds {
                let beyond = plan.settlements.reduce(Int64(0)) {
                    $0 + ((($1.accessMin[k] ?? .infinity) > a.thresholdMinutes) ? $1.population : 0)
                }
                row("\(k.label)まで\(ReportText.setting(a.thresholdMinutes))分を超える人口", ReportText.people(beyond), key: a.metricKey(k))
            }
            let muui = plan.settlements.filter { $0.muuiChiku == true }
            row("無医地区相当の集落（4 km 基準）", "\(muui.count)集落・\(ReportText.people(muui.reduce(0) { $0 + $1.population }))")
        }
        if plan.projection != nil, let last = ProjectionTable.years.last {
            let viable = plan.zones.filter { $0.viableUntil == last }.count
            row("\(last)年まで最小人口を保つ圏域", "\(viable) / \(plan.zones.count)", key: "zones_viable_until_\(last)")
        }
        s += "</table>\n"
        s += "<p class=\"note\">圏域の決め方: \(h(ZoningRule.text(r)))</p>\n"
        if let p = plan.projection {
            s +=
                "<p class=\"note\">将来人口: \(h(URL(fileURLWithPath: p.table).lastPathComponent))の市区町村別推計を集落に按分（\(h(p.method))）。"
                + "集落ごとの推計ではありません。</p>\n"
        }
        if plan.zones.count <= Self.simplifyAbove { zoneIndex(into: &s) }
        s += "</section>\n"
    }

    /// The table of zones with links to their cards.
    private func zoneIndex(into s: inout String) {
        guard !plan.zones.isEmpty else { return }
        let projected = plan.projection != nil
        let last = ProjectionTable.years.last ?? 2050
        s += "<h2>圏域の一覧</h2>\n<table class=\"index\">\n<thead><tr><th>圏域</th><th>基幹集落</th><th class=\"n\">人口</th>"
        if projected { s += "<th class=\"n\">\(last)年</th>" }
        s += "<th class=\"n\">集落</th><th class=\"n\">最長移動</th><th class=\"n\">循環</th><th class=\"n\">交付上限額</th></tr></thead>\n<tbody>\n"
        for (i, z) in plan.zones.enumerated() {
            let id = ReportText.html(z.zoneID)
            s +=
                "<tr><td><span class=\"sw\" style=\"background:\(ZonePalette.hex(ZonePalette.color(i)))\"></span>"
                + "<a href=\"#\(ReportText.anchor(z.zoneID))\">\(id)</a></td><td>\(ReportText.html(z.coreName))</td><td class=\"n\">\(groupedDigits(z.population))</td>"
            if projected { s += "<td class=\"n\">\(z.projected.last.map(groupedDigits) ?? "—")</td>" }
            s +=
                "<td class=\"n\">\(z.settlementCount)</td><td class=\"n\">\(ReportText.minutes(z.maxTravelMin))</td>"
                + "<td class=\"n\">\(z.loops)</td><td class=\"n\">\(groupedDigits(z.grantCapYen))</td></tr>\n"
        }
        s += "</tbody>\n</table>\n"
    }

    // MARK: - Map

    private func mapSection(_ kind: MapKind, into s: inout String) {
        s += "<section id=\"map-page\">\n<h2>地図</h2>\n"
        switch kind {
        case .leaflet, .simplified:
            s += "<div id=\"map\"></div>\n"
            s +=
                "<p class=\"note\">背景地図はありません（オフラインで開けるよう、圏域・集落・道路沿いのバス循環だけを描いています）。"
                + "圏域をクリックするとカルテへのリンクが出ます。右上で表示する層を選べます。</p>\n"
            if kind == .simplified {
                s +=
                    "<p class=\"note\">圏域が\(groupedDigits(Int64(Self.simplifyAbove)))を超えるため、地図は圏域と基幹集落だけを約10 m の格子に丸めて描いています。"
                    + "集落・施設・バス循環は各カルテと plan.gpkg（QGIS）をご覧ください。</p>\n"
            }
        case .svg:
            s +=
                "<p class=\"note\">対話型の地図に使う Leaflet（Debian の libjs-leaflet）が見つからなかったため、"
                + "代わりに静的な地図（map.svg と同じもの）を載せています。</p>\n"
            s += "<div id=\"static-map\">\n" + Self.inlineSVG(staticMap) + "</div>\n"
        case .none:
            let why =
                leaflet == nil
                ? "対話型の地図に使う Leaflet（Debian の libjs-leaflet）が見つからず、圏域が多いため静的な地図も載せていません。"
                : "圏域が\(groupedDigits(Int64(Self.interactiveLimit)))を超えるため、ファイルが大きくなりすぎないよう地図を省いています。"
            s += "<p class=\"note\">\(why)地図は map.svg（ブラウザ）または plan.gpkg（QGIS）をご覧ください。</p>\n"
        }
        s += "</section>\n"
    }

    /// `map.svg`'s markup without its XML declaration, to sit inside the page.
    static func inlineSVG(_ svg: String) -> String {
        guard svg.hasPrefix("<?xml"), let end = svg.range(of: "?>") else { return svg }
        return String(svg[end.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
    }

    /// The map's layers as one JSON object (keys sorted): `canvas`, `cores`, `facilities`,
    /// `labels`, `outline`, `routes`, `settlements`, `zones`, each layer a FeatureCollection.
    func mapData(simplified: Bool, into s: inout String) {
        let full = ReportGeoJSON(digits: 7)
        let geo = simplified ? ReportGeoJSON(digits: 4) : full
        let zoneIndex = Dictionary(uniqueKeysWithValues: plan.zones.enumerated().map { ($1.zoneID, $0) })
        s += "{\"canvas\":\(simplified ? "true" : "false"),\"cores\":"
        ReportGeoJSON.collection(plan.zones.count, into: &s) { i, out in
            let z = plan.zones[i]
            ReportGeoJSON.feature(
                geometry: geo.point(z.coreLonLat),
                [("core_name", .text(z.coreName)), ("fill", .text(ZonePalette.hex(ZonePalette.color(i)))), ("zone_id", .text(z.zoneID))],
                into: &out)
            return true
        }
        s += ",\"facilities\":"
        let facilities = simplified ? [] : (plan.facilities ?? []).filter { $0.kind != .other }
        ReportGeoJSON.collection(facilities.count, into: &s) { i, out in
            let f = facilities[i]
            ReportGeoJSON.feature(
                geometry: geo.point(f.lonLat), [("kind", .text(f.kind.rawValue)), ("label", .text(f.kind.label)), ("name", .text(f.name))],
                into: &out)
            return true
        }
        s += ",\"labels\":\(plan.zones.count <= 200 ? "true" : "false"),\"outline\":"
        if let outline = plan.outline, let g = geo.multiPolygon(outline) {
            s += "{\"features\":["
            ReportGeoJSON.feature(geometry: g, [], into: &s)
            s += "],\"type\":\"FeatureCollection\"}"
        } else {
            s += "null"
        }
        s += ",\"routes\":"
        let routes = simplified ? [] : plan.routes
        ReportGeoJSON.collection(routes.count, into: &s) { i, out in
            let r = routes[i]
            guard let line = geo.lineString(r.line) else { return false }
            let zi = zoneIndex[r.zoneID] ?? 0
            ReportGeoJSON.feature(
                geometry: line,
                [
                    ("duration_min", .number(ReportText.decimal(r.durationMin, 2))),
                    ("length_km", .number(ReportText.decimal(r.lengthKm, 3))),
                    ("loop", .int(Int64(r.loop))), ("stroke", .text(ZonePalette.hex(ZonePalette.dark(zi)))), ("zone_id", .text(r.zoneID)),
                ], into: &out)
            return true
        }
        s += ",\"settlements\":"
        let settlements = simplified ? [] : plan.settlements
        let maxPop = max(1, settlements.map(\.population).max() ?? 1)
        ReportGeoJSON.collection(settlements.count, into: &s) { i, out in
            let st = settlements[i]
            let zi = st.zoneID.flatMap { zoneIndex[$0] }
            ReportGeoJSON.feature(
                geometry: geo.point(st.lonLat),
                [
                    ("fill", zi.map { .text(ZonePalette.hex(ZonePalette.color($0))) } ?? .null), ("name", .text(st.name)),
                    ("population", .int(st.population)),
                    ("r", .number(ReportText.decimal(2 + 6 * (Double(st.population) / Double(maxPop)).squareRoot(), 1))),
                    ("reason", st.reason.map { .text($0.description) } ?? .null),
                    ("travel_min", st.travelMin.map { .number(ReportText.decimal($0, 2)) } ?? .null),
                    ("zone_id", st.zoneID.map(ReportGeoJSON.Value.text) ?? .null),
                ], into: &out)
            return true
        }
        s += ",\"zones\":"
        ReportGeoJSON.collection(plan.zones.count, into: &s) { i, out in
            let z = plan.zones[i]
            guard let g = geo.multiPolygon(z.shape) ?? full.multiPolygon(z.shape) else { return false }
            ReportGeoJSON.feature(
                geometry: g,
                [
                    ("core_name", .text(z.coreName)), ("fill", .text(ZonePalette.hex(ZonePalette.color(i)))),
                    ("population", .int(z.population)),
                    ("settlements", .int(Int64(z.settlementCount))), ("stroke", .text(ZonePalette.hex(ZonePalette.dark(i)))),
                    ("zone_id", .text(z.zoneID)),
                ], into: &out)
            return true
        }
        s += "}"
    }

    // MARK: - Unserved settlements and notes

    /// At most this many unserved settlements and notes are listed (the rest are in the layers
    /// and plan.json).
    static let listLimit = 1000

    private func unservedAndNotes(into s: inout String) {
        let unserved = plan.settlements.filter { $0.status == .unserved }
        let h = ReportText.html
        s += "<section id=\"unserved\">\n<h2>圏域に入らない集落</h2>\n"
        if unserved.isEmpty {
            s += "<p>ありません。すべての集落がいずれかの圏域に入っています。</p>\n"
        } else {
            s +=
                "<p>\(unserved.count)集落・\(ReportText.people(unserved.reduce(0) { $0 + $1.population }))。"
                + "無理に圏域へ入れず、理由とともに示しています。</p>\n"
            s += "<table class=\"unserved\">\n<thead><tr><th>集落</th><th class=\"n\">人口</th><th>理由</th></tr></thead>\n<tbody>\n"
            for st in unserved.prefix(Self.listLimit) {
                s +=
                    "<tr><td>\(h(st.name))</td><td class=\"n\">\(groupedDigits(st.population))</td>"
                    + "<td>\(h(st.reason?.description ?? ""))</td></tr>\n"
            }
            s += "</tbody>\n</table>\n"
            if unserved.count > Self.listLimit {
                s += "<p class=\"note\">ほか\(unserved.count - Self.listLimit)集落は settlements.geojson をご覧ください。</p>\n"
            }
        }
        s += "</section>\n"
        let notes = plan.notes.map(SettingName.plain) + plan.warnings.map(SettingName.plain)
        if !notes.isEmpty {
            s += "<section id=\"notes\">\n<h2>注記</h2>\n<ul class=\"notes\">\n"
            for n in notes.prefix(Self.listLimit) { s += "<li>\(h(n))</li>\n" }
            s += "</ul>\n"
            if notes.count > Self.listLimit {
                s += "<p class=\"note\">ほか\(notes.count - Self.listLimit)件は plan.json をご覧ください。</p>\n"
            }
            s += "</section>\n"
        }
    }
}
