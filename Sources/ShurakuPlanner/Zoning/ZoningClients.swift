import ShurakuInput

/// Step 3 of zoning: the clients of the p-median problem (single settlements, or whole districts
/// in `whole` mode) and, for each, the cost of each core it may be served by.
struct ZoningClients: Sendable {
    /// Settlement indices of each client.
    var members: [[Int]] = []
    /// For each client: core settlement → weighted cost.
    var costs: [[Int: Int64]] = []
    /// Districts that could not be served whole and were zoned within themselves instead.
    var splitDistricts: [String] = []

    /// The weight of one second of a settlement's travel: its population (× 100, + 1 so that
    /// empty settlements still prefer near cores).
    static func weight(_ s: Settlement) -> Int64 { s.population * 100 + 1 }

    init(
        settlements: [Settlement], reach: ReachTable, excluded: [Bool], districts: DistrictMembership?, mode: DistrictMode,
        neighbours: [Set<Int>]? = nil
    ) {
        let n = settlements.count
        if mode == .whole, let d = districts {
            var byDistrict: [Int: [Int]] = [:]
            for s in 0..<n where !excluded[s] { byDistrict[d.district[s], default: []].append(s) }
            for key in byDistrict.keys.sorted() {
                let members = byDistrict[key] ?? []
                let touching = neighbours.flatMap { $0.indices.contains(key) && !$0[key].isEmpty ? $0[key] : nil }
                let allowed: ((Int) -> Bool)? = touching.map { t in { core in d.district[core] == key || t.contains(d.district[core]) } }
                if let common = Self.commonCores(members, settlements: settlements, reach: reach, allowed: allowed) {
                    self.members.append(members)
                    costs.append(common)
                } else {
                    splitDistricts.append(d.names[key])
                    for s in members { addIndividual(s, settlements: settlements, reach: reach) { d.district[s] == d.district[$0] } }
                }
            }
        } else {
            for s in 0..<n where !excluded[s] { addIndividual(s, settlements: settlements, reach: reach) }
        }
    }

    /// The cores that reach every member of a district, with the summed cost; nil when there is
    /// none or when one of its designated cores cannot serve it all.
    static func commonCores(
        _ members: [Int], settlements: [Settlement], reach: ReachTable, allowed: ((Int) -> Bool)? = nil
    ) -> [Int: Int64]? {
        var common: [Int: Int64]? = nil
        for s in members {
            var row: [Int: Int64] = [:]
            for r in reach.all[s] where allowed?(r.core) ?? true {
                row[r.core] = weight(settlements[s]) * Int64(r.seconds.rounded())
            }
            if let c = common {
                var next: [Int: Int64] = [:]
                for (core, cost) in c { if let add = row[core] { next[core] = cost + add } }
                common = next
            } else {
                common = row
            }
        }
        let designatedInside = members.filter { settlements[$0].isDesignatedCore }
        guard let common, !common.isEmpty, designatedInside.allSatisfy({ common[$0] != nil }) else { return nil }
        return common
    }

    private mutating func addIndividual(_ s: Int, settlements: [Settlement], reach: ReachTable, restrictTo allowed: ((Int) -> Bool)? = nil)
    {
        var pairs: [Int: Int64] = [:]
        for r in reach.allowed[s] where allowed?(r.core) ?? true {
            pairs[r.core] = Self.weight(settlements[s]) * Int64(r.seconds.rounded())
        }
        members.append([s])
        costs.append(pairs)
    }
}
