import Foundation
import ShurakuCore

/// A municipal population projection table (IPSS 日本の地域別将来推計人口 style): for each
/// municipality, the base census population and the projected totals every five years, and
/// optionally the 2050 population aged 65 and over.
///
/// The CSV format (UTF-8, a byte-order mark allowed, LF or CRLF; blank lines and lines starting
/// with `#` skipped; double-quoted fields may hold commas):
/// - a header naming `muni_code` and every year column `pop2020`, `pop2025`, … `pop2050`
///   (names case-insensitive, any order); `elderly2050` (65+ in 2050) is read when present; other
///   columns (`name`, `young2050`, `level`, …) are kept only for `name`, else ignored;
/// - one row per municipality: `muni_code` = the 5-digit 全国地方公共団体コード (a 6-digit code with
///   its check digit is cut to 5; a 4-digit number gets its leading zero back); every year value a
///   whole, non-negative number of people.
///
/// Any input gives a table or a ``/ShurakuCore/ShurakuError`` of class bad input naming the file,
/// the row (with its code) and the column of every problem.
public struct ProjectionTable: Sendable, Equatable {
    /// The years of the table: the base census year, then the projection years.
    public static let years = [2020, 2025, 2030, 2035, 2040, 2045, 2050]
    /// The census year the projections start from (the settlements' population is taken to be of it).
    public static var baseYear: Int { years[0] }
    /// The projection years after the base year.
    public static var projectionYears: [Int] { Array(years.dropFirst()) }

    /// One municipality's row.
    public struct Municipality: Sendable, Equatable {
        /// The 5-digit municipality code.
        public var code: String
        /// Its name, when the table has a `name` column.
        public var name: String?
        /// Population per year of ``ProjectionTable/years``, in that order.
        public var population: [Int64]
        /// People aged 65 and over in 2050, when the table has `elderly2050`.
        public var elderly2050: Int64?
        /// The data row (1-based line number in the file) it came from.
        public var line: Int

        /// The population of `year` (one of ``ProjectionTable/years``), else nil.
        public func population(in year: Int) -> Int64? {
            ProjectionTable.years.firstIndex(of: year).map { population[$0] }
        }

        /// The share of people aged 65 and over in 2050 (0…1), when known and the 2050 total is positive.
        public var aged65Share2050: Double? {
            guard let e = elderly2050, let total = population.last, total > 0 else { return nil }
            return Double(e) / Double(total)
        }
    }

    /// The file the table was read from (for messages).
    public var file: String
    /// Municipalities by code.
    public var municipalities: [String: Municipality]

    /// Largest file accepted, bytes.
    public static let maxBytes = 64 << 20

    /// Reads the table at `path`.
    public static func read(_ path: String) throws(ShurakuError) -> ProjectionTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .badInput(file: path, "cannot read the projection table (no such file, or not readable)")
        }
        return try parse([UInt8](data), file: path)
    }

    /// Parses CSV bytes; `file` names the source in problems.
    public static func parse(_ bytes: [UInt8], file: String) throws(ShurakuError) -> ProjectionTable {
        guard bytes.count <= maxBytes else { throw .badInput(file: file, "the projection table is larger than \(maxBytes >> 20) MB") }
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        guard String(validating: bytes[start...], as: UTF8.self) != nil else {
            throw .badInput(file: file, "the projection table is not UTF-8 text")
        }
        var problems: [Problem] = []
        var header: ProjectionHeader?
        var rows: [String: Municipality] = [:]
        var lineNumber = 0
        // Lines split on LF bytes (a CR before it dropped): "\r\n" is one Character in Swift.
        for rawLine in bytes[start...].split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if problems.count >= 50 { break }
            let lineBytes = rawLine.last == 0x0D ? rawLine.dropLast() : rawLine
            let line = Substring(String(decoding: lineBytes, as: UTF8.self))
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let fields = ProjectionCSV.split(line) else {
                problems.append(Problem(file: file, feature: "line \(lineNumber)", message: "unterminated or misplaced quote"))
                continue
            }
            guard let h = header else {
                header = try ProjectionHeader(fields, file: file, line: lineNumber)
                continue
            }
            if let m = h.row(fields, line: lineNumber, file: file, problems: &problems) {
                if let first = rows[m.code] {
                    problems.append(
                        Problem(
                            file: file, feature: "line \(lineNumber) (muni_code \(m.code))", field: h.codeName,
                            message: "municipality \(m.code) is listed twice (also line \(first.line))"))
                } else {
                    rows[m.code] = m
                }
            }
        }
        guard header != nil else { throw .badInput(file: file, "the projection table has no header line") }
        guard problems.isEmpty else { throw .invalid(problems) }
        guard !rows.isEmpty else { throw .badInput(file: file, "the projection table has no municipality rows") }
        return ProjectionTable(file: file, municipalities: rows)
    }

    /// A municipality code as the table and the settlements spell it: 5 digits, or nil.
    /// A 6-digit code (with its check digit) is cut to 5; a 4-digit one gets its leading zero back.
    public static func normalisedCode(_ raw: String) -> String? {
        let t = raw.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.count <= 6, t.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        switch t.count {
        case 4: return "0" + t
        case 5: return t
        case 6: return String(t.prefix(5))
        default: return nil
        }
    }
}

/// The header of a projection table: where each needed column is.
private struct ProjectionHeader {
    let names: [String]
    let code: Int
    let codeName: String
    let name: Int?
    /// Column of each year of ``ProjectionTable/years``.
    let years: [Int]
    let elderly: Int?

