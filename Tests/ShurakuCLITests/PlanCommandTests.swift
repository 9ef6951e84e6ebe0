import Foundation
import ShurakuGeo
import ShurakuTestSupport
import Testing

/// `shuraku plan` through the CLI: the output contract, reproducibility, scenarios, groups.
@Suite("shuraku plan")
struct PlanCommandTests {
    /// Two villages' worth of settlements in two municipalities (codes 1 and 2), 40 km apart.
    static let twoTowns = """
        id,name,pop,city,lon,lat
        a1,A本村,900,1,137.150,37.300
        a2,A東,300,1,137.165,37.302
        a3,A西,200,1,137.135,37.298
        a4,A奥,40,1,137.150,37.330
        b1,B本村,700,2,137.600,37.300
        b2,B北,250,2,137.610,37.315
        b3,B南,150,2,137.590,37.285

        """

    static let contract: [String: [String]] = [
        "settlements": ["settlement_id", "name", "population", "zone_id", "core_id", "is_core", "travel_min", "status", "reason"],
        "zones": [
            "zone_id", "core_id", "core_name", "population", "settlements", "max_travel_min", "mean_travel_min", "area_km2",
            "districts", "meets_min_population", "route_km", "route_min", "grant_cap_yen",
        ],
        "routes": ["zone_id", "loop", "stops", "length_km", "duration_min"],
        "cores": ["zone_id", "core_id", "core_name"],
    ]

