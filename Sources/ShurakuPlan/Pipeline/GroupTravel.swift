import Foundation
import ShurakuCore
import ShurakuGeo
import ShurakuInput
import ShurakuNetwork
import ShurakuPlanner
import ShurakuRoutes

/// Travel times, part two: the many-to-many times within one group, on the road graph or by
/// straight line, with the settlements that cannot take part and the travel model for loops.
struct GroupTravel: Sendable {
    var matrix: TravelTimeMatrix
    /// Why each settlement cannot take part at all (off the road network), or nil.
    var blocked: [UnservedReason?]
    var loops: LoopTravel
    var model: TravelModel
    var warnings: [String]

    static func compute(_ ctx: PlanContext, group: PlanGroup, subset: [Settlement], workers: Int?) throws -> GroupTravel {
        if let graph = ctx.graph { return try road(graph, ctx, group: group, subset: subset, workers: workers) }
        let t = ctx.request.travel
        let model = StraightLineModel(detour: t.detour, speedKmh: t.speedKmh)
        let lonLat = subset.map(\.lonLat)
        let locations = subset.map(\.location)
        let scale = ctx.scale.map { all in group.members.map { all[$0] } }
        let matrix = try model.travelTimes(
            lonLat: lonLat, projected: locations, cutoffSeconds: t.maxMinutes * 60, direction: .fromSources, workers: workers,
            scale: scale)
        return GroupTravel(
            matrix: matrix, blocked: Array(repeating: nil, count: subset.count),
            loops: .straightLine(model, lonLat: lonLat, projected: locations, scale: scale),
            model: .straightLine(detour: t.detour, speedKmh: t.speedKmh), warnings: [])
    }

    private static func road(
        _ graph: RoadGraph, _ ctx: PlanContext, group: PlanGroup, subset: [Settlement], workers: Int?
    ) throws -> GroupTravel {
        let t = ctx.request.travel
        let prefix = group.name.map { "group \($0): " } ?? ""
        let net = try RoutingNetwork(
            roads: graph, places: subset.map(\.location),
            connector: ConnectorOptions(speedKmh: t.connectorSpeedKmh, maxConnectorMeters: t.maxConnectorMeters))
        var blocked = [UnservedReason?](repeating: nil, count: subset.count)
        var warnings: [String] = []
        for (i, link) in net.places.enumerated() {
            switch link.status {
            case .onNetwork: break
            case .farFromRoad: blocked[i] = .offRoadNetwork(nearestRoadMeters: link.connectorMeters)
            case .noRoad: blocked[i] = .offRoadNetwork(nearestRoadMeters: nil)
            case .offMainNetwork:
                warnings.append("\(prefix)settlement \(subset[i].id) (\(subset[i].name)) is on a road piece cut off from the main network")
            }
        }
        let matrix = try net.travelTimes(cutoffSeconds: t.maxMinutes * 60, direction: .fromSources, workers: workers)
        let onNetwork = blocked.filter { $0 == nil }.count
        if onNetwork >= 2 && matrix.pairCount == matrix.rowCount {
            throw ShurakuError.invalid([
                Problem(
                    file: ctx.roadsFile ?? "roads",
                    message: "the road layer connects no two settlements\(group.name.map { " of group \($0)" } ?? "") within "
                        + "\(String(format: "%g", t.maxMinutes)) min (it falls into \(graph.components.components.count) unconnected pieces); "
                        + "check that lines share vertices at junctions, or raise «snapTolerance»")
            ])
        }
        return GroupTravel(matrix: matrix, blocked: blocked, loops: .road(net), model: .roadNetwork, warnings: warnings)
    }
}
