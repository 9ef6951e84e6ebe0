import Foundation
import ShurakuCore
import ShurakuFunding
import ShurakuGeo
import ShurakuInput
import ShurakuNetwork
import ShurakuPlanner
import ShurakuRoutes

/// Runs the whole pipeline for one plan: load & project → travel times → zones → bus loops →
/// funding → a ``PlanResult`` ready to write.
struct PlanRunner {
    let config: PlanConfig
    let progress: Progress

    struct Output {
        var result: PlanResult
        var inputs: [(role: String, path: String)]
        var grouped: Bool
    }

    func run() throws -> Output {
        let cfg = config
        let grants = try grantPolicy()
        if cfg.districtMode != "ignore" && cfg.text("districts") == nil {
            throw UsageError("--district-mode \(cfg.districtMode) needs --districts")
        }
        progress.step("reading inputs")
        let speeds = try speedTable()
        var spec = try cfg.inputSpec()
        spec.roadTags = Set(RoadLine.attributeKeys(for: speeds))
        let inputs = try StudyInputs.load(spec)
        for w in inputs.warnings { progress.warn(w) }
        let settlements = inputs.settlements.settlements
        let total = settlements.reduce(Int64(0)) { $0 + $1.population }
        let grouped = cfg.text("groupBy") != nil
        if !grouped && cfg.minZonePop > total {
            throw UsageError("--min-zone-pop \(cfg.minZonePop) is above the total population, \(total)")
        }
        if let k = cfg.zoneCount, k > settlements.count {
            throw UsageError("--zones \(k) is more than the \(settlements.count) settlements")
        }
        if let maxPop = cfg.maxZonePop, maxPop < cfg.minZonePop {
            throw UsageError("--max-zone-pop \(maxPop) is below --min-zone-pop \(cfg.minZonePop)")
        }

        // Road graph, once for all groups.
        var graph: RoadGraph? = nil
        var travelNotes: [String] = []
        if let roads = inputs.roads {
            progress.step("building the road graph (\(roads.features.count) lines)")
            let lines = try RoadLine.lines(from: roads, speeds: speeds)
            let built = try RoadGraphBuilder.build(lines, options: RoadGraphOptions(speeds: speeds, snapToleranceMeters: cfg.snapTolerance))
            graph = built.graph
            let r = built.report
            let pieces = built.graph.components.components
            let totalKm = pieces.reduce(0.0) { $0 + $1.meters } / 1000
            let largest = pieces.prefix(3).map { String(format: "%.0f km", $0.meters / 1000) }.joined(separator: ", ")
            travelNotes.append(
                "road graph: \(r.linesUsed) of \(r.linesRead) lines, \(r.nodes) nodes, \(r.edges) edges, "
                    + String(format: "%.0f km of road in %d connected pieces (largest: %@)", totalKm, pieces.count, largest)
                    + ", \(r.nearMissJoins) near-miss joins" + Self.skippedLines(r))
            if r.linesUnknownClass > 0 {
                let classes = r.unknownClasses.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
                progress.warn("\(r.linesUnknownClass) road lines of unknown class got the default speed: \(classes)")
            }
        }

        var districtAreas: [String: Geometry] = [:]
        if let d = inputs.districts {
            let engine = try GeometryEngine()
            var parts: [String: [Geometry]] = [:]
            for x in d.districts { parts[x.name, default: []].append(x.area) }
            for (name, ps) in parts { districtAreas[name] = ps.count == 1 ? ps[0] : GeometryEngine.polygonal(try engine.union(ps)) }
        }
        let ctx = PlanContext(
            config: cfg, settlements: settlements, crs: inputs.crs, graph: graph, districts: inputs.districts,
            districtAreas: districtAreas, boundary: inputs.boundary, grants: grants,
            districtFile: inputs.sources["districts"]?.description ?? "districts",
            roadsFile: inputs.sources["roads"]?.description,
            scale: graph == nil ? try ScaleFactor.pointScale(of: inputs.crs, at: settlements.map(\.lonLat)) : nil)

        // Groups, planned in parallel when there are several.
        var groups: [(String?, [Int])] = []
        if grouped {
            var byKey: [String: [Int]] = [:]
            for (i, s) in settlements.enumerated() { byKey[s.group ?? "", default: []].append(i) }
            groups = byKey.keys.sorted().map { ($0, byKey[$0] ?? []) }
        } else {
            groups = [(nil, Array(settlements.indices))]
        }
        progress.step("planning \(groups.count == 1 ? "zones" : "\(groups.count) groups")")
        let outcomes = try runGroups(ctx, groups)

        progress.step("assembling the plan")
        let result = try assemble(outcomes, ctx: ctx, travelNotes: travelNotes)
        let unmatched = grants.unmatchedZoneIDs(coreIDs: result.zones.map(\.coreID))
        var withWarnings = result
        if !unmatched.isEmpty {
            let w = "funding: per-zone settings name no core of this plan: \(unmatched.joined(separator: ", "))"
            withWarnings.warnings.append(w)
            progress.warn(w)
        }
        var inputList: [(String, String)] = inputs.sources.keys.sorted().compactMap { k in inputs.sources[k].map { (k, $0.path) } }
        if let s = cfg.scenarioPath { inputList.append(("scenario", s)) }
        if let s = cfg.text("speedTable") { inputList.append(("speedTable", s)) }
        return Output(result: withWarnings, inputs: inputList, grouped: grouped)
    }

