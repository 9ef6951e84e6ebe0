import Foundation
import ShurakuCore
import ShurakuFunding
import ShurakuInput
import ShurakuNetwork
import ShurakuPlanner

/// One setting of a plan, declared once: its scenario-file key (camelCase), its type and range,
/// its default, its help, and how it reads from and writes into a ``PlanRequest``. The command
/// line's flags (`--` and the key in kebab case), its help, the scenario reader and `plan.json`
/// all derive from ``PlanSettings/all``, so none of them can drift apart.
public struct PlanSetting: Sendable {
    /// The type of a setting's value.
    public enum Kind: Sendable, Equatable {
        /// A file path (relative to the scenario file when given there).
        case path
        case text
        case number(ClosedRange<Double>)
        case integer(ClosedRange<Int>)
        case flag
        case choice([String])
        /// `auto`, `fewest` or a positive whole number.
        case zones
        /// A JSON object, scenario files only (e.g. the grant policy).
        case object
        /// Several values: comma-separated on the command line; a string or a JSON array of
        /// strings in a scenario file (e.g. service windows).
        case list
        /// Named values: `key=value,…` on the command line; a JSON object in a scenario file
        /// (e.g. operating costs).
        case record
    }

    /// The scenario-file key, e.g. `maxTravelMin`.
    public let key: String
    public let kind: Kind
    /// The value's placeholder in help, e.g. `MIN`.
    public let placeholder: String
    public let help: String
    /// The default as help shows it: a literal, or a description ("detected: …").
    public let defaultText: String?
    /// The help section, e.g. "Travel times".
    public let group: String
    /// A literal default, when the default is one.
    public let literalDefault: String?
    /// Whether the setting has a command-line flag (objects are scenario-only).
    public var hasFlag: Bool { kind != .object }
    /// The name the command line spells its flag from (camelCase, usually ``key``; e.g.
    /// `busServiceWindow` for the list `busServiceWindows`, one flag naming several windows).
    public let flagKey: String

    let read: @Sendable (PlanRequest) -> SettingValue?
    let write: @Sendable (inout PlanRequest, SettingValue) throws(ShurakuError) -> Void

    init(
        _ key: String, _ kind: Kind, _ placeholder: String, _ help: String, default d: String? = nil, note: String? = nil,
        flagKey: String? = nil, group: String, read: @escaping @Sendable (PlanRequest) -> SettingValue?,
        write: @escaping @Sendable (inout PlanRequest, SettingValue) throws(ShurakuError) -> Void
    ) {
        self.key = key
        self.flagKey = flagKey ?? key
        self.kind = kind
        self.placeholder = placeholder
        self.help = help
        self.defaultText = d ?? note
        self.literalDefault = d
        self.group = group
        self.read = read
        self.write = write
    }

    /// The literal default as a value.
    public var defaultValue: SettingValue? {
        if kind == .flag { return .flag(false) }
        guard let d = literalDefault else { return nil }
        switch kind {
        case .number, .integer: return Double(d).map(SettingValue.number)
        case .zones, .choice, .text: return .text(d)
        case .flag, .path, .object, .list, .record: return nil
        }
    }

    /// The setting's value in `request` (nil when unset and without a default).
    public func value(in request: PlanRequest) -> SettingValue? { read(request) }

    /// Sets the setting in `request`; throws a bad-input error naming the setting for a value
    /// of the wrong type or out of range.
    public func apply(_ value: SettingValue, to request: inout PlanRequest) throws(ShurakuError) {
        try check(value)
        try write(&request, value)
    }

