import Foundation
import ShurakuCore
import ShurakuOutput
import ShurakuPlan
import ShurakuPlanner
import ShurakuTestSupport
import Testing

@Suite("The planning facade")
struct PlannerTests {
    /// The sample scenario of the README, as a request.
    static func sampleRequest() throws -> PlanRequest {
        let scenario = SharedData.repoPath("geodata/scenarios/noto-30min-1000.json")
        let values = try ScenarioFile.read(scenario)
        guard case .text(let settlements)? = values["settlements"] else { throw ShurakuError.bug("no settlements") }
        var request = PlanRequest(settlements: settlements)
        try PlanSettings.apply(values, to: &request)
        return request
    }

    @Test("plans the 能登町 sample in Swift: every settlement once, members within the limit, metrics add up")
    func sample() throws {
        let request = try Self.sampleRequest()
        let plan = try Planner.plan(request)
        #expect(plan.settlements.count == 195)
        #expect(plan.metrics.population == 15_687)
        #expect(!plan.zones.isEmpty)
        #expect(plan.travelModel == .roadNetwork)
        for s in plan.settlements {
            switch s.status {
            case .assigned:
                #expect(s.zoneID != nil && s.reason == nil)
                #expect((s.travelMin ?? .infinity) <= request.travel.maxMinutes + 1e-9)
            case .unserved:
                #expect(s.zoneID == nil && s.reason != nil)
            }
        }
        let zonePop = plan.zones.reduce(Int64(0)) { $0 + $1.population }
        #expect(zonePop == plan.metrics.population - plan.metrics.unservedPopulation)
        #expect(plan.zones.allSatisfy { z in plan.settlements.contains { $0.id == z.coreID && $0.isCore } })
        #expect(plan.inputs.map(\.role) == ["boundary", "districts", "facilities", "roads", "settlements"])
    }

    @Test("a 20-minute ride limit on the sample: more loops, every ride within it, and each stop left off says why")
    func rideLimit() throws {
        let free = try Planner.plan(try Self.sampleRequest())
        var request = try Self.sampleRequest()
        request.bus.maxRideMinutes = 20
        let plan = try Planner.plan(request)
        // Same zones: the ride limit changes only the loops.
        #expect(plan.zones.map(\.coreID) == free.zones.map(\.coreID))
        #expect(plan.routes.count > free.routes.count)
        #expect(plan.metrics.routeMinTotal > free.metrics.routeMinTotal)
        // Rides are reported from whole seconds: within the limit exactly.
        for r in plan.routes {
            #expect(r.ridesMin.count == r.stops.count)
            #expect(r.maxRideMin <= 20, "\(r.zoneID) loop \(r.loop) rides \(r.maxRideMin) min")
            // The first stop rides longest, and no ride is longer than the loop.
            #expect(r.ridesMin.first == r.maxRideMin && r.maxRideMin <= r.durationMin)
        }
        #expect(plan.metrics.maxRideMin <= 20 && free.metrics.maxRideMin > 20)
        let onLoops = Set(plan.routes.flatMap(\.stops))
        let onFreeLoops = Set(free.routes.flatMap(\.stops))
        for id in onFreeLoops.subtracting(onLoops) {
            #expect(plan.notes.contains { $0.contains(id) && $0.contains("longer than the ride limit") }, "\(id)")
        }
    }

    @Test("writing the facade's plan gives the same bytes twice; the writer needs nothing but the plan")
    func writes() throws {
        let dir = try TempDir()
        let plan = try Planner.plan(try Self.sampleRequest())
        try PlanWriter(plan).write(toFolder: dir.path("a"))
        try PlanWriter(plan).write(toFolder: dir.path("b"))
        for f in ["plan.gpkg", "plan.json", "summary.csv", "zones.geojson", "settlements.geojson", "map.svg", "report.html"] {
            let a = FileManager.default.contents(atPath: dir.path("a/\(f)"))
            #expect(a != nil && a == FileManager.default.contents(atPath: dir.path("b/\(f)")), "\(f)")
        }
    }

    @Test("a settlement layer with too few people for one zone is bad input naming the setting")
    func minimumAboveTotal() throws {
        var request = try Self.sampleRequest()
        request.zoning.minZonePopulation = 20_000
        let error = #expect(throws: ShurakuError.self) { try Planner.plan(request) }
        #expect(error?.failureClass == .badInput)
        #expect(error?.description.contains("minZonePop 20000 is above the total population, 15687") == true)
    }

    @Test("error classes: broken invariants are bugs, contradictions and bad data are bad input")
    func classes() {
        #expect(ZoningError.badTravelTable("x").failureClass == .bug)
        #expect(ZoningError.contradictory("x").failureClass == .badInput)
        #expect(ShurakuError.from(ZoningError.badTravelTable("rows")).description.hasPrefix("internal error (a bug in Shuraku"))
        #expect(ShurakuError.source(.writeFailed(path: "a", reason: "disk full")).failureClass == .failure)
        #expect(ShurakuError.source(.fileNotFound(path: "a")).failureClass == .badInput)
    }
}
