import Foundation
import ShurakuGeo
import ShurakuInput
import ShurakuNetwork
import ShurakuPlanner
import ShurakuTestSupport
import Testing

/// Zoning on real municipalities: the constraints hold, checked against the travel-time engine.
@Suite("Zoning real municipalities")
struct ZonerRealDataTests {
    static func noto() throws -> (StudyInputs, RoutingNetwork, TravelTimeMatrix) {
        let base = SharedData.path("geodata-real/noto-town-ishikawa") + "/"
        let inputs = try StudyInputs.load(
            InputSpec(
                settlements: SourceSpec(parsing: base + "settlements.geojson"),
                districts: SourceSpec(parsing: base + "districts.geojson"), roads: SourceSpec(parsing: base + "roads.geojson")))
        let roads = try #require(inputs.roads)
        let (graph, _) = try RoadGraphBuilder.build(try RoadLine.lines(from: roads))
        let net = try RoutingNetwork(roads: graph, places: inputs.settlements.settlements.map(\.location))
        let m = try net.travelTimes(cutoffSeconds: 30 * 60, direction: .fromSources)
        return (inputs, net, m)
    }

    static func blocked(_ net: RoutingNetwork) -> [UnservedReason?] {
        net.places.map { $0.status == .farFromRoad || $0.status == .noRoad ? .offRoadNetwork(nearestRoadMeters: $0.connectorMeters) : nil }
    }

    @Test("能登町, roads, 30 min, minimum 1,000: limits hold, zones meet the minimum or say why, 宇出津 is a core")
    func notoRoads() throws {
        let (inputs, net, m) = try Self.noto()
        let s = inputs.settlements.settlements
        let z = try Zoner.plan(
            settlements: s, travel: m, blocked: Self.blocked(net), districts: nil,
            parameters: ZoningParameters(maxTravelSeconds: 1800, minPopulation: 1000, zoneCount: .exactly(6)))
        #expect(z.zones.count == 6)
        for zone in z.zones {
            for member in zone.members {
                // Independent check: the fastest road path from the member to its core.
                let path = try #require(try net.path(from: member, to: zone.core))
                #expect(path.seconds <= 1800 + 1e-3, "\(s[member].name) is \(path.seconds / 60) min from its core")
                #expect(abs((z.travelSeconds[member] ?? -1) - path.seconds) < 0.5)
            }
            #expect(zone.meetsMinPopulation || z.notes.contains { $0.contains("below the minimum population") })
        }
        let coreNames = z.zones.map { s[$0.core].name }
        #expect(coreNames.contains { $0.contains("宇出津") }, "cores: \(coreNames)")
        // Nobody silently dropped: every unserved settlement has a reason.
        for i in s.indices where z.zoneOf[i] == nil { #expect(z.unservedReason[i] != nil) }
        #expect(z.zoneOf.compactMap { $0 }.count + z.unservedReason.compactMap { $0 }.count == s.count)
    }

    @Test("auto chooses the fewest zones that serve everyone reachable")
    func notoAuto() throws {
        let (inputs, net, m) = try Self.noto()
        let s = inputs.settlements.settlements
        let z = try Zoner.plan(
            settlements: s, travel: m, blocked: Self.blocked(net), districts: nil,
            parameters: ZoningParameters(maxTravelSeconds: 1800, minPopulation: 0, zoneCount: .auto))
        let served = z.zoneOf.compactMap { $0 }.count
        // One zone fewer leaves someone reachable unserved.
        let fewer = try Zoner.plan(
            settlements: s, travel: m, blocked: Self.blocked(net), districts: nil,
            parameters: ZoningParameters(maxTravelSeconds: 1800, zoneCount: .exactly(z.zones.count - 1)))
        #expect(fewer.zoneOf.compactMap { $0 }.count < served)
    }

    @Test("same inputs and seed give the same zoning")
    func deterministic() throws {
        let (inputs, net, m) = try Self.noto()
        let p = ZoningParameters(maxTravelSeconds: 1800, minPopulation: 1000, zoneCount: .exactly(5), seed: 7)
        let a = try Zoner.plan(
            settlements: inputs.settlements.settlements, travel: m, blocked: Self.blocked(net), districts: nil, parameters: p)
        let b = try Zoner.plan(
            settlements: inputs.settlements.settlements, travel: m, blocked: Self.blocked(net), districts: nil, parameters: p)
        #expect(a.zones == b.zones)
        #expect(a.zoneOf == b.zoneOf)
    }
}
