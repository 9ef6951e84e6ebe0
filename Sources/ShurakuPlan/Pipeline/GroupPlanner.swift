import Foundation
import ShurakuCore
import ShurakuFunding
import ShurakuGeo
import ShurakuInput
import ShurakuNetwork
import ShurakuPlanner
import ShurakuRoutes

/// Plans groups: for each, travel times → districts → zones → bus loops and grants → zone shapes.
enum GroupPlanner {
    /// Plans every group; several groups are planned in parallel, one group per chunk, in a
    /// deterministic output order.
    static func run(_ groups: [PlanGroup], context: PlanContext) throws -> [GroupOutcome] {
        if groups.count == 1, let g = groups.first { return [try plan(g, context: context, workers: nil)] }
        let results = parallelChunks(
            count: groups.count, workers: nil, chunksPerWorker: groups.count, makeState: { () },
            work: { (_: inout Void, range: Range<Int>) -> [Result<GroupOutcome, Error>] in
                range.map { i in Result { try plan(groups[i], context: context, workers: 1) } }
            })
        return try results.flatMap { $0 }.map { try $0.get() }
    }

    /// Plans one group.
    static func plan(_ group: PlanGroup, context ctx: PlanContext, workers: Int?) throws -> GroupOutcome {
        let request = ctx.request
        let prep = try prepare(group, context: ctx, workers: workers)
        var parameters = zoningParameters(request, mode: prep.mode, coreScores: prep.scores)
        // Zones at the programme's scale come in one piece: with auto and whole districts, each
        // district of a zone touches the core's district (fewest and N keep the plain p-median).
        if prep.mode == .whole, request.zoning.zones == .auto, let m = prep.membership {
            parameters.districtNeighbours = try DistrictAdjacency.neighbours(of: m.names, areas: ctx.districtAreas)
        }
        let zoning = try Zoner.plan(
            settlements: prep.subset, travel: prep.travel.matrix, blocked: prep.travel.blocked, districts: prep.membership,
            parameters: parameters)
        return try finish(zoning, prep: prep, group: group, context: ctx, workers: workers)
    }

    /// What zoning a group needs, whoever makes the zones: its settlements, travel times,
    /// districts and core scores.
    struct Prepared: Sendable {
        var subset: [Settlement]
        var travel: GroupTravel
        var membership: DistrictMembership?
        var districtOf: [String?]
        var scores: [CoreScore]?
        var mode: DistrictMode
        /// "group X: " for messages, empty for one plan.
        var prefix: String
    }

    static func prepare(_ group: PlanGroup, context ctx: PlanContext, workers: Int?) throws -> Prepared {
        let subset = group.members.map { ctx.settlements[$0] }
        let mode = ctx.request.effectiveDistrictMode
        let travel = try GroupTravel.compute(ctx, group: group, subset: subset, workers: workers)
        let membership = try districtMembership(subset, ctx: ctx, mode: mode)
        let districtOf: [String?] = subset.indices.map { i in membership.map { $0.names[$0.district[i]] } }
        return Prepared(
            subset: subset, travel: travel, membership: membership, districtOf: districtOf, scores: coreScores(subset, context: ctx),
            mode: mode, prefix: group.name.map { "group \($0): " } ?? "")
    }

    /// A group's zoning carried through: road closures, bus loops and grants, zone shapes.
    static func finish(
        _ planned: Zoning, prep: Prepared, group: PlanGroup, context ctx: PlanContext, workers: Int?
    ) throws -> GroupOutcome {
        let request = ctx.request
        let subset = prep.subset
        let prefix = prep.prefix
        var zoning = planned
        var notes = zoning.notes.map { prefix + $0 }
        var loopTravel = prep.travel.loops
        var lostCore: [Int: Int] = [:]
        if let cut = ctx.cutOff, cut.closed != nil {
            let impact = try ClosureImpact.apply(
                zoning, subset: subset, group: group, cut: cut, limitSeconds: request.travel.maxMinutes * 60,
                minPopulation: request.zoning.minZonePopulation, workers: workers)
            zoning = impact.zoning
            loopTravel = .road(impact.network)
            lostCore = impact.lostCore
            notes += impact.notes
        }

        let loops = try ZoneLoops.plan(
            zoning: zoning, subset: subset, travel: loopTravel, bus: request.bus, seed: request.zoning.seed, workers: workers)
        var zones: [GroupOutcome.ZoneOut] = []
        for (z, bus) in zip(zoning.zones, loops) {
            for s in bus.skipped {
                notes.append("\(prefix)no bus stop at \(subset[s.place].id) (\(subset[s.place].name)): \(s.reason)")
            }
            let grant = request.funding.policy.cap(coreID: subset[z.core].id, hasAppBookedBus: !bus.loops.isEmpty)
            zones.append(GroupOutcome.ZoneOut(zone: z, shape: .empty, loops: bus.loops, grant: grant))
        }

        let shapes = try ZoneShapesStage.shapes(
            zoning: zoning, subset: subset, group: group, districtOf: prep.districtOf, context: ctx,
            useDistricts: prep.mode != .ignore && ctx.districts != nil)
        for i in zones.indices { zones[i].shape = shapes[i] }

        return GroupOutcome(
            group: group.name, members: group.members, zoning: zoning, zones: zones, coreScores: prep.scores,
            districtOf: prep.districtOf, notes: notes,
            warnings: prep.travel.warnings + (prep.membership?.warnings.map { prefix + $0 } ?? []), travelModel: prep.travel.model,
            lostCore: lostCore, loopTravel: loopTravel)
    }

