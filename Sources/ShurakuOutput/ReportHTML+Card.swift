import Foundation
import ShurakuCore
import ShurakuInput
import ShurakuPlan

/// The card of one zone (集落カルテ): its core and why, population now and to 2050, members with
/// their travel time, access to services, bus loops and grant cap. The figures carry `data-k`
/// attributes named as the `summary.csv` columns, for checks.
extension ReportHTML {
    func card(_ z: Plan.ZoneRow, index i: Int, into s: inout String) {
        let h = ReportText.html
        let id = h(z.zoneID)
        let zoneMembers = members[z.zoneID] ?? []
        s +=
            "<article class=\"card\" id=\"\(ReportText.anchor(z.zoneID))\" data-zone=\"\(id)\" data-population=\"\(z.population)\" "
            + "data-settlements=\"\(zoneMembers.count)\">\n"
        s +=
            "<h2><span class=\"sw\" style=\"background:\(ZonePalette.hex(ZonePalette.color(i)))\"></span>\(id) \(h(z.coreName))"
            + "<small>集落カルテ</small></h2>\n"
        s +=
            "<p class=\"core\"><b>基幹集落</b> \(h(z.coreName))（\(h(z.coreID))）\(z.coreDesignated ? "・指定" : "")"
            + "<br><b>理由</b> <span data-k=\"core_reason\">\(h(z.coreReason))</span></p>\n"
        s += "<dl class=\"facts\">"
        func fact(_ label: String, _ value: String, key: String? = nil) {
            let k = key.map { " data-k=\"\($0)\"" } ?? ""
            s += "<dt>\(label)</dt><dd\(k)>\(value)</dd>"
        }
        let year = plan.request.projection.year.map { "（\($0)年推計）" } ?? ""
        fact("人口\(year)", ReportText.people(z.population), key: "population")
        fact("集落", "\(z.settlementCount)", key: "settlements")
        fact("移動時間", "最長 \(ReportText.minutes(z.maxTravelMin))・平均 \(ReportText.minutes(z.meanTravelMin))")
        fact("面積", (z.areaKm2 < 10 ? String(format: "%.2f", z.areaKm2) : MapSVG.tenths(z.areaKm2)) + " km²")
        if !z.districts.isEmpty { fact("地区", h(z.districts.joined(separator: "、"))) }
        fact("最小人口", z.meetsMinPopulation ? "満たす" : "満たさない")
        if let counts = z.facilityCounts {
            fact("圏域内の施設", h(PlanLayers.facilitySummary(counts).replacingOccurrences(of: "none", with: "なし")))
        }
        if let iso = z.isolatablePopulation { fact("道路1本で孤立しうる人口", ReportText.people(iso), key: "isolatable_population") }
        s += "</dl>\n"
        if plan.projection != nil { projection(z, index: i, into: &s) }
        settlementsTable(zoneMembers, into: &s)
        if plan.access != nil { access(z, into: &s) }
        bus(z, into: &s)
        s +=
            "<p class=\"grant\"><b>交付上限額</b> <span data-k=\"grant_cap_yen\">\(ReportText.yen(z.grantCapYen))</span><small>（\(h(z.grantBasis))）</small></p>\n"
        if let text = violations?[z.zoneID], !text.isEmpty {
            s += "<p class=\"violations\"><b>計画者の変更で外れた規則</b> \(h(text))</p>\n"
        }
        if mapKind == .leaflet || mapKind == .simplified {
            s += "<p class=\"to-map\"><a href=\"#map\" data-zone=\"\(id)\">地図で表示</a></p>\n"
        }
        s += "</article>\n"
    }

