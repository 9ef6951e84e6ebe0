/// A raw copy of a row-major `n × n` cost matrix for the search's hot loops (no bounds checks or
/// reference counting), with the diagonal set to 0. Whoever keeps ``pointer`` deallocates it.
struct RawCostCopy {
    let pointer: UnsafeMutablePointer<Int32>
    /// Whether the copy is symmetric (`c[a][b] == c[b][a]` for every pair).
    let isSymmetric: Bool
    /// The largest entry of `costs` (diagonal included), at least 1.
    let maxEntry: Int64

    init(_ costs: [Int32], n: Int) {
        let dist = UnsafeMutablePointer<Int32>.allocate(capacity: n * n)
        var maxEntry: Int64 = 1
        costs.withUnsafeBufferPointer { src in
            for i in 0..<(n * n) {
                dist[i] = src[i]
                maxEntry = max(maxEntry, Int64(src[i]))
            }
        }
        for i in 0..<n { dist[i * n + i] = 0 }
        var symmetric = true
        outer: for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) where dist[i * n + j] != dist[j * n + i] {
                symmetric = false
                break outer
            }
        }
        pointer = dist
        isSymmetric = symmetric
        self.maxEntry = maxEntry
    }
}
