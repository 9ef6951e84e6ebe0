import Foundation
import ShurakuCore
import ShurakuOutput

/// `shuraku compare A B ...`: the plan metrics side by side, each with its difference from the
/// first plan, and which zones are the same (same member settlements) across plans.
struct CompareCommand: Command {
    static let spec = CommandSpec(
        name: "compare",
        abstract: "Compare plans: metrics side by side with differences, and which zones are the same.",
        usage: "DIR|FILE.json ... [--format md|csv|json]",
        discussion: """
            Each argument is a plan folder written by 'shuraku plan' (or 'evaluate'), or a scenario
            file, which is planned first (in a temporary folder) with the same code. The first plan is the baseline:
            every other column shows its value and the difference from it. Two zones are the same when
            they have exactly the same member settlements. Vehicles, driver hours, vehicle-km and the
            annual cost appear for plans made with service windows (and costs), violations for evaluated
            plans; '–' marks a plan without.
            """,
        positionals: ("DIR|FILE.json", "Plan folders or scenario files, baseline first.", 1, 64),
        options: [OptionSpec("--format", "md|csv|json", "Output format.", default: "md")],
        examples: [
            "shuraku compare out/noto-20 out/noto-30 out/noto-45",
            "shuraku compare geodata/scenarios/noto-30min-1000.json geodata/scenarios/noto-45min-1000.json --format csv",
        ])

    let sources: [String]
    let format: String

    init(_ args: ParsedArgs) throws(UsageError) {
        sources = args.positionals
        format = try args.choice("--format", ["md", "csv", "json"]) ?? "md"
    }

    /// One plan as compare sees it.
    struct PlanSummary {
        var name: String
        var metrics: [String: Double]
        /// zone id → sorted member ids.
        var zones: [(id: String, core: String, members: [String])]
        /// Settlements cut off by closed roads (`plan.json` `cut_off`), when the plan closed any.
        var cutOff: [String] = []
        /// The year whose projected population the plan was made with (`projection.year`), if any.
        var year: Int? = nil
        /// «minZonePop» of the plan.
        var minZonePopulation: Int64 = 0
        /// zone id → projected population per year ("2040" → people), with projections.
        var projected: [String: [String: Int64]] = [:]

        /// Every settlement in a zone.
        var served: Set<String> { Set(zones.flatMap(\.members)) }
    }

    /// Settlements served in `base` but in no zone of `other`, sorted.
    static func lost(_ base: PlanSummary, _ other: PlanSummary) -> [String] {
        base.served.subtracting(other.served).sorted()
    }

    /// Zones of `base` whose projected population in `year` is below the base's «minZonePop»,
    /// with that population: the zones that stop being viable by then.
    static func notViable(_ base: PlanSummary, in year: Int) -> [(id: String, core: String, population: Int64)] {
        base.zones.compactMap { z in
            guard let p = base.projected[z.id]?[String(year)], p < base.minZonePopulation else { return nil }
            return (z.id, z.core, p)
        }
    }

    /// Metrics shown after ``metricOrder`` when a plan has them: access to services and projections.
    static func isExtraMetric(_ key: String) -> Bool {
        ["population_beyond_", "muui_chiku_", "zones_viable_until_"].contains { key.hasPrefix($0) }
    }

    static let metricOrder = [
        "zones", "settlements", "population", "unserved_settlements", "unserved_population", "mean_travel_min",
        "max_travel_min", "min_zone_population", "max_zone_population", "route_km_total", "route_min_total",
        "grant_cap_yen_total", "vehicles_total", "vehicles_lower_bound_total", "driver_hours_per_day_total",
        "vehicle_km_per_day_total", "annual_cost_yen_total", "violations",
    ]

    func run(_ console: Console) throws -> Int32 {
        var plans: [PlanSummary] = []
        var names = Set<String>()
        for src in sources {
            var p = try load(src, console: console)
            var name = p.name
            var k = 2
            while names.contains(name) {
                name = "\(p.name) (\(k))"
                k += 1
            }
            names.insert(name)
            p.name = name
            plans.append(p)
        }
        console.out(render(plans))
        return ExitCode.success
    }

