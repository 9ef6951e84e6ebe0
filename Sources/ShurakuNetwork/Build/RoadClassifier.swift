/// How one line is driven: its speed and direction, or why it is skipped.
struct LineRule: Hashable {
    enum Kind: Hashable {
        case road
        /// Class in the table's `excluded` set (footway, path, …).
        case excludedClass
        /// No class, in data where other lines carry OSM `highway`: a river, railway, power line…
        case notARoad
        /// A road whose OSM access tags close it to cars (``AccessTags``).
        case closedToCars
    }
    var kind: Kind
    var speedKmh: Double
    var direction: TravelDirection
    /// The raw class value, when the class was not found in the table.
    var unknownClass: String?
    /// Whether `maxspeed` set the speed.
    var usedMaxspeed: Bool
}

/// Turns line attributes into a ``LineRule`` using a ``SpeedTable``.
struct RoadClassifier {
    let table: SpeedTable
    /// True when the input is OSM-like (some line has `highway`): lines without a class are then
    /// other features (waterways, railways, …) and are skipped.
    let osmLike: Bool

    init(table: SpeedTable, lines: [RoadLine]) {
        self.table = table
        self.osmLike = lines.contains { !($0.properties["highway"] ?? "").isEmpty }
    }

    func rule(for p: [String: String]) -> LineRule {
        let direction = OnewayTags.direction(p)
        var raw: (field: String, value: String)?
        for f in table.classFields {
            if let v = p[f]?.trimmingCharacters(in: .whitespaces), !v.isEmpty {
                raw = (f, v)
                break
            }
        }
        guard let raw else {
            if osmLike {
                return LineRule(kind: .notARoad, speedKmh: 0, direction: direction, unknownClass: nil, usedMaxspeed: false)
            }
            return withMaxspeed(
                p,
                LineRule(
                    kind: .road, speedKmh: table.defaultKmh, direction: direction,
                    unknownClass: "(none)", usedMaxspeed: false))
        }
        let name = table.className(field: raw.field, value: raw.value)
        if let name, table.excluded.contains(name) {
            return LineRule(kind: .excludedClass, speedKmh: 0, direction: direction, unknownClass: nil, usedMaxspeed: false)
        }
        if !AccessTags.openToCars(p) {
            return LineRule(kind: .closedToCars, speedKmh: 0, direction: direction, unknownClass: nil, usedMaxspeed: false)
        }
        if let name, let kmh = table.speedsKmh[name] {
            return withMaxspeed(
                p,
                LineRule(
                    kind: .road, speedKmh: kmh, direction: direction, unknownClass: nil,
                    usedMaxspeed: false))
        }
        return withMaxspeed(
            p,
            LineRule(
                kind: .road, speedKmh: table.defaultKmh, direction: direction,
                unknownClass: raw.value, usedMaxspeed: false))
    }

    private func withMaxspeed(_ p: [String: String], _ r: LineRule) -> LineRule {
        guard let s = p["maxspeed"], let limit = Maxspeed.kmh(s) else { return r }
        var r = r
        r.speedKmh = max(1, limit * table.maxspeedFactor)
        r.usedMaxspeed = true
        return r
    }
}
