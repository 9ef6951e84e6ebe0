import Foundation
import ShurakuCore
import ShurakuOutput
import ShurakuPlan

/// `shuraku evaluate`: a plan whose zones and cores the planner edited, recomputed with the
/// plan's settings, written as a plan folder with `changes.csv` and the rules it breaks.
struct EvaluateCommand: Command {
    static let spec = CommandSpec(
        name: "evaluate",
        abstract: "Recompute a plan whose zones and cores were edited; flag the rules the edits break; write a plan folder.",
        usage: "--plan DIR --edited SRC [--out DIR2] [--wait]",
        discussion: """
            SRC is the plan's settlements layer after editing zone_id and/or is_core (in QGIS or any
            GIS), e.g. DIR/plan.gpkg:settlements or an edited copy (GeoPackage, GeoJSON, …). The zones
            and cores stay as edited; everything else is recomputed with the settings recorded in
            DIR/plan.json: travel times to the (new) cores with the plan's travel model, zone
            populations and shapes, bus loops, grant caps, vehicles and costs, cut-off risk.

            Rules the edits break are flagged, not refused: a member beyond the travel limit, a zone
            below the minimum population (or above the maximum), a zone across a district line
            (within) or a district split between zones (whole), a designated core that is not one.
            They are in a 'violations' field of the settlements and zones layers (codes with details,
            '; '-separated) and in plan.json (violations, metrics.violations). changes.csv lists each
            settlement whose zone or core status changed, with its old and new travel time and the
            change in both zones' population, loops, loop minutes and grant cap.

            A zone_id the plan does not have makes a new zone (a lone settlement is its core); a zone
            with no core marked, or with several, gets the member (of those marked) with the best core
            score as its core; an empty zone_id takes a settlement out of every zone. Each is noted.
            Input files that changed since the plan (sha256) are read as they are, with a warning;
            a missing one is an error. The output is DIR2 (default: DIR-evaluated), written whole or
            not at all; --out DIR replaces the plan itself.
            """,
        positionals: ("", "", 0, 0),
        options: [
            OptionSpec("--plan", "DIR", "The plan folder that was edited (its plan.json gives every setting).", group: "Inputs"),
            OptionSpec("--edited", "SRC", "The edited settlements layer, e.g. DIR/plan.gpkg:settlements.", group: "Inputs"),
            OptionSpec("--out", "DIR2", "Folder to write the evaluated plan into.", default: "DIR-evaluated", group: "Output"),
            OptionSpec(
                "--wait", nil, "When another run is writing the same folder, wait for it instead of failing.", group: "Output"),
            OptionSpec("--force", nil, "Write into a non-empty folder that is not an earlier plan's.", group: "Output"),
        ],
        examples: [
            "shuraku evaluate --plan out/noto --edited out/noto/plan.gpkg:settlements",
            "shuraku evaluate --plan out/noto --edited edited-settlements.geojson --out out/noto-edited",
            "shuraku compare out/noto out/noto-evaluated",
        ])

    let args: ParsedArgs
    let planFolder: String
    let edited: String
    let outputPath: String
    let quiet: Bool

    init(_ args: ParsedArgs) throws(UsageError) {
        guard let plan = args.value("--plan") else { throw UsageError("missing --plan DIR") }
        guard let edited = args.value("--edited") else { throw UsageError("missing --edited SRC") }
        planFolder = plan
        self.edited = edited
        outputPath = args.value("--out") ?? Self.defaultOutput(plan)
        quiet = args.has("--quiet")
        self.args = args
    }

    /// `DIR-evaluated` beside `DIR` (`.` and `..` resolved first, so that the folder has a name).
    static func defaultOutput(_ plan: String) -> String {
        var p = plan
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        if [".", ".."].contains((p as NSString).lastPathComponent) { p = URL(fileURLWithPath: p).standardizedFileURL.path }
        return p + "-evaluated"
    }

    func run(_ console: Console) throws -> Int32 {
        let progress = Progress(console: console, quiet: quiet)
        let folder = try OutputFolder(
            outputPath, force: args.has("--force"), wait: args.has("--wait"), label: "--out \(outputPath)", cleanupOnSignal: true)
        defer { folder.signalCleanup?.cancel() }
        let plan: Plan
        do {
            progress.step("reading \(planFolder)/plan.json and \(edited)")
            let saved = try SavedPlan.read(folder: planFolder)
            // Before reading the edits: a missing input is the first thing to fix.
            _ = try saved.checkInputs()
            let assignment = try EditedAssignment.read(edited, planZones: saved.zones.map(\.zoneID))
            plan = try Planner.evaluate(saved, edited: assignment, progress: progress.planProgress)
        } catch {
            folder.discard()
            throw error
        }
        progress.step("writing \(outputPath)")
        try PlanWriter(plan).write(to: folder)
        if !quiet, let e = plan.evaluation {
            for n in e.edits { console.err("note: \(n)\n") }
            for v in e.violations.prefix(20) {
                let what = v.settlementID.map { "settlement \($0)" } ?? "zone \(v.zoneID ?? "")"
                console.err("violation: \(what): \(v.text)\n")
            }
            if e.violations.count > 20 { console.err("violation: … and \(e.violations.count - 20) more (plan.json, violations)\n") }
            let m = plan.metrics
            console.err(
                "\(m.zones) zones, \(m.settlements - m.unservedSettlements) of \(m.settlements) settlements served, "
                    + "\(e.changes.count) changed, \(e.violations.count) violation(s), written to \(outputPath)\n")
        }
        return ExitCode.success
    }
}