    /// Population now and to 2050, as a line chart and in words.
    private func projection(_ z: Plan.ZoneRow, index i: Int, into s: inout String) {
        let years = ProjectionTable.years
        guard z.projected.count == years.count, let first = z.projected.first, let last = z.projected.last else { return }
        s += "<h3>人口の見通し（推計）</h3>\n<div class=\"proj\">"
        s += Self.chart(
            years: years, values: z.projected, minimum: plan.request.zoning.minZonePopulation, color: ZonePalette.hex(ZonePalette.dark(i)))
        s += "<p>"
        let change = first > 0 ? Double(last - first) / Double(first) * 100 : 0
        s += "\(years[0])年 \(ReportText.people(first)) → \(years[years.count - 1])年 <span data-k=\"pop_\(years[years.count - 1])\">"
        s += "\(ReportText.people(last))</span>（\(first > 0 ? (change >= 0 ? "+" : "") + ReportText.decimal(change, 0) + "%" : "—")）<br>"
        if let v = z.viableUntil {
            s +=
                v == years.last
                ? "\(v)年まで最小人口（\(ReportText.people(plan.request.zoning.minZonePopulation))）を保つ見込み"
                : "最小人口（\(ReportText.people(plan.request.zoning.minZonePopulation))）を保つのは\(v)年まで"
        } else {
            s += "\(years.count > 1 ? years[1] : years[0])年に最小人口（\(ReportText.people(plan.request.zoning.minZonePopulation))）を下回る見込み"
        }
        if let share = z.muniAged65Share2050 {
            s += "<br>2050年の65歳以上の割合（基幹集落の市区町村）: \(ReportText.decimal(share * 100, 1))%"
        }
        s += "</p></div>\n"
    }

