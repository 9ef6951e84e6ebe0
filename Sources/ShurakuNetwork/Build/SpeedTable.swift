/// Speeds per road class, in km/h, and the rules that turn a line's attributes into a class.
///
/// Lookup for one line: the first non-empty value among ``classFields`` (in order) is the
/// raw class. It is resolved through ``aliases`` (first `"field=value"`, then `"value"`), then
/// looked up in ``speedsKmh``; failing that, Japanese names are recognised by pattern
/// (…国道, …県道/府道/都道/道道, …市道/町道/村道, 林道/農道, 高速…). A class in ``excluded`` is not a
/// road for cars (footway, path, …) and the line is skipped. Anything else is *unknown*: it gets
/// ``defaultKmh`` and is counted in the build report. Where a line has a parsable OSM
/// `maxspeed`, its speed is `maxspeed × maxspeedFactor` instead.
///
/// The defaults are free-flow travel speeds for rural Japan, not legal limits: 高速自動車国道 80,
/// 国道 50, 都道府県道 40, 市区町村道 30, 林道/農道 20; OSM motorway 80 … residential 25,
/// service 15, track 10. See ``SpeedTable/standard``.
public struct SpeedTable: Hashable, Sendable {
    /// Speed per class name, km/h.
    public var speedsKmh: [String: Double]
    /// Raw attribute value (or `"field=value"`) → class name in ``speedsKmh``.
    public var aliases: [String: String]
    /// Classes that are not roads for cars; such lines are skipped (and counted).
    public var excluded: Set<String>
    /// Attribute names searched for the class, first non-empty wins.
    public var classFields: [String]
    /// Speed of a line whose class is missing or unknown, km/h.
    public var defaultKmh: Double
    /// Share of an OSM `maxspeed` used as travel speed (free-flow speed is below the limit).
    public var maxspeedFactor: Double

    public init(
        speedsKmh: [String: Double], aliases: [String: String] = [:], excluded: Set<String> = [],
        classFields: [String], defaultKmh: Double, maxspeedFactor: Double = 0.8
    ) {
        self.speedsKmh = speedsKmh
        self.aliases = aliases
        self.excluded = excluded
        self.classFields = classFields
        self.defaultKmh = defaultKmh
        self.maxspeedFactor = maxspeedFactor
    }

    /// The highest speed any line can get from this table (class speeds and the default), km/h.
    /// Lines with `maxspeed` may exceed it: the built graph reports its real maximum.
    public var fastestKmh: Double { max(defaultKmh, speedsKmh.values.max() ?? 0) }

    /// Default table: Japanese road classes (KSJ A37/N01, GSI 道路中心線 `rdCtg`, free text) and
    /// OSM `highway` values.
    public static let standard = SpeedTable(
        speedsKmh: [
            // Japanese classes (道路法の種類), rural free-flow speeds.
            "高速自動車国道": 80, "国道": 50, "都道府県道": 40, "市区町村道": 30, "林道": 20,
            // OSM highway=*
            "motorway": 80, "motorway_link": 45, "trunk": 60, "trunk_link": 40,
            "primary": 50, "primary_link": 35, "secondary": 45, "secondary_link": 30,
            "tertiary": 40, "tertiary_link": 25, "unclassified": 30, "residential": 25,
            "living_street": 10, "service": 15, "track": 10, "road": 25, "busway": 30,
        ],
        aliases: [
            "一般国道": "国道", "高速道路": "高速自動車国道", "高速自動車国道等": "高速自動車国道",
            "主要地方道": "都道府県道", "一般都道府県道": "都道府県道", "市区町村道等": "市区町村道",
            "市町村道": "市区町村道", "農道": "林道",
            // KSJ N01 道路種別コード (1 高速自動車国道, 2 一般国道, 3 主要地方道(都道府県道),
            // 4 主要地方道(指定市道), 5 一般都道府県道, 6 指定市の一般市道).
            "N01_001=1": "高速自動車国道", "N01_001=2": "国道", "N01_001=3": "都道府県道",
            "N01_001=4": "都道府県道", "N01_001=5": "都道府県道", "N01_001=6": "市区町村道",
        ],
        excluded: [
            "footway", "path", "cycleway", "steps", "pedestrian", "bridleway", "corridor",
            "construction", "proposed", "platform", "elevator", "bus_stop", "via_ferrata",
            "abandoned", "disused", "razed", "raceway", "rest_area", "services", "escape", "planned",
        ],
        classFields: ["highway", "road_class", "rdCtg", "A37_100002", "A37_000003", "道路種別", "N01_001"],
        defaultKmh: 30,
        maxspeedFactor: 0.8
    )

    /// Resolve a raw attribute value of `field` to a class name (or nil when unknown).
    func className(field: String, value: String) -> String? {
        if let a = aliases[field + "=" + value] { return a }
        if let a = aliases[value] { return a }
        if speedsKmh[value] != nil || excluded.contains(value) { return value }
        return JapaneseRoadClass.recognise(value)
    }
}

/// Pattern rules for Japanese road-class text that no table lists exactly (e.g. 石川県道, 輪島市道).
enum JapaneseRoadClass {
    static func recognise(_ s: String) -> String? {
        if s.contains("高速") || s.contains("自動車専用") { return "高速自動車国道" }
        if s.contains("国道") { return "国道" }
        if s.contains("主要地方道") || s.hasSuffix("県道") || s.hasSuffix("府道") || s.hasSuffix("都道")
            || s.hasSuffix("道道") || s.contains("都道府県道")
        {
            return "都道府県道"
        }
        if s.contains("市区町村道") || s.hasSuffix("市道") || s.hasSuffix("町道") || s.hasSuffix("村道")
            || s.hasSuffix("区道")
        {
            return "市区町村道"
        }
        if s.contains("林道") || s.contains("農道") { return "林道" }
        return nil
    }
}
