import Foundation
import ShurakuCore
import ShurakuFunding
import ShurakuGeo
import ShurakuInput
import ShurakuNetwork
import ShurakuPlanner
import ShurakuRoutes

/// Everything one group of settlements (the whole study, or one `--group-by` value) needs,
/// shared read-only between groups planned in parallel.
struct PlanContext: Sendable {
    let config: PlanConfig
    let settlements: [Settlement]
    let crs: CRS
    let graph: RoadGraph?
    let districts: LoadedDistricts?
    /// District polygons dissolved by name, for clipping cells.
    let districtAreas: [String: Geometry]
    let boundary: Geometry?
    let grants: GrantPolicy
    let districtFile: String
    let roadsFile: String?
    /// The metric CRS's scale factor at each settlement (straight-line distances), else nil.
    let scale: [Double]?
}

/// One group's finished plan, in metric coordinates and settlement indices of the whole study.
struct GroupOutcome: Sendable {
    struct ZoneOut: Sendable {
        var zone: Zoning.Zone
        var shape: Geometry
        var loops: [BusLoop]
        var grant: GrantCap
    }

    var group: String?
    /// Global settlement indices of this group, in group order.
    var members: [Int]
    var zoning: Zoning
    var zones: [ZoneOut]
    var districtOf: [String?]
    var notes: [String]
    var warnings: [String]
    var travelModel: String
}

