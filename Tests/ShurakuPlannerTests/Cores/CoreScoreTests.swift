import Foundation
import ShurakuCore
import ShurakuGeo
import ShurakuInput
import ShurakuPlanner
import ShurakuTestSupport
import Testing

@Suite("Core scores")
struct CoreScoreTests {
    static func facility(_ kind: FacilityKind, _ x: Double, _ y: Double, name: String = "", subkind: String? = nil) -> Facility {
        Facility(sourceIndex: 0, id: name, name: name, kind: kind, subkind: subkind, location: XY(x, y), lonLat: XY(0, 0))
    }

    static func real(_ area: String) throws -> (settlements: [Settlement], facilities: [Facility]) {
        let layer = try VectorReader.read(SourceSpec(path: SharedData.path("geodata-real/\(area)/settlements.geojson")))
        let crs = try StudyInputs.chooseCRS(for: layer)
        let s = try SettlementLoader.load(layer, into: crs)
        let f = try FacilityLoader.load(SourceSpec(path: SharedData.path("geodata-real/\(area)/facilities.geojson")), into: crs)
        return (s.settlements, f.facilities)
    }

    @Test("reason names the kinds counted and the people: 役場, 小学校, 診療所 within 1 km; 1,689 people within 1 km")
    func reason() {
        let facilities = [
            Self.facility(.clinic, 300, 0, name: "山田医院"), Self.facility(.school, 0, 900, name: "宇出津小学校"),
            Self.facility(.townHall, -500, 0, name: "町役場"), Self.facility(.school, 0, 950, name: "宇出津小学校分校"),
            Self.facility(.other, 10, 10, name: "体育館"), Self.facility(.shop, 1001, 0, name: "遠いスーパー"),
        ]
        let scores = CoreScoring().scores(
            locations: [XY(0, 0), XY(0, 999), XY(5000, 0)], populations: [1_000, 689, 7], facilities: facilities)
        #expect(scores[0].reason == "役場, 小学校, 診療所 within 1 km; 1,689 people within 1 km")
        #expect(scores[0].kindScore == 3 + 2 + 2 && scores[0].kinds == [.townHall, .school, .clinic])
        #expect(scores[0].value == 7)
        #expect(scores[2].reason == "no services within 1 km; 7 people within 1 km" && scores[2].kindScore == 0)
        #expect(scores[1].population == 1_689 && scores[1].kinds == [.school])
    }

    @Test("without facilities the score is the population within the radius, the settlement itself included")
    func withoutFacilities() {
        let s = CoreScoring(radiusMeters: 800).scores(
            locations: [XY(0, 0), XY(0, 800), XY(0, 1700)], populations: [1_200, 489, 5], facilities: nil)
        #expect(s.map(\.population) == [1_689, 1_689, 5])
        #expect(s.map(\.value) == [1_689, 1_689, 5])
        #expect(s[0].reason == "1,689 people within 800 m")
        #expect(s[2] < s[0] && !s.contains { $0.usesFacilities })
    }

    @Test("distinct kinds: two schools count once; a hospital covers the clinic, once, at the higher weight")
    func distinctKinds() throws {
        let scoring = CoreScoring()
        let two = scoring.scores(
            locations: [XY(0, 0)], populations: [1],
            facilities: [
                Self.facility(.school, 0, 10), Self.facility(.school, 0, 20),
            ])
        #expect(two[0].kindScore == 2)
        let both = scoring.scores(
            locations: [XY(0, 0)], populations: [1],
            facilities: [
                Self.facility(.hospital, 0, 10), Self.facility(.clinic, 0, 20),
            ])
        #expect(both[0].kindScore == 3 && both[0].kinds == [.hospital])
        #expect(both[0].reason == "病院 within 1 km; 1 person within 1 km")
        let heavyClinic = CoreScoring(weights: try FacilityWeights(overriding: ["clinic": 4]))
        let alone = heavyClinic.scores(locations: [XY(0, 0)], populations: [1], facilities: [Self.facility(.hospital, 0, 10)])
        #expect(alone[0].kindScore == 4)
    }

    @Test("ties go to the population within the radius; preferences keep kinds first, also in sums")
    func ordering() {
        let a = CoreScore(kindScore: 3, kinds: [], population: 10, usesFacilities: true, reason: "")
        let b = CoreScore(kindScore: 3, kinds: [], population: 500, usesFacilities: true, reason: "")
        let c = CoreScore(kindScore: 4, kinds: [], population: 1, usesFacilities: true, reason: "")
        let d = CoreScore(kindScore: 0, kinds: [], population: 9_999, usesFacilities: true, reason: "")
        #expect(a < b && b < c && d < a)
        let p = CoreScore.preferences([a, b, c, d])
        #expect(p.allSatisfy { $0 >= 0 })
        #expect(p[0] < p[1] && p[1] < p[2] && p[3] < p[0])
        // {c} beats {b, d} on kinds (4 vs 3) although {b, d} has far more people.
        #expect(p[2] > p[1] + p[3])
        let huge = CoreScore(kindScore: 1_000_000, kinds: [], population: Int64.max / 8, usesFacilities: true, reason: "")
        let q = CoreScore.preferences([huge, a, huge])
        #expect(q[0] > q[1] && q[0] > 0)
    }

