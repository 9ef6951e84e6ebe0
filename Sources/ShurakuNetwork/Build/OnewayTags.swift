/// Direction rules from OSM tags.
enum OnewayTags {
    /// `oneway` (yes/true/1 → forward, -1/reverse → backward, no/false/0 → both), roundabouts
    /// (`junction=roundabout|circular`) and `highway=motorway` imply forward unless `oneway` says
    /// otherwise. `reversible`/`alternating` are treated as both (time-dependent).
    static func direction(_ p: [String: String]) -> TravelDirection {
        if let o = p["oneway"]?.trimmingCharacters(in: .whitespaces).lowercased(), !o.isEmpty {
            switch o {
            case "yes", "true", "1": return .forward
            case "-1", "reverse": return .backward
            case "no", "false", "0", "reversible", "alternating": return .both
            default: break
            }
        }
        if let j = p["junction"]?.lowercased(), j == "roundabout" || j == "circular" { return .forward }
        if p["highway"] == "motorway" { return .forward }
        return .both
    }
}
