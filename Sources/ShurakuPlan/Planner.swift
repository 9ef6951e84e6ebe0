import Foundation
import ShurakuCore
import ShurakuGeo
import ShurakuInput
import ShurakuNetwork

/// Progress and warnings while a plan is made. The command line prints them on stderr; a
/// library user may log them or ignore them (the default).
public struct PlanProgress: Sendable {
    /// Called at the start of each stage ("reading inputs", "building the road graph …").
    public var step: @Sendable (String) -> Void
    /// Called for each warning as it arises.
    public var warn: @Sendable (String) -> Void

    public init(step: @escaping @Sendable (String) -> Void, warn: @escaping @Sendable (String) -> Void) {
        self.step = step
        self.warn = warn
    }

    /// Reports nothing.
    public static let silent = PlanProgress(step: { _ in }, warn: { _ in })
}

/// The planning pipeline behind one call: load & project → travel times → zones → bus loops →
/// funding → a ``Plan`` value.
///
/// ```swift
/// var request = PlanRequest(settlements: "geodata/noto/settlements.geojson")
/// request.inputs.roads = "geodata/noto/roads.geojson"
/// let plan = try Planner.plan(request)
/// print(plan.zones.map(\.coreName))
/// ```
public enum Planner {
    /// Makes the plan `request` asks for.
    ///
    /// - Throws: ``/ShurakuCore/ShurakuError``: ``/ShurakuCore/FailureClass/badInput`` for
    ///   settings or data that cannot be used (naming the file, feature and field),
    ///   ``/ShurakuCore/FailureClass/failure`` for a failure while running,
    ///   ``/ShurakuCore/FailureClass/bug`` for a broken invariant.
    public static func plan(_ request: PlanRequest, progress: PlanProgress = .silent) throws(ShurakuError) -> Plan {
        try request.validate()
        do {
            return try run(request, progress: progress, edits: nil)
        } catch {
            throw ShurakuError.from(error)
        }
    }

    /// Evaluates a planner's edits of a saved plan: keeps the edited zones and cores, and
    /// recomputes everything else with the plan's settings (``SavedPlan/request``): travel
    /// times to the cores, zone populations and shapes, bus loops, grant caps, vehicles and costs,
    /// cut-off risk. Broken rules are flagged in ``Plan/evaluation``, never refused.
    ///
    /// Edits that say too little are completed, each with a note in
    /// ``PlanEvaluation/edits``: a zone id the plan does not have makes a new zone (a single
    /// settlement is its core); a zone with no core marked, or with several, gets the member
    /// (of those marked, when several are) with the best core score, else the most people; an
    /// empty zone id takes a settlement out of every zone ("removed by the planner").
    ///
    /// ```swift
    /// let saved = try SavedPlan.read(folder: "out/noto")
    /// let edited = try EditedAssignment.read("edited.gpkg:settlements", planZones: saved.zones.map(\.zoneID))
    /// let plan = try Planner.evaluate(saved, edited: edited)
    /// print(plan.evaluation?.violations.map(\.text) ?? [])
    /// ```
    ///
    /// Inputs whose checksum changed since the plan are read as they are now, with a warning
    /// (``SavedPlan/checkInputs()``, also in ``Plan/warnings``).
    ///
    /// - Throws: ``/ShurakuCore/ShurakuError``: ``/ShurakuCore/FailureClass/badInput`` for an
    ///   input of the plan that is gone, a settlement id the plan's inputs do not have, a
    ///   settlement missing from the edits, settlements of two groups in one zone, or unusable
    ///   settings or data.
    public static func evaluate(_ saved: SavedPlan, edited: EditedAssignment, progress: PlanProgress = .silent) throws(ShurakuError)
        -> Plan
    {
        let changed = try saved.checkInputs()
        for w in changed { progress.warn(w) }
        try saved.request.validate()
        do {
            var plan = try run(saved.request, progress: progress, edits: (saved, edited))
            plan.warnings = changed + plan.warnings
            return plan
        } catch {
            throw ShurakuError.from(error)
        }
    }

