/// LSD radix sort of a row's entries by target (11-bit digits, as many as the target count
/// needs), reused across rows: cheaper than a comparison sort for rows of thousands.
struct RowSortScratch {
    private(set) var order: [Int32] = []
    private var other: [Int32] = []
    private var count = [Int](repeating: 0, count: 2048)

    mutating func sort(_ row: [(Int32, Float32, Float32)], targetCount: Int) {
        let n = row.count
        order.removeAll(keepingCapacity: true)
        order.append(contentsOf: 0..<Int32(n))
        guard n > 1 else { return }
        if other.count < n { other = [Int32](repeating: 0, count: n) }
        var shift = 0
        let bits = max(1, Int.bitWidth - max(targetCount - 1, 1).leadingZeroBitCount)
        while shift < bits {
            for i in 0..<2048 { count[i] = 0 }
            for i in order { count[Int(row[Int(i)].0 >> Int32(shift)) & 2047] += 1 }
            var sum = 0
            for i in 0..<2048 {
                let c = count[i]
                count[i] = sum
                sum += c
            }
            for i in order {
                let d = Int(row[Int(i)].0 >> Int32(shift)) & 2047
                other[count[d]] = i
                count[d] += 1
            }
            for k in 0..<n { order[k] = other[k] }
            shift += 11
        }
    }
}
