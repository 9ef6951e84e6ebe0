/// Every setting of `shuraku plan`, declared once: its command-line flag, its scenario-file key
/// (camelCase), its type and its help. The option table, the scenario reader and `plan.json`
/// all derive from this list, so a flag and its scenario key can never drift apart.
struct PlanSetting: Sendable {
    enum Kind: Sendable, Equatable {
        /// A file path (relative to the scenario file when given there).
        case path
        case text
        case number(ClosedRange<Double>)
        case integer(ClosedRange<Int>)
        case flag
        case choice([String])
        /// `auto` or a positive whole number.
        case zones
        /// A JSON object, scenario files only (e.g. the grant policy).
        case object
    }

    let key: String
    let flag: String
    let kind: Kind
    let placeholder: String
    let help: String
    let defaultText: String?
    let group: String

    /// A literal default; `note` describes a default that is not a literal ("detected: …").
    let literalDefault: String?

    init(
        _ key: String, _ flag: String, _ kind: Kind, _ placeholder: String, _ help: String, default d: String? = nil,
        note: String? = nil, group: String
    ) {
        self.key = key
        self.flag = flag
        self.kind = kind
        self.placeholder = placeholder
        self.help = help
        self.defaultText = d ?? note
        self.literalDefault = d
        self.group = group
    }

    /// The literal default as a value.
    var defaultValue: SettingValue? {
        if kind == .flag { return .flag(false) }
        guard let d = literalDefault else { return nil }
        switch kind {
        case .number, .integer: return Double(d).map(SettingValue.number)
        case .zones, .choice, .text: return .text(d)
        case .flag, .path, .object: return nil
        }
    }

    var option: OptionSpec? {
        kind == .object ? nil : OptionSpec(flag, kind == .flag ? nil : placeholder, help, default: defaultText, key: key, group: group)
    }
}

enum PlanSettings {
    static let inputs = "Inputs"
    static let fields = "Fields"
    static let travel = "Travel times"
    static let zones = "Zones"
    static let bus = "Bus loops"
    static let output = "Output"