    private static func run(_ request: PlanRequest, progress: PlanProgress, edits: (SavedPlan, EditedAssignment)?) throws -> Plan {
        progress.step("reading inputs")
        var study = try StudyLoading.load(request)
        for w in study.inputs.warnings { progress.warn(w) }
        let settlementsFile = study.inputs.sources["settlements"]?.description ?? request.inputs.settlements
        let projection = try ProjectionStage.run(request, settlements: study.inputs.settlements, file: settlementsFile)
        if let projection, let year = request.projection.year, let y = ProjectionStage.yearIndex(year) {
            // Plan with that year's people: the zoning sees the projected populations.
            for i in study.inputs.settlements.settlements.indices {
                study.inputs.settlements.settlements[i].population = projection.population[y][i]
            }
        }
        try study.checkAgainstData(request)

        let network = try study.inputs.roads.map { roads in
            progress.step("building the road graph (\(roads.features.count) lines)")
            return try RoadNetworkStage.build(roads, speeds: study.speeds, travel: request.travel)
        }
        for w in network?.warnings ?? [] { progress.warn(w) }
        var roadCheck = network.map { RoadDataCheck($0.check, options: $0.options) }
        if let network, network.check.crossings > 0 {
            progress.step("measuring what joining the \(network.check.crossings) road crossings changes")
            roadCheck?.impact = try CrossingImpactStage.measure(
                network, settlements: study.inputs.settlements.settlements, travel: request.travel)
        }
        var riskWarnings: [String] = []

        var cutOff: CutOffNetwork? = nil
        if let network, let roads = study.inputs.roads {
            progress.step(request.risk.closedRoads == nil ? "finding single roads to settlements" : "closing roads")
            let built = try CutOffNetwork.build(
                graph: network.graph, roads: roads, speeds: study.speeds, settlements: study.inputs.settlements.settlements,
                request: request, crs: study.inputs.crs)
            cutOff = built.network
            riskWarnings = built.warnings
        }

        let context = try PlanContext(request: request, study: study, graph: network?.graph, cutOff: cutOff)
        let groups = context.groups()
        let outcomes: [GroupOutcome]
        var resolved: ResolvedEdits? = nil
        if let (saved, edited) = edits {
            let r = try ResolvedEdits.resolve(saved, edited, settlements: context.settlements)
            try checkGroups(r, edited: edited, groups: groups, settlements: context.settlements)
            progress.step("evaluating \(groups.count == 1 ? "the edited zones" : "\(groups.count) groups")")
            outcomes = try GroupEvaluator.run(groups, context: context, edits: r)
            resolved = r
        } else {
            progress.step("planning \(groups.count == 1 ? "zones" : "\(groups.count) groups")")
            outcomes = try GroupPlanner.run(groups, context: context)
        }

        progress.step("assembling the plan")
        let travelNotes = network.map { [$0.note] + (roadCheck.map { [RoadCheckText.note($0)] } ?? []) } ?? []
        var plan = try PlanAssembly.assemble(outcomes, context: context, travelNotes: travelNotes)
        plan.networkIssues = try network?.issueRows(crs: context.crs)
        plan.roadCheck = roadCheck
        try RiskAssembly.add(to: &plan, outcomes: outcomes, context: context)
        if context.facilities != nil {
            progress.step("measuring access to services")
            try AccessStage.compute(context)?.add(to: &plan, context: context)
        }
        if let projection {
            try ProjectionAssembly.add(to: &plan, stage: projection, request: request)
            plan.notes += projection.notes
            plan.warnings += projection.warnings
        }
        plan.warnings = riskWarnings + plan.warnings
        for w in plan.warnings { progress.warn(w) }
        let unmatched = request.funding.policy.unmatchedZoneIDs(coreIDs: plan.zones.map(\.coreID))
        if !unmatched.isEmpty {
            let w = "funding: per-zone settings name no core of this plan: \(unmatched.joined(separator: ", "))"
            plan.warnings.append(w)
            progress.warn(w)
        }
        for w in ServiceAssembly.warnings(plan) {
            plan.warnings.append(w)
            progress.warn(w)
        }
        if request.zoning.zones == .auto && request.zoning.minZonePopulation == 0 {
            let w = "«zones» auto with «minZonePop» 0 makes as many zones as there are possible cores; set the smallest zone population"
            plan.warnings.append(w)
            progress.warn(w)
        }
        plan.inputWarnings = study.inputs.warnings + (network?.warnings ?? [])
        if let (saved, edited) = edits, let resolved {
            plan.evaluation = try EvaluationAssembly.evaluation(
                plan, outcomes: outcomes, context: context, edits: resolved, saved: saved, edited: edited)
        }
        return plan
    }

    /// With «groupBy», each group is planned apart: a zone cannot hold settlements of two groups.
    static func checkGroups(_ edits: ResolvedEdits, edited: EditedAssignment, groups: [PlanGroup], settlements: [Settlement])
        throws(ShurakuError)
    {
        guard groups.count > 1 else { return }
        var groupOfZone: [String: String] = [:]
        let feature = Dictionary(edited.entries.map { ($0.settlementID, $0.feature) }) { a, _ in a }
        var problems: [Problem] = []
        for g in groups {
            for i in g.members {
                guard let z = edits.zoneOf[i] else { continue }
                let name = g.name ?? ""
                if let other = groupOfZone[z], other != name {
                    problems.append(
                        Problem(
                            file: edited.source, feature: feature[settlements[i].id], field: "zone_id", value: z,
                            message: "zone \(z) holds settlements of groups \(other) and \(name); «groupBy» plans each group "
                                + "apart, so a zone cannot span two"))
                } else {
                    groupOfZone[z] = name
                }
            }
        }
        guard problems.isEmpty else { throw .invalid(problems) }
    }
}

/// The version recorded in `plan.json` and printed by `shuraku --version`.
public let shurakuVersion = "0.1.0"