    /// Whether `value` has this setting's type and lies in its range.
    public func check(_ value: SettingValue) throws(ShurakuError) {
        func bad(_ message: String) -> ShurakuError { .badInput(field: key, "\(SettingName.ref(key)) \(message)") }
        switch (kind, value) {
        case (.path, .text(let t)), (.text, .text(let t)):
            if kind == .path && t.isEmpty { throw bad("needs a file path") }
        case (.number(let range), .number(let d)):
            guard d.isFinite, range.contains(d) else {
                throw bad("\(PlanSetting.format(d)) is out of range (\(range.lowerBound)…\(range.upperBound))")
            }
        case (.integer(let range), .number(let d)):
            guard d == d.rounded(), d >= Double(range.lowerBound), d <= Double(range.upperBound) else {
                throw bad("\(PlanSetting.format(d)) is out of range (\(range.lowerBound)…\(range.upperBound))")
            }
        case (.flag, .flag): break
        case (.choice(let choices), .text(let t)):
            guard choices.contains(t) else { throw bad("'\(t)' is not one of \(choices.joined(separator: ", "))") }
        case (.zones, .text(let t)):
            guard ZoneCount(t) != nil else { throw bad("expected auto, fewest or a whole number ≥ 1, got '\(t)'") }
        case (.object, .object), (.list, .text), (.record, .text), (.record, .object): break
        default: throw bad("has a value of the wrong type")
        }
    }

    /// A number as help and keys print it (`%g`: 30, 22.5).
    public static func format(_ d: Double) -> String { String(format: "%g", d) }
}

/// Every setting of a plan, in help order.
public enum PlanSettings {
    static let inputs = "Inputs"
    static let fields = "Fields"
    static let travel = "Travel times"
    static let zones = "Zones"
    static let bus = "Bus loops"
    static let output = "Output"

    /// The setting with scenario key `key`.
    public static func setting(key: String) -> PlanSetting? { all.first { $0.key == key } }

    /// The effective value of every setting in `request` (defaults included), for `plan.json`.
    public static func parameters(of request: PlanRequest) -> [(key: String, value: SettingValue?)] {
        all.map { ($0.key, $0.read(request)) }
    }

    /// Applies `values` (scenario key → value) to `request`, collecting every problem; `file`
    /// (e.g. the scenario file) locates the problems that name no file of their own.
    public static func apply(_ values: [String: SettingValue], to request: inout PlanRequest, file: String = "")
        throws(ShurakuError)
    {
        var problems: [Problem] = []
        for key in values.keys.sorted() {
            guard let value = values[key] else { continue }
            guard let s = setting(key: key) else {
                problems.append(Problem(file: "", field: key, message: "unknown setting" + NameSuggestions.hint(key, in: all.map(\.key))))
                continue
            }
            do throws(ShurakuError) {
                try s.apply(value, to: &request)
            } catch {
                problems += error.problems.map { p in
                    var p = p
                    if p.file.isEmpty { p.file = file }
                    return p
                }
            }
        }
        guard problems.isEmpty else { throw ShurakuError.invalid(problems) }
    }

    // MARK: - Value conversions for the table

    static func text(_ v: SettingValue) -> String? {
        if case .text(let t) = v { return t }
        return nil
    }

    static func number(_ v: SettingValue) -> Double? {
        if case .number(let d) = v { return d }
        return nil
    }

    static func flag(_ v: SettingValue) -> Bool {
        if case .flag(let b) = v { return b }
        return false
    }

    static func whole(_ v: SettingValue) -> Int64 { Int64((number(v) ?? 0).rounded()) }

    /// Reads an optional text into a value.
    static func opt(_ t: String?) -> SettingValue? { t.map(SettingValue.text) }
    static func num(_ d: Double) -> SettingValue { .number(d) }
    static func num(_ i: Int64) -> SettingValue { .number(Double(i)) }

    // MARK: - The table

    /// Every setting, in help order.
    public static let all: [PlanSetting] =
        inputSettings + fieldSettings + travelSettings + zoneSettings + coreSettings + busSettings + serviceSettings + riskSettings
        + accessSettings + outputSettings

