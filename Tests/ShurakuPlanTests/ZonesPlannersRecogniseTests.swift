import Foundation
import ShurakuCore
import ShurakuInput
import ShurakuPlan
import ShurakuTestSupport
import Testing

/// The default plan on real places: zones at the scale of districts or former villages, each
/// around a settlement with services. Exact checks (counts, names) have no tolerance; they are
/// properties of the data and the rule, not of a heuristic's luck (the zone counts below are
/// the maxima by the districts' populations, worked out in each test's comment).
@Suite("Zones a planner recognises")
struct ZonesPlannersRecogniseTests {
    static let real = "geodata-real"

    @Test("新見市, whole junior-high districts, 30 min, minimum 1,000: five zones, one per district")
    func niimi() throws {
        // Every district alone has at least 2,497 people and a settlement that reaches all of it
        // within 30 min, so the most zones is one per district.
        var r = PlanRequest(settlements: SharedData.path("\(Self.real)/niimi-city-okayama/settlements.geojson"))
        r.inputs.districts = SharedData.path("\(Self.real)/niimi-city-okayama/junior_high_school_districts.geojson")
        r.inputs.facilities = SharedData.path("\(Self.real)/niimi-city-okayama/facilities.geojson")
        r.zoning.districtMode = .whole
        let plan = try Planner.plan(r)
        #expect(plan.zones.count == 5)
        #expect(Set(plan.zones.flatMap(\.districts)).count == 5)
        #expect(plan.zones.allSatisfy { $0.districts.count == 1 && $0.population >= 1000 })
        #expect(plan.metrics.unservedSettlements == 0)
        // The facility layer's closed (旧…) facilities are left out with a note.
        #expect(plan.notes.contains { $0.contains("closed") })
    }

    @Test("神石高原町, defaults and its facilities: 油木 is a core, zones of about 1,000 people")
    func jinsekikogen() throws {
        var r = PlanRequest(settlements: SharedData.path("\(Self.real)/jinsekikogen-hiroshima/settlements.geojson"))
        r.inputs.facilities = SharedData.path("\(Self.real)/jinsekikogen-hiroshima/facilities.geojson")
        let plan = try Planner.plan(r)
        #expect(plan.zones.contains { $0.coreName == "油木" }, "\(plan.zones.map(\.coreName))")
        #expect(plan.zones.count >= 4, "the whole town in \(plan.zones.count) zone(s)")
        #expect(plan.zones.allSatisfy { $0.population >= 1000 })
        let yuki = plan.zones.first { $0.coreName == "油木" }
        #expect(yuki?.coreReason.contains("小学校") == true)
    }

    @Test("能登町 sample: no zone merges two 地区 that are viable alone, and every core has services within 1 km")
    func noto() throws {
        let plan = try Planner.plan(try PlannerTests.sampleRequest())
        var districtPopulation: [String: Int64] = [:]
        for s in plan.settlements { districtPopulation[s.district ?? "", default: 0] += s.population }
        let viableAlone = districtPopulation.filter { $0.value >= 1000 }.map(\.key)
        #expect(viableAlone.count == 5)
        // Whole districts: each lies in one zone, and no zone holds two that are viable alone.
        for z in plan.zones {
            #expect(z.districts.filter(viableAlone.contains).count <= 1, "\(z.zoneID) merges \(z.districts)")
        }
        // 15 地区, 15,687 people: more than the 5 viable alone, far more than the 2 of the fewest zones;
        // every zone in one piece (each district touches its core's district).
        #expect(plan.zones.count >= 8)
        #expect(!plan.notes.contains { $0.contains("separate pieces") }, "\(plan.notes)")
        #expect(plan.zones.allSatisfy { ($0.coreScore ?? 0) > 0 && $0.coreReason.contains("within 1 km") })
        #expect(plan.zones.contains { $0.coreName.contains("宇出津") })
        #expect(plan.facilities?.count == 105)
        let counted = plan.zones.compactMap(\.facilityCounts).reduce(0) { $0 + $1.values.reduce(0, +) }
        #expect(counted == plan.facilities?.filter { $0.zoneID != nil }.count)
    }

    @Test("--zones fewest --core-score none is today's capacitated p-median: 2 zones around two junction hamlets")
    func fewestReproducesBefore() throws {
        var r = try PlannerTests.sampleRequest()
        r.inputs.facilities = nil
        r.zoning.zones = .fewest
        r.cores.score = .none
        let plan = try Planner.plan(r)
        #expect(plan.zones.map(\.coreName) == ["字藤ノ瀬下藤ノ瀬", "字時長程谷"])
        #expect(plan.zones.allSatisfy { $0.coreScore == nil })
    }
}
