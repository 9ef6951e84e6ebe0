/// Half of a working day: morning or afternoon.
public enum Slot: String, Sendable, Hashable, Codable, CaseIterable {
    case am, pm
}

/// One month × half-day block of the year: the unit of demand and of a worker's schedule.
///
/// A worker dispatched in a cell works that half-day slot on every working day of that month
/// (``ScheduleParameters/hoursPerCell`` hours). The year has 24 cells, indexed January am = 0,
/// January pm = 1, ..., December pm = 23.
public struct Cell: Hashable, Sendable, Comparable, Codable {
    /// 1...12.
    public let month: Int
    public let slot: Slot

    /// Number of cells in a year.
    public static let count = 24
    /// Every cell in index order.
    public static let all: [Cell] = (0..<count).map { Cell(index: $0) }

    /// The cell at `index` (0..<24); out-of-range indices are clamped.
    public init(index: Int) {
        let i = min(max(index, 0), Cell.count - 1)
        month = i / 2 + 1
        slot = i % 2 == 0 ? .am : .pm
    }

    /// The cell for `month` (1...12) and `slot`, or nil for a month out of range.
    public init?(month: Int, slot: Slot) {
        guard (1...12).contains(month) else { return nil }
        self.month = month
        self.slot = slot
    }

    /// 0..<24, January am first.
    public var index: Int { (month - 1) * 2 + (slot == .am ? 0 : 1) }

    public static func < (a: Cell, b: Cell) -> Bool { a.index < b.index }
}
