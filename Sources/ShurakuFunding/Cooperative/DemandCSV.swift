import Foundation

/// Reads employers' labour demand from CSV (the format is described in
/// `geodata/cooperative/README.md`).
///
/// - Encoding: UTF-8, with or without a byte-order mark; lines end in LF or CRLF.
/// - Blank lines and lines whose first non-blank character is `#` are skipped.
/// - The first other line is the header. Columns, in any order, names case-insensitive:
///   `employer` (事業者, required), `month` (月, required), `slot` (時間帯, optional: `all`
///   when the column is absent), `workers` (人数, required), `note` (備考, optional, ignored).
/// - `month`: `4`, `4月`, a range `5-10` (also `5~10`, `5〜10`), which wraps past December
///   (`11-3` = Nov, Dec, Jan, Feb, Mar), or `all` / `*` / `通年` for every month.
/// - `slot`: `am` (午前), `pm` (午後) or `all` (終日, or empty): all means both half-days.
/// - `workers`: a whole number of workers wanted in each cell the row names (0 allowed).
/// - Rows naming the same employer and cell add up.
///
/// Any input gives a value or a ``FundingError``: `.csv(line:column:reason:)` for content (the
/// column is the header name), `.inputTooLarge` past ``DemandLimits``.
public enum DemandCSV {
    /// Parses CSV bytes into a demand table.
    public static func parse(_ data: Data, limits: DemandLimits = .standard) throws(FundingError) -> LabourDemand {
        try parse(bytes: [UInt8](data), limits: limits)
    }

    /// Parses CSV bytes into a demand table.
    public static func parse(bytes: [UInt8], limits: DemandLimits = .standard) throws(FundingError) -> LabourDemand {
        guard bytes.count <= limits.maxBytes else { throw .inputTooLarge(what: "demand CSV size in bytes", limit: limits.maxBytes) }
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }

        var header: Header?
        var acc = Accumulator(limits: limits)
        var lineNumber = 0
        var i = start
        while i < bytes.count || (i == bytes.count && lineNumber == 0) {
            lineNumber += 1
            guard lineNumber <= limits.maxLines else { throw .inputTooLarge(what: "demand CSV lines", limit: limits.maxLines) }
            var end = i
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > i, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let raw = bytes[i..<lineEnd]
            i = end + 1
            guard let line = String(validating: raw, as: UTF8.self) else {
                throw .csv(line: lineNumber, column: nil, reason: "not valid UTF-8")
            }
            let trimmedStart = line.unicodeScalars.drop(while: CSVLine.isBlank)
            if trimmedStart.isEmpty || trimmedStart.first == "#" { continue }

            let fields: [String]
            do {
                fields = try CSVLine.split(line)
            } catch {
                let (field, reason) =
                    switch error {
                    case .unterminatedQuote(let f): (f, "unterminated quote (a quoted field cannot span lines)")
                    case .textAfterQuote(let f): (f, "text after a closing quote")
                    }
                let name = header.flatMap { field <= $0.names.count ? $0.names[field - 1] : nil } ?? "#\(field)"
                throw .csv(line: lineNumber, column: name, reason: reason)
            }
            for f in fields where f.count > limits.maxFieldCharacters {
                throw .csv(line: lineNumber, column: nil, reason: "field longer than \(limits.maxFieldCharacters) characters")
            }
            if let h = header {
                try acc.add(try h.row(fields, line: lineNumber), line: lineNumber)
            } else {
                header = try Header(fields, line: lineNumber)
            }
        }
        guard header != nil else { throw .csv(line: max(lineNumber, 1), column: nil, reason: "no header line") }
        guard acc.rows > 0 else { throw .csv(line: lineNumber, column: nil, reason: "no demand rows after the header") }
        return try acc.demand()
    }
}

/// The header: which field holds which column.
private struct Header {
    enum Column: Equatable { case employer, month, slot, workers, note }
    let names: [String]
    let columns: [Column]

    static func column(named raw: String) -> Column? {
        switch raw.lowercased() {
        case "employer", "事業者": .employer
        case "month", "月": .month
        case "slot", "時間帯": .slot
        case "workers", "人数": .workers
        case "note", "備考": .note
        default: nil
        }
    }

    init(_ fields: [String], line: Int) throws(FundingError) {
        var cols: [Column] = []
        for (k, f) in fields.enumerated() {
            guard let c = Header.column(named: f) else {
                if f.isEmpty { throw .csv(line: line, column: "#\(k + 1)", reason: "empty column name") }
                throw .csv(line: line, column: f, reason: "unknown column (expected employer, month, slot, workers, note)")
            }
            guard !cols.contains(c) else { throw .csv(line: line, column: f, reason: "column given twice") }
            cols.append(c)
        }
        for (need, name) in [(Column.employer, "employer"), (.month, "month"), (.workers, "workers")] where !cols.contains(need) {
            throw .csv(line: line, column: name, reason: "required column missing from the header")
        }
        names = fields
        columns = cols
    }

    struct Row {
        var employer: String
        var months: [Int]
        var slots: [Slot]
        var workers: Int
        var workersColumn: String
    }