    private func settlementsTable(_ rows: [Plan.SettlementRow], into s: inout String) {
        if rows.count == 1, let only = rows.first {
            s += "<h3>集落</h3>\n<p>\(ReportText.html(only.name))（基幹集落）だけの圏域です。</p>\n"
            return
        }
        let sorted = rows.enumerated().sorted { a, b in
            if a.element.isCore != b.element.isCore { return a.element.isCore }
            let ta = a.element.travelMin ?? .infinity
            let tb = b.element.travelMin ?? .infinity
            return ta != tb ? ta < tb : a.offset < b.offset
        }
        s += "<h3>集落（基幹集落までの移動時間順）</h3>\n<div class=\"st-wrap\"><table class=\"st\"><thead><tr><th>集落</th><th class=\"n\">人口</th>"
        s += "<th class=\"n\">基幹集落まで</th></tr></thead><tbody>\n"
        for (_, st) in sorted {
            s +=
                "<tr\(st.isCore ? " class=\"core\"" : "")><td>\(ReportText.html(st.name))\(st.isCore ? " ◎" : "")</td>"
                + "<td class=\"n\">\(groupedDigits(st.population))</td><td class=\"n\">\(st.travelMin.map(ReportText.minutes) ?? "—")</td></tr>\n"
        }
        s += "</tbody></table></div>\n"
    }

    /// Per kind: people beyond the threshold and the worst-served member.
    private func access(_ z: Plan.ZoneRow, into s: inout String) {
        guard let a = plan.access else { return }
        let threshold = ReportText.setting(a.thresholdMinutes)
        s += "<h3>生活サービスへのアクセス</h3>\n<table class=\"ac\"><thead><tr><th>サービス</th>"
        s += "<th class=\"n\">\(threshold)分を超える人口</th><th>最も遠い集落</th><th class=\"n\">時間</th></tr></thead><tbody>\n"
        for k in a.kinds {
            let w = z.worstServed[k]
            let time = w.map { $0.minutes.map(ReportText.minutes) ?? "\(ReportText.setting(a.limitMinutes))分超" } ?? "—"
            s +=
                "<tr data-kind=\"\(k.rawValue)\"><td>\(k.label)</td>"
                + "<td class=\"n\" data-k=\"pop_beyond_\(k.rawValue)\">\(ReportText.people(z.beyondPopulation[k] ?? 0))</td>"
                + "<td>\(w.map { ReportText.html($0.name) } ?? "—")</td><td class=\"n\" data-k=\"worst_\(k.rawValue)_min\">\(time)</td></tr>\n"
        }
        s += "</tbody></table>\n<p class=\"note\">"
        s +=
            "無医地区相当（4 km 以内に50人以上が住み、4 km 以内に診療所・病院がない）: "
            + "<span data-k=\"muui_chiku_settlements\">\(z.muuiChikuSettlements ?? 0)</span>集落（公共交通の条件は別に確認が必要）"
        if a.hasShops, let shop = z.beyond500mShopPopulation {
            s += "<br>店舗まで500 m を超える人口（上限の目安）: <span data-k=\"pop_beyond_500m_shop\">\(ReportText.people(shop))</span>"
        }
        s += "</p>\n"
    }

    /// The zone's loops, with vehicles and the annual cost when the plan has them.
    private func bus(_ z: Plan.ZoneRow, into s: inout String) {
        let rows = loops[z.zoneID] ?? []
        s += "<h3>デマンドバス</h3>\n<p>"
        guard !rows.isEmpty else {
            s += "循環はありません（停留所になる集落がない、または基幹集落だけの圏域）。</p>\n"
            return
        }
        let maxRide = rows.map(\.maxRideMin).max() ?? 0
        s +=
            "循環 <span data-k=\"loops\">\(z.loops)</span>本・計 <span data-k=\"route_min\">\(ReportText.minutes(z.routeMin))</span>・"
            + "<span data-k=\"route_km\">\(ReportText.km(z.routeKm))</span>・最長乗車 \(ReportText.minutes(maxRide))"
        if let v = z.vehicles { s += "<br>車両 <span data-k=\"vehicles\">\(v)</span>台（下限 \(z.vehiclesLowerBound ?? 0)台）" }
        if let d = z.driverHoursPerDay { s += "・運転時間 \(ReportText.decimal(d, 1))時間/日" }
        if let c = z.annualCostYen { s += "<br>年間運行費（試算） <span data-k=\"annual_cost_yen\">\(ReportText.yen(c))</span>" }
        s += "</p>\n<table class=\"bus\"><thead><tr><th>循環</th><th class=\"n\">停留所</th><th class=\"n\">所要</th>"
        s += "<th class=\"n\">距離</th><th class=\"n\">最長乗車</th></tr></thead><tbody>\n"
        for r in rows {
            s +=
                "<tr><td>\(r.loop)</td><td class=\"n\">\(r.stops.count)</td><td class=\"n\">\(ReportText.minutes(r.durationMin))</td>"
                + "<td class=\"n\">\(ReportText.km(r.lengthKm))</td><td class=\"n\">\(ReportText.minutes(r.maxRideMin))</td></tr>\n"
        }
        s += "</tbody></table>\n"
    }

    /// A small line chart of a population over the years, with the minimum zone population as a
    /// dashed line: inline SVG, one decimal per coordinate.
    static func chart(years: [Int], values: [Int64], minimum: Int64, color: String) -> String {
        let w = 360.0
        let h = 130.0
        let left = 52.0
        let right = 14.0
        let top = 14.0
        let bottom = 24.0
        let top0 = Double(max(values.max() ?? 0, minimum, 1)) * 1.1
        let magnitude = pow(10, floor(log10(top0)))
        let yMax = ([1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= top0 }) ?? 10 * magnitude
        let n = MapSVG.tenths
        func x(_ k: Int) -> Double { left + (w - left - right) * Double(k) / Double(max(1, years.count - 1)) }
        func y(_ v: Double) -> Double { top + (h - top - bottom) * (1 - v / yMax) }
        var s =
            "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(w))\" height=\"\(n(h))\" viewBox=\"0 0 \(n(w)) \(n(h))\" "
            + "role=\"img\" aria-label=\"人口の推計 \(years.first ?? 0)–\(years.last ?? 0)年\">"
        for v in [0, yMax / 2, yMax] {
            s +=
                "<line x1=\"\(n(left))\" y1=\"\(n(y(v)))\" x2=\"\(n(w - right))\" y2=\"\(n(y(v)))\" stroke=\"#ddd\"/>"
                + "<text x=\"\(n(left - 4))\" y=\"\(n(y(v) + 4))\" text-anchor=\"end\">\(groupedDigits(Int64(v.rounded())))</text>"
        }
        for (k, year) in years.enumerated() {
            s += "<text x=\"\(n(x(k)))\" y=\"\(n(h - 6))\" text-anchor=\"middle\">\(year)</text>"
        }
        let ym = y(Double(minimum))
        s +=
            "<line x1=\"\(n(left))\" y1=\"\(n(ym))\" x2=\"\(n(w - right))\" y2=\"\(n(ym))\" stroke=\"#c0392b\" stroke-dasharray=\"4 3\"/>"
            + "<text x=\"\(n(left + 4))\" y=\"\(n(ym - 3))\" fill=\"#c0392b\">最小人口</text>"
        let points = values.enumerated().map { "\(n(x($0.offset))),\(n(y(Double($0.element))))" }
        s += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>"
        for (k, v) in values.enumerated() {
            s +=
                "<circle cx=\"\(n(x(k)))\" cy=\"\(n(y(Double(v))))\" r=\"2.5\" fill=\"\(color)\"><title>\(years[k])年 \(groupedDigits(v))人</title></circle>"
        }
        return s + "</svg>"
    }
}
