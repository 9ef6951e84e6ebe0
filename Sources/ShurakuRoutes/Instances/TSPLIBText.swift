/// The raw content of a TSPLIB-style file (`.tsp`, `.vrp`): header fields and the numeric
/// sections, read from any bytes without trapping.
///
/// Header lines are `KEY : VALUE` (spacing and tabs free, Windows line ends accepted). Section
/// data is whitespace-separated numbers up to the next keyword line or `EOF`.
struct TSPLIBText {
    /// Upper bound on `DIMENSION` (the dense matrix of the largest accepted instance is 1.6 GB).
    static let maxDimension = 20_000
    static let sectionNames: Set<String> = [
        "NODE_COORD_SECTION", "DEMAND_SECTION", "DEPOT_SECTION", "EDGE_WEIGHT_SECTION",
        "DISPLAY_DATA_SECTION", "TOUR_SECTION", "FIXED_EDGES_SECTION",
    ]

    /// Header fields by upper-cased key.
    var fields: [String: String] = [:]
    /// Section name → its data lines (line number, tokens).
    var sections: [String: [(line: Int, tokens: [Substring])]] = [:]

    init(bytes: [UInt8]) {
        self.init(text: String(decoding: bytes, as: UTF8.self))
    }

    init(text: String) {
        var current: String?
        var number = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            number += 1
            let tokens = rawLine.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard let first = tokens.first else { continue }
            let firstWord = first.split(separator: ":", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let keyword = firstWord.uppercased()
            if keyword == "EOF" { break }
            if Self.sectionNames.contains(keyword) {
                current = keyword
                if sections[keyword] == nil { sections[keyword] = [] }
                continue
            }
            if let colon = rawLine.firstIndex(of: ":"), Double(first) == nil {
                let key = rawLine[..<colon].trimmingWhitespace().uppercased()
                let value = rawLine[rawLine.index(after: colon)...].trimmingWhitespace()
                if !key.isEmpty, !key.contains(" ") {
                    fields[key] = value
                    current = nil
                    continue
                }
            }
            if let current {
                sections[current, default: []].append((number, tokens))
            } else if tokens.count == 1, Double(first) == nil {
                // A bare keyword we do not know starts a section we ignore.
                current = keyword
            }
        }
    }

    /// `DIMENSION`, checked against the limit.
    func dimension() throws(InstanceError) -> Int {
        guard let text = fields["DIMENSION"] else { throw .missingField("DIMENSION") }
        guard let n = Int(text), n >= 1 else { throw .invalidValue(field: "DIMENSION", value: text) }
        guard n <= Self.maxDimension else { throw .dimensionTooLarge(n, limit: Self.maxDimension) }
        return n
    }

    /// An optional integer field in `0...Int32.max`.
    func int32Field(_ key: String) throws(InstanceError) -> Int32? {
        guard let text = fields[key] else { return nil }
        if let v = Int32(text), v >= 0 { return v }
        if let d = Double(text), d.isFinite, d >= 0, d <= Double(Int32.max), d == d.rounded() { return Int32(d) }
        throw .invalidValue(field: key, value: text)
    }

    /// Per node (index 0-based), the numbers after the node number on each line of `section`;
    /// every node `1...n` must appear exactly once, with `width` numbers.
    func nodeTable(_ section: String, n: Int, width: Int) throws(InstanceError) -> [[Double]] {
        guard let lines = sections[section] else { throw .incompleteSection(section) }
        var table = [[Double]?](repeating: nil, count: n)
        for (line, tokens) in lines {
            guard tokens.count >= width + 1 else { throw .malformedLine(line: line, section: section) }
            guard let id = Int(tokens[0]), id >= 1, id <= n, table[id - 1] == nil else {
                throw .badNode(line: line, section: section, node: String(tokens[0]))
            }
            var row: [Double] = []
            for t in tokens[1...width] {
                guard let v = Double(t), v.isFinite else { throw .malformedLine(line: line, section: section) }
                row.append(v)
            }
            table[id - 1] = row
        }
        var out: [[Double]] = []
        out.reserveCapacity(n)
        for row in table {
            guard let row else { throw .incompleteSection(section) }
            out.append(row)
        }
        return out
    }

    /// All numbers of `section`, in order, at most `limit` of them.
    func numbers(_ section: String, limit: Int) throws(InstanceError) -> [Double] {
        guard let lines = sections[section] else { throw .incompleteSection(section) }
        var out: [Double] = []
        for (line, tokens) in lines {
            for t in tokens {
                guard out.count < limit else { return out }
                guard let v = Double(t), v.isFinite else { throw .malformedLine(line: line, section: section) }
                out.append(v)
            }
        }
        return out
    }
}

extension Substring {
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