    @Test("weights: documented defaults, overrides by kind name, unknown kinds and negative weights refused")
    func weights() throws {
        let w = FacilityWeights.default
        #expect(FacilityKind.allCases.map { w[$0] } == [3, 3, 2, 2, 1, 2, 1, 0])
        let o = try FacilityWeights(overriding: ["shop": 3, "other": 1])
        #expect(o[.shop] == 3 && o[.other] == 1 && o[.school] == 2)
        let e = #expect(throws: InputError.self) { try FacilityWeights(overriding: ["library": 1, "school": -1]) }
        #expect(e?.problems.count == 2)
        #expect(e?.description.contains("facilityWeights: field library: not a facility kind") == true)
        let decoded = try JSONDecoder().decode(FacilityWeights.self, from: Data(#"{"post_office": 2}"#.utf8))
        #expect(decoded[.postOffice] == 2 && decoded[.townHall] == 3)
        let text = String(decoding: try JSONEncoder().encode(o), as: UTF8.self)
        #expect(text.contains("\"shop\":3"))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(FacilityWeights.self, from: Data(#"{"bank": 1}"#.utf8)) }
    }

    @Test("distances and numbers in words")
    func words() {
        #expect(CoreScoring.distanceText(1000) == "1 km" && CoreScoring.distanceText(1500) == "1.5 km")
        #expect(CoreScoring.distanceText(800) == "800 m" && CoreScoring.distanceText(2250) == "2.25 km")
        #expect(CoreScoring.grouped(1_689) == "1,689" && CoreScoring.grouped(15_687_000) == "15,687,000")
        #expect(CoreScoring.grouped(999) == "999" && CoreScoring.grouped(0) == "0")
    }

    @Test("facilities counted per zone by kind, from a given assignment")
    func tally() {
        let fs = [
            Self.facility(.school, 0, 0), Self.facility(.clinic, 0, 0), Self.facility(.school, 0, 0),
            Self.facility(.communityCentre, 0, 0), Self.facility(.hospital, 0, 0),
        ]
        let t = FacilityTally.byZone(fs, zoneOf: [0, 0, 1, nil, 7], zoneCount: 2)
        #expect(t == [[.school: 1, .clinic: 1], [.school: 1]])
        #expect(FacilityTally.summary(t[0]) == "学校 1, 診療所 1")
        #expect(FacilityTally.summary([:]).isEmpty)
    }

    @Test("能登町: the highest-scored settlements are in 宇出津 (town centre: hospital, schools)")
    func noto() throws {
        let (settlements, facilities) = try Self.real("noto-town-ishikawa")
        let scores = CoreScoring().scores(settlements: settlements, facilities: facilities)
        let ranked = settlements.indices.sorted { scores[$0] > scores[$1] }
        // Criterion: the best settlement has 宇出津 in its name, and every settlement reaching the
        // top kind score lies in 宇出津 by name or by 地区 (崎山, 藤波 belong to 地区 宇出津).
        let best = try #require(ranked.first)
        #expect(settlements[best].name.contains("宇出津"))
        let top = scores[best].kindScore
        let district = try Self.districtNames()
        for i in ranked where scores[i].kindScore == top {
            #expect(settlements[i].name.contains("宇出津") || district[settlements[i].id] == "宇出津", "\(settlements[i].name)")
        }
        #expect(scores[best].kinds.contains(.hospital) && scores[best].kinds.contains(.school))
        #expect(scores[best].reason.hasPrefix("病院, 小学校・中学校"))
    }

    /// 地区名 by KEY_CODE for 能登町.
    static func districtNames() throws -> [String: String] {
        let layer = try VectorReader.read(SourceSpec(path: SharedData.path("geodata-real/noto-town-ishikawa/settlements.geojson")))
        var out: [String: String] = [:]
        for f in layer.features {
            if let k = layer.value(f, "KEY_CODE").text, let d = layer.value(f, "地区名").text { out[k] = d }
        }
        return out
    }

    @Test("神石高原町: 油木 (schools, 振興会館) has the highest score")
    func jinseki() throws {
        let (settlements, facilities) = try Self.real("jinsekikogen-hiroshima")
        let scores = CoreScoring().scores(settlements: settlements, facilities: facilities)
        let best = try #require(settlements.indices.max { scores[$0] < scores[$1] })
        #expect(settlements[best].name == "油木")
        #expect(scores[best].kinds.contains(.school))
        #expect(scores.filter { $0.kindScore >= scores[best].kindScore }.count == 1)
    }

    @Test("scales: 180,000 settlements and 20,000 facilities", .timeLimit(.minutes(1)))
    func scale() {
        var g = SeededGenerator(seed: 7)
        let locations = (0..<180_000).map { _ in XY(Double.random(in: 0..<300_000, using: &g), Double.random(in: 0..<300_000, using: &g)) }
        let facilities = (0..<20_000).map { i in
            Self.facility(
                FacilityKind.allCases[i % FacilityKind.allCases.count],
                Double.random(in: 0..<300_000, using: &g), Double.random(in: 0..<300_000, using: &g))
        }
        let scores = CoreScoring().scores(
            locations: locations, populations: Array(repeating: 10, count: locations.count), facilities: facilities)
        #expect(scores.count == 180_000)
        #expect(scores.allSatisfy { $0.population >= 10 })
    }
}