    static let inputSettings: [PlanSetting] = [
        PlanSetting(
            "settlements", .path, "SRC", "Settlements: points or polygons with population.", group: inputs,
            read: { .text($0.inputs.settlements) }, write: { r, v in r.inputs.settlements = text(v) ?? "" }),
        PlanSetting(
            "districts", .path, "SRC", "District polygons (小学校区, 旧町村, 地区…) that zones respect.", group: inputs,
            read: { opt($0.inputs.districts) }, write: { r, v in r.inputs.districts = text(v) }),
        PlanSetting(
            "roads", .path, "SRC", "Road lines (GeoJSON, GPKG, Shapefile, OSM PBF); straight lines when omitted.", group: inputs,
            read: { opt($0.inputs.roads) }, write: { r, v in r.inputs.roads = text(v) }),
        PlanSetting(
            "boundary", .path, "SRC", "Study-area outline that clips zone shapes.", group: inputs,
            read: { opt($0.inputs.boundary) }, write: { r, v in r.inputs.boundary = text(v) }),
        PlanSetting(
            "facilities", .path, "SRC", "Service points (schools, clinics, town hall, shops…): cores go where the services are.",
            group: inputs,
            read: { opt($0.inputs.facilities) }, write: { r, v in r.inputs.facilities = text(v) }),
        PlanSetting(
            "crs", .text, "EPSG:n", "Metric CRS for geometry work (e.g. EPSG:6675, a 平面直角座標系 zone).", note: "JGD2011 UTM zone of the data",
            group: inputs,
            read: { opt($0.inputs.crs) }, write: { r, v in r.inputs.crs = text(v) }),
        PlanSetting(
            "sourceCrs", .text, "EPSG:n", "CRS of inputs that declare none.", group: inputs,
            read: { opt($0.inputs.sourceCRS) }, write: { r, v in r.inputs.sourceCRS = text(v) }),
        PlanSetting(
            "encoding", .text, "ENC", "Text encoding of Shapefile/CSV inputs (e.g. CP932).", note: "detected", group: inputs,
            read: { opt($0.inputs.encoding) }, write: { r, v in r.inputs.encoding = text(v) }),
        PlanSetting(
            "missingPopulationZero", .flag, "", "Count a missing population as 0 (with a warning) instead of failing.", group: inputs,
            read: { .flag($0.inputs.missingPopulationAsZero) }, write: { r, v in r.inputs.missingPopulationAsZero = flag(v) }),
    ]

    static let fieldSettings: [PlanSetting] = [
        PlanSetting(
            "populationField", .text, "FIELD", "Population field.", note: "detected: JINKO, 人口, population, pop", group: fields,
            read: { opt($0.fields.population) }, write: { r, v in r.fields.population = text(v) }),
        PlanSetting(
            "idField", .text, "FIELD", "Settlement id field.", note: "detected: KEY_CODE, id", group: fields,
            read: { opt($0.fields.id) }, write: { r, v in r.fields.id = text(v) }),
        PlanSetting(
            "nameField", .text, "FIELD", "Settlement name field.", note: "detected: S_NAME, MOJI, name, 名称", group: fields,
            read: { opt($0.fields.name) }, write: { r, v in r.fields.name = text(v) }),
        PlanSetting(
            "coreField", .text, "FIELD", "Field whose truthy values mark designated cores (always cores).", group: fields,
            read: { opt($0.fields.core) }, write: { r, v in r.fields.core = text(v) }),
        PlanSetting(
            "coreCandidatesField", .text, "FIELD", "Field whose truthy values mark the settlements the solver may choose as cores.",
            note: "all", group: fields,
            read: { opt($0.fields.coreCandidates) }, write: { r, v in r.fields.coreCandidates = text(v) }),
        PlanSetting(
            "districtField", .text, "FIELD", "Name field of the district polygons.", note: "detected: 地区名, name, 名称", group: fields,
            read: { opt($0.fields.district) }, write: { r, v in r.fields.district = text(v) }),
        PlanSetting(
            "facilityKindField", .text, "FIELD", "Kind field of the facilities.",
            note: "detected: kind, KSJ P04/P29/P30/P05 codes, OSM tags", group: fields,
            read: { opt($0.fields.facilityKind) }, write: { r, v in r.fields.facilityKind = text(v) }),
        PlanSetting(
            "groupBy", .text, "FIELD", "Plan each value of this settlement field (e.g. a municipality code) separately.", group: fields,
            read: { opt($0.fields.groupBy) }, write: { r, v in r.fields.groupBy = text(v) }),
        PlanSetting(
            "filter", .text, "FIELD=V1,V2", "Keep only the settlements whose FIELD is one of the values (e.g. pref_code=34).",
            group: fields,
            read: { $0.fields.filter.map { .text($0.description) } },
            write: { r, v throws(ShurakuError) in
                let t = text(v) ?? ""
                guard let f = SettlementFilter(t) else {
                    throw .badInput(field: "filter", "«filter»: expected FIELD=VALUE[,VALUE…], got '\(t)'")
                }
                r.fields.filter = f
            }),
    ]

