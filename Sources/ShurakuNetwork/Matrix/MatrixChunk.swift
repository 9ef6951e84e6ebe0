/// Rows of a contiguous block of sources, produced by one worker.
struct MatrixChunk {
    var rowLengths: [Int] = []
    var targets: [Int32] = []
    var seconds: [Float32] = []
    var meters: [Float32] = []

    /// Append a row, sorted by target (targets within a row are distinct, `< targetCount`).
    mutating func appendSorted(_ row: inout [(Int32, Float32, Float32)], scratch: inout RowSortScratch, targetCount: Int) {
        scratch.sort(row, targetCount: targetCount)
        rowLengths.append(row.count)
        for k in scratch.order {
            let e = row[Int(k)]
            targets.append(e.0)
            seconds.append(e.1)
            meters.append(e.2)
        }
        row.removeAll(keepingCapacity: true)
    }
}
