import Foundation
import ShurakuCore
import ShurakuGeo
import ShurakuInput
import ShurakuPlanner

/// The groups' outcomes turned into one ``Plan``: zone ids, rows in lon/lat, the outline.
enum PlanAssembly {
    static func assemble(_ outcomes: [GroupOutcome], context ctx: PlanContext, travelNotes: [String]) throws -> Plan {
        let back = try CoordinateTransformer(from: ctx.crs, to: .lonLat)
        let engine = try GeometryEngine()
        var rows: [Plan.SettlementRow?] = Array(repeating: nil, count: ctx.settlements.count)
        var zones: [Plan.ZoneRow] = []
        var routes: [Plan.RouteRow] = []
        var notes = travelNotes + (ctx.facilityNotes)
        var warnings: [String] = []
        var shapes: [Geometry] = []
        for out in outcomes {
            notes += out.notes
            warnings += out.warnings
            let zoneIDs = out.zoneIDs ?? self.zoneIDs(count: out.zones.count, group: out.group)
            for (zi, z) in out.zones.enumerated() {
                routes += try self.routes(z, zoneID: zoneIDs[zi], out: out, ctx: ctx, back: back)
                zones.append(try zoneRow(z, index: zi, zoneID: zoneIDs[zi], out: out, ctx: ctx, back: back, engine: engine))
                shapes.append(z.shape)
                let pieces = try separatePieces(z.shape, engine: engine)
                if pieces > 1 {
                    let core = ctx.settlements[out.members[z.zone.core]]
                    notes.append(
                        "zone \(zoneIDs[zi]) (\(core.name)) lies in \(pieces) separate pieces: its members reach the core "
                            + "within the limit, but through other zones' areas")
                }
            }
            for (li, gi) in out.members.enumerated() {
                rows[gi] = settlementRow(local: li, out: out, zoneIDs: zoneIDs, ctx: ctx)
            }
        }
        var outline: Geometry? = ctx.boundary
        if outline == nil, !ctx.districtAreas.isEmpty {
            outline = GeometryEngine.polygonal(try engine.union(ctx.districtAreas.keys.sorted().compactMap { ctx.districtAreas[$0] }))
        }
        let facilities = try ctx.facilities.map { try facilityRows($0, shapes: shapes, zoneIDs: zones.map(\.zoneID)) }
        if let facilities {
            var counts = [[FacilityKind: Int]](repeating: [:], count: zones.count)
            let zoneIndex = Dictionary(uniqueKeysWithValues: zones.enumerated().map { ($1.zoneID, $0) })
            for f in facilities { if let z = f.zoneID, let i = zoneIndex[z] { counts[i][f.kind, default: 0] += 1 } }
            for i in zones.indices { zones[i].facilityCounts = counts[i] }
        }
        return Plan(
            settlements: rows.compactMap { $0 }, zones: zones, routes: routes, facilities: facilities,
            travelModel: outcomes.first?.travelModel,
            workCRS: ctx.crs.description, notes: notes, warnings: warnings,
            outline: try outline.map { try back.apply(engine.simplify($0, tolerance: 20)) }, request: ctx.request,
            inputs: inputList(ctx))
    }

    /// "Z01" … (at least two digits), prefixed with the group and a dash when grouped.
    static func zoneIDs(count: Int, group: String?) -> [String] {
        let width = max(2, String(count).count)
        return (0..<count).map { zi in
            let number = String(repeating: "0", count: max(0, width - String(zi + 1).count)) + String(zi + 1)
            return (group.map { "\($0)-" } ?? "") + "Z" + number
        }
    }

    static func routes(
        _ z: GroupOutcome.ZoneOut, zoneID: String, out: GroupOutcome, ctx: PlanContext, back: CoordinateTransformer
    ) throws -> [Plan.RouteRow] {
        try z.loops.enumerated().map { i, loop in
            Plan.RouteRow(
                zoneID: zoneID, loop: i + 1, stops: loop.stops.map { ctx.settlements[out.members[$0]].id },
                arrivalsMin: loop.arrivalSeconds.map { $0 / 60 }, ridesMin: loop.rideSeconds.map { $0 / 60 }, lengthKm: loop.meters / 1000,
                durationMin: loop.durationSeconds / 60, line: try back.apply(.lineString(loop.line)).coordinates)
        }
    }

