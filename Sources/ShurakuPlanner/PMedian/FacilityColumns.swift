/// The allowed pairs grouped by facility (the transpose of the problem's CSR rows).
///
/// Column `f` holds the clients that may use facility `f`, ascending, with the pair cost.
struct FacilityColumns: Sendable {
    /// Column offsets, `facilityCount + 1` entries.
    let start: [Int32]
    let client: [Int32]
    let cost: [Int64]

    init(_ problem: PMedianProblem) {
        let n = problem.facilityCount
        var start = [Int32](repeating: 0, count: n + 1)
        for f in problem.pairFacility { start[Int(f) + 1] += 1 }
        for f in 0..<n { start[f + 1] += start[f] }
        var next = start
        var client = [Int32](repeating: 0, count: problem.pairCount)
        var cost = [Int64](repeating: 0, count: problem.pairCount)
        for c in 0..<problem.clientCount {
            for k in Int(problem.pairStart[c])..<Int(problem.pairStart[c + 1]) {
                let f = Int(problem.pairFacility[k])
                let slot = Int(next[f])
                next[f] += 1
                client[slot] = Int32(c)
                cost[slot] = problem.pairCost[k]
            }
        }
        self.start = start
        self.client = client
        self.cost = cost
    }

    @inline(__always)
    func range(_ f: Int) -> Range<Int> { Int(start[f])..<Int(start[f + 1]) }
}