    private func load(_ src: String, console: Console) throws -> PlanSummary {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: src, isDirectory: &isDir) else {
            throw UsageError("\(src): no such plan folder or scenario file")
        }
        let name = URL(fileURLWithPath: src).deletingPathExtension().lastPathComponent
        if isDir.boolValue {
            return try Self.readPlan(URL(fileURLWithPath: src).appendingPathComponent("plan.json").path, name: name)
        }
        // A plan.json itself, or a scenario to plan first.
        if let plan = PlanJSON.read(src) {
            return try Self.summary(plan, path: src, name: name)
        }
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("shuraku-compare-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let args = try ArgParser.parse(["--scenario", src, "--out", tmp.path, "--quiet"], spec: PlanCommand.spec)
        let status = try PlanCommand(args).run(Console(out: { _ in }, err: console.err, isTerminal: false))
        guard status == ExitCode.success else { throw ShurakuError.failure(file: src, "planning failed") }
        return try Self.readPlan(tmp.appendingPathComponent("plan.json").path, name: name)
    }

    static func readPlan(_ path: String, name: String) throws -> PlanSummary {
        guard let plan = PlanJSON.read(path) else { throw UsageError("\(path): not a plan.json written by shuraku") }
        return try summary(plan, path: path, name: name)
    }

    /// The metrics and zones of a plan.json already read.
    static func summary(_ obj: [String: Any], path: String, name: String) throws -> PlanSummary {
        guard let metrics = obj["metrics"] as? [String: Any] else {
            throw UsageError("\(path): not a plan.json written by shuraku")
        }
        var m: [String: Double] = [:]
        for (k, v) in metrics { if let n = v as? NSNumber { m[k] = n.doubleValue } }
        var zones: [(String, String, [String])] = []
        for z in obj["zones"] as? [[String: Any]] ?? [] {
            let members = (z["members"] as? [String] ?? []).sorted()
            zones.append((z["zone_id"] as? String ?? "?", z["core_name"] as? String ?? "", members))
        }
        let cutOff = (obj["cut_off"] as? [String: Any])?["cut_off_by_closed_roads"] as? [String] ?? []
        var summary = PlanSummary(name: name, metrics: m, zones: zones, cutOff: cutOff)
        summary.year = ((obj["projection"] as? [String: Any])?["year"] as? NSNumber)?.intValue
        summary.minZonePopulation = ((obj["parameters"] as? [String: Any])?["minZonePop"] as? NSNumber)?.int64Value ?? 0
        for z in obj["zones"] as? [[String: Any]] ?? [] {
            guard let id = z["zone_id"] as? String else { continue }
            var years: [String: Int64] = [:]
            for (k, v) in z where k.hasPrefix("pop_") {
                if let n = v as? NSNumber, Int(k.dropFirst(4)) != nil { years[String(k.dropFirst(4))] = n.int64Value }
            }
            if !years.isEmpty { summary.projected[id] = years }
        }
        return summary
    }

    // MARK: - Rendering

    /// For each plan, how many of its zones equal a zone of the baseline, and the pairs.
    private func sameZones(_ base: PlanSummary, _ other: PlanSummary) -> [(String, String)] {
        var byMembers: [[String]: String] = [:]
        for z in base.zones { byMembers[z.members] = z.id }
        return other.zones.compactMap { z in byMembers[z.members].map { ($0, z.id) } }
    }

