import Foundation
import ShurakuGeo
import ShurakuInput

/// The settings of one plan run, after the scenario file and the flags are merged (flags win)
/// and defaults applied. Every value here is recorded in `plan.json`.
struct PlanConfig: Sendable {
    /// Explicitly given settings, by scenario key (the scenario file's, then the flags').
    var given: [String: SettingValue]
    var scenarioPath: String?
    var outputPath: String
    var quiet: Bool

    /// Merges a scenario file (when `--scenario` is given) and the flags.
    static func resolve(_ args: ParsedArgs) throws -> PlanConfig {
        var given: [String: SettingValue] = [:]
        let scenario = args.value("--scenario")
        if let scenario { given = try Scenario.read(scenario) }
        for s in PlanSettings.all where !s.flag.isEmpty && args.has(s.flag) {
            if s.kind == .flag {
                given[s.key] = .flag(true)
                continue
            }
            guard let raw = args.value(s.flag) else { continue }
            switch s.kind {
            case .path:
                try Scenario.requireExists(raw)
                given[s.key] = .text(raw)
            case .number(let range):
                guard let d = try args.double(s.flag, in: range) else { continue }
                given[s.key] = .number(d)
            case .integer(let range):
                guard let i = try args.int(s.flag, in: range) else { continue }
                given[s.key] = .number(Double(i))
            case .choice(let choices):
                guard let c = try args.choice(s.flag, choices) else { continue }
                given[s.key] = .text(c)
            case .zones:
                if raw != "auto", (Int(raw) ?? 0) < 1 { throw UsageError("\(s.flag): expected auto or a whole number ≥ 1, got '\(raw)'") }
                given[s.key] = .text(raw)
            case .text:
                given[s.key] = .text(raw)
            case .flag, .object:
                break
            }
        }
        guard let out = args.value("--out") else { throw UsageError("missing --out DIR") }
        guard given["settlements"] != nil else {
            throw UsageError("missing --settlements SRC (or a scenario file with \"settlements\")")
        }
        return PlanConfig(given: given, scenarioPath: scenario, outputPath: out, quiet: args.has("--quiet"))
    }

    // MARK: - Typed access (given value, else the setting table's default)

    func value(_ key: String) -> SettingValue? {
        if let v = given[key] { return v }
        return PlanSettings.setting(key: key)?.defaultValue
    }

    func text(_ key: String) -> String? {
        if case .text(let t)? = value(key) { return t }
        return nil
    }

    func number(_ key: String) -> Double? {
        if case .number(let d)? = value(key) { return d }
        return nil
    }

    func flag(_ key: String) -> Bool {
        if case .flag(let b)? = value(key) { return b }
        return false
    }

    func object(_ key: String) -> Data? {
        if case .object(let d)? = value(key) { return d }
        return nil
    }

    var maxTravelMin: Double { number("maxTravelMin") ?? 30 }
    var maxTravelKm: Double? { number("maxTravelKm") }
    var detour: Double { number("detour") ?? 1.3 }
    var speedKmh: Double { number("speedKmh") ?? 40 }
    var snapTolerance: Double { number("snapTolerance") ?? 0 }
    var connectorSpeedKmh: Double { number("connectorSpeedKmh") ?? 20 }
    var maxConnectorM: Double { number("maxConnectorM") ?? 2000 }
    var minZonePop: Int64 { Int64((number("minZonePop") ?? 0).rounded()) }
    var maxZonePop: Int64? { number("maxZonePop").map { Int64($0.rounded()) } }
    /// nil = auto.
    var zoneCount: Int? { text("zones").flatMap { $0 == "auto" ? nil : Int($0) } }
    var districtMode: String { text("districtMode") ?? (text("districts") == nil ? "ignore" : "within") }
    var districtTolerance: Double { number("districtTolerance") ?? 200 }
    var seed: UInt64 { UInt64(number("seed") ?? 1) }
    var busMaxLoopMin: Double { number("busMaxLoopMin") ?? 60 }
    var busDwellMin: Double { number("busDwellMin") ?? 1 }
    var busMinStopPop: Int64 { Int64((number("busMinStopPop") ?? 1).rounded()) }
    var busCapacity: Double? { number("busCapacity") }
    var busTripRate: Double { number("busTripRate") ?? 0.02 }
    var labelFont: String { text("labelFont") ?? "sans-serif" }
    var force: Bool { flag("force") }

    /// The input specification for ``StudyInputs/load(_:)``.
    func inputSpec() throws -> InputSpec {
        guard let s = text("settlements") else { throw UsageError("missing --settlements") }
        let roles = FieldRoles(
            population: text("populationField"), id: text("idField"), name: text("nameField"), core: text("coreField"),
            coreCandidate: text("coreCandidatesField"), group: text("groupBy"))
        var read = ReadOptions(encoding: text("encoding"))
        if let src = text("sourceCrs") {
            do { read.assumedCRS = try CRS.parse(src) } catch { throw UsageError("--source-crs: \(error)") }
        }
        var crs: CRS? = nil
        if let c = text("crs") {
            do { crs = try CRS.parse(c) } catch { throw UsageError("--crs: \(error)") }
        }
        var filter: (field: String, values: Set<String>)? = nil
        if let f = text("filter") {
            let parts = f.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw UsageError("--filter: expected FIELD=VALUE[,VALUE…], got '\(f)'")
            }
            filter = (parts[0], Set(parts[1].split(separator: ",").map(String.init)))
        }
        return InputSpec(
            settlements: SourceSpec(parsing: s), districts: text("districts").map { SourceSpec(parsing: $0) },
            roads: text("roads").map { SourceSpec(parsing: $0) }, boundary: text("boundary").map { SourceSpec(parsing: $0) },
            settlementOptions: SettlementOptions(
                roles: roles, missingPopulationAsZero: flag("missingPopulationZero"), filter: filter),
            districtNameField: text("districtField"), crs: crs, read: read)
    }

    /// Every setting with its effective value (defaults included), for `plan.json`.
    func effectiveParameters() -> [(key: String, value: SettingValue?)] {
        PlanSettings.all.map { s in
            if s.key == "districtMode" { return (s.key, .text(districtMode)) }
            return (s.key, value(s.key))
        }
    }
}
