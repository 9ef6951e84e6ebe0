/// Local employers' labour demand: how many cooperative workers each employer wants in each
/// month × half-day cell.
public struct LabourDemand: Sendable, Hashable {
    /// Employer names, in the order they first appear in the input.
    public let employers: [String]
    /// Row-major `employers.count × 24`: workers wanted by employer `e` in cell `c` at `e * 24 + c`.
    public let workers: [Int]

    /// Builds a demand table from one 24-cell row per employer.
    ///
    /// Throws ``FundingError/invalidParameter(name:reason:)`` for a row that is not 24 long, a
    /// negative or oversized count, an empty or repeated employer name or one with a control
    /// character, or limits exceeded.
    public init(employers: [String], workersByCell rows: [[Int]], limits: DemandLimits = .standard) throws(FundingError) {
        guard employers.count == rows.count else {
            throw .invalidParameter(name: "workersByCell", reason: "\(rows.count) rows for \(employers.count) employers")
        }
        guard employers.count <= limits.maxEmployers else {
            throw .inputTooLarge(what: "number of employers", limit: limits.maxEmployers)
        }
        var seen = Set<String>()
        for name in employers {
            guard !name.isEmpty else { throw .invalidParameter(name: "employers", reason: "empty employer name") }
            guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw .invalidParameter(name: "employers", reason: "control character in employer name")
            }
            guard seen.insert(name).inserted else {
                throw .invalidParameter(name: "employers", reason: "employer '\(name)' appears twice")
            }
        }
        var flat: [Int] = []
        flat.reserveCapacity(rows.count * Cell.count)
        for (e, row) in rows.enumerated() {
            guard row.count == Cell.count else {
                throw .invalidParameter(name: "workersByCell[\(e)]", reason: "needs \(Cell.count) cells, has \(row.count)")
            }
            for v in row where v < 0 || v > limits.maxWorkersPerCell {
                throw .invalidParameter(name: "workersByCell[\(e)]", reason: "count \(v) outside 0...\(limits.maxWorkersPerCell)")
            }
            flat += row
        }
        self.employers = employers
        self.workers = flat
        for c in 0..<Cell.count where cellTotal(c) > limits.maxWorkersPerCell {
            throw .inputTooLarge(
                what: "workers wanted in \(Cell(index: c).month)/\(Cell(index: c).slot.rawValue)", limit: limits.maxWorkersPerCell)
        }
    }

    /// Workers wanted by employer `employer` (an index into ``employers``) in `cell`.
    public func workers(employer: Int, cell: Cell) -> Int { workers[employer * Cell.count + cell.index] }

    /// Workers wanted by all employers together in `cell`.
    public func total(cell: Cell) -> Int { cellTotal(cell.index) }

    /// Worker-cells wanted by one employer over the year.
    public func total(employer: Int) -> Int {
        workers[(employer * Cell.count)..<((employer + 1) * Cell.count)].reduce(0, +)
    }

    /// Worker-cells wanted by everyone over the year.
    public var total: Int { workers.reduce(0, +) }

    /// The largest number of workers wanted at the same time: no schedule covers everything
    /// with fewer workers.
    public var peak: Int { (0..<Cell.count).map(cellTotal).max() ?? 0 }

    func cellTotal(_ c: Int) -> Int {
        var s = 0
        for e in employers.indices { s += workers[e * Cell.count + c] }
        return s
    }
}

/// Size caps on demand input, so that any input yields a value or an error quickly.
public struct DemandLimits: Sendable, Hashable {
    /// Largest CSV accepted, in bytes.
    public var maxBytes: Int
    /// Most physical lines in a CSV.
    public var maxLines: Int
    /// Most distinct employers.
    public var maxEmployers: Int
    /// Most workers wanted in one cell, summed over employers (bounds the schedule size).
    public var maxWorkersPerCell: Int
    /// Longest field, in characters.
    public var maxFieldCharacters: Int

    public init(maxBytes: Int, maxLines: Int, maxEmployers: Int, maxWorkersPerCell: Int, maxFieldCharacters: Int) {
        self.maxBytes = maxBytes
        self.maxLines = maxLines
        self.maxEmployers = maxEmployers
        self.maxWorkersPerCell = maxWorkersPerCell
        self.maxFieldCharacters = maxFieldCharacters
    }

    /// 4 MiB, 100,000 lines, 200 employers, 200 workers per cell, 200 characters per field.
    public static let standard = DemandLimits(
        maxBytes: 4 << 20, maxLines: 100_000, maxEmployers: 200, maxWorkersPerCell: 200, maxFieldCharacters: 200
    )
}
