/// Whether two crossing lines are at different levels, from OSM tags.
///
/// A crossing is a grade separation when either line has `bridge` or `tunnel` (any value but
/// `no`), or when their `layer` values differ (missing, empty or unreadable counts as 0).
public enum GradeSeparation {
    /// The tags read.
    public static let keys = ["bridge", "tunnel", "layer"]

    /// One line's level: whether it is a bridge or tunnel, and its layer.
    struct Level: Hashable {
        var bridgeOrTunnel: Bool
        var layer: Int

        init(_ p: [String: String]) {
            func set(_ key: String) -> Bool {
                guard let v = p[key]?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
                return !v.isEmpty && v != "no"
            }
            bridgeOrTunnel = set("bridge") || set("tunnel")
            let raw = p["layer"]?.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
            layer = Int(raw.trimmingCharacters(in: .whitespaces)) ?? 0
        }
    }

    /// Whether lines tagged `a` and `b` cross at different levels.
    public static func separates(_ a: [String: String], _ b: [String: String]) -> Bool {
        separates(Level(a), Level(b))
    }

    static func separates(_ a: Level, _ b: Level) -> Bool {
        a.bridgeOrTunnel || b.bridgeOrTunnel || a.layer != b.layer
    }
}
