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

        // With a 20-minute ride limit: more loops and more minutes, only stops farther than 20 min
        // from the core (one way or the other) left out, and every ride, recomputed leg by leg
        // from road travel times and dwells, within the limit. Tolerance: the engine rounds each
        // leg to whole seconds, so up to 0.5 s per leg either way.
        let limit = 20.0 * 60
        let ridden = try BusLoopPlanner.plan(
            depot: core, stops: stops, population: { pop[$0] }, travel: .road(net),
            parameters: BusLoopParameters(maxLoopSeconds: 3600, dwellSeconds: 60, maxRideSeconds: limit, seed: 1))
        #expect(ridden.loops.count > plan.loops.count)
        let minutes = { (p: ZoneBusPlan) in p.loops.reduce(0.0) { $0 + $1.durationSeconds } }
        #expect(minutes(ridden) > minutes(plan))
        let far = Set(ridden.skipped.map(\.place))
        let legs = try net.travelTimes(sources: ([core] + stops).map { Int32($0) }, cutoffSeconds: 3600)
        let row = Dictionary(uniqueKeysWithValues: ([core] + stops).enumerated().map { ($1, $0) })
        func leg(_ a: Int, _ b: Int) throws -> Double {
            let r = try #require(row[a])
            return Double(try #require(legs.entry(row: r, target: Int32(b))).seconds)
        }
        for loop in ridden.loops {
            let order = loop.stops
            for k in order.indices {
                var inbound = 0.0
                var outbound = 0.0
                for j in k..<order.count {
                    let next = j + 1 < order.count ? order[j + 1] : core
                    inbound += try leg(order[j], next) + (j > k ? 60 : 0)
                    outbound += try leg(next, order[j]) + (j > k ? 60 : 0)
                }
                let tolerance = 0.5 * Double(order.count - k + 1)
                #expect(max(inbound, outbound) <= limit + tolerance, "stop \(order[k]) rides \(max(inbound, outbound)) s")
                #expect(abs(max(inbound, outbound) - loop.rideSeconds[k]) <= tolerance)
            }
        }
        for s in far { #expect(try max(leg(s, core), leg(core, s)) > limit - 1, "stop \(s) left out though within the limit") }
        #expect(Set(ridden.loops.flatMap(\.stops)).union(far) == Set(stops))
    }
}
