import ShurakuInput

/// Step 4 of zoning: the settlements that may be cores (candidates whose own client allows
/// them), as the p-median problem's facilities.
struct CoreCandidates: Sendable {
    /// Settlement index of each facility.
    var cores: [Int] = []
    /// For each settlement, its facility index (-1 if it cannot be a core).
    var facilityIndex: [Int]
    /// For each settlement, its client index (-1 if excluded).
    var clientOf: [Int]
    /// Facilities that must be open: the designated cores that can be cores.
    var fixed: [Int32] = []
    /// Designated cores that cannot be cores (their own settlement is out of reach).
    var unusableDesignated: [Int] = []

    init(settlements: [Settlement], reach: ReachTable, clients: ZoningClients) {
        let n = settlements.count
        clientOf = [Int](repeating: -1, count: n)
        for (ci, members) in clients.members.enumerated() { for s in members { clientOf[s] = ci } }
        facilityIndex = [Int](repeating: -1, count: n)
        for s in 0..<n where reach.isCandidate[s] && clientOf[s] >= 0 && clients.costs[clientOf[s]][s] != nil {
            facilityIndex[s] = cores.count
            cores.append(s)
        }
        for s in 0..<n where settlements[s].isDesignatedCore {
            if facilityIndex[s] >= 0 { fixed.append(Int32(facilityIndex[s])) } else { unusableDesignated.append(s) }
        }
    }

    /// The clients' allowed (facility, cost) pairs in CSR form, each row sorted by cost, then facility.
    func pairs(_ clients: ZoningClients) -> (start: [Int32], facility: [Int32], cost: [Int64]) {
        var pairStart: [Int32] = [0]
        var pairFacility: [Int32] = []
        var pairCost: [Int64] = []
        for costs in clients.costs {
            let row = costs.compactMap { core, cost in facilityIndex[core] >= 0 ? (Int32(facilityIndex[core]), cost) : nil }
                .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            for (f, c) in row {
                pairFacility.append(f)
                pairCost.append(c)
            }
            pairStart.append(Int32(pairFacility.count))
        }
        return (pairStart, pairFacility, pairCost)
    }
}