    static let travelSettings: [PlanSetting] = [
        PlanSetting(
            "maxTravelMin", .number(0.1...600), "MIN", "Longest travel time from a settlement to its core.", default: "30", group: travel,
            read: { num($0.travel.maxMinutes) }, write: { r, v in r.travel.maxMinutes = number(v) ?? 30 }),
        PlanSetting(
            "maxTravelKm", .number(0.01...1000), "KM", "Longest road distance from a settlement to its core.", group: travel,
            read: { $0.travel.maxKilometres.map(num) }, write: { r, v in r.travel.maxKilometres = number(v) }),
        PlanSetting(
            "detour", .number(1...5), "FACTOR", "Without roads: straight-line distance × this factor.", default: "1.3", group: travel,
            read: { num($0.travel.detour) }, write: { r, v in r.travel.detour = number(v) ?? 1.3 }),
        PlanSetting(
            "speedKmh", .number(1...200), "KMH", "Without roads: travel speed.", default: "40", group: travel,
            read: { num($0.travel.speedKmh) }, write: { r, v in r.travel.speedKmh = number(v) ?? 40 }),
        PlanSetting(
            "speedTable", .path, "FILE.json", "Road speeds per class (JSON), replacing the defaults.", group: travel,
            read: { opt($0.inputs.speedTable) }, write: { r, v in r.inputs.speedTable = text(v) }),
        PlanSetting(
            "snapTolerance", .number(0...1000), "M", "Join road ends this close that do not share a vertex.", default: "1", group: travel,
            read: { num($0.travel.snapToleranceMeters) }, write: { r, v in r.travel.snapToleranceMeters = number(v) ?? 1 }),
        PlanSetting(
            "junctions", .choice(JunctionRule.allCases.map(\.rawValue)), "vertices|crossings",
            "Where roads meet: at shared vertices only, or also where two lines cross (not at bridges, tunnels or other OSM layers).",
            default: "vertices", group: travel,
            read: { .text($0.travel.junctions.rawValue) },
            write: { r, v in r.travel.junctions = text(v).flatMap(JunctionRule.init(rawValue:)) ?? .vertices }),
        PlanSetting(
            "gapReportM", .number(0...1000), "M", "Report road ends this close to another road that the snap tolerance does not join.",
            default: "25", group: travel,
            read: { num($0.travel.gapReportMeters) }, write: { r, v in r.travel.gapReportMeters = number(v) ?? 25 }),
        PlanSetting(
            "connectorSpeedKmh", .number(1...200), "KMH", "Speed on the link from a settlement to its nearest road.", default: "20",
            group: travel,
            read: { num($0.travel.connectorSpeedKmh) }, write: { r, v in r.travel.connectorSpeedKmh = number(v) ?? 20 }),
        PlanSetting(
            "maxConnectorM", .number(1...100_000), "M", "A settlement farther than this from every road is off the network.",
            default: "2000", group: travel,
            read: { num($0.travel.maxConnectorMeters) }, write: { r, v in r.travel.maxConnectorMeters = number(v) ?? 2000 }),
    ]

