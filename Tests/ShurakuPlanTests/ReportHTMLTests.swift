import Foundation
import ShurakuCore
import ShurakuPlan
import ShurakuTestSupport
import Testing

@testable import ShurakuOutput

/// `report.html`: written into every plan folder, one card per zone, one map feature per zone,
/// the same bytes on rerun, and a report with a static map when Leaflet is missing.
@Suite("report.html")
struct ReportHTMLTests {
    /// Two towns in two municipalities (made-up figures), without roads.
    static let settlements = """
        id,name,pop,city,lon,lat
        a1,A本村,900,01001,137.150,37.300
        a2,A東,300,01001,137.165,37.302
        a3,A西<&>,200,01001,137.135,37.298
        a4,A奥,40,01001,137.150,37.330
        b1,B本村,700,01002,137.600,37.300
        b2,B北,250,01002,137.610,37.315
        b3,B南,150,01002,137.590,37.285
        c1,C離島,30,01002,138.300,37.900

        """

    static let facilities = """
        id,name,kind,lon,lat
        f1,A診療所,clinic,137.150,37.300
        f2,A商店,shop,137.1534,37.300
        f3,B小学校,school,137.600,37.300

        """

    /// A made-up projection of the two municipalities.
    static let projections = """
        muni_code,pop2020,pop2025,pop2030,pop2035,pop2040,pop2045,pop2050,elderly2050
        01001,1440,1300,1150,1000,850,700,560,300
        01002,1130,1050,960,870,780,690,600,320

        """

