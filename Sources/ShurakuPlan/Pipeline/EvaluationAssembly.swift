import Foundation
import ShurakuCore
import ShurakuInput
import ShurakuPlanner

/// An evaluated plan's ``PlanEvaluation``: the rules the edited zones break, and what changed
/// against the plan.
enum EvaluationAssembly {
    static func evaluation(
        _ plan: Plan, outcomes: [GroupOutcome], context ctx: PlanContext, edits: ResolvedEdits, saved: SavedPlan,
        edited: EditedAssignment
    ) throws -> PlanEvaluation {
        guard plan.settlements.count == ctx.settlements.count else {
            throw ShurakuError.bug("plan rows (\(plan.settlements.count)) do not match the settlements (\(ctx.settlements.count))")
        }
        var notes = edits.notes
        var violations: [PlanViolation] = []
        var oldTravel = [Double?](repeating: nil, count: ctx.settlements.count)
        var oldZones: [String: ZoneFigures] = [:]
        var zoneIndex = 0
        for out in outcomes {
            violations += try groupViolations(out, firstZone: zoneIndex, plan: plan, context: ctx)
            zoneIndex += out.zones.count
            if let b = out.baseline {
                notes += b.notes
                for (li, gi) in out.members.enumerated() { oldTravel[gi] = b.travelSeconds[li] }
                oldZones.merge(b.zones) { a, _ in a }
            }
        }
        violations += outsideZones(plan, context: ctx)

        var changes: [SettlementChange] = []
        for (gi, row) in plan.settlements.enumerated() where row.zoneID != edits.oldZoneOf[gi] || row.isCore != edits.oldIsCore[gi] {
            changes.append(
                SettlementChange(
                    settlementID: row.id, name: row.name, population: row.population, oldZoneID: edits.oldZoneOf[gi],
                    newZoneID: row.zoneID, oldIsCore: edits.oldIsCore[gi], newIsCore: row.isCore,
                    oldTravelMin: oldTravel[gi].map { $0 / 60 },
                    newTravelMin: row.travelMin))
        }
        var zoneChanges: [String: ZoneChange] = [:]
        let rows = Dictionary(plan.zones.map { ($0.zoneID, $0) }) { a, _ in a }
        for id in Set(changes.flatMap { [$0.oldZoneID, $0.newZoneID].compactMap { $0 } }) {
            let now = rows[id].map {
                ZoneFigures(population: $0.population, loops: $0.loops, routeMin: $0.routeMin, grantCapYen: $0.grantCapYen)
            }
            zoneChanges[id] = ZoneChange(zoneID: id, old: oldZones[id], new: now)
        }
        return PlanEvaluation(
            planPath: saved.path, editedSource: edited.source, editedSHA256: InputChecksum.sha256(of: edited.source), edits: notes,
            violations: violations, changes: changes, zoneChanges: zoneChanges)
    }

    /// The violations of one group's zones, zone by zone: the zone's own, then its members'.
    static func groupViolations(_ out: GroupOutcome, firstZone: Int, plan: Plan, context ctx: PlanContext) throws -> [PlanViolation] {
        let request = ctx.request
        let limitMin = request.travel.maxMinutes
        let mode = ctx.districts == nil ? DistrictMode.ignore : request.effectiveDistrictMode
        var out2: [PlanViolation] = []

        // whole: each district's zones, with the people of the district in each.
        var districtZones: [String: [(zone: Int, people: Int64)]] = [:]
        if mode == .whole {
            for (zi, z) in out.zones.enumerated() {
                for m in z.zone.members {
                    guard let d = out.districtOf[m] else { continue }
                    var list = districtZones[d] ?? []
                    if let k = list.firstIndex(where: { $0.zone == zi }) {
                        list[k].people += ctx.settlements[out.members[m]].population
                    } else {
                        list.append((zi, ctx.settlements[out.members[m]].population))
                    }
                    districtZones[d] = list
                }
            }
        }
        // The zone holding most of a district's people (the first on a tie).
        func mainZone(_ d: String) -> Int? {
            guard let list = districtZones[d], var best = list.first else { return nil }
            for e in list.dropFirst() where e.people > best.people { best = e }
            return best.zone
        }

        for (zi, z) in out.zones.enumerated() {
            let row = plan.zones[firstZone + zi]
            let id = row.zoneID
            func zoneViolation(_ code: PlanViolation.Code, _ detail: String) {
                out2.append(PlanViolation(code: code, zoneID: id, settlementID: nil, detail: detail))
            }
            if row.population < request.zoning.minZonePopulation {
                zoneViolation(.belowMinPopulation, "\(row.population) < \(request.zoning.minZonePopulation)")
            }
            if let maxPop = request.zoning.maxZonePopulation, row.population > maxPop {
                zoneViolation(.aboveMaxPopulation, "\(row.population) > \(maxPop)")
            }
            if mode == .within, z.zone.districts.count > 1 {
                zoneViolation(.crossesDistricts, z.zone.districts.joined(separator: ", "))
            }
            if mode == .whole {
                for d in z.zone.districts {
                    let others = (districtZones[d] ?? []).map(\.zone).filter { $0 != zi }
                    guard !others.isEmpty else { continue }
                    zoneViolation(
                        .splitsDistrict, "\(d), also in " + others.map { plan.zones[firstZone + $0].zoneID }.joined(separator: ", "))
                }
            }
            let core = z.zone.core
            for m in z.zone.members {
                let s = ctx.settlements[out.members[m]]
                func violation(_ code: PlanViolation.Code, _ detail: String) {
                    out2.append(PlanViolation(code: code, zoneID: id, settlementID: s.id, detail: detail))
                }
                if m == core {
                    if request.fields.coreCandidates != nil && !s.isCoreCandidate && !s.isDesignatedCore {
                        violation(.coreNotCandidate, "not marked by \(request.fields.coreCandidates ?? "the candidates field")")
                    }
                } else if let seconds = out.zoning.travelSeconds[m] {
                    if seconds > limitMin * 60 + 1e-6 {
                        violation(.beyondTravelLimit, String(format: "%.1f min > %g min", seconds / 60, limitMin))
                    }
                    if let km = request.travel.maxKilometres, let meters = out.zoning.travelMeters[m], meters > km * 1000 + 1e-6 {
                        violation(.beyondTravelKm, String(format: "%.1f km > %g km", meters / 1000, km))
                    }
                } else {
                    violation(.noRoadToCore, "no way to core \(ctx.settlements[out.members[core]].id)")
                }
                if m != core && s.isDesignatedCore {
                    violation(.designatedCoreNotCore, "a member of \(id), core \(ctx.settlements[out.members[core]].id)")
                }
                if mode == .within, let d = out.districtOf[m], let dc = out.districtOf[core], d != dc {
                    violation(.outsideCoreDistrict, "\(d), core in \(dc)")
                }
                if mode == .whole, let d = out.districtOf[m], let main = mainZone(d), main != zi {
                    violation(.districtSplit, "\(d), mostly in \(plan.zones[firstZone + main].zoneID)")
                }
            }
        }
        return out2
    }

    /// Designated cores left in no zone.
    static func outsideZones(_ plan: Plan, context ctx: PlanContext) -> [PlanViolation] {
        zip(plan.settlements, ctx.settlements).compactMap { row, s in
            guard row.zoneID == nil, s.isDesignatedCore else { return nil }
            return PlanViolation(code: .designatedCoreNotCore, zoneID: nil, settlementID: s.id, detail: "in no zone")
        }
    }
}