    static let zoneSettings: [PlanSetting] = [
        PlanSetting(
            "zones", .zones, "auto|fewest|N",
            "auto: the most zones that meet the rules, cores where the services are; fewest: the fewest zones that serve everyone reachable; N: exactly N.",
            default: "auto", group: zones,
            read: { .text($0.zoning.zones.description) }, write: { r, v in r.zoning.zones = ZoneCount(text(v) ?? "") ?? .auto }),
        PlanSetting(
            "minZonePop", .number(0...1e9), "N",
            "Smallest zone population: a size that can carry a shop and a salon. Set it for your area.", default: "1000", group: zones,
            read: { num($0.zoning.minZonePopulation) }, write: { r, v in r.zoning.minZonePopulation = whole(v) }),
        PlanSetting(
            "maxZonePop", .number(1...1e9), "N", "Largest zone population.", group: zones,
            read: { $0.zoning.maxZonePopulation.map(num) }, write: { r, v in r.zoning.maxZonePopulation = whole(v) }),
        PlanSetting(
            "districtMode", .choice(DistrictMode.allCases.map(\.rawValue)), "within|whole|ignore",
            "within: no zone spans two districts; whole: zones are unions of whole districts; ignore.", note: "within with «districts»",
            group: zones,
            read: { .text($0.effectiveDistrictMode.rawValue) },
            write: { r, v in r.zoning.districtMode = text(v).flatMap(DistrictMode.init(rawValue:)) }),
        PlanSetting(
            "districtTolerance", .number(0...10_000), "M", "A settlement this close outside every district joins the nearest one.",
            default: "200", group: zones,
            read: { num($0.zoning.districtToleranceMeters) }, write: { r, v in r.zoning.districtToleranceMeters = number(v) ?? 200 }),
        PlanSetting(
            "seed", .integer(0...Int.max), "N", "Seed of every random choice: same inputs and seed, same plan.", default: "1", group: zones,
            read: { .number(Double($0.zoning.seed)) }, write: { r, v in r.zoning.seed = UInt64(max(0, number(v) ?? 1)) }),
    ]

    static let cores = "Cores"

    static let coreSettings: [PlanSetting] = [
        PlanSetting(
            "coreScore", .choice(CoreScoreMode.allCases.map(\.rawValue)), "auto|population|none",
            "What makes a core: auto = services within the radius (with facilities), else people within it; none = travel time only.",
            default: "auto", group: cores,
            read: { .text($0.cores.score.rawValue) },
            write: { r, v in r.cores.score = text(v).flatMap(CoreScoreMode.init(rawValue:)) ?? .auto }),
        PlanSetting(
            "coreRadiusM", .number(0...20_000), "M", "Walking radius around a settlement in which services and people count.",
            default: "1000", group: cores,
            read: { num($0.cores.radiusMeters) }, write: { r, v in r.cores.radiusMeters = number(v) ?? CoreScoring.defaultRadiusMeters }),
        PlanSetting(
            "facilityExclude", .text, "FIELD=V1,V2", "Leave out facilities not open to the public (e.g. subkind=institutional_clinic).",
            group: cores,
            read: { $0.cores.exclude.map { .text($0.description) } },
            write: { r, v throws(ShurakuError) in
                let t = text(v) ?? ""
                guard let e = FacilityExclusion(parsing: t) else {
                    throw .badInput(field: "facilityExclude", "«facilityExclude»: expected FIELD=VALUE[,VALUE…], got '\(t)'")
                }
                r.cores.exclude = e
            }),
        PlanSetting(
            "facilityWeights", .object, "", "Weight of each facility kind in the core score, e.g. {\"townhall\": 3} (scenario file only).",
            group: cores,
            read: { $0.cores.weightsJSON.map(SettingValue.object) },
            write: { r, v throws(ShurakuError) in
                guard case .object(let data) = v else { return }
                let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
                var weights: [String: Int] = [:]
                var problems: [Problem] = []
                for (k, raw) in object {
                    if let n = raw as? NSNumber, String(cString: n.objCType) != "c", n.doubleValue == n.doubleValue.rounded() {
                        weights[k] = n.intValue
                    } else {
                        problems.append(Problem(file: "", field: "facilityWeights.\(k)", message: "expected a whole number"))
                    }
                }
                do throws(ShurakuError) {
                    r.cores.weights = try FacilityWeights(overriding: weights)
                } catch {
                    problems += error.problems
                }
                guard problems.isEmpty else { throw .invalid(problems) }
                r.cores.weightsJSON = data
            }),
    ]