    private func runGroups(_ ctx: PlanContext, _ groups: [(String?, [Int])]) throws -> [GroupOutcome] {
        if groups.count == 1, let g = groups.first {
            return [try GroupPlan.run(ctx, group: g.0, members: g.1, workers: nil)]
        }
        // One group per chunk: worker w plans groups w, w + workers, … (deterministic output order).
        let results = parallelChunks(
            count: groups.count, workers: nil, chunksPerWorker: groups.count, makeState: { () },
            work: { (_: inout Void, range: Range<Int>) -> [Result<GroupOutcome, Error>] in
                range.map { i in Result { try GroupPlan.run(ctx, group: groups[i].0, members: groups[i].1, workers: 1) } }
            })
        return try results.flatMap { $0 }.map { try $0.get() }
    }

    // MARK: - Assembly

    private func assemble(_ outcomes: [GroupOutcome], ctx: PlanContext, travelNotes: [String]) throws -> PlanResult {
        let settlements = ctx.settlements
        let back = try CoordinateTransformer(from: ctx.crs, to: .lonLat)
        let engine = try GeometryEngine()
        var rows: [PlanResult.SettlementRow?] = Array(repeating: nil, count: settlements.count)
        var zones: [PlanResult.ZoneRow] = []
        var routes: [PlanResult.RouteRow] = []
        var notes = travelNotes
        var warnings: [String] = []
        for out in outcomes {
            notes += out.notes
            warnings += out.warnings
            for w in out.warnings { progress.warn(w) }
            let width = max(2, String(out.zones.count).count)
            var zoneIDs: [String] = []
            for (zi, z) in out.zones.enumerated() {
                let number = String(repeating: "0", count: max(0, width - String(zi + 1).count)) + String(zi + 1)
                let zoneID = (out.group.map { "\($0)-" } ?? "") + "Z" + number
                zoneIDs.append(zoneID)
                let core = settlements[out.members[z.zone.core]]
                let shape = try back.apply(z.shape)
                var loopNumber = 0
                for loop in z.loops {
                    loopNumber += 1
                    routes.append(PlanResult.RouteRow(
                        zoneID: zoneID, loop: loopNumber, stops: loop.stops.map { settlements[out.members[$0]].id },
                        arrivalsMin: loop.arrivalSeconds.map { $0 / 60 }, lengthKm: loop.meters / 1000,
                        durationMin: loop.durationSeconds / 60, line: try back.apply(.lineString(loop.line)).coordinates))
                }
                zones.append(PlanResult.ZoneRow(
                    zoneID: zoneID, coreID: core.id, coreName: core.name, coreLonLat: core.lonLat,
                    coreDesignated: z.zone.isDesignated, population: z.zone.population, settlementCount: z.zone.members.count,
                    maxTravelMin: z.zone.maxTravelSeconds / 60, meanTravelMin: z.zone.meanTravelSeconds / 60,
                    areaKm2: try engine.area(z.shape) / 1e6, districts: z.zone.districts,
                    meetsMinPopulation: z.zone.meetsMinPopulation, routeKm: z.loops.reduce(0) { $0 + $1.meters } / 1000,
                    routeMin: z.loops.reduce(0) { $0 + $1.durationSeconds } / 60, loops: z.loops.count,
                    grantCapYen: Int64(z.grant.capYen), grantBasis: z.grant.reason, group: out.group, shape: shape))
            }
            for (li, gi) in out.members.enumerated() {
                let s = settlements[gi]
                let zi = out.zoning.zoneOf[li]
                let coreLocal = zi.map { out.zones[$0].zone.core }
                rows[gi] = PlanResult.SettlementRow(
                    id: s.id, name: s.name, population: s.population, lonLat: s.lonLat, zoneID: zi.map { zoneIDs[$0] },
                    coreID: coreLocal.map { settlements[out.members[$0]].id }, isCore: coreLocal == li,
                    travelMin: out.zoning.travelSeconds[li].map { $0 / 60 }, travelKm: out.zoning.travelMeters[li].map { $0 / 1000 },
                    status: zi == nil ? "unserved" : "assigned", reason: out.zoning.unservedReason[li], district: out.districtOf[li],
                    group: out.group)
            }
        }
        var outline: Geometry? = ctx.boundary
        if outline == nil, !ctx.districtAreas.isEmpty {
            outline = GeometryEngine.polygonal(try engine.union(ctx.districtAreas.keys.sorted().compactMap { ctx.districtAreas[$0] }))
        }
        return PlanResult(
            settlements: rows.compactMap { $0 }, zones: zones, routes: routes,
            travelModel: outcomes.first?.travelModel ?? "none", workCRS: ctx.crs.description, notes: notes, warnings: warnings,
            outline: try outline.map { try back.apply(engine.simplify($0, tolerance: 20)) })
    }

    // MARK: - Settings that are files or objects

    private func grantPolicy() throws -> GrantPolicy {
        guard let data = config.object("funding") else { return .none }
        do {
            return try GrantPolicy.decode(from: data)
        } catch {
            throw InputError.invalid([InputProblem(file: config.scenarioPath ?? "scenario", field: "funding", message: "\(error)")])
        }
    }

    private func speedTable() throws -> SpeedTable {
        guard let path = config.text("speedTable") else { return .standard }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError.source(.fileNotFound(path: path))
        }
        do {
            return try SpeedTable.parse(json: data)
        } catch {
            throw InputError.invalid([InputProblem(file: path, message: "\(error)")])
        }
    }

    /// "; lines skipped: 12 of an excluded class (footway, path, …), 3 closed to cars by access tags"
    /// for the lines the road graph left out (empty when none).
    static func skippedLines(_ r: BuildReport) -> String {
        let parts = [(r.linesExcluded, "of an excluded class (footway, path, …)"), (r.linesClosedToCars, "closed to cars by access tags"),
                     (r.linesNotRoads, "not roads"), (r.linesInvalid, "without a usable geometry")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        return parts.isEmpty ? "" : "; lines skipped: " + parts.joined(separator: ", ")
    }
}
