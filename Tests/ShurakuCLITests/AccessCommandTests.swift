import Foundation
import ShurakuCore
import ShurakuGeo
import ShurakuOutput
import ShurakuTestSupport
import Testing

/// Access to services and projections through `shuraku plan` and `shuraku compare`, without roads.
@Suite("shuraku plan: access to services and projections")
struct AccessCommandTests {
    /// A clinic at A本村, a shop 300 m east of it, a school at B本村.
    static let facilities = """
        id,name,kind,lon,lat
        f1,A診療所,clinic,137.150,37.300
        f2,A商店,shop,137.1534,37.300
        f3,B小学校,school,137.600,37.300

        """

    @Test("straight line: minutes are geodesic × detour at the set speed; beyond the limit is null and listed; 500 m to a shop")
    func straightLine() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", PlanCommandTests.twoTowns)
        let f = try dir.write("f.csv", Self.facilities)
        let r = CapturedRun([
            "plan", "--settlements", s, "--facilities", f, "--group-by", "city", "--min-zone-pop", "100", "--out", dir.path("p"), "--quiet",
        ])
        #expect(r.status == 0, "\(r.err)")
        let l = try VectorReader.read(SourceSpec(parsing: dir.path("p/settlements.geojson")))
        func row(_ id: String) throws -> VectorFeature { try #require(l.features.first { l.value($0, "settlement_id").text == id }) }
        let a1 = try row("a1")
        #expect(l.value(a1, "access_clinic_min").number == 0)
        #expect(l.value(a1, "beyond_500m_shop").number == 0)
        let a2 = try row("a2")
        let meters = Geodesic.grs80.distanceMeters(XY(137.165, 37.302), XY(137.150, 37.300))
        let expected = meters * 1.3 / (40 / 3.6) / 60
        #expect(abs((l.value(a2, "access_clinic_min").number ?? -1) - expected) <= 0.01)
        #expect(l.value(a2, "beyond_500m_shop").number == 1)
        // B's settlements are 40 km from the clinic: 78 min by straight line × 1.3 at 40 km/h, beyond 60.
        let b1 = try row("b1")
        #expect(l.value(b1, "access_clinic_min") == .null)
        #expect(l.value(b1, "access_beyond").text == "clinic,shop")
        #expect(l.value(b1, "access_school_min").number == 0)
        let json = try #require(PlanJSON.read(dir.path("p/plan.json")))
        let metrics = try #require(json["metrics"] as? [String: Any])
        #expect((metrics["population_beyond_30min_clinic"] as? NSNumber)?.intValue == 700 + 250 + 150)
        #expect((metrics["population_beyond_500m_shop"] as? NSNumber)?.intValue == 2540 - 900)
        #expect(l.value(b1, "muui_chiku").number == 1)
    }

    @Test("compare of today's plan against a 2050 plan names the zones that stop being viable")
    func compareYears() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", PlanCommandTests.twoTowns)
        let t = try dir.write(
            "t.csv", "muni_code,pop2020,pop2025,pop2030,pop2035,pop2040,pop2045,pop2050\n17463,2540,2300,2000,1800,1500,1300,1000\n")
        let base = [
            "plan", "--settlements", s, "--projections", t, "--municipality", "17463", "--group-by", "city", "--min-zone-pop", "500",
            "--quiet",
        ]
        #expect(CapturedRun(base + ["--out", dir.path("now")]).status == 0)
        let later = CapturedRun(base + ["--year", "2050", "--out", dir.path("y2050")])
        #expect(later.status == 0, "\(later.err)")
        let zones = try VectorReader.read(SourceSpec(parsing: dir.path("now/zones.geojson")))
        // Town B (1,100 people today) keeps its share: 563 in 2045, 433 in 2050, below 500.
        let b = try #require(zones.features.first { zones.value($0, "core_id").text == "b1" })
        #expect(zones.value(b, "viable_until").number == 2045)
        #expect(zones.value(b, "pop_2050").number == 433)
        let c = CapturedRun(["compare", dir.path("now"), dir.path("y2050")])
        #expect(c.status == 0, "\(c.err)")
        #expect(c.out.contains("Zones of now that stop being viable by 2050"), "\(c.out)")
        #expect(c.out.contains("2-Z01 B本村 (433 in 2050)"), "\(c.out)")
    }
}