/// Plans one group: travel times, zones, bus loops, grants, zone shapes.
enum GroupPlan {
    static func run(_ ctx: PlanContext, group: String?, members: [Int], workers: Int?) throws -> GroupOutcome {
        let cfg = ctx.config
        let subset = members.map { ctx.settlements[$0] }
        let locations = subset.map(\.location)
        let limit = cfg.maxTravelMin * 60
        var notes: [String] = []
        var warnings: [String] = []
        let prefix = group.map { "group \($0): " } ?? ""

        // Travel times.
        let matrix: TravelTimeMatrix
        var blocked = [String?](repeating: nil, count: subset.count)
        let loopTravel: LoopTravel
        let travelModel: String
        if let graph = ctx.graph {
            let net = try RoutingNetwork(
                roads: graph, places: locations,
                connector: ConnectorOptions(speedKmh: cfg.connectorSpeedKmh, maxConnectorMeters: cfg.maxConnectorM))
            for (i, link) in net.places.enumerated() {
                switch link.status {
                case .onNetwork: break
                case .farFromRoad:
                    blocked[i] = String(format: "off the road network (nearest road %.0f m away)", link.connectorMeters)
                case .noRoad:
                    blocked[i] = "off the road network (no road)"
                case .offMainNetwork:
                    warnings.append("\(prefix)settlement \(subset[i].id) (\(subset[i].name)) is on a road piece cut off from the main network")
                }
            }
            matrix = try net.travelTimes(cutoffSeconds: limit, direction: .fromSources, workers: workers)
            let onNetwork = blocked.filter { $0 == nil }.count
            if onNetwork >= 2 && matrix.pairCount == matrix.rowCount {
                let pieces = graph.components.components.count
                throw InputError.invalid([InputProblem(
                    file: ctx.roadsFile ?? "roads",
                    message: "the road layer connects no two settlements\(group.map { " of group \($0)" } ?? "") within "
                        + "\(String(format: "%g", cfg.maxTravelMin)) min (it falls into \(pieces) unconnected pieces); "
                        + "check that lines share vertices at junctions, or raise --snap-tolerance")])
            }
            loopTravel = .road(net)
            travelModel = "road network"
        } else {
            let model = StraightLineModel(detour: cfg.detour, speedKmh: cfg.speedKmh)
            let lonLat = subset.map(\.lonLat)
            let scale = ctx.scale.map { all in members.map { all[$0] } }
            matrix = try model.travelTimes(
                lonLat: lonLat, projected: locations, cutoffSeconds: limit, direction: .fromSources, workers: workers, scale: scale)
            loopTravel = .straightLine(model, lonLat: lonLat, projected: locations, scale: scale)
            travelModel = String(format: "straight line × %g at %g km/h (no road layer)", cfg.detour, cfg.speedKmh)
        }

        // Districts.
        var membership: DistrictMembership? = nil
        let mode = DistrictMode(rawValue: cfg.districtMode) ?? .ignore
        if let d = ctx.districts {
            do {
                membership = try DistrictMembership.assign(subset, to: d, file: ctx.districtFile, toleranceMeters: cfg.districtTolerance)
                warnings += membership?.warnings.map { prefix + $0 } ?? []
            } catch {
                if mode != .ignore { throw error }
            }
        }
        let districtOf: [String?] = subset.indices.map { i in membership.map { $0.names[$0.district[i]] } }

        // Zones.
        let params = ZoningParameters(
            maxTravelSeconds: limit, maxTravelMeters: cfg.maxTravelKm.map { $0 * 1000 }, minPopulation: cfg.minZonePop,
            maxPopulation: cfg.maxZonePop, zoneCount: cfg.zoneCount.map { .exactly($0) } ?? .auto,
            districtMode: mode, seed: cfg.seed)
        let zoning = try Zoner.plan(
            settlements: subset, travel: matrix, blocked: blocked, districts: membership, parameters: params)
        notes += zoning.notes.map { prefix + $0 }

        // Bus loops and grants.
        let busParams = BusLoopParameters(
            maxLoopSeconds: cfg.busMaxLoopMin * 60, dwellSeconds: cfg.busDwellMin * 60, capacity: cfg.busCapacity.map { Int($0) },
            tripRate: cfg.busTripRate, seed: cfg.seed)
        // Zones are independent: their loops are planned in parallel when this group has the cores.
        let plans = parallelChunks(
            count: zoning.zones.count, workers: workers, chunksPerWorker: max(1, zoning.zones.count), makeState: { () },
            work: { (_: inout Void, range: Range<Int>) -> [Result<ZoneBusPlan, Error>] in
                range.map { zi in
                    Result {
                        let z = zoning.zones[zi]
                        let stops = z.members.filter { $0 != z.core && subset[$0].population >= cfg.busMinStopPop }
                        return try BusLoopPlanner.plan(
                            depot: z.core, stops: stops, population: { subset[$0].population }, travel: loopTravel,
                            parameters: busParams)
                    }
                }
            }
        ).flatMap { $0 }
        var zonesOut: [GroupOutcome.ZoneOut] = []
        for (z, planned) in zip(zoning.zones, plans) {
            let bus = try planned.get()
            for s in bus.skipped {
                notes.append("\(prefix)no bus stop at \(subset[s.place].id) (\(subset[s.place].name)): \(s.reason)")
            }
            let grant = ctx.grants.cap(coreID: subset[z.core].id, hasAppBookedBus: !bus.loops.isEmpty)
            zonesOut.append(GroupOutcome.ZoneOut(zone: z, shape: .empty, loops: bus.loops, grant: grant))
        }

        // Zone shapes.
        let engine = try GeometryEngine()
        var area: Geometry
        if group == nil {
            area = try ZoneShapes.studyArea(boundary: ctx.boundary, districts: ctx.districts?.districts, points: locations, engine: engine)
        } else {
            // One group of many: its own districts, else its own hull, within the boundary if any.
            let own = Set(districtOf.compactMap { $0 })
            let mine = ctx.districts?.districts.filter { own.contains($0.name) }
            area = try ZoneShapes.studyArea(boundary: nil, districts: mine, points: locations, engine: engine)
            if let b = ctx.boundary {
                let inside = GeometryEngine.polygonal(try engine.intersection(area, b))
                if !inside.isEmpty { area = inside }
            }
        }
        let useDistricts = mode != .ignore && ctx.districts != nil
        let shapes = try ZoneShapes.build(
            settlements: subset, zoneOf: zoning.zoneOf, zoneCount: zoning.zones.count, studyArea: area,
            regionOf: useDistricts ? districtOf : nil, regions: useDistricts ? ctx.districtAreas : [:], engine: engine)
        for i in zonesOut.indices { zonesOut[i].shape = shapes[i] }

        return GroupOutcome(
            group: group, members: members, zoning: zoning, zones: zonesOut, districtOf: districtOf, notes: notes,
            warnings: warnings, travelModel: travelModel)
    }
}
