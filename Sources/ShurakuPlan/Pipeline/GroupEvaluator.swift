import Foundation
import ShurakuCore
import ShurakuInput
import ShurakuPlanner
import ShurakuRoutes

/// The plan's own zones re-measured for comparison: each settlement's travel to its core in
/// the plan, and each zone's figures, with the same travel model as the edited zones.
struct GroupBaseline: Sendable {
    /// Per settlement of the group, its travel to its core in the plan (nil: none).
    var travelSeconds: [Double?]
    /// Zone id → its figures in the plan.
    var zones: [String: ZoneFigures]
    /// What was made of the edits.
    var notes: [String]
}

/// Evaluates groups: the planner's assignment instead of the ``Zoner``'s, then the rest of the
/// pipeline unchanged (closures, bus loops, grants, zone shapes); and the plan's own zones
/// re-measured alongside.
enum GroupEvaluator {
    static func run(_ groups: [PlanGroup], context: PlanContext, edits: ResolvedEdits) throws -> [GroupOutcome] {
        if groups.count == 1, let g = groups.first { return [try evaluate(g, context: context, edits: edits, workers: nil)] }
        let results = parallelChunks(
            count: groups.count, workers: nil, chunksPerWorker: groups.count, makeState: { () },
            work: { (_: inout Void, range: Range<Int>) -> [Result<GroupOutcome, Error>] in
                range.map { i in Result { try evaluate(groups[i], context: context, edits: edits, workers: 1) } }
            })
        return try results.flatMap { $0 }.map { try $0.get() }
    }

    static func evaluate(_ group: PlanGroup, context ctx: PlanContext, edits: ResolvedEdits, workers: Int?) throws -> GroupOutcome {
        let request = ctx.request
        let prep = try GroupPlanner.prepare(group, context: ctx, workers: workers)
        let n = group.members.count
        let zoneOf = group.members.map { edits.zoneOf[$0] }
        let isCore = group.members.map { edits.isCore[$0] }
        let oldZoneOf = group.members.map { edits.oldZoneOf[$0] }
        let oldIsCore = group.members.map { edits.oldIsCore[$0] }
        var planCores: [String: Int] = [:]
        for i in 0..<n where oldIsCore[i] { if let z = oldZoneOf[i] { planCores[z] = i } }

        let edited = AssignedZoning.settle(zoneOf: zoneOf, isCore: isCore, order: edits.planZones, planCores: planCores, prep: prep)
        let plan = AssignedZoning.settle(zoneOf: oldZoneOf, isCore: oldIsCore, order: edits.planZones, planCores: planCores, prep: prep)
        // Every (member, core) pair of either, measured once.
        let limit = request.travel.maxMinutes * 60
        let travel = try MemberTravel(prep.travel, pairs: edited.pairs + plan.pairs, limitSeconds: limit, workers: workers)

        let minPopulation = request.zoning.minZonePopulation
        let zoning = edited.zoning(
            travel: travel,
            unserved: { i in
                oldZoneOf[i] != nil ? .removedByPlanner : .asPlanned(edits.reason[group.members[i]] ?? "unserved in the plan")
            }, prep: prep, minPopulation: minPopulation)
        var outcome = try GroupPlanner.finish(zoning, prep: prep, group: group, context: ctx, workers: workers)
        outcome.zoneIDs = edited.zoneIDs
        outcome.coreNotes = edited.coreNotes

        // The plan's zones, measured the same way.
        var planned = plan.zoning(travel: travel, unserved: { _ in .notAssigned }, prep: prep, minPopulation: minPopulation)
        if let cut = ctx.cutOff, cut.closed != nil {
            planned =
                try ClosureImpact.apply(
                    planned, subset: prep.subset, group: group, cut: cut, limitSeconds: limit, minPopulation: minPopulation,
                    workers: workers
                ).zoning
        }
        let figures = try figures(planned, ids: plan.zoneIDs, reusing: outcome, prep: prep, context: ctx, workers: workers)
        outcome.baseline = GroupBaseline(travelSeconds: planned.travelSeconds, zones: figures, notes: edited.notes)
        return outcome
    }

    /// Each planned zone's figures: its loops are the edited plan's when the zone is unchanged
    /// (same core and members: the loop planner is deterministic), else planned again.
    static func figures(
        _ planned: Zoning, ids: [String], reusing outcome: GroupOutcome, prep: GroupPlanner.Prepared, context ctx: PlanContext,
        workers: Int?
    ) throws -> [String: ZoneFigures] {
        let request = ctx.request
        var loops = [[BusLoop]?](repeating: nil, count: planned.zones.count)
        var missing: [Int] = []
        for (zi, z) in planned.zones.enumerated() {
            if let same = outcome.zones.first(where: { $0.zone.core == z.core && $0.zone.members == z.members }) {
                loops[zi] = same.loops
            } else {
                missing.append(zi)
            }
        }
        if !missing.isEmpty, let travel = outcome.loopTravel {
            var subset = planned
            subset.zones = missing.map { planned.zones[$0] }
            let plans = try ZoneLoops.plan(
                zoning: subset, subset: prep.subset, travel: travel, bus: request.bus, seed: request.zoning.seed, workers: workers)
            for (k, zi) in missing.enumerated() { loops[zi] = plans[k].loops }
        }
        var out: [String: ZoneFigures] = [:]
        for (zi, z) in planned.zones.enumerated() {
            let ls = loops[zi] ?? []
            let grant = request.funding.policy.cap(coreID: prep.subset[z.core].id, hasAppBookedBus: !ls.isEmpty)
            out[ids[zi]] = ZoneFigures(
                population: z.population, loops: ls.count, routeMin: ls.reduce(0) { $0 + $1.durationSeconds } / 60,
                grantCapYen: Int64(grant.capYen))
        }
        return out
    }
}