    private func render(_ plans: [PlanSummary]) -> String {
        guard let base = plans.first else { return "" }
        let extra = Set(plans.flatMap { $0.metrics.keys.filter(Self.isExtraMetric) }).sorted()
        let metrics = (Self.metricOrder + extra).filter { k in plans.contains { $0.metrics[k] != nil } }
        func value(_ p: PlanSummary, _ k: String) -> Double? { p.metrics[k] }
        func fmt(_ d: Double) -> String {
            d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(format: "%.2f", d)
        }
        func diff(_ d: Double) -> String {
            let s = fmt(abs(d))
            return d > 0 ? "+\(s)" : d < 0 ? "-\(s)" : "±0"
        }
        let same = plans.map { sameZones(base, $0) }
        switch format {
        case "json":
            var out: [String: JSONValue] = ["baseline": .string(base.name)]
            out["plans"] = .array(
                plans.enumerated().map { i, p in
                    var ms: [String: JSONValue] = [:]
                    var ds: [String: JSONValue] = [:]
                    for k in metrics {
                        if let v = value(p, k) { ms[k] = .number(v) }
                        if let v = value(p, k), let b = value(base, k) { ds[k] = .number(v - b) }
                    }
                    return .object([
                        "name": .string(p.name), "metrics": .object(ms), "difference": .object(ds),
                        "same_zones_as_baseline": .array(same[i].map { .object(["baseline": .string($0.0), "zone": .string($0.1)]) }),
                        "unserved_but_served_in_baseline": .array(Self.lost(base, p).map(JSONValue.string)),
                        "cut_off_by_closed_roads": .array(p.cutOff.map(JSONValue.string)),
                        "baseline_zones_not_viable_in_year": .array(
                            (p.year.map { Self.notViable(base, in: $0) } ?? []).map {
                                .object(["zone": .string($0.id), "core_name": .string($0.core), "population": .int($0.population)])
                            }),
                    ])
                })
            return (try? String(decoding: JSONValue.object(out).rendered(), as: UTF8.self)) ?? "{}\n"
        case "csv":
            var lines = [
                "metric," + plans.map { csvField($0.name) }.joined(separator: ",") + ","
                    + plans.dropFirst().map { csvField("diff " + $0.name) }.joined(separator: ",")
            ]
            for k in metrics + ["same_zones_as_baseline"] {
                let vals: [Double?] = k == "same_zones_as_baseline" ? same.map { Double($0.count) } : plans.map { value($0, k) }
                let diffs = vals.dropFirst().map { v -> String in
                    guard let v, let b = vals.first ?? nil else { return "" }
                    return fmt(v - b)
                }
                lines.append(k + "," + vals.map { $0.map(fmt) ?? "" }.joined(separator: ",") + "," + diffs.joined(separator: ","))
            }
            return lines.joined(separator: "\n") + "\n"
        default:
            var lines = [
                "| metric | " + plans.map(\.name).joined(separator: " | ") + " |",
                "|---|" + String(repeating: "---:|", count: plans.count),
            ]
            for k in metrics {
                let b = value(base, k)
                let cells = plans.enumerated().map { i, p -> String in
                    guard let v = value(p, k) else { return "–" }
                    if i == 0 { return fmt(v) }
                    return b.map { "\(fmt(v)) (\(diff(v - $0)))" } ?? fmt(v)
                }
                lines.append("| \(k) | " + cells.joined(separator: " | ") + " |")
            }
            lines.append(
                "| same zones as \(base.name) | "
                    + plans.enumerated().map { i, p in
                        "\(same[i].count) of \(p.zones.count)"
                    }.joined(separator: " | ") + " |")
            var text = lines.joined(separator: "\n") + "\n"
            for (i, p) in plans.enumerated().dropFirst() where !same[i].isEmpty {
                let pairs = same[i].map { $0.0 == $0.1 ? $0.0 : "\($0.0) = \($0.1)" }.joined(separator: ", ")
                text += "\nSame zones in \(p.name) as in \(base.name): \(pairs)\n"
            }
            for p in plans.dropFirst() {
                let lost = Self.lost(base, p)
                guard !lost.isEmpty else { continue }
                let shown = lost.prefix(30).joined(separator: ", ") + (lost.count > 30 ? ", … (\(lost.count - 30) more)" : "")
                let cut = Set(p.cutOff).intersection(lost).count
                text +=
                    "\nServed in \(base.name) but not in \(p.name): \(lost.count) settlement(s)"
                    + (cut > 0 ? ", \(cut) of them cut off by closed roads" : "") + ": \(shown)\n"
            }
            for p in plans.dropFirst() {
                guard let year = p.year, !base.projected.isEmpty else { continue }
                let gone = Self.notViable(base, in: year)
                let list = gone.map { "\($0.id) \($0.core) (\($0.population) in \(year))" }.joined(separator: ", ")
                text +=
                    "\nZones of \(base.name) that stop being viable by \(year) (\(p.name) plans with \(year)'s population; "
                    + "below minZonePop \(base.minZonePopulation)): " + (gone.isEmpty ? "none" : "\(gone.count): \(list)") + "\n"
            }
            return text
        }
    }

    private func csvField(_ s: String) -> String {
        s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
