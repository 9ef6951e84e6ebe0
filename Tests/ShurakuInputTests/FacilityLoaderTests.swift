import Foundation
import ShurakuGeo
import ShurakuInput
import ShurakuTestSupport
import Testing

@Suite("Loading facilities")
struct FacilityLoaderTests {
    static let utm: CRS = {
        do { return try CRS.epsg(6690) } catch { fatalError("EPSG:6690 must exist: \(error)") }
    }()

    static func real(_ area: String) throws -> LoadedFacilities {
        try FacilityLoader.load(
            SourceSpec(path: SharedData.path("geodata-real/\(area)/facilities.geojson")), into: utm)
    }

    /// A GeoJSON point layer with the given properties per feature (JSON object bodies).
    static func points(_ dir: TempDir, _ name: String, _ properties: [String]) throws -> String {
        let features = properties.enumerated().map { i, p in
            #"{"type":"Feature","properties":{\#(p)},"geometry":{"type":"Point","coordinates":[137.\#(100 + i),37.3]}}"#
        }
        return try dir.write(name, #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#)
    }

    static func kinds(_ loaded: LoadedFacilities) -> [String] { loaded.facilities.map(\.kind.rawValue) }

    @Test("能登町: 105 facilities, counts by kind as in SOURCE.md, none closed")
    func noto() throws {
        let f = try Self.real("noto-town-ishikawa")
        #expect(f.facilities.count == 105)
        #expect(f.countsByKind == [.hospital: 2, .clinic: 16, .school: 10, .communityCentre: 70, .other: 7])
        #expect(f.closed.isEmpty && f.notes.isEmpty)
        #expect(f.kindSources == ["field kind"])
        let subkinds = f.facilities.filter { $0.kind == .clinic }.reduce(into: [String: Int]()) { $0[$1.subkind ?? "", default: 0] += 1 }
        #expect(subkinds == ["clinic": 7, "dental": 6, "institutional_clinic": 3])
        let hospital = try #require(f.facilities.first { $0.name == "公立宇出津総合病院" })
        #expect(hospital.kind == .hospital)
        #expect(abs(hospital.lonLat.x - 137.15) < 0.05 && abs(hospital.lonLat.y - 37.31) < 0.05)
        #expect(hospital.attributes["subkind"] == "hospital" && hospital.attributes["closed"] == "0")
    }

    @Test("the bundled sample geodata/noto/facilities.geojson reads like the shared file")
    func bundledSample() throws {
        let f = try FacilityLoader.load(SourceSpec(path: SharedData.repoPath("geodata/noto/facilities.geojson")), into: Self.utm)
        #expect(f.countsByKind == [.hospital: 2, .clinic: 16, .school: 10, .communityCentre: 70, .other: 7])
    }

    @Test("能登町: subkind=institutional_clinic excluded leaves 13 clinics, with a note naming them")
    func notoExclusion() throws {
        let rule = try #require(FacilityExclusion(parsing: "subkind=institutional_clinic"))
        let f = try FacilityLoader.load(
            SourceSpec(path: SharedData.path("geodata-real/noto-town-ishikawa/facilities.geojson")), into: Self.utm,
            options: FacilityOptions(exclusions: [rule]))
        #expect(f.countsByKind[.clinic] == 13)
        #expect(f.excluded.count == 3 && f.excluded.allSatisfy { $0.reason == "subkind=institutional_clinic" })
        #expect(f.notes.count == 1 && f.notes[0].contains("3 facilities left out by subkind=institutional_clinic"))
    }

    @Test("新見市: 113 read, the 13 closed (旧…) left out with a note; counts by kind as in SOURCE.md")
    func niimi() throws {
        let f = try Self.real("niimi-city-okayama")
        #expect(f.facilities.count == 100)
        #expect(f.closed.count == 13)
        #expect(f.closed.allSatisfy { $0.name.hasPrefix("旧") })
        #expect(f.countsByKind == [.school: 23, .communityCentre: 58, .townHall: 1, .other: 18])
        let note = try #require(f.notes.first)
        #expect(note.contains("13 closed facilities left out") && note.contains("旧井倉中学校"))
    }

    @Test("神石高原町: 31 facilities, counts by kind as in SOURCE.md")
    func jinseki() throws {
        let f = try Self.real("jinsekikogen-hiroshima")
        #expect(f.facilities.count == 31 && f.closed.isEmpty)
        #expect(f.countsByKind == [.school: 5, .communityCentre: 21, .other: 5])
    }

    @Test("kind field: raw values, English, OSM and Japanese words; unknown values count as other, with a note")
    func kindField() throws {
        let dir = try TempDir()
        let path = try Self.points(
            dir, "kinds.geojson",
            [
                #""kind":"post_office","name":"a""#, #""kind":"Doctors","name":"b""#, #""kind":"小学校","name":"c""#,
                #""kind":"役場","name":"d""#, #""kind":"supermarket","name":"e""#, #""kind":"公民館","name":"f""#,
                #""kind":"病院","name":"g""#, #""kind":"bakery","name":"h""#, #""kind":null,"name":"i""#,
            ])
        let f = try FacilityLoader.load(SourceSpec(path: path), into: Self.utm)
        #expect(
            Self.kinds(f) == [
                "post_office", "clinic", "school", "townhall", "shop", "community_centre", "hospital", "other", "other",
            ])
        #expect(f.facilities[2].label == "小学校")
        #expect(f.notes == ["\(path): kinds not recognised, counted as other: bakery (1)"])
    }

