/// One worker's year: the employer (index into ``LabourDemand/employers``) in each cell, or nil.
public struct WorkerSchedule: Sendable, Hashable {
    /// 1-based worker number, as printed.
    public let number: Int
    /// 24 entries, January am first.
    public let employerByCell: [Int?]

    /// The employer in `cell`, or nil when the worker is free.
    public func employer(in cell: Cell) -> Int? { employerByCell[cell.index] }

    /// Cells worked in the year.
    public var workedCells: Int { employerByCell.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    /// Cells at each employer that the worker works for, sorted by employer index.
    public var cellsByEmployer: [(employer: Int, cells: Int)] {
        var counts: [Int: Int] = [:]
        for e in employerByCell.compactMap({ $0 }) { counts[e, default: 0] += 1 }
        return counts.keys.sorted().map { ($0, counts[$0] ?? 0) }
    }

    /// The most cells at a single employer.
    public var maxCellsAtOneEmployer: Int { cellsByEmployer.map(\.cells).max() ?? 0 }
}

/// Why some wanted workers were not scheduled.
public enum UncoveredReason: String, Sendable, Hashable, Codable {
    /// More demand than free workers in that cell: in a cell with `f` free workers and `u`
    /// uncovered wanted workers, `u − min(u, f)` are put down to this.
    case noFreeWorker = "no_free_worker"
    /// A worker was free, but the search found no way to send them without someone going over
    /// 80 % at one employer (`min(u, f)` of the cell's uncovered wanted workers).
    case eightyPercentRule = "eighty_percent_rule"
}

/// Demand left uncovered in one cell.
public struct UncoveredDemand: Sendable, Hashable {
    public let employer: Int
    public let cell: Cell
    public let workers: Int
    public let reason: UncoveredReason
}

/// A year-round schedule for the cooperative's workers, with its measures.
public struct Schedule: Sendable, Hashable {
    public let demand: LabourDemand
    public let parameters: ScheduleParameters
    public let workers: [WorkerSchedule]
    /// Uncovered demand by employer, cell and reason, in employer then cell order.
    public let uncovered: [UncoveredDemand]
    /// Worker counts the automatic choice tried (empty when the count was given).
    public let workerCountsTried: [WorkerCountTrial]

    /// Hours a worker is available in the year: 24 × ``ScheduleParameters/hoursPerCell``.
    public var availableHoursPerWorker: Int { Cell.count * parameters.hoursPerCell }
    /// Hours available over all workers.
    public var availableHours: Int { workers.count * availableHoursPerWorker }
    /// Hours the employers asked for.
    public var demandHours: Int { demand.total * parameters.hoursPerCell }
    /// Hours worked (= demand hours covered).
    public var workedHours: Int { workers.reduce(0) { $0 + $1.workedCells } * parameters.hoursPerCell }
    /// Hours asked for but not covered.
    public var uncoveredHours: Int { demandHours - workedHours }

    /// Worked hours / available hours (0 with no workers).
    public var utilisation: Utilisation { Utilisation(workedHours: workedHours, availableHours: availableHours) }

    /// Upper bound on worked hours with this many workers (``CoverageBound``).
    public var workedHoursUpperBound: Int {
        CoverageBound.coverage(demand, workers: workers.count, basis: parameters.shareBasis) * parameters.hoursPerCell
    }

    /// Upper bound on utilisation with this many workers.
    public var utilisationUpperBound: Utilisation {
        Utilisation(workedHours: workedHoursUpperBound, availableHours: availableHours)
    }

    /// Whether the 80 % rule left demand uncovered while a worker was free.
    public var eightyPercentRuleBound: Bool { uncovered.contains { $0.reason == .eightyPercentRule } }

    /// Hours worked at each employer (index-aligned with ``LabourDemand/employers``).
    public var workedHoursByEmployer: [Int] {
        var h = [Int](repeating: 0, count: demand.employers.count)
        for w in workers {
            for e in w.employerByCell.compactMap({ $0 }) { h[e] += parameters.hoursPerCell }
        }
        return h
    }

    /// Whether every worker keeps within 80 % at one employer under the schedule's basis.
    public var satisfiesShareRule: Bool {
        workers.allSatisfy { w in
            let total = parameters.shareBasis == .hoursWorked ? w.workedCells : Cell.count
            return ShareRule.allows(atOneEmployer: w.maxCellsAtOneEmployer, total: total)
        }
    }
}

/// One worker count tried by the automatic choice and the demand it covered.
public struct WorkerCountTrial: Sendable, Hashable, Codable {
    public let workers: Int
    public let coveredCells: Int
}

/// A utilisation rate as an exact ratio of hours.
public struct Utilisation: Sendable, Hashable, Codable {
    public let workedHours: Int
    public let availableHours: Int

    public init(workedHours: Int, availableHours: Int) {
        self.workedHours = workedHours
        self.availableHours = availableHours
    }

    /// As a fraction in 0...1 (0 when nothing is available), for display only: rules compare
    /// the integer hours exactly.
    public var rate: Double { availableHours > 0 ? Double(workedHours) / Double(availableHours) : 0 }

    /// Whether the rate is at least `numerator / denominator` (exact).
    public func isAtLeast(_ numerator: Int, over denominator: Int) -> Bool {
        workedHours.multipliedFullWidth(by: denominator) >= numerator.multipliedFullWidth(by: availableHours)
    }
}