    init(_ fields: [String], file: String, line: Int) throws(ShurakuError) {
        let lower = fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var seen: [String: Int] = [:]
        for (k, n) in lower.enumerated() where !n.isEmpty {
            if seen[n] != nil {
                throw .badInput(file: file, feature: "line \(line) (header)", field: fields[k], "column given twice")
            }
            seen[n] = k
        }
        var problems: [Problem] = []
        let codeColumn = seen["muni_code"]
        if codeColumn == nil {
            problems.append(
                Problem(
                    file: file, feature: "line \(line) (header)", field: "muni_code", message: "the municipality code column is missing"))
        }
        var yearColumns: [Int] = []
        for y in ProjectionTable.years {
            if let k = seen["pop\(y)"] {
                yearColumns.append(k)
            } else {
                problems.append(
                    Problem(file: file, feature: "line \(line) (header)", field: "pop\(y)", message: "the year column pop\(y) is missing"))
            }
        }
        guard problems.isEmpty, let codeColumn else { throw .invalid(problems) }
        names = fields
        code = codeColumn
        codeName = fields[codeColumn]
        name = seen["name"]
        years = yearColumns
        elderly = seen["elderly2050"]
    }

    func row(_ fields: [String], line: Int, file: String, problems: inout [Problem]) -> ProjectionTable.Municipality? {
        let rawCode = code < fields.count ? fields[code].trimmingCharacters(in: .whitespaces) : ""
        let feature = "line \(line)" + (rawCode.isEmpty ? "" : " (muni_code \(rawCode))")
        guard fields.count <= names.count || fields[names.count...].allSatisfy({ $0.isEmpty }) else {
            problems.append(Problem(file: file, feature: feature, message: "\(fields.count) fields but the header has \(names.count)"))
            return nil
        }
        guard let codeValue = ProjectionTable.normalisedCode(rawCode) else {
            let what = rawCode.isEmpty ? "the municipality code is missing" : "'\(rawCode)' is not a 5-digit municipality code"
            problems.append(Problem(file: file, feature: feature, field: codeName, message: what))
            return nil
        }
        var population: [Int64] = []
        var ok = true
        func count(_ column: Int) -> Int64? {
            let raw = column < fields.count ? fields[column].trimmingCharacters(in: .whitespaces) : ""
            switch ProjectionCSV.count(raw) {
            case .success(let n): return n
            case .failure(let reason):
                problems.append(
                    Problem(file: file, feature: feature, field: names[column], value: raw.isEmpty ? nil : raw, message: reason.text))
                ok = false
                return nil
            }
        }
        for k in years { population.append(count(k) ?? 0) }
        var elderly2050: Int64? = nil
        if let e = elderly {
            let raw = e < fields.count ? fields[e].trimmingCharacters(in: .whitespaces) : ""
            if !raw.isEmpty { elderly2050 = count(e) }
        }
        if let e = elderly2050, let total = population.last, ok, e > total {
            problems.append(
                Problem(
                    file: file, feature: feature, field: names[elderly ?? 0],
                    message: "\(e) people aged 65+ in 2050 is more than the 2050 total, \(total)"))
            ok = false
        }
        guard ok else { return nil }
        let name = self.name.flatMap { $0 < fields.count ? fields[$0].trimmingCharacters(in: .whitespaces) : nil }
        return ProjectionTable.Municipality(
            code: codeValue, name: name?.isEmpty == false ? name : nil, population: population, elderly2050: elderly2050, line: line)
    }
}

/// Field splitting and number syntax of projection tables.
enum ProjectionCSV {
    /// Why a count cannot be read.
    enum CountError: Error {
        case missing, notANumber, negative, fractional, tooLarge

        var text: String {
            switch self {
            case .missing: "the value is missing"
            case .notANumber: "not a number of people"
            case .negative: "a population cannot be negative"
            case .fractional: "not a whole number of people"
            case .tooLarge: "implausibly large (more than 100,000,000 people)"
            }
        }
    }

    /// A whole, non-negative count of people: digits, optionally with thousands separators or a
    /// `.0` fraction.
    static func count(_ raw: String) -> Result<Int64, CountError> {
        if raw.isEmpty { return .failure(.missing) }
        var t = raw.replacingOccurrences(of: ",", with: "")
        if t.hasPrefix("-") {
            return Double(t).map { $0 < 0 ? .failure(.negative) : .failure(.notANumber) } ?? .failure(.notANumber)
        }
        if t.hasPrefix("+") { t.removeFirst() }
        if let dot = t.firstIndex(of: ".") {
            let fraction = t[t.index(after: dot)...]
            guard fraction.allSatisfy({ $0 == "0" }) else {
                return Double(t) != nil ? .failure(.fractional) : .failure(.notANumber)
            }
            t = String(t[..<dot])
        }
        guard !t.isEmpty, t.count <= 18, t.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int64(t) else {
            return .failure(.notANumber)
        }
        return n > 100_000_000 ? .failure(.tooLarge) : .success(n)
    }

    /// The fields of one CSV line; nil for a quote left open or text after a closing quote.
    static func split(_ line: Substring) -> [String]? {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        var chars = line.makeIterator()
        while let c = chars.next() {
            if quoted {
                if c == "\"" {
                    quoted = false
                    afterQuote = true
                } else {
                    field.append(c)
                }
            } else if c == "," {
                fields.append(field)
                field = ""
                afterQuote = false
            } else if c == "\"" {
                if afterQuote {
                    field.append("\"")  // a doubled quote inside a quoted field
                    quoted = true
                    afterQuote = false
                } else if field.isEmpty {
                    quoted = true
                } else {
                    return nil
                }
            } else {
                if afterQuote && c != " " { return nil }
                field.append(c)
            }
        }
        if quoted { return nil }
        fields.append(field)
        return fields
    }
}
