import Foundation
import ShurakuCore
import ShurakuOutput
import ShurakuPlan

/// `shuraku plan`: proposes zones with bus loops and grant caps, and writes the plan folder.
struct PlanCommand: Command {
    static let spec = CommandSpec(
        name: "plan",
        abstract: "Propose settlement network zones with bus loops and grant caps; write a plan folder.",
        usage: "--settlements SRC [--districts SRC] [--roads SRC] [--boundary SRC] [--scenario FILE.json] [options] --out DIR",
        discussion: """
            Every option can also be set in a scenario file: JSON with the same names in camelCase
            (--max-travel-min → "maxTravelMin"), paths relative to the file; flags override it.
            The plan folder holds plan.gpkg (zones, settlements, cores, routes, styled for QGIS), one
            .geojson and .qml per layer, summary.csv, plan.json, map.svg and report.html (one offline
            page with a map and a card per zone, to hand out). It is written whole or not at all; an
            earlier plan in the same folder is replaced. Same inputs and --seed give byte-identical files.

            How many zones and which cores (--zones auto, the default), in order:
              1. the most zones such that every zone has at least --min-zone-pop people (default
                 1,000, a size that can carry a shop and a salon: set it for your area), every
                 served settlement is within --max-travel-min of its core, and districts hold;
              2. at that count, the cores with the largest total core score: the weighted kinds
                 of service (--facilities) within --core-radius-m, ties by the people within it
                 (without facilities, the people within it);
              3. then the least population-weighted travel time to the core.
            --zones fewest gives the fewest zones that serve everyone reachable; --zones N exactly
            N; --core-score none ignores scores. Each core's reason is in core_reason.
            """,
        positionals: ("", "", 0, 0),
        options: [
            OptionSpec("--scenario", "FILE.json", "Read settings from a scenario file (flags override it).", group: "Inputs"),
            OptionSpec("--out", "DIR", "Folder to write the plan into.", group: "Output"),
            OptionSpec(
                "--wait", nil, "When another run is writing the same folder, wait for it instead of failing.", group: "Output"),
            OptionSpec(
                "--timings", nil, "Print each stage with the seconds since the start on stderr (also when not a terminal).",
                group: "Output"),
        ] + PlanFlags.options,
        examples: [
            "shuraku plan --settlements geodata/noto/settlements.geojson --roads geodata/noto/roads.geojson \\",
            "    --districts geodata/noto/districts.geojson --boundary geodata/noto/boundary.geojson \\",
            "    --facilities geodata/noto/facilities.geojson --max-travel-min 30 --min-zone-pop 1000 --out out/noto",
            "shuraku plan --scenario geodata/scenarios/noto-30min-1000.json --out out/noto-30",
            "shuraku plan --settlements small_areas.csv --group-by city_code --min-zone-pop 500 --out out/japan",
        ])

    let args: ParsedArgs

    init(_ args: ParsedArgs) throws(UsageError) {
        guard args.value("--out") != nil else { throw UsageError("missing --out DIR") }
        self.args = args
    }

    /// Parse and validate every setting, then the output folder, then plan, then write.
    func run(_ console: Console) throws -> Int32 {
        let options = try PlanOptions.resolve(args)
        try options.request.validate()
        let progress = Progress(console: console, quiet: options.quiet, timings: args.has("--timings"))
        let folder = try OutputFolder(
            options.outputPath, force: options.request.output.force, wait: args.has("--wait"),
            label: "--out \(options.outputPath)", cleanupOnSignal: true)
        defer { folder.signalCleanup?.cancel() }
        let plan: Plan
        do {
            plan = try Planner.plan(options.request, progress: progress.planProgress)
        } catch {
            folder.discard()
            throw error
        }
        progress.step("writing \(options.outputPath)")
        try PlanWriter(plan).write(to: folder)
        if args.has("--timings") { progress.step("done") }
        if !options.quiet {
            let m = plan.metrics
            for n in plan.notes { console.err("note: \(SettingName.render(n, naming: PlanFlags.name))\n") }
            console.err(
                "\(m.zones) zones, \(m.settlements - m.unservedSettlements) of \(m.settlements) settlements served "
                    + "(\(m.unservedPopulation) people unserved), written to \(options.outputPath)\n")
        }
        return ExitCode.success
    }
}
