import Foundation

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
            .geojson and .qml per layer, summary.csv, plan.json and map.svg. It is written whole or not
            at all; an earlier plan in the same folder is replaced. Same inputs and --seed give
            byte-identical files.
            """,
        positionals: ("", "", 0, 0),
        options: [
            OptionSpec("--scenario", "FILE.json", "Read settings from a scenario file (flags override it).", group: "Inputs"),
            OptionSpec("--out", "DIR", "Folder to write the plan into.", group: "Output"),
        ] + PlanSettings.all.compactMap(\.option),
        examples: [
            "shuraku plan --settlements geodata/noto/settlements.geojson --roads geodata/noto/roads.geojson \\",
            "    --districts geodata/noto/districts.geojson --boundary geodata/noto/boundary.geojson \\",
            "    --max-travel-min 30 --min-zone-pop 1000 --out out/noto",
            "shuraku plan --scenario geodata/scenarios/noto-30min-1000.json --out out/noto-30",
            "shuraku plan --settlements small_areas.csv --group-by city_code --min-zone-pop 500 --out out/japan",
        ])

    let args: ParsedArgs

    init(_ args: ParsedArgs) throws(UsageError) {
        guard args.value("--out") != nil else { throw UsageError("missing --out DIR") }
        self.args = args
    }

    func run(_ console: Console) throws -> Int32 {
        // Scenario problems are input problems (exit 2, no usage text); flag problems are usage errors.
        let config = try PlanConfig.resolve(args)
        let progress = Progress(console: console, quiet: config.quiet)
        let folder = try OutputFolder(config.outputPath, force: config.force)
        let signals = folder.removeOnSignal()
        defer {
            for s in signals { s.cancel() }
            signal(SIGTERM, SIG_DFL)
            signal(SIGINT, SIG_DFL)
        }
        let out: PlanRunner.Output
        do {
            out = try PlanRunner(config: config, progress: progress).run()
        } catch {
            folder.discard()
            throw error
        }
        progress.step("writing \(config.outputPath)")
        try PlanWriter(result: out.result, config: config, inputs: out.inputs, grouped: out.grouped).write(to: folder)
        let m = PlanMetrics(out.result)
        if !config.quiet {
            for n in out.result.notes { console.err("note: \(n)\n") }
            console.err(
                "\(m.zones) zones, \(m.settlements - m.unservedSettlements) of \(m.settlements) settlements served "
                    + "(\(m.unservedPopulation) people unserved), written to \(config.outputPath)\n")
        }
        return ExitCode.success
    }
}
