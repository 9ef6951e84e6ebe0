/// Names close to a misspelt one, for "did you mean" hints: one shared mechanism for command-line
/// options, scenario keys, speed-table keys and funding keys.
public enum NameSuggestions {
    /// Names close to `name`: within a small edit distance (case-insensitive), or one a prefix of
    /// the other ("maxTravelMinutes" → "maxTravelMin"). Sorted.
    public static func near(_ name: String, in names: [String]) -> [String] {
        let n = name.lowercased()
        return names.filter { candidate in
            let c = candidate.lowercased()
            let prefix = min(c.count, n.count) >= 5 && (c.hasPrefix(n) || n.hasPrefix(c))
            return prefix || editDistance(c, n) <= max(2, min(c.count, n.count) / 5)
        }.sorted()
    }

    /// " (did you mean a or b?)", or "" when nothing is close.
    public static func hint(_ name: String, in names: [String]) -> String {
        let near = near(name, in: names)
        return near.isEmpty ? "" : " (did you mean \(near.joined(separator: " or "))?)"
    }

    /// Levenshtein distance over Unicode scalars.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count)
        var cur = prev
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }
}

/// The keys of a JSON object checked against the keys its format defines: the one check behind
/// scenario files, speed tables and funding settings.
public struct UnknownKeys: Sendable, Hashable {
    /// The keys not in `known`, sorted.
    public let unknown: [String]
    /// The keys the format defines.
    public let known: [String]

    /// Checks `given` against `known`.
    public init(given: some Sequence<String>, known: [String]) {
        let set = Set(known)
        self.unknown = given.filter { !set.contains($0) }.sorted()
        self.known = known
    }

    public var isEmpty: Bool { unknown.isEmpty }

    /// The "did you mean" hint for one unknown key ("" when nothing is close).
    public func hint(_ key: String) -> String { NameSuggestions.hint(key, in: known) }
}