    func row(_ rawFields: [String], line: Int) throws(FundingError) -> Row {
        var fields = rawFields
        while fields.count > columns.count, fields.last?.isEmpty == true { fields.removeLast() }
        guard fields.count <= columns.count else {
            throw .csv(line: line, column: nil, reason: "\(fields.count) fields but the header has \(columns.count)")
        }
        guard fields.count == columns.count else {
            throw .csv(line: line, column: names[fields.count], reason: "missing field")
        }
        var row = Row(employer: "", months: [], slots: [.am, .pm], workers: 0, workersColumn: "workers")
        for (k, value) in fields.enumerated() {
            let name = names[k]
            switch columns[k] {
            case .employer:
                guard !value.isEmpty else { throw .csv(line: line, column: name, reason: "empty employer name") }
                guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                    throw .csv(line: line, column: name, reason: "control character in employer name")
                }
                row.employer = value
            case .month:
                guard let m = DemandValues.months(value) else {
                    throw .csv(line: line, column: name, reason: "'\(value)' is not a month (1-12), a range like 5-10, or all")
                }
                row.months = m
            case .slot:
                guard let s = DemandValues.slots(value) else {
                    throw .csv(line: line, column: name, reason: "'\(value)' is not a slot (all, am, pm)")
                }
                row.slots = s
            case .workers:
                guard let w = DemandValues.count(value) else {
                    throw .csv(line: line, column: name, reason: "'\(value)' is not a whole number of workers")
                }
                row.workers = w
                row.workersColumn = name
            case .note:
                break
            }
        }
        return row
    }
}

/// Adds rows into per-employer 24-cell rows, in first-appearance order.
private struct Accumulator {
    let limits: DemandLimits
    var names: [String] = []
    var index: [String: Int] = [:]
    var cells: [[Int]] = []
    var cellTotals = [Int](repeating: 0, count: Cell.count)
    var rows = 0

    init(limits: DemandLimits) { self.limits = limits }

    mutating func add(_ row: Header.Row, line: Int) throws(FundingError) {
        rows += 1
        let e: Int
        if let known = index[row.employer] {
            e = known
        } else {
            guard names.count < limits.maxEmployers else {
                throw .inputTooLarge(what: "number of employers", limit: limits.maxEmployers)
            }
            e = names.count
            index[row.employer] = e
            names.append(row.employer)
            cells.append([Int](repeating: 0, count: Cell.count))
        }
        guard row.workers <= limits.maxWorkersPerCell else {
            throw .csv(line: line, column: row.workersColumn, reason: "more than \(limits.maxWorkersPerCell) workers in one cell")
        }
        for m in row.months {
            for s in row.slots {
                guard let c = Cell(month: m, slot: s)?.index else { continue }
                cells[e][c] += row.workers
                cellTotals[c] += row.workers
                guard cellTotals[c] <= limits.maxWorkersPerCell else {
                    throw .csv(
                        line: line, column: row.workersColumn,
                        reason: "more than \(limits.maxWorkersPerCell) workers wanted in month \(m) \(s.rawValue) in total")
                }
            }
        }
    }

    func demand() throws(FundingError) -> LabourDemand {
        try LabourDemand(employers: names, workersByCell: cells, limits: limits)
    }
}

/// Value syntax for the month, slot and workers columns.
enum DemandValues {
    /// ASCII-folds full-width digits and lowercases.
    static func normalised(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if (0xFF10...0xFF19).contains(u.value), let a = Unicode.Scalar(u.value - 0xFF10 + 0x30) {
                out.append(a)
            } else {
                out.append(u)
            }
        }
        return String(out).lowercased()
    }

    static func months(_ raw: String) -> [Int]? {
        let s = normalised(raw).replacingOccurrences(of: "月", with: "")
        if ["all", "*", "通年"].contains(s) { return Array(1...12) }
        let seps: Set<Character> = ["-", "~", "〜", "～", "–"]
        let parts = s.split(omittingEmptySubsequences: false, whereSeparator: { seps.contains($0) })
        switch parts.count {
        case 1:
            guard let m = month(parts[0]) else { return nil }
            return [m]
        case 2:
            guard let a = month(parts[0]), let b = month(parts[1]) else { return nil }
            return a <= b ? Array(a...b) : Array(a...12) + Array(1...b)
        default:
            return nil
        }
    }

    private static func month(_ s: Substring) -> Int? {
        let t = s.trimmingCharacters(in: .whitespaces)
        guard (1...2).contains(t.count), t.allSatisfy(\.isASCII), let m = Int(t), (1...12).contains(m) else { return nil }
        return m
    }

    static func slots(_ raw: String) -> [Slot]? {
        switch normalised(raw) {
        case "", "all", "終日": [.am, .pm]
        case "am", "午前": [.am]
        case "pm", "午後": [.pm]
        default: nil
        }
    }

    static func count(_ raw: String) -> Int? {
        let s = normalised(raw)
        guard (1...6).contains(s.count), s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(s)
    }
}
