/// Parsing of OSM `maxspeed` values.
enum Maxspeed {
    /// The speed limit in km/h, or nil when the value carries no usable number
    /// (`none`, `signals`, `variable`, empty, garbage).
    ///
    /// Understood: `50`, `50 km/h`, `50kmh`, `50 kph`, `30 mph`, `10 knots`, lists such as
    /// `50;30` (the lowest wins), and zone codes `XX:urban` (50), `XX:rural` (80),
    /// `XX:motorway` (100), `XX:trunk` (80), `XX:living_street` (10), `XX:zone30` (30),
    /// `JP:nsl` / `JP:national` (60), and `walk` (6).
    static func kmh(_ raw: String) -> Double? {
        var best: Double?
        for part in raw.split(separator: ";") {
            if let v = single(part.trimmingCharacters(in: .whitespaces).lowercased()), v > 0, v <= 300 {
                best = min(best ?? v, v)
            }
        }
        return best
    }

    private static func single(_ s: String) -> Double? {
        if s.isEmpty { return nil }
        if s == "walk" { return 6 }
        if let colon = s.firstIndex(of: ":") {
            let zone = s[s.index(after: colon)...]
            switch zone {
            case "urban": return 50
            case "rural": return 80
            case "motorway": return 100
            case "trunk": return 80
            case "living_street": return 10
            case "nsl", "national": return 60
            default:
                if zone.hasPrefix("zone"), let v = Double(zone.dropFirst(4)) { return v }
                return nil
            }
        }
        // number followed by an optional unit
        var digits = ""
        var rest = Substring(s)
        while let c = rest.first, c.isNumber || c == "." {
            digits.append(c)
            rest = rest.dropFirst()
        }
        guard let v = Double(digits), v.isFinite else { return nil }
        switch rest.trimmingCharacters(in: .whitespaces) {
        case "", "km/h", "kmh", "kph", "km": return v
        case "mph": return v * 1.609344
        case "knots", "kn": return v * 1.852
        default: return nil
        }
    }
}