    /// A plan of the fixture with facilities, projections, service windows and costs: every part
    /// of a card has something to show.
    static func plan(_ dir: TempDir) throws -> Plan {
        var request = PlanRequest(settlements: try dir.write("s.csv", settlements))
        try PlanSettings.apply(
            [
                "facilities": .text(try dir.write("f.csv", facilities)), "projections": .text(try dir.write("p.csv", projections)),
                "municipalityField": .text("city"), "minZonePop": .number(500), "busServiceWindows": .text("07:00-09:00"),
                "busCosts": .object(Data(#"{"vehicle_year": 3000000, "driver_hour": 2500, "vehicle_km": 40, "days": 245}"#.utf8)),
            ], to: &request)
        return try Planner.plan(request)
    }

    /// A stand-in for Debian's Leaflet: enough for the writer to inline.
    static func fakeLeaflet(_ dir: TempDir) throws -> String {
        try FileManager.default.createDirectory(atPath: dir.path("leaflet/images"), withIntermediateDirectories: true)
        try dir.write("leaflet/leaflet.js", "/* @preserve Leaflet stand-in */\nwindow.L = {};\n")
        try dir.write("leaflet/leaflet.css", ".leaflet-control-layers-toggle{background-image:url(images/layers.png)}\n")
        try dir.write("leaflet/images/layers.png", bytes: [0x89, 0x50, 0x4E, 0x47])
        return dir.path("leaflet")
    }

    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// The map data embedded in the page, parsed.
    static func mapData(_ html: String) throws -> [String: Any] {
        let start = try #require(html.range(of: "<script type=\"application/json\" id=\"shuraku-data\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8))
        return try #require(json as? [String: Any])
    }

    @Test("every plan folder has report.html: a card per zone, a map feature per zone, the same bytes twice")
    func cardsAndMap() throws {
        let dir = try TempDir()
        let plan = try Self.plan(dir)
        #expect(plan.zones.count >= 2)
        var writer = PlanWriter(plan)
        writer.leafletDirectory = try Self.fakeLeaflet(dir)
        try writer.write(toFolder: dir.path("a"))
        try writer.write(toFolder: dir.path("b"))
        let html = try Self.read(dir.path("a/report.html"))
        #expect(
            FileManager.default.contents(atPath: dir.path("a/report.html"))
                == FileManager.default.contents(atPath: dir.path("b/report.html")))
        #expect(Self.count("<article class=\"card\"", in: html) == plan.zones.count)
        for z in plan.zones {
            #expect(html.contains("id=\"card-\(z.zoneID)\" data-zone=\"\(z.zoneID)\" data-population=\"\(z.population)\""))
        }
        #expect(html.contains("data-map=\"leaflet\""))
        // Leaflet inlined with its licence, its images as data URIs: nothing to fetch.
        #expect(html.contains("Licence: BSD-2-Clause") && html.contains("Leaflet stand-in"))
        #expect(html.contains("url(data:image/png;base64,") && !html.contains("url(images/"))
        let data = try Self.mapData(html)
        let zones = try #require((data["zones"] as? [String: Any])?["features"] as? [[String: Any]])
        #expect(zones.count == plan.zones.count)
        #expect(zones.compactMap { ($0["properties"] as? [String: Any])?["zone_id"] as? String } == plan.zones.map(\.zoneID))
        let points = try #require((data["settlements"] as? [String: Any])?["features"] as? [[String: Any]])
        #expect(points.count == plan.settlements.count)
        // Names are escaped in the page and in the data; a name cannot end the script.
        #expect(html.contains("A西&lt;&amp;&gt;") && !html.contains("A西<&>"))
        #expect(Self.count("</script>", in: html) == Self.count("<script", in: html))
        // The card's parts: core and why, projection chart, members, access, bus, grant.
        for text in [
            "基幹集落", "人口の見通し", "<svg class=\"chart\"", "生活サービスへのアクセス", "data-k=\"pop_beyond_clinic\"",
            "デマンドバス", "data-k=\"vehicles\"", "data-k=\"annual_cost_yen\"", "data-k=\"grant_cap_yen\"", "C離島", "break-after:page",
        ] {
            #expect(html.contains(text), "\(text)")
        }
        #expect(!html.contains("NaN"))
    }

    @Test("without Leaflet the report still comes, with map.svg's drawing and a note saying why")
    func withoutLeaflet() throws {
        let dir = try TempDir()
        let plan = try Self.plan(dir)
        var writer = PlanWriter(plan)
        writer.leafletDirectory = dir.path("no-leaflet-here")
        try writer.write(toFolder: dir.path("p"))
        let html = try Self.read(dir.path("p/report.html"))
        #expect(html.contains("data-map=\"svg\""))
        #expect(html.contains("Leaflet（Debian の libjs-leaflet）が見つからなかった"))
        #expect(!html.contains("id=\"shuraku-data\"") && !html.contains("BSD-2-Clause"))
        #expect(Self.count("<article class=\"card\"", in: html) == plan.zones.count)
        let svg = try Self.read(dir.path("p/map.svg"))
        #expect(html.contains(ReportHTML.inlineSVG(svg)) && !html.contains("<?xml"))
        // A Leaflet folder without the script counts as missing.
        try FileManager.default.createDirectory(atPath: dir.path("half"), withIntermediateDirectories: true)
        try dir.write("half/leaflet.css", ".x{}")
        #expect(LeafletAssets.load(from: dir.path("half")) == nil)
    }

    @Test("above 2,000 zones the map keeps zones and cores on a coarser grid; every card stays")
    func simplified() throws {
        let dir = try TempDir()
        var plan = try Self.plan(dir)
        let base = plan.zones
        plan.zones = (0..<(ReportHTML.simplifyAbove + 1)).map { i in
            var z = base[i % base.count]
            z.zoneID = String(format: "Z%04d", i + 1)
            return z
        }
        let leaflet = try #require(LeafletAssets.load(from: try Self.fakeLeaflet(dir)))
        let report = ReportHTML(plan: plan, staticMap: "", leaflet: leaflet)
        #expect(report.mapKind == .simplified)
        let html = report.render()
        #expect(Self.count("<article class=\"card\"", in: html) == plan.zones.count)
        let data = try Self.mapData(html)
        #expect(((data["zones"] as? [String: Any])?["features"] as? [Any])?.count == plan.zones.count)
        #expect(((data["settlements"] as? [String: Any])?["features"] as? [Any])?.count == 0)
        #expect(data["canvas"] as? Bool == true)
        #expect(ReportHTML(plan: plan, staticMap: "", leaflet: nil).mapKind == .none)
    }

    @Test("numbers print as the GeoJSON outputs do; JSON strings are safe inside a script element")
    func text() {
        for v in [137.15, -0.5, 3, 37.123_456_7, 0.000_000_04, -12.000_000_1, 1e-12] {
            var expected = String(format: "%.7f", v)
            while expected.hasSuffix("0") { expected.removeLast() }
            if expected.hasSuffix(".") { expected.removeLast() }
            if expected == "-0" { expected = "0" }
            #expect(ReportText.decimal(v, 7) == expected, "\(v)")
        }
        var s = ""
        ReportText.jsonString("</script>\"\\\n\u{2028}", into: &s)
        #expect(s == #""\u003c/script\u003e\"\\\n\u2028""#)
        #expect(ReportText.html("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
        #expect(ReportText.people(1_234_567) == "1,234,567人")
    }
}
