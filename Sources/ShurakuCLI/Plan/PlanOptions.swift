import Foundation
import ShurakuCore
import ShurakuGeo
import ShurakuPlan

/// The command line's view of ``PlanSettings``: each setting's flag is `--` and its scenario key
/// in kebab case (`maxTravelMin` → `--max-travel-min`), or its ``PlanSetting/flagKey`` when it
/// has its own (`busServiceWindows` → `--bus-service-window`).
enum PlanFlags {
    /// `--max-travel-min` for `maxTravelMin`.
    static func flag(_ key: String) -> String {
        var out = "--"
        for ch in key {
            if ch.isUppercase {
                out += "-" + ch.lowercased()
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// A setting reference spelt for the command line: its flag, or the key when it has none.
    static func name(_ key: String) -> String {
        guard let s = PlanSettings.setting(key: key) else { return key }
        return s.hasFlag ? flag(s.flagKey) : key
    }

    /// The option table of `shuraku plan`, from the settings table.
    static var options: [OptionSpec] {
        PlanSettings.all.filter(\.hasFlag).map { s in
            OptionSpec(
                flag(s.flagKey), s.kind == .flag ? nil : s.placeholder, SettingName.render(s.help, naming: name),
                default: s.defaultText.map { SettingName.render($0, naming: name) }, key: s.key, group: s.group)
        }
    }
}

/// A `shuraku plan` command line turned into a ``PlanRequest``: the scenario file's settings,
/// then the flags (flags win). Flags are checked as they are parsed (usage errors); a scenario
/// file's problems are input problems.
struct PlanOptions: Sendable {
    var request: PlanRequest
    var outputPath: String
    var quiet: Bool

    static func resolve(_ args: ParsedArgs) throws -> PlanOptions {
        let scenario = args.value("--scenario")
        let fromScenario = try scenario.map { path throws(ShurakuError) in try ScenarioFile.read(path) } ?? [:]
        var fromFlags: [String: SettingValue] = [:]
        for s in PlanSettings.all where s.hasFlag {
            let flag = PlanFlags.flag(s.flagKey)
            guard args.has(flag) else { continue }
            if let v = try value(of: s, flag: flag, in: args) { fromFlags[s.key] = v }
        }
        guard let out = args.value("--out") else { throw UsageError("missing --out DIR") }
        guard case .text(let settlements)? = fromFlags["settlements"] ?? fromScenario["settlements"] else {
            throw UsageError("missing --settlements SRC (or a scenario file with \"settlements\")")
        }
        var request = PlanRequest(settlements: settlements)
        try PlanSettings.apply(fromScenario, to: &request, file: scenario ?? "")
        try PlanSettings.apply(fromFlags, to: &request)
        request.scenarioPath = scenario
        return PlanOptions(request: request, outputPath: out, quiet: args.has("--quiet"))
    }

    /// The flag's value, checked against the setting's type and range.
    private static func value(of s: PlanSetting, flag: String, in args: ParsedArgs) throws -> SettingValue? {
        if s.kind == .flag { return .flag(true) }
        guard let raw = args.value(flag) else { return nil }
        switch s.kind {
        case .path:
            let file = SourceSpec(parsing: raw).path
            guard FileManager.default.fileExists(atPath: file) else { throw ShurakuError.source(.fileNotFound(path: file)) }
            return .text(raw)
        case .number(let range):
            return try args.double(flag, in: range).map(SettingValue.number)
        case .integer(let range):
            return try args.int(flag, in: range).map { .number(Double($0)) }
        case .choice(let choices):
            return try args.choice(flag, choices).map(SettingValue.text)
        case .zones:
            guard ZoneCount(raw) != nil else { throw UsageError("\(flag): expected auto, fewest or a whole number ≥ 1, got '\(raw)'") }
            return .text(raw)
        case .text, .list, .record:
            return .text(raw)
        case .flag, .object:
            return nil
        }
    }
}