    /// Each settlement's core score: services within the radius when facilities are given, else
    /// the people within it; nil with `coreScore` none.
    static func coreScores(_ subset: [Settlement], context ctx: PlanContext) -> [CoreScore]? {
        let cores = ctx.request.cores
        let facilities: [Facility]?
        switch cores.score {
        case .none: return nil
        case .population: facilities = nil
        case .auto: facilities = ctx.facilities
        }
        return CoreScoring(radiusMeters: cores.radiusMeters, weights: cores.weights).scores(settlements: subset, facilities: facilities)
    }

    /// Which district each settlement of the group is in; nil without districts, or when they
    /// are ignored and cannot be assigned.
    static func districtMembership(_ subset: [Settlement], ctx: PlanContext, mode: DistrictMode) throws -> DistrictMembership? {
        guard let d = ctx.districts else { return nil }
        do {
            return try DistrictMembership.assign(
                subset, to: d, file: ctx.districtFile, toleranceMeters: ctx.request.zoning.districtToleranceMeters)
        } catch {
            if mode != .ignore { throw error }
            return nil
        }
    }

    /// The zoning rules of a request.
    static func zoningParameters(_ request: PlanRequest, mode: DistrictMode, coreScores: [CoreScore]?) -> ZoningParameters {
        let count: FacilityCount
        switch request.zoning.zones {
        case .auto: count = .most
        case .fewest: count = .auto
        case .exactly(let k): count = .exactly(k)
        }
        return ZoningParameters(
            maxTravelSeconds: request.travel.maxMinutes * 60, maxTravelMeters: request.travel.maxKilometres.map { $0 * 1000 },
            minPopulation: request.zoning.minZonePopulation, maxPopulation: request.zoning.maxZonePopulation, zoneCount: count,
            districtMode: mode, seed: request.zoning.seed, coreScores: coreScores.map(CoreScore.preferences))
    }
}

/// Bus loops: each zone's loops from its core through its stops, zones in parallel.
enum ZoneLoops {
    static func plan(
        zoning: Zoning, subset: [Settlement], travel: LoopTravel, bus: PlanRequest.Bus, seed: UInt64, workers: Int?
    ) throws -> [ZoneBusPlan] {
        let parameters = BusLoopParameters(
            maxLoopSeconds: bus.maxLoopMinutes * 60, dwellSeconds: bus.dwellMinutes * 60,
            maxRideSeconds: bus.maxRideMinutes.map { $0 * 60 }, capacity: bus.capacity,
            tripRate: bus.tripRate, seed: seed)
        return try parallelChunks(
            count: zoning.zones.count, workers: workers, chunksPerWorker: max(1, zoning.zones.count), makeState: { () },
            work: { (_: inout Void, range: Range<Int>) -> [Result<ZoneBusPlan, Error>] in
                range.map { zi in
                    Result {
                        let z = zoning.zones[zi]
                        let stops = z.members.filter { $0 != z.core && subset[$0].population >= bus.minStopPopulation }
                        return try BusLoopPlanner.plan(
                            depot: z.core, stops: stops, population: { subset[$0].population }, travel: travel,
                            parameters: parameters)
                    }
                }
            }
        ).flatMap { $0 }.map { try $0.get() }
    }
}

/// Zone shapes: the members' cells clipped to the study area (or the group's own area) and
/// dissolved per zone.
enum ZoneShapesStage {
    static func shapes(
        zoning: Zoning, subset: [Settlement], group: PlanGroup, districtOf: [String?], context ctx: PlanContext,
        useDistricts: Bool
    ) throws -> [Geometry] {
        let engine = try GeometryEngine()
        let locations = subset.map(\.location)
        var area: Geometry
        if group.name == nil {
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
        return try ZoneShapes.build(
            settlements: subset, zoneOf: zoning.zoneOf, zoneCount: zoning.zones.count, studyArea: area,
            regionOf: useDistricts ? districtOf : nil, regions: useDistricts ? ctx.districtAreas : [:], engine: engine)
    }
}
