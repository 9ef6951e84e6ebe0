import Foundation
import ShurakuGeo
import ShurakuNetwork
import ShurakuRoutes
import ShurakuTestSupport
import Testing

/// Bus loops on 能登町's real roads: the loop rules hold and the geometry follows the roads.
@Suite("Bus loops on 能登町 roads")
struct BusLoopPlannerRealRoadsTests {
    @Test("loops start and end at the core, visit each stop once, keep within 60 min, and draw a connected road line")
    func notoLoops() throws {
        let base = SharedData.path("geodata-real/noto-town-ishikawa") + "/"
        let crs = try CRS.epsg(6690)
        let settlements = try VectorReader.read(SourceSpec(parsing: base + "settlements.geojson")).projected(to: crs)
        let points = settlements.features.compactMap { f -> XY? in if case .point(let p)? = f.geometry { p } else { nil } }
        let pop = settlements.features.map { Int64(settlements.value($0, "JINKO").number ?? 0) }
        let roads = try RoadSource.read(SourceSpec(parsing: base + "roads.geojson"), metric: crs)
        let (graph, _) = try RoadGraphBuilder.build(roads)
        let net = try RoutingNetwork(roads: graph, places: points)
        // The core: 宇出津's largest small area; stops: every settlement within 25 min on the network.
        let core = try #require(settlements.features.indices.max { pop[$0] < pop[$1] })
        let reach = try net.travelTimes(sources: [Int32(core)], cutoffSeconds: 25 * 60)
        let stops = reach.range(ofRow: 0).map { Int(reach.targets[$0]) }.filter {
            $0 != core && pop[$0] > 0 && net.places[$0].status == .onNetwork
        }
        #expect(stops.count > 30)

        let params = BusLoopParameters(maxLoopSeconds: 3600, dwellSeconds: 60, seed: 1)
        let plan = try BusLoopPlanner.plan(depot: core, stops: stops, population: { pop[$0] }, travel: .road(net), parameters: params)
        #expect(plan.loops.count >= 2)
        var visited: [Int] = []
        for loop in plan.loops {
            #expect(loop.durationSeconds <= 3600)
            #expect(!loop.stops.contains(core))
            visited += loop.stops
            // Starts and ends at the core's point, and is one connected line (no jump longer than
            // a road segment: consecutive points are within 2 km).
            #expect(loop.line.first == points[core] && loop.line.last == points[core])
            let longest = zip(loop.line, loop.line.dropFirst()).map { $0.distance(to: $1) }.max() ?? 0
            #expect(longest < 2_000, "a jump of \(longest) m in the line")
            // Every stop lies on the line.
            for s in loop.stops { #expect(loop.line.contains(points[s])) }
            // Arrival times increase and the line length matches the loop's metres.
            #expect(zip(loop.arrivalSeconds, loop.arrivalSeconds.dropFirst()).allSatisfy { $0 < $1 })
            let length = zip(loop.line, loop.line.dropFirst()).reduce(0.0) { $0 + $1.0.distance(to: $1.1) }
            #expect(abs(length - loop.meters) / loop.meters < 0.02)
        }
        let skipped = plan.skipped.map(\.place)
        #expect(visited.count == Set(visited).count, "a stop is visited twice")
        #expect(Set(visited + skipped) == Set(stops), "a stop is neither visited nor reported")
    }
}
