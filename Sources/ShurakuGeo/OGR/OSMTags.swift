/// Parses OGR's OSM `other_tags` text: `"key"=>"value","key2"=>"value 2"` (hstore syntax, with
/// backslash escapes). Malformed text yields the pairs read before the problem.
public enum OSMTags {
    /// The key/value pairs of an `other_tags` text, in order.
    public static func parse(_ text: String) -> [(String, String)] {
        var result: [(String, String)] = []
        var it = Array(text.unicodeScalars)[...]

        func quoted() -> String? {
            guard it.first == "\"" else { return nil }
            it.removeFirst()
            var s = String.UnicodeScalarView()
            while let c = it.first {
                it.removeFirst()
                if c == "\\" {
                    guard let n = it.first else { return nil }
                    it.removeFirst()
                    s.append(n)
                } else if c == "\"" {
                    return String(s)
                } else {
                    s.append(c)
                }
            }
            return nil
        }

        while !it.isEmpty {
            while let c = it.first, c == "," || c == " " { it.removeFirst() }
            if it.isEmpty { break }
            guard let key = quoted() else { break }
            guard it.first == "=" else { break }
            it.removeFirst()
            guard it.first == ">" else { break }
            it.removeFirst()
            guard let value = quoted() else { break }
            result.append((key, value))
        }
        return result
    }
}