    @Test("the output folder holds every file of the contract, with the contract's layers and fields")
    func contract() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", Self.twoTowns)
        let r = CapturedRun(["plan", "--settlements", s, "--out", dir.path("p"), "--quiet"])
        #expect(r.status == 0, "\(r.err)")
        for f in ["plan.gpkg", "plan.json", "summary.csv", "map.svg", "report.html"]
            + Self.contract.keys.flatMap({ ["\($0).geojson", "\($0).qml"] })
        {
            #expect(FileManager.default.fileExists(atPath: dir.path("p/\(f)")), "missing \(f)")
        }
        // The four layers, plus QGIS's layer_styles table holding their default styles.
        #expect(
            try VectorReader.layerNames(dir.path("p/plan.gpkg")).sorted() == ["cores", "layer_styles", "routes", "settlements", "zones"])
        for (layer, fields) in Self.contract {
            for source in [dir.path("p/plan.gpkg") + ":\(layer)", dir.path("p/\(layer).geojson")] {
                let l = try VectorReader.read(SourceSpec(parsing: source), allowEmpty: true)
                let names = Set(l.fields.map(\.name))
                for f in fields { #expect(names.contains(f), "\(source) lacks \(f)") }
                #expect(l.crs?.kind == .geographic)
            }
        }
        let plan = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path("p/plan.json")))) as? [String: Any])
        let metrics = try #require(plan["metrics"] as? [String: Any])
        for k in [
            "zones", "settlements", "population", "unserved_settlements", "unserved_population", "mean_travel_min", "max_travel_min",
            "min_zone_population", "max_zone_population", "route_km_total", "route_min_total", "grant_cap_yen_total",
        ] {
            #expect(metrics[k] != nil, "plan.json lacks metric \(k)")
        }
        #expect(metrics["population"] as? Int == 2540)
        let inputs = try #require(plan["inputs"] as? [String: [String: String]])
        #expect(inputs["settlements"]?["sha256"]?.count == 64)
        #expect(plan["version"] as? String != nil && plan["parameters"] as? [String: Any] != nil)
        // report.html: a card per zone of plan.json, in order.
        let zoneIDs = try #require(plan["zones"] as? [[String: Any]]).compactMap { $0["zone_id"] as? String }
        let report = try String(contentsOfFile: dir.path("p/report.html"), encoding: .utf8)
        #expect(!zoneIDs.isEmpty)
        #expect(report.components(separatedBy: "<article class=\"card\"").count - 1 == zoneIDs.count)
        for id in zoneIDs { #expect(report.contains("<article class=\"card\" id=\"card-\(id)\" data-zone=\"\(id)\"")) }
        let csv = try String(contentsOfFile: dir.path("p/summary.csv"), encoding: .utf8)
        #expect(
            csv.hasPrefix(
                "zone_id,core_id,core_name,population,settlements,max_travel_min,mean_travel_min,area_km2,districts,meets_min_population,route_km,route_min,grant_cap_yen"
            ))
    }

    @Test("same inputs and seed give byte-identical files")
    func reproducible() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", Self.twoTowns)
        for out in ["a", "b"] {
            #expect(CapturedRun(["plan", "--settlements", s, "--seed", "4", "--out", dir.path(out), "--quiet"]).status == 0)
        }
        for f in try FileManager.default.contentsOfDirectory(atPath: dir.path("a")) {
            let a = try Data(contentsOf: URL(fileURLWithPath: dir.path("a/\(f)")))
            let b = try Data(contentsOf: URL(fileURLWithPath: dir.path("b/\(f)")))
            #expect(a == b, "\(f) differs")
        }
    }

    @Test("--group-by plans each municipality separately; zone ids carry the group; --filter keeps one")
    func groupsAndFilter() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", Self.twoTowns)
        let r = CapturedRun(["plan", "--settlements", s, "--group-by", "city", "--max-travel-min", "60", "--out", dir.path("g"), "--quiet"])
        #expect(r.status == 0, "\(r.err)")
        let zones = try VectorReader.read(SourceSpec(parsing: dir.path("g/zones.geojson")))
        let ids = zones.features.compactMap { zones.value($0, "zone_id").text }.sorted()
        #expect(ids == ["1-Z01", "2-Z01"])
        #expect(zones.fieldIndex("group") != nil)
        let f = CapturedRun(["plan", "--settlements", s, "--filter", "city=2", "--out", dir.path("f"), "--quiet"])
        #expect(f.status == 0, "\(f.err)")
        let settled = try VectorReader.read(SourceSpec(parsing: dir.path("f/settlements.geojson")))
        #expect(settled.features.compactMap { settled.value($0, "settlement_id").text } == ["b1", "b2", "b3"])
    }

    @Test("a scenario's settings apply, flags override them, paths resolve beside the scenario")
    func scenarioAndOverride() throws {
        let dir = try TempDir()
        try FileManager.default.createDirectory(atPath: dir.path("data"), withIntermediateDirectories: true)
        try dir.write("data/s.csv", Self.twoTowns)
        let sc = try dir.write("data/sc.json", #"{"settlements": "s.csv", "maxTravelMin": 12, "seed": 3}"#)
        #expect(CapturedRun(["plan", "--scenario", sc, "--max-travel-min", "25", "--out", dir.path("o"), "--quiet"]).status == 0)
        let plan = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path("o/plan.json")))) as? [String: Any])
        let params = try #require(plan["parameters"] as? [String: Any])
        #expect(params["maxTravelMin"] as? Int == 25)
        #expect(params["seed"] as? Int == 3)
        #expect((params["settlements"] as? String)?.hasSuffix("data/s.csv") == true)
    }

    @Test("service windows and costs give vehicles, driver hours, vehicle-km and annual cost; compare shows them beside a plan without")
    func busService() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", Self.twoTowns)
        let base = ["plan", "--settlements", s, "--group-by", "city", "--max-travel-min", "60", "--min-zone-pop", "500", "--quiet"]
        #expect(CapturedRun(base + ["--out", dir.path("plain")]).status == 0)
        let r = CapturedRun(
            base + [
                "--bus-service-window", "07:00-09:00,15:00-17:00", "--bus-costs",
                "vehicle_year=1000000,driver_hour=2000,vehicle_km=30,days=240", "--out", dir.path("bus"),
            ])
        #expect(r.status == 0, "\(r.err)")
        let zones = try VectorReader.read(SourceSpec(parsing: dir.path("bus/zones.geojson")))
        for f in zones.features {
            let vehicles = try #require(zones.value(f, "vehicles").number)
            let bound = try #require(zones.value(f, "vehicles_lower_bound").number)
            #expect(vehicles >= bound && vehicles >= 1)
            #expect(zones.value(f, "annual_cost_yen").number ?? 0 >= 1_000_000 * vehicles)
        }
        let plain = try VectorReader.read(SourceSpec(parsing: dir.path("plain/zones.geojson")))
        #expect(plain.features.allSatisfy { plain.value($0, "vehicles") == .null && plain.value($0, "annual_cost_yen") == .null })
        let c = CapturedRun(["compare", dir.path("plain"), dir.path("bus")])
        #expect(c.status == 0, "\(c.err)")
        let vehiclesRow = c.out.split(separator: "\n").first { $0.hasPrefix("| vehicles_total |") }
        #expect(vehiclesRow?.hasPrefix("| vehicles_total | – | ") == true, "\(c.out)")
        #expect(c.out.contains("| annual_cost_yen_total | – | "), "\(c.out)")
    }

    @Test("a settlement no core can reach is unserved with its reason, never forced in")
    func unservedWithReason() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", Self.twoTowns)
        let r = CapturedRun(["plan", "--settlements", s, "--zones", "1", "--max-travel-min", "20", "--out", dir.path("u"), "--quiet"])
        #expect(r.status == 0, "\(r.err)")
        let l = try VectorReader.read(SourceSpec(parsing: dir.path("u/settlements.geojson")))
        let unserved = l.features.filter { l.value($0, "status").text == "unserved" }
        #expect(unserved.count == 3)
        for f in unserved {
            #expect(l.value(f, "zone_id") == .null)
            #expect(l.value(f, "reason").text?.contains("20 min") == true)
        }
    }

    @Test("help shows the scenario keys' options with an example")
    func help() {
        let r = CapturedRun(["plan", "--help"])
        #expect(r.status == 0)
        #expect(r.out.contains("--max-travel-min MIN") && r.out.contains("(default: 30)"))
        #expect(r.out.contains("EXAMPLES:") && r.out.contains("--scenario"))
    }

    @Test("OpenStreetMap end to end: Andorra's places and roads straight from the .osm.pbf")
    func openStreetMap() throws {
        let dir = try TempDir()
        let pbf = SharedData.path("geodata-real/andorra-osm/andorra.osm.pbf")
        let r = CapturedRun([
            "plan", "--settlements", pbf + ":points", "--filter", "place=town,village,hamlet", "--missing-population-zero",
            "--roads", pbf, "--max-travel-min", "20", "--out", dir.path("a"),
        ])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("without population counted as 0"))
        let s = try VectorReader.read(SourceSpec(parsing: dir.path("a/settlements.geojson")))
        #expect(s.features.count > 40)
        #expect(s.features.contains { s.value($0, "name").text == "Andorra la Vella" && s.value($0, "population").number == 24_678 })
        let plan = try String(contentsOfFile: dir.path("a/plan.json"), encoding: .utf8)
        #expect(plan.contains("WGS 84 / UTM zone 31N"))
        #expect(plan.contains("\"travel_model\" : \"road network\""))
        #expect(plan.contains("25 closed to cars by access tags"))  // see andorraAccess
    }
}
