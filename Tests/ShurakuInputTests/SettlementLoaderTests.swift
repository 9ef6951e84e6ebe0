import Foundation
import ShurakuGeo
import ShurakuInput
import ShurakuTestSupport
import Testing

@Suite("Loading settlements")
struct SettlementLoaderTests {
    static let utm: CRS = {
        do { return try CRS.epsg(6690) } catch { fatalError("EPSG:6690 must exist: \(error)") }
    }()

    @Test("能登町 settlements: roles detected, 195 points, 15,687 people, lon/lat kept")
    func noto() throws {
        let layer = try VectorReader.read(SourceSpec(parsing: SharedData.path("geodata-real/noto-town-ishikawa/settlements.geojson")))
        let s = try SettlementLoader.load(layer, into: Self.utm)
        #expect(s.roles.population == "JINKO" && s.roles.id == "KEY_CODE" && s.roles.name == "S_NAME")
        #expect(s.settlements.count == 195)
        #expect(s.settlements.reduce(0) { $0 + $1.population } == 15_687)
        let first = try #require(s.settlements.first)
        let src = try #require(layer.features.first?.geometry)
        guard case .point(let p) = src else {
            Issue.record("not a point")
            return
        }
        #expect(abs(first.lonLat.x - p.x) < 1e-9 && abs(first.lonLat.y - p.y) < 1e-9)
        #expect(first.location.x > 600_000 && first.location.x < 800_000)
    }

    @Test("polygon settlements get a representative point inside and keep their polygon")
    func polygons() throws {
        let layer = try VectorReader.read(SourceSpec(parsing: SharedData.path("geodata-real/noto-town-ishikawa/small_areas.geojson")))
        let s = try SettlementLoader.load(layer, into: Self.utm)
        #expect(s.hasPolygons)
        #expect(s.settlements.count == 195)
        let engine = try GeometryEngine()
        for st in s.settlements {
            let area = try #require(st.area)
            #expect(try engine.covers(area, .point(st.location)))
        }
    }

    @Test("every bad value is reported with file, feature and field, all at once")
    func badValues() throws {
        let dir = try TempDir()
        let path = try dir.write(
            "bad.csv",
            """
            id,name,pop,lon,lat
            a,ok,10,137.1,37.3
            b,neg,-5,137.1,37.3
            c,text,many,137.1,37.3
            a,dup,3,137.1,37.3
            d,missing,,137.1,37.3
            e,nocoord,4,,37.3

            """)
        let layer = try VectorReader.read(SourceSpec(parsing: path))
        let error = #expect(throws: InputError.self) { try SettlementLoader.load(layer, into: Self.utm) }
        let e = try #require(error)
        let text = e.description
        #expect(e.problems.count == 5)
        #expect(text.contains("feature 2 (id b): field pop: population is negative (-5)"))
        #expect(text.contains("feature 3 (id c): field pop: population is not a number ('many')"))
        #expect(text.contains("feature 4 (id a): field id: duplicate id 'a' (also feature 1)"))
        #expect(text.contains("feature 5 (id d): field pop: population is missing"))
        #expect(text.contains("feature 6 (id e): field lon"))
        #expect(text.contains("bad.csv"))
    }

    @Test("a missing population can be counted as zero when asked")
    func missingAsZero() throws {
        let dir = try TempDir()
        let path = try dir.write("m.csv", "id,pop,lon,lat\na,,137.1,37.3\nb,7,137.2,37.3\n")
        let layer = try VectorReader.read(SourceSpec(parsing: path))
        let s = try SettlementLoader.load(layer, into: Self.utm, options: SettlementOptions(missingPopulationAsZero: true))
        #expect(s.settlements.map(\.population) == [0, 7])
        #expect(s.warnings.contains { $0.contains("counted as 0") })
    }

    @Test("a field named by the user but absent is an error listing the fields")
    func absentField() throws {
        let layer = try VectorReader.read(SourceSpec(parsing: SharedData.path("geodata-real/noto-town-ishikawa/settlements.geojson")))
        #expect {
            try SettlementLoader.load(layer, into: Self.utm, options: SettlementOptions(roles: FieldRoles(population: "POPX")))
        } throws: { e in
            "\(e)".contains("field POPX: no such field") && "\(e)".contains("JINKO")
        }
    }

    @Test("the study area: 能登町 gets JGD2011 UTM 53 and all layers projected into it")
    func studyArea() throws {
        let base = SharedData.path("geodata-real/noto-town-ishikawa") + "/"
        let inputs = try StudyInputs.load(
            InputSpec(
                settlements: SourceSpec(parsing: base + "settlements.geojson"),
                districts: SourceSpec(parsing: base + "districts.geojson"),
                roads: SourceSpec(parsing: base + "roads.geojson"),
                boundary: SourceSpec(parsing: base + "boundary.geojson")))
        #expect(inputs.crs.authorityCode == "EPSG:6690")
        #expect(inputs.districts?.districts.count == 15)
        #expect(inputs.districts?.nameField == "地区名")
        #expect(inputs.roads?.crs == inputs.crs)
        let engine = try GeometryEngine()
        let boundary = try #require(inputs.boundary)
        // 能登町 is about 273 km².
        let km2 = try engine.area(boundary) / 1e6
        #expect(km2 > 240 && km2 < 300)
    }
}
