import ShurakuCore
import ShurakuFunding

/// Seeded random demand tables shaped like rural seasonal work: each employer wants workers in
/// a run of months (wrapping past December), in the mornings, afternoons or all day.
enum RandomDemand {
    static func make(seed: UInt64, employers: ClosedRange<Int> = 2...6, maxWorkers: Int = 3) -> LabourDemand? {
        var g = SeededGenerator(seed: seed)
        let count = employers.lowerBound + g.index(below: employers.count)
        var rows: [[Int]] = []
        for _ in 0..<count {
            var row = [Int](repeating: 0, count: Cell.count)
            let start = g.index(below: 12)
            let length = 1 + g.index(below: 12)
            let slots: [Slot] = [[.am], [.pm], [.am, .pm], [.am, .pm]][g.index(below: 4)]
            let workers = 1 + g.index(below: maxWorkers)
            for k in 0..<length {
                let month = (start + k) % 12 + 1
                for s in slots {
                    if let c = Cell(month: month, slot: s) { row[c.index] = workers }
                }
            }
            rows.append(row)
        }
        return try? LabourDemand(employers: (0..<count).map { "E\($0)" }, workersByCell: rows)
    }
}