    static let busSettings: [PlanSetting] = [
        PlanSetting(
            "busMaxLoopMin", .number(1...1440), "MIN", "Longest bus loop, dwell times included; longer zones get several loops.",
            default: "60", group: bus,
            read: { num($0.bus.maxLoopMinutes) }, write: { r, v in r.bus.maxLoopMinutes = number(v) ?? 60 }),
        PlanSetting(
            "busDwellMin", .number(0...120), "MIN", "Dwell time at each stop.", default: "1", group: bus,
            read: { num($0.bus.dwellMinutes) }, write: { r, v in r.bus.dwellMinutes = number(v) ?? 1 }),
        PlanSetting(
            "busMaxRideMin", .number(1...1440), "MIN",
            "Longest ride of any passenger, dwell times included: stop to core on the rest of the loop, and core to stop on the loop run in reverse.",
            group: bus,
            read: { $0.bus.maxRideMinutes.map { .number($0) } }, write: { r, v in r.bus.maxRideMinutes = number(v) }),
        PlanSetting(
            "busMinStopPop", .number(0...1e9), "N", "Only settlements with at least this many people get a stop.", default: "1", group: bus,
            read: { num($0.bus.minStopPopulation) }, write: { r, v in r.bus.minStopPopulation = whole(v) }),
        PlanSetting(
            "busCapacity", .number(1...1e6), "N", "Vehicle capacity in riders per loop (with «busTripRate»).", group: bus,
            read: { $0.bus.capacity.map { .number(Double($0)) } }, write: { r, v in r.bus.capacity = number(v).map { Int($0) } }),
        PlanSetting(
            "busTripRate", .number(0...10), "RATE", "Daily riders per resident, for the capacitated loops.", default: "0.02", group: bus,
            read: { num($0.bus.tripRate) }, write: { r, v in r.bus.tripRate = number(v) ?? 0.02 }),
        PlanSetting(
            "funding", .object, "", "Grant policy: which zones use specialist staff and ICT (scenario file only).", group: zones,
            read: { $0.funding.json.map(SettingValue.object) },
            write: { r, v throws(ShurakuError) in
                guard case .object(let data) = v else { return }
                do {
                    r.funding.policy = try GrantPolicy.decode(from: data)
                } catch {
                    throw .badInput(field: "funding", "\(error)")
                }
                r.funding.json = data
            }),
    ]

    static let outputSettings: [PlanSetting] = [
        PlanSetting(
            "labelFont", .text, "FAMILY", "Font family of the QGIS labels.", default: "Noto Sans CJK JP", group: output,
            read: { .text($0.output.labelFont) }, write: { r, v in r.output.labelFont = text(v) ?? "Noto Sans CJK JP" }),
        PlanSetting(
            "force", .flag, "", "Write into a non-empty folder that is not an earlier plan's.", group: output,
            read: { .flag($0.output.force) }, write: { r, v in r.output.force = flag(v) }),
    ]
}