    @Test("--facility-kind-field names the field; a missing one is an error naming file and field")
    func givenKindField() throws {
        let dir = try TempDir()
        let path = try Self.points(dir, "k.geojson", [#""type":"school","name":"x""#, #""type":"clinic","name":"y""#])
        let f = try FacilityLoader.load(SourceSpec(path: path), into: Self.utm, options: FacilityOptions(kindField: "TYPE"))
        #expect(Self.kinds(f) == ["school", "clinic"])
        let error = #expect(throws: InputError.self) {
            try FacilityLoader.load(SourceSpec(path: path), into: Self.utm, options: FacilityOptions(kindField: "種別"))
        }
        #expect(error?.description.contains("\(path): field 種別: no such field (given by --facility-kind-field)") == true)
    }

    @Test("国土数値情報: P04 medical classes, P29 school classes, P05 facility classes, P30 post offices")
    func ksj() throws {
        let dir = try TempDir()
        let p04 = try Self.points(
            dir, "p04.geojson",
            [
                #""P04_001":1,"P04_002":"町立病院""#, #""P04_001":2,"P04_002":"山田医院""#, #""P04_001":3,"P04_002":"歯科""#,
            ])
        let a = try FacilityLoader.load(SourceSpec(path: p04), into: Self.utm)
        #expect(Self.kinds(a) == ["hospital", "clinic", "clinic"])
        #expect(a.facilities.map(\.name) == ["町立病院", "山田医院", "歯科"] && a.facilities[2].subkind == "dental")
        #expect(a.kindSources == ["国土数値情報 P04 codes"])

        let p29 = try Self.points(
            dir, "p29.geojson",
            [
                #""P29_004":"16001","P29_005":"A小学校""#, #""P29_004":"16002","P29_005":"B中学校""#,
                #""P29_004":"16004","P29_005":"C高校""#, #""P29_004":"16011","P29_005":"D幼稚園""#,
            ])
        let b = try FacilityLoader.load(SourceSpec(path: p29), into: Self.utm)
        #expect(Self.kinds(b) == ["school", "school", "school", "other"])
        #expect(b.facilities.map(\.label) == ["小学校", "中学校", "高校", "その他"])

        let p05 = try Self.points(dir, "p05.geojson", (1...5).map { #""P05_002":"\#($0)","P05_003":"x""# })
        let c = try FacilityLoader.load(SourceSpec(path: p05), into: Self.utm)
        #expect(Self.kinds(c) == ["townhall", "townhall", "townhall", "community_centre", "community_centre"])
        #expect(c.facilities.map { $0.subkind ?? "" } == ["head_office", "branch_office", "service_office", "kominkan", "assembly_hall"])

        let p30 = try Self.points(dir, "p30.geojson", [#""P30_001":"17463","P30_005":"宇出津郵便局""#])
        #expect(Self.kinds(try FacilityLoader.load(SourceSpec(path: p30), into: Self.utm)) == ["post_office"])

        // GML-derived names, as in the shared data's P04 attributes.
        let gml = try Self.points(dir, "gml.geojson", [#""P04:medicalInstitutionClassification":"1","name":"h""#])
        #expect(Self.kinds(try FacilityLoader.load(SourceSpec(path: gml), into: Self.utm)) == ["hospital"])
    }

    @Test("OSM tags: amenity and shop fields, and OGR's other_tags text")
    func osm() throws {
        let dir = try TempDir()
        let path = try Self.points(
            dir, "osm.geojson",
            [
                #""amenity":"school","shop":null,"name":"s""#, #""amenity":"doctors","shop":null,"name":"d""#,
                #""amenity":"townhall","shop":null,"name":"t""#, #""amenity":null,"shop":"convenience","name":"c""#,
                #""amenity":null,"shop":"bakery","name":"b""#, #""amenity":"bench","shop":null,"name":"x""#,
            ])
        let a = try FacilityLoader.load(SourceSpec(path: path), into: Self.utm)
        #expect(Self.kinds(a) == ["school", "clinic", "townhall", "shop", "other", "other"])
        #expect(a.kindSources == ["OSM tags"])

        let tagged = try Self.points(
            dir, "tags.geojson",
            [
                #""name":"n1","other_tags":"\"amenity\"=>\"school\",\"operator\"=>\"能登町\"""#,
                #""name":"n2","other_tags":"\"amenity\"=>\"post_office\"""#,
                #""name":"n3","other_tags":"\"shop\"=>\"supermarket\"""#,
                #""name":"n4","other_tags":"\"healthcare\"=>\"hospital\"""#,
                #""name":"n5","other_tags":"\"amenity\"=>\"community_centre\"""#,
                #""name":"n6","other_tags":null"#,
            ])
        let b = try FacilityLoader.load(SourceSpec(path: tagged), into: Self.utm)
        #expect(Self.kinds(b) == ["school", "post_office", "shop", "hospital", "community_centre", "other"])
    }

    @Test("OSM PBF: points and multipolygons both read, kinds from the amenity / shop tags")
    func osmPBF() throws {
        let crs = try MetricCRS.utm(forLonLat: XY(1.55, 42.5))
        let f = try FacilityLoader.load(SourceSpec(path: SharedData.path("geodata-real/andorra-osm/andorra.osm.pbf")), into: crs)
        let counts = f.countsByKind
        #expect(f.kindSources == ["OSM tags"])
        #expect([FacilityKind.townHall, .hospital, .school, .postOffice, .shop].allSatisfy { (counts[$0] ?? 0) > 0 })
        // Untagged nodes and areas (buildings, land use) are not facilities.
        #expect(f.facilities.count < 1_000 && f.notes.contains { $0.contains("without an amenity, shop or healthcare tag skipped") })
    }

    @Test("closed: a truthy closed field, a name beginning with 旧 or holding 跡")
    func closed() throws {
        let dir = try TempDir()
        let path = try Self.points(
            dir, "c.geojson",
            [
                #""kind":"school","name":"旧A小学校","closed":false"#, #""kind":"school","name":"B小学校跡","closed":false"#,
                #""kind":"clinic","name":"C医院","closed":true"#, #""kind":"clinic","name":"D医院","closed":false"#,
            ])
        let f = try FacilityLoader.load(SourceSpec(path: path), into: Self.utm)
        #expect(f.facilities.map(\.name) == ["D医院"])
        #expect(f.closed.map(\.name) == ["旧A小学校", "B小学校跡", "C医院"])
        #expect(f.notes.first?.contains("3 closed facilities left out") == true)
    }

    @Test("polygons give their representative point; a line layer is bad input naming file and types")
    func geometry() throws {
        let dir = try TempDir()
        let poly = try dir.write(
            "poly.geojson",
            #"""
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kind":"school","name":"p"},
            "geometry":{"type":"Polygon","coordinates":[[[137.1,37.3],[137.11,37.3],[137.11,37.31],[137.1,37.31],[137.1,37.3]]]}}]}
            """#)
        let p = try FacilityLoader.load(SourceSpec(path: poly), into: Self.utm)
        let ll = try #require(p.facilities.first?.lonLat)
        #expect(ll.x > 137.1 && ll.x < 137.11 && ll.y > 37.3 && ll.y < 37.31)

        let error = #expect(throws: InputError.self) {
            try FacilityLoader.load(
                SourceSpec(path: SharedData.path("geodata-real/noto-town-ishikawa/roads.geojson")), into: Self.utm)
        }
        let text = try #require(error?.description)
        #expect(text.contains("roads.geojson: facilities must be points or polygons; this layer holds LineString"))
    }

    @Test("unreadable and empty sources are errors naming the file")
    func badSources() throws {
        let dir = try TempDir()
        let missing = dir.path("none.geojson")
        let e1 = #expect(throws: InputError.self) { try FacilityLoader.load(SourceSpec(path: missing), into: Self.utm) }
        #expect(e1?.description.contains(missing) == true)
        let empty = try dir.write("empty.geojson", #"{"type":"FeatureCollection","features":[]}"#)
        let e2 = #expect(throws: InputError.self) { try FacilityLoader.load(SourceSpec(path: empty), into: Self.utm) }
        #expect(e2?.description.contains("has no features") == true)
    }

    @Test("kind model: a hospital provides a clinic; exclusion parsing")
    func model() {
        #expect(FacilityKind.hospital.provides(.clinic) && !FacilityKind.clinic.provides(.hospital))
        #expect(
            FacilityKind.allCases.map(\.rawValue) == [
                "townhall", "hospital", "school", "clinic", "post_office", "shop", "community_centre", "other",
            ])
        #expect(FacilityExclusion(parsing: "subkind=institutional_clinic, dental")?.values == ["institutional_clinic", "dental"])
        #expect(FacilityExclusion(parsing: "subkind") == nil && FacilityExclusion(parsing: "=a") == nil)
    }
}
