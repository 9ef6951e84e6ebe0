/// The exclusive groups formed by facilities that share an own client.
///
/// Facilities whose own client is the same client `c` form `c`'s group: at most one of them is
/// open at a time, and the open one serves `c`. A facility without an own client is in no group.
/// Most problems have groups of one (a settlement is its own client); in the `whole` district
/// mode every candidate inside a district shares that district as its own client.
struct OwnGroups: Sendable {
    /// Group offsets per client, `clientCount + 1` entries: client `c`'s group is
    /// `member[start[c]..<start[c + 1]]`, ascending.
    let start: [Int32]
    let member: [Int32]
    /// For each facility, the cost of the pair to its own client (0 when it has none).
    let ownCost: [Int64]
    /// Whether some group has two or more members.
    let hasShared: Bool

    init(_ problem: PMedianProblem) {
        let m = problem.clientCount
        let n = problem.facilityCount
        var start = [Int32](repeating: 0, count: m + 1)
        for f in 0..<n where problem.facilityOwnClient[f] >= 0 { start[Int(problem.facilityOwnClient[f]) + 1] += 1 }
        var shared = false
        for c in 0..<m {
            if start[c + 1] > 1 { shared = true }
            start[c + 1] += start[c]
        }
        var next = start
        var member = [Int32](repeating: 0, count: Int(start[m]))
        var ownCost = [Int64](repeating: 0, count: n)
        for f in 0..<n where problem.facilityOwnClient[f] >= 0 {
            let c = Int(problem.facilityOwnClient[f])
            member[Int(next[c])] = Int32(f)
            next[c] += 1
            for k in Int(problem.pairStart[c])..<Int(problem.pairStart[c + 1]) where problem.pairFacility[k] == Int32(f) {
                ownCost[f] = problem.pairCost[k]
            }
        }
        self.start = start
        self.member = member
        self.ownCost = ownCost
        hasShared = shared
    }

    /// The facilities whose own client is `c`.
    @inline(__always)
    func members(of c: Int) -> ArraySlice<Int32> { member[Int(start[c])..<Int(start[c + 1])] }
}

extension PMedianProblem {
    /// The most facilities that can be open at once: one per own-client group that has a usable
    /// member, plus every usable facility without an own client.
    public var openableCount: Int {
        var groupSeen = [Bool](repeating: false, count: clientCount)
        var count = 0
        for f in 0..<facilityCount where isUsable(f) {
            let c = Int(facilityOwnClient[f])
            if c < 0 {
                count += 1
            } else if !groupSeen[c] {
                groupSeen[c] = true
                count += 1
            }
        }
        return count
    }
}