    /// The parts of a zone's shape that hold at least 5 % of its area (islands and slivers
    /// below that do not count as a separate piece).
    static func separatePieces(_ shape: Geometry, engine: GeometryEngine) throws -> Int {
        let parts = shape.polygonParts
        guard parts.count > 1 else { return parts.count }
        let areas = try parts.map { try engine.area(.polygon($0)) }
        let total = areas.reduce(0, +)
        return areas.filter { $0 >= 0.05 * total }.count
    }

    /// Each facility with the zone whose shape holds it.
    static func facilityRows(_ facilities: [Facility], shapes: [Geometry], zoneIDs: [String]) throws -> [Plan.FacilityRow] {
        let index = try SpatialIndex(shapes)
        return try facilities.map { f in
            let hit = try index.covering(f.location).min()
            return Plan.FacilityRow(
                id: f.id, name: f.name, kind: f.kind, subkind: f.subkind, lonLat: f.lonLat, zoneID: hit.map { zoneIDs[$0] })
        }
    }

    /// Why the core is the core, in words.
    static func coreReason(_ z: GroupOutcome.ZoneOut, out: GroupOutcome, ctx: PlanContext) -> String {
        let score = out.coreScores?[z.zone.core]
        var parts: [String] = []
        if z.zone.isDesignated { parts.append("designated core (\(ctx.request.fields.core ?? "core") field)") }
        if let score {
            parts.append(score.reason)
        } else if !z.zone.isDesignated {
            parts.append("the least population-weighted travel time (core score not used)")
        }
        return parts.joined(separator: "; ")
    }

    static func zoneRow(
        _ z: GroupOutcome.ZoneOut, index zi: Int, zoneID: String, out: GroupOutcome, ctx: PlanContext, back: CoordinateTransformer,
        engine: GeometryEngine
    ) throws -> Plan.ZoneRow {
        let core = ctx.settlements[out.members[z.zone.core]]
        var row = Plan.ZoneRow(
            zoneID: zoneID, coreID: core.id, coreName: core.name, coreLonLat: core.lonLat, coreDesignated: z.zone.isDesignated,
            population: z.zone.population, settlementCount: z.zone.members.count, maxTravelMin: z.zone.maxTravelSeconds / 60,
            meanTravelMin: z.zone.meanTravelSeconds / 60, areaKm2: try engine.area(z.shape) / 1e6, districts: z.zone.districts,
            meetsMinPopulation: z.zone.meetsMinPopulation, routeKm: z.loops.reduce(0) { $0 + $1.meters } / 1000,
            routeMin: z.loops.reduce(0) { $0 + $1.durationSeconds } / 60, loops: z.loops.count,
            grantCapYen: Int64(z.grant.capYen), grantBasis: z.grant.reason, coreScore: out.coreScores?[z.zone.core].value,
            coreReason: [out.coreNotes?[zi] ?? nil, coreReason(z, out: out, ctx: ctx)].compactMap { $0 }.filter { !$0.isEmpty }
                .joined(separator: "; "), facilityCounts: nil, group: out.group, shape: try back.apply(z.shape))
        ServiceAssembly.add(to: &row, loops: z.loops, bus: ctx.request.bus)
        return row
    }

    static func settlementRow(local li: Int, out: GroupOutcome, zoneIDs: [String], ctx: PlanContext) -> Plan.SettlementRow {
        let s = ctx.settlements[out.members[li]]
        let zi = out.zoning.zoneOf[li]
        let coreLocal = zi.map { out.zones[$0].zone.core }
        return Plan.SettlementRow(
            id: s.id, name: s.name, population: s.population, lonLat: s.lonLat, zoneID: zi.map { zoneIDs[$0] },
            coreID: coreLocal.map { ctx.settlements[out.members[$0]].id }, isCore: coreLocal == li,
            travelMin: out.zoning.travelSeconds[li].map { $0 / 60 }, travelKm: out.zoning.travelMeters[li].map { $0 / 1000 },
            status: zi == nil ? .unserved : .assigned, reason: out.zoning.unservedReason[li], district: out.districtOf[li],
            group: out.group)
    }

    /// The files read, by role, for `plan.json`'s checksums: the sources, then the scenario and the speed table.
    static func inputList(_ ctx: PlanContext) -> [(role: String, path: String)] {
        var list: [(role: String, path: String)] = ctx.sources.keys.sorted().compactMap { k in ctx.sources[k].map { (k, $0.path) } }
        if let s = ctx.request.scenarioPath { list.append(("scenario", s)) }
        if let s = ctx.request.inputs.speedTable { list.append(("speedTable", s)) }
        if let s = ctx.request.risk.closedRoads { list.append(("closedRoads", SourceSpec(parsing: s).path)) }
        return list
    }
}
