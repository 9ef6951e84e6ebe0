import Foundation
import ShurakuTestSupport
import Testing

/// The catalogue of bad inputs: each gets exit status 2, a message naming the file, the feature
/// and the field where there is one, and leaves no output folder behind.
@Suite("Bad inputs")
struct BadInputTests {
    /// The shared five-settlement fixture (lon/lat CSV, no CRS).
    static let goodCSV = FiveSettlements.csv

    /// Runs `plan` with `args` plus `--out`, and checks the failure.
    func expectBad(_ args: [String], in dir: TempDir, mentions: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let out = dir.path("plan-out")
        let r = CapturedRun(["plan"] + args + ["--out", out, "--quiet"])
        #expect(r.status == 2, "status \(r.status); stderr: \(r.err)", sourceLocation: sourceLocation)
        for m in mentions {
            #expect(r.err.contains(m), "stderr lacks '\(m)': \(r.err)", sourceLocation: sourceLocation)
        }
        #expect(!FileManager.default.fileExists(atPath: out), "an output folder was left behind", sourceLocation: sourceLocation)
        let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: dir.url.path)) ?? []).filter { $0.contains(".shuraku-") }
        #expect(leftovers.isEmpty, "staging left behind: \(leftovers)", sourceLocation: sourceLocation)
    }

    @Test("the good fixture plans (so the failures below are the inputs' fault)")
    func goodFixturePlans() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", Self.goodCSV)
        let r = CapturedRun(["plan", "--settlements", s, "--out", dir.path("ok"), "--quiet"])
        #expect(r.status == 0, "\(r.err)")
        #expect(FileManager.default.fileExists(atPath: dir.path("ok/plan.json")))
    }

    @Test("a layer given in the wrong role: exit 2 naming the file, what the role needs and the geometry types found")
    func wrongGeometry() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", Self.goodCSV)
        let settlements = SharedData.repoPath("geodata/noto/settlements.geojson")
        let roads = SharedData.repoPath("geodata/noto/roads.geojson")
        expectBad(
            ["--settlements", s, "--roads", settlements], in: dir, mentions: ["settlements.geojson", "roads must be lines", "Point (195)"])
        expectBad(["--settlements", roads], in: dir, mentions: ["roads.geojson", "settlements must be points or polygons", "LineString"])
        expectBad(
            ["--settlements", s, "--districts", settlements], in: dir,
            mentions: ["settlements.geojson", "districts must be polygons", "Point (195)"])
        expectBad(
            ["--settlements", s, "--boundary", roads], in: dir, mentions: ["roads.geojson", "the boundary must be polygons", "LineString"])
    }

    @Test("facilities: a line layer, a bad exclusion, unknown kinds in the weights: exit 2 naming file and setting")
    func badFacilities() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", Self.goodCSV)
        let roads = SharedData.repoPath("geodata/noto/roads.geojson")
        expectBad(
            ["--settlements", s, "--facilities", roads], in: dir,
            mentions: ["roads.geojson", "facilities must be points or polygons", "LineString"])
        expectBad(
            ["--settlements", s, "--facility-exclude", "subkind"], in: dir, mentions: ["--facility-exclude", "expected FIELD=VALUE"])
        let scenario = try dir.write("w.json", #"{"settlements": "s.csv", "facilityWeights": {"hospitl": 3, "school": "two"}}"#)
        expectBad(["--scenario", scenario], in: dir, mentions: ["hospitl", "facilityWeights.school", "expected a whole number"])
        expectBad(["--settlements", s, "--zones", "many"], in: dir, mentions: ["--zones", "expected auto, fewest or a whole number"])
    }

    @Test("facilities: missing, not vector, empty, a numeric kind field, no known kind: exit 2 naming file, feature and field")
    func badFacilityLayers() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", Self.goodCSV)
        func layer(_ name: String, kind: String) throws -> String {
            try dir.write(
                name,
                #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"A","kind":\#(kind)},"#
                    + #""geometry":{"type":"Point","coordinates":[137.15,37.3]}}]}"#)
        }
        expectBad(["--settlements", s, "--facilities", dir.path("none.geojson")], in: dir, mentions: ["none.geojson", "no such file"])
        let png = try dir.write("f.geojson", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        expectBad(["--settlements", s, "--facilities", png], in: dir, mentions: ["f.geojson", "not a readable vector data source"])
        let empty = try dir.write("e.geojson", #"{"type":"FeatureCollection","features":[]}"#)
        expectBad(["--settlements", s, "--facilities", empty], in: dir, mentions: ["e.geojson", "has no features"])
        expectBad(
            ["--settlements", s, "--facilities", try layer("num.geojson", kind: "3")], in: dir,
            mentions: [
                "num.geojson", "feature 1", "field kind", "no value is a facility kind (3)", "numeric (integer)", "--facility-kind-field",
            ])
        expectBad(
            ["--settlements", s, "--facilities", try layer("odd.geojson", kind: #""spaceport""#)], in: dir,
            mentions: ["odd.geojson", "feature 1", "field kind", "no value is a facility kind (spaceport)"])
    }

    @Test("facility polygons become points, and kinds not recognised among known ones count as other: both with a note")
    func facilityNotes() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", Self.goodCSV)
        let f = try dir.write(
            "f.geojson",
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"A","kind":"school"},"#
                + #""geometry":{"type":"Polygon","coordinates":[[[137.149,37.299],[137.151,37.299],[137.151,37.301],[137.149,37.299]]]}},"#
                + #"{"type":"Feature","properties":{"name":"B","kind":"spaceport"},"geometry":{"type":"Point","coordinates":[137.16,37.3]}}]}"#
        )
        let r = CapturedRun(["plan", "--settlements", s, "--facilities", f, "--out", dir.path("ok")])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("f.geojson: 1 polygon reduced to a point inside each"), "\(r.err)")
        #expect(r.err.contains("kinds not recognised, counted as other: spaceport (1)"), "\(r.err)")
    }

    @Test("drone and bus parameters: zero or negative speeds, ranges, overheads and ride limits name the flag")
    func badVehicleParameters() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", Self.goodCSV)
        let drone = ["--drone-range-km", "10", "--drone-speed-kmh", "60", "--drone-overhead-min", "2"]
        for (flag, value) in [
            ("--drone-speed-kmh", "0"), ("--drone-speed-kmh", "-5"), ("--drone-range-km", "0"), ("--drone-overhead-min", "-1"),
        ] {
            var args = drone
            if let i = args.firstIndex(of: flag) { args[i + 1] = value }
            expectBad(["--settlements", s] + args, in: dir, mentions: [flag, "\(value) is out of range"])
        }
        for value in ["0", "-3"] {
            expectBad(
                ["--settlements", s, "--bus-max-ride-min", value], in: dir, mentions: ["--bus-max-ride-min", "\(value) is out of range"])
        }
        expectBad(["--settlements", s, "--bus-max-ride-min", "soon"], in: dir, mentions: ["--bus-max-ride-min", "soon"])
    }

    @Test("a missing file")
    func missingFile() throws {
        let dir = try TempDir()
        expectBad(["--settlements", dir.path("nothere.geojson")], in: dir, mentions: ["nothere.geojson", "no such file"])
    }

    @Test("an unreadable source (a folder where a file should be)")
    func unreadable() throws {
        let dir = try TempDir()
        try FileManager.default.createDirectory(atPath: dir.path("villages.geojson"), withIntermediateDirectories: false)
        expectBad(
            ["--settlements", dir.path("villages.geojson")], in: dir, mentions: ["villages.geojson", "not a readable vector data source"])
    }

    @Test("not a vector format")
    func notVector() throws {
        let dir = try TempDir()
        let p = try dir.write("photo.geojson", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        expectBad(["--settlements", p], in: dir, mentions: ["photo.geojson", "not a readable vector data source"])
    }

    @Test("an empty layer")
    func emptyLayer() throws {
        let dir = try TempDir()
        let p = try dir.write("empty.geojson", #"{"type":"FeatureCollection","features":[]}"#)
        expectBad(["--settlements", p], in: dir, mentions: ["empty.geojson", "has no features"])
    }

    @Test("a wrong layer name in a GeoPackage")
    func wrongLayer() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", Self.goodCSV)
        let ok = CapturedRun(["plan", "--settlements", s, "--out", dir.path("p"), "--quiet"])
        #expect(ok.status == 0)
        expectBad(
            ["--settlements", dir.path("p/plan.gpkg") + ":villages"], in: dir, mentions: ["plan.gpkg", "no layer 'villages'", "zones"])
    }

    @Test("no CRS on projected coordinates")
    func noCRSProjected() throws {
        let dir = try TempDir()
        let p = try dir.write("xy.csv", "id,pop,x,y\na,10,-30000,144000\nb,20,-29000,144500\n")
        expectBad(["--settlements", p], in: dir, mentions: ["xy.csv", "no CRS", "--source-crs"])
    }

    @Test("lon/lat without a CRS is assumed, with a warning")
    func lonLatAssumed() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", Self.goodCSV)
        let r = CapturedRun(["plan", "--settlements", s, "--out", dir.path("ok")])
        #expect(r.status == 0)
        #expect(r.err.contains("warning: no CRS in the source: coordinates fit longitude/latitude, WGS 84 assumed"))
    }

    @Test("projected coordinates with --source-crs plan fine")
    func projectedWithSourceCRS() throws {
        let dir = try TempDir()
        let p = try dir.write("xy.csv", "id,pop,x,y\na,10,-30000,144000\nb,20,-29000,144500\n")
        let r = CapturedRun([
            "plan", "--settlements", p, "--source-crs", "EPSG:6675", "--min-zone-pop", "10", "--out", dir.path("ok"), "--quiet",
        ])
        #expect(r.status == 0, "\(r.err)")
    }

    @Test("population missing, non-numeric, negative or NaN: each named with feature and field")
    func population() throws {
        let dir = try TempDir()
        let p = try dir.write(
            "pop.csv",
            """
            id,pop,lon,lat
            a,10,137.15,37.30
            b,,137.16,37.30
            c,many,137.17,37.30
            d,-4,137.18,37.30
            e,NaN,137.19,37.30

            """)
        expectBad(
            ["--settlements", p], in: dir,
            mentions: [
                "pop.csv", "feature 2 (id b): field pop: population is missing",
                "feature 3 (id c): field pop: population is not a number ('many')",
                "feature 4 (id d): field pop: population is negative (-4)",
                "feature 5 (id e): field pop: population is not a number ('NaN')",
            ])
    }

    @Test("duplicate settlement ids")
    func duplicateIDs() throws {
        let dir = try TempDir()
        let p = try dir.write("dup.csv", "id,pop,lon,lat\na,10,137.15,37.30\na,12,137.16,37.30\n")
        expectBad(["--settlements", p], in: dir, mentions: ["dup.csv", "feature 2 (id a): field id: duplicate id 'a' (also feature 1)"])
    }

    @Test("null and empty geometries")
    func nullAndEmptyGeometries() throws {
        let dir = try TempDir()
        let p = try dir.write(
            "g.geojson",
            """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"id":"a","pop":5},"geometry":{"type":"Point","coordinates":[137.15,37.3]}},
            {"type":"Feature","properties":{"id":"b","pop":5},"geometry":null},
            {"type":"Feature","properties":{"id":"c","pop":5},"geometry":{"type":"MultiPoint","coordinates":[]}}]}
            """)
        expectBad(
            ["--settlements", p], in: dir, mentions: ["g.geojson", "feature 2 (id b): no geometry", "feature 3 (id c): empty geometry"])
    }

    static func square(_ name: String, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> String {
        #"{"type":"Feature","properties":{"name":"\#(name)"},"geometry":{"type":"Polygon","coordinates":[[[\#(x0),\#(y0)],[\#(x1),\#(y0)],[\#(x1),\#(y1)],[\#(x0),\#(y1)],[\#(x0),\#(y0)]]]}}"#
    }

    @Test("a self-intersecting district is repaired with a warning, not a failure")
    func invalidDistrictRepaired() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", Self.goodCSV)
        let bowtie =
            #"{"type":"Feature","properties":{"name":"東"},"geometry":{"type":"Polygon","coordinates":[[[137.1,37.28],[137.2,37.33],[137.2,37.28],[137.1,37.33],[137.1,37.28]]]}}"#
        let d = try dir.write("d.geojson", #"{"type":"FeatureCollection","features":[\#(bowtie)]}"#)
        let r = CapturedRun(["plan", "--settlements", s, "--districts", d, "--district-mode", "ignore", "--out", dir.path("ok")])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("d.geojson: feature 1 (name 東): invalid polygon (Self-intersection"))
        #expect(r.err.contains("repaired"))
    }

    @Test("overlapping districts: a settlement in both is named")
    func overlappingDistricts() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", Self.goodCSV)
        let d = try dir.write(
            "d.geojson",
            #"{"type":"FeatureCollection","features":[\#(Self.square("東", 137.1, 37.28, 137.16, 37.33)),\#(Self.square("西", 137.145, 37.28, 137.2, 37.33))]}"#
        )
        expectBad(
            ["--settlements", s, "--districts", d], in: dir, mentions: ["d.geojson", "settlement a (宇出津)", "overlapping districts: 東, 西"])
    }

    @Test("a settlement outside every district")
    func outsideDistricts() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", Self.goodCSV)
        let d = try dir.write("d.geojson", #"{"type":"FeatureCollection","features":[\#(Self.square("東", 137.145, 37.29, 137.2, 37.33))]}"#)
        expectBad(
            ["--settlements", s, "--districts", d], in: dir,
            mentions: ["d.geojson", "settlement e (鵜川)", "outside every district", "--district-tolerance"])
    }

    @Test("roads that connect no two settlements")
    func disconnectedRoads() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", Self.goodCSV)
        // Five short stubs, one beside each settlement, touching nothing.
        let stubs = [(137.150, 37.300), (137.160, 37.300), (137.170, 37.305), (137.155, 37.310), (137.140, 37.295)].map { x, y in
            #"{"type":"Feature","properties":{"road_class":"市区町村道"},"geometry":{"type":"LineString","coordinates":[[\#(x + 0.0005),\#(y)],[\#(x + 0.001),\#(y)]]}}"#
        }
        let roads = try dir.write("roads.geojson", #"{"type":"FeatureCollection","features":[\#(stubs.joined(separator: ","))]}"#)
        expectBad(
            ["--settlements", s, "--roads", roads], in: dir, mentions: ["roads.geojson", "connects no two settlements", "--snap-tolerance"])
    }

    @Test("a scenario with an unknown key, a wrong type and a missing path: each named")
    func badScenario() throws {
        let dir = try TempDir()
        try dir.write("s.csv", Self.goodCSV)
        let sc = try dir.write("sc.json", #"{"settlements":"s.csv","maxTravelMinutes":30,"minZonePop":"many","roads":"nothere.geojson"}"#)
        expectBad(
            ["--scenario", sc], in: dir,
            mentions: [
                "sc.json", "field maxTravelMinutes: unknown setting (did you mean maxTravelMin?)", "field minZonePop: expected a number",
                "field roads:", "nothere.geojson: no such file",
            ])
    }

    @Test("contradictory parameters: minimum above the total population, more zones than settlements, negative time")
    func contradictory() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", Self.goodCSV)
        expectBad(
            ["--settlements", s, "--min-zone-pop", "5000"], in: dir, mentions: ["--min-zone-pop 5000 is above the total population, 3100"])
        expectBad(["--settlements", s, "--zones", "9"], in: dir, mentions: ["--zones 9 is more than the 5 settlements"])
        expectBad(["--settlements", s, "--max-travel-min", "-5"], in: dir, mentions: ["--max-travel-min: -5 is out of range"])
        expectBad(
            ["--settlements", s, "--max-zone-pop", "100", "--min-zone-pop", "200"], in: dir,
            mentions: ["--max-zone-pop 100 is below --min-zone-pop 200"])
    }

    @Test("bad service windows: malformed, hour above 23, minute above 59, end not after start, overlapping; each names the setting")
    func badServiceWindows() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", Self.goodCSV)
        let cases: [(String, String)] = [
            ("7-9", "'7-9' is not a window HH:MM-HH:MM"),
            ("07:00-09:00;15:00-17:00", "is not a window HH:MM-HH:MM"),
            ("24:00-25:00", "hour 24 is above 23"),
            ("07:75-09:00", "minute 75 is above 59"),
            ("09:00-07:00", "'09:00-07:00': the end is not after the start"),
            ("09:00-09:00", "'09:00-09:00': the end is not after the start"),
            ("07:00-09:00,08:00-10:00", "windows 07:00-09:00 and 08:00-10:00 overlap"),
            ("", "no service window given"),
        ]
        for (window, message) in cases {
            expectBad(["--settlements", s, "--bus-service-window", window], in: dir, mentions: ["--bus-service-window", message])
        }
        expectBad(
            ["--settlements", s, "--bus-service-window", "07:00-09:00", "--bus-trips-per-window", "0"], in: dir,
            mentions: ["--bus-trips-per-window: 0 is out of range"])
        expectBad(
            ["--settlements", s, "--bus-service-window", "07:00-09:00", "--bus-layover-min", "-1"], in: dir,
            mentions: ["--bus-layover-min: -1 is out of range"])
        let scenario = try dir.write("w.json", #"{"settlements": "s.csv", "busServiceWindows": ["07:00-09:00", 15]}"#)
        expectBad(["--scenario", scenario], in: dir, mentions: ["w.json", "busServiceWindows", "expected a list of strings"])
        let overlap = try dir.write("o.json", #"{"settlements": "s.csv", "busServiceWindows": ["07:00-09:00", "06:00-07:30"]}"#)
        expectBad(["--scenario", overlap], in: dir, mentions: ["o.json", "windows 07:00-09:00 and 06:00-07:30 overlap"])
    }

    @Test("bad operating costs: unknown key, missing key, negative, days out of range, not a number; costs without windows name both")
    func badCosts() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", Self.goodCSV)
        let window = ["--bus-service-window", "07:00-09:00"]
        let cases: [(String, String)] = [
            ("vehicle_year=3000000,driver_hr=2500,vehicle_km=40,days=245", "unknown key 'driver_hr' (did you mean driver_hour?)"),
            ("vehicle_year=3000000,driver_hour=2500,vehicle_km=40", "missing 'days'"),
            ("vehicle_year=-1,driver_hour=2500,vehicle_km=40,days=245", "'vehicle_year': -1 is out of range"),
            ("vehicle_year=3000000,driver_hour=2500,vehicle_km=40,days=400", "'days': 400 is not a whole number of days in 1…366"),
            ("vehicle_year=3000000,driver_hour=2500,vehicle_km=40,days=0", "'days': 0 is not a whole number of days in 1…366"),
            ("vehicle_year=3000000,driver_hour=cheap,vehicle_km=40,days=245", "'driver_hour': 'cheap' is not a number"),
            ("3000000", "'3000000' is not key=number"),
        ]
        for (costs, message) in cases {
            expectBad(["--settlements", s] + window + ["--bus-costs", costs], in: dir, mentions: ["--bus-costs", message])
        }
        expectBad(
            ["--settlements", s, "--bus-costs", "vehicle_year=3000000,driver_hour=2500,vehicle_km=40,days=245"], in: dir,
            mentions: ["--bus-costs needs --bus-service-window"])
        let scenario = try dir.write(
            "c.json",
            #"{"settlements": "s.csv", "busServiceWindows": "07:00-09:00", "busCosts": {"vehicle_year": 1, "driver_hour": true, "vehicle_km": 1, "days": 1}}"#
        )
        expectBad(["--scenario", scenario], in: dir, mentions: ["c.json", "'driver_hour': expected a number"])
        let typo = try dir.write(
            "t.json",
            #"{"settlements": "s.csv", "busServiceWindows": "07:00-09:00", "busCosts": {"vehicle_year": 1, "driver_hour": 1, "vehicle_kms": 1, "days": 1}}"#
        )
        expectBad(["--scenario", typo], in: dir, mentions: ["t.json", "unknown key 'vehicle_kms' (did you mean vehicle_km?)"])
    }

    @Test("more zones than whole districts can hold")
    func tooManyZonesForWholeDistricts() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", Self.goodCSV)
        let d = try dir.write(
            "d.geojson",
            #"{"type":"FeatureCollection","features":[\#(Self.square("東", 137.1, 37.28, 137.152, 37.33)),\#(Self.square("西", 137.152, 37.28, 137.2, 37.33))]}"#
        )
        expectBad(
            ["--settlements", s, "--districts", d, "--district-mode", "whole", "--zones", "3"], in: dir,
            mentions: ["--zones 3 is more than the 2 zones", "one core per district"])
    }

    @Test("a non-empty folder that holds no plan is refused unless --force")
    func foreignFolder() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", Self.goodCSV)
        try FileManager.default.createDirectory(atPath: dir.path("mine"), withIntermediateDirectories: false)
        try dir.write("mine/notes.txt", "keep me")
        let r = CapturedRun(["plan", "--settlements", s, "--out", dir.path("mine"), "--quiet"])
        #expect(r.status == 2)
        #expect(r.err.contains("not empty and holds no earlier plan"))
        let forced = CapturedRun(["plan", "--settlements", s, "--out", dir.path("mine"), "--quiet", "--force"])
        #expect(forced.status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.path("mine/plan.json")))
        #expect((try? String(contentsOfFile: dir.path("mine/notes.txt"), encoding: .utf8)) == "keep me")
    }

    @Test("an earlier plan is replaced as a whole")
    func replacesEarlierPlan() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", Self.goodCSV)
        #expect(CapturedRun(["plan", "--settlements", s, "--out", dir.path("p"), "--quiet"]).status == 0)
        try dir.write("p/stale.txt", "from before")
        #expect(CapturedRun(["plan", "--settlements", s, "--out", dir.path("p"), "--quiet", "--max-travel-min", "20"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: dir.path("p/stale.txt")))
        let plan = try String(contentsOfFile: dir.path("p/plan.json"), encoding: .utf8)
        #expect(plan.contains("\"maxTravelMin\" : 20"))
    }

    /// A projection table for the fixture's municipality 17463, with `rows` after the header.
    static func projectionTable(
        header: String = "muni_code,name,pop2020,pop2025,pop2030,pop2035,pop2040,pop2045,pop2050,elderly2050", _ rows: [String]
    ) -> String {
        ([header] + rows).joined(separator: "\n") + "\n"
    }

    static let noto = "17463,能登町,3100,2700,2400,2000,1700,1500,1200,700"

    @Test(
        "projections: the good table plans; a missing municipality, text or a negative in a year column, a missing year column, a duplicate municipality: exit 2 naming file, row or feature and field"
    )
    func badProjections() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", Self.goodCSV)
        let good = try dir.write("good.csv", Self.projectionTable([Self.noto]))
        let ok = CapturedRun([
            "plan", "--settlements", s, "--projections", good, "--municipality", "17463", "--out", dir.path("ok"), "--quiet",
        ])
        #expect(ok.status == 0, "\(ok.err)")

        // A settlement whose municipality is not in the table.
        let coded = try dir.write(
            "coded.csv",
            Self.goodCSV.replacingOccurrences(of: "id,name,pop,lon,lat", with: "id,name,pop,lon,lat,city_code")
                .split(separator: "\n").enumerated().map { i, l in i == 0 ? String(l) : l + (i == 3 ? ",17999" : ",17463") }.joined(
                    separator: "\n") + "\n")
        expectBad(
            ["--settlements", coded, "--projections", good], in: dir,
            mentions: ["coded.csv", "feature 3 (id c)", "field city_code", "municipality 17999 is not in the projection table"])
        expectBad(
            ["--settlements", s, "--projections", good, "--municipality", "17999"], in: dir,
            mentions: ["--municipality", "17999 is not in the projection table"])
        expectBad(
            ["--settlements", s, "--projections", good], in: dir,
            mentions: ["s.csv", "cannot tell each settlement's municipality", "--municipality-field"])

        let text = try dir.write("text.csv", Self.projectionTable([Self.noto.replacingOccurrences(of: ",2000,", with: ",約2000,")]))
        expectBad(
            ["--settlements", s, "--projections", text, "--municipality", "17463"], in: dir,
            mentions: ["text.csv", "line 2 (muni_code 17463)", "field pop2035", "not a number of people"])
        let negative = try dir.write("neg.csv", Self.projectionTable([Self.noto.replacingOccurrences(of: ",1500,", with: ",-1500,")]))
        expectBad(
            ["--settlements", s, "--projections", negative, "--municipality", "17463"], in: dir,
            mentions: ["neg.csv", "line 2 (muni_code 17463)", "field pop2045", "cannot be negative"])
        let noYear = try dir.write(
            "noyear.csv",
            Self.projectionTable(
                header: "muni_code,name,pop2020,pop2025,pop2030,pop2040,pop2045,pop2050", ["17463,能登町,3100,2700,2400,1700,1500,1200"]))
        expectBad(
            ["--settlements", s, "--projections", noYear, "--municipality", "17463"], in: dir,
            mentions: ["noyear.csv", "line 1 (header)", "field pop2035", "the year column pop2035 is missing"])
        let twice = try dir.write("twice.csv", Self.projectionTable([Self.noto, "17461,輪島市,1000,900,800,700,600,500,400,", Self.noto]))
        expectBad(
            ["--settlements", s, "--projections", twice, "--municipality", "17463"], in: dir,
            mentions: ["twice.csv", "line 4 (muni_code 17463)", "field muni_code", "listed twice (also line 2)"])
        expectBad(["--settlements", s, "--projections", dir.path("none.csv")], in: dir, mentions: ["none.csv", "no such file"])
        expectBad(["--settlements", s, "--year", "2040"], in: dir, mentions: ["--year needs --projections"])
        expectBad(
            ["--settlements", s, "--projections", good, "--municipality", "17463", "--year", "2033"], in: dir,
            mentions: ["--year 2033 is not a year of the projection table"])
        expectBad(
            ["--settlements", s, "--projections", good, "--municipality", "17463", "--previous-population-field", "pop2015"], in: dir,
            mentions: ["s.csv", "field pop2015", "no such field (given by --previous-population-field)"])
    }
}