    static let all: [PlanSetting] = [
        PlanSetting("settlements", "--settlements", .path, "SRC", "Settlements: points or polygons with population.", group: inputs),
        PlanSetting("districts", "--districts", .path, "SRC", "District polygons (小学校区, 旧町村, 地区…) that zones respect.", group: inputs),
        PlanSetting("roads", "--roads", .path, "SRC", "Road lines (GeoJSON, GPKG, Shapefile, OSM PBF); straight lines when omitted.", group: inputs),
        PlanSetting("boundary", "--boundary", .path, "SRC", "Study-area outline that clips zone shapes.", group: inputs),
        PlanSetting("crs", "--crs", .text, "EPSG:n", "Metric CRS for geometry work (e.g. EPSG:6675, a 平面直角座標系 zone).", note: "JGD2011 UTM zone of the data", group: inputs),
        PlanSetting("sourceCrs", "--source-crs", .text, "EPSG:n", "CRS of inputs that declare none.", group: inputs),
        PlanSetting("encoding", "--encoding", .text, "ENC", "Text encoding of Shapefile/CSV inputs (e.g. CP932).", note: "detected", group: inputs),
        PlanSetting("missingPopulationZero", "--missing-population-zero", .flag, "", "Count a missing population as 0 (with a warning) instead of failing.", group: inputs),

        PlanSetting("populationField", "--population-field", .text, "FIELD", "Population field.", note: "detected: JINKO, 人口, population, pop", group: fields),
        PlanSetting("idField", "--id-field", .text, "FIELD", "Settlement id field.", note: "detected: KEY_CODE, id", group: fields),
        PlanSetting("nameField", "--name-field", .text, "FIELD", "Settlement name field.", note: "detected: S_NAME, MOJI, name, 名称", group: fields),
        PlanSetting("coreField", "--core-field", .text, "FIELD", "Field whose truthy values mark designated cores (always cores).", group: fields),
        PlanSetting("coreCandidatesField", "--core-candidates-field", .text, "FIELD", "Field whose truthy values mark the settlements the solver may choose as cores.", note: "all", group: fields),
        PlanSetting("districtField", "--district-field", .text, "FIELD", "Name field of the district polygons.", note: "detected: 地区名, name, 名称", group: fields),
        PlanSetting("groupBy", "--group-by", .text, "FIELD", "Plan each value of this settlement field (e.g. a municipality code) separately.", group: fields),
        PlanSetting("filter", "--filter", .text, "FIELD=V1,V2", "Keep only the settlements whose FIELD is one of the values (e.g. pref_code=34).", group: fields),

        PlanSetting("maxTravelMin", "--max-travel-min", .number(0.1...600), "MIN", "Longest travel time from a settlement to its core.", default: "30", group: travel),
        PlanSetting("maxTravelKm", "--max-travel-km", .number(0.01...1000), "KM", "Longest road distance from a settlement to its core.", group: travel),
        PlanSetting("detour", "--detour", .number(1...5), "FACTOR", "Without roads: straight-line distance × this factor.", default: "1.3", group: travel),
        PlanSetting("speedKmh", "--speed-kmh", .number(1...200), "KMH", "Without roads: travel speed.", default: "40", group: travel),
        PlanSetting("speedTable", "--speed-table", .path, "FILE.json", "Road speeds per class (JSON), replacing the defaults.", group: travel),
        PlanSetting("snapTolerance", "--snap-tolerance", .number(0...1000), "M", "Join road ends this close that do not share a vertex.", default: "1", group: travel),
        PlanSetting("connectorSpeedKmh", "--connector-speed-kmh", .number(1...200), "KMH", "Speed on the link from a settlement to its nearest road.", default: "20", group: travel),
        PlanSetting("maxConnectorM", "--max-connector-m", .number(1...100_000), "M", "A settlement farther than this from every road is off the network.", default: "2000", group: travel),

        PlanSetting("zones", "--zones", .zones, "N|auto", "Number of zones, or auto: the fewest that serve everyone reachable.", default: "auto", group: zones),
        PlanSetting("minZonePop", "--min-zone-pop", .number(0...1e9), "N", "Smallest zone population.", default: "0", group: zones),
        PlanSetting("maxZonePop", "--max-zone-pop", .number(1...1e9), "N", "Largest zone population.", group: zones),
        PlanSetting("districtMode", "--district-mode", .choice(["within", "whole", "ignore"]), "within|whole|ignore", "within: no zone spans two districts; whole: zones are unions of whole districts; ignore.", note: "within with --districts", group: zones),
        PlanSetting("districtTolerance", "--district-tolerance", .number(0...10_000), "M", "A settlement this close outside every district joins the nearest one.", default: "200", group: zones),
        PlanSetting("seed", "--seed", .integer(0...Int.max), "N", "Seed of every random choice: same inputs and seed, same plan.", default: "1", group: zones),

        PlanSetting("busMaxLoopMin", "--bus-max-loop-min", .number(1...1440), "MIN", "Longest bus loop, dwell times included; longer zones get several loops.", default: "60", group: bus),
        PlanSetting("busDwellMin", "--bus-dwell-min", .number(0...120), "MIN", "Dwell time at each stop.", default: "1", group: bus),
        PlanSetting("busMinStopPop", "--bus-min-stop-pop", .number(0...1e9), "N", "Only settlements with at least this many people get a stop.", default: "1", group: bus),
        PlanSetting("busCapacity", "--bus-capacity", .number(1...1e6), "N", "Vehicle capacity in riders per loop (with --bus-trip-rate).", group: bus),
        PlanSetting("busTripRate", "--bus-trip-rate", .number(0...10), "RATE", "Daily riders per resident, for the capacitated loops.", default: "0.02", group: bus),
        PlanSetting("funding", "", .object, "", "Grant policy: which zones use specialist staff and ICT (scenario file only).", group: zones),

        PlanSetting("labelFont", "--label-font", .text, "FAMILY", "Font family of the QGIS labels.", default: "Noto Sans CJK JP", group: output),
        PlanSetting("force", "--force", .flag, "", "Write into a non-empty folder that is not an earlier plan's.", group: output),
    ]

    static func setting(key: String) -> PlanSetting? { all.first { $0.key == key } }
    static func setting(flag: String) -> PlanSetting? { all.first { $0.flag == flag } }
}
