import Foundation
import ShurakuCore
import ShurakuInput
import ShurakuNetwork

/// Why a zoning could not be made at all (as opposed to a zoning with unserved settlements).
public enum ZoningError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The parameters contradict each other or the data.
    case contradictory(String)
    /// The travel-time table does not match the settlements.
    case badTravelTable(String)

    public var description: String {
        switch self {
        case .contradictory(let s): s
        case .badTravelTable(let s): "travel times: \(s)"
        }
    }
}

/// Proposes 集落ネットワーク圏: chooses cores and assigns every settlement it can to one, so that
/// travel time to the core stays within the limit, zone populations stay within their bounds and
/// districts are respected, minimising population-weighted travel time (a capacitated p-median
/// with a distance limit, solved by ``PMedianSolver``).
///
/// Districts enter through the problem's shape, not through special cases in the solver:
/// `within` removes the pairs that cross a district line; `whole` makes each district one client
/// whose cost is the sum over its settlements, allowed only for cores that reach all of them.
public enum Zoner {
    /// - Parameters:
    ///   - settlements: the settlements of one plan (or one group).
    ///   - travel: times from each settlement (rows, in settlement order) to the others.
    ///   - blocked: for each settlement, why it cannot take part at all (e.g. off the road
    ///     network), or nil.
    ///   - districts: district membership, when districts are given and not ignored.
    public static func plan(
        settlements: [Settlement], travel: TravelTimeMatrix, blocked: [String?], districts: DistrictMembership?,
        parameters: ZoningParameters
    ) throws(ZoningError) -> Zoning {
        let n = settlements.count
        guard travel.rowCount == n, travel.targetCount == n, travel.sources.elementsEqual(0..<Int32(n)) else {
            throw .badTravelTable("expected one row per settlement, in order (got \(travel.rowCount) rows for \(n))")
        }
        guard blocked.count == n else { throw .badTravelTable("blocked list has \(blocked.count) entries for \(n)") }
        let mode: DistrictMode = districts == nil ? .ignore : parameters.districtMode
        let limitMin = String(format: "%g", parameters.maxTravelSeconds / 60)

        // 1. Allowed (settlement → core) pairs within the limits, ignoring districts.
        let isCandidate = settlements.map { $0.isCoreCandidate || $0.isDesignatedCore }
        var reach = [[(core: Int, seconds: Double, meters: Double)]](repeating: [], count: n)
        for s in 0..<n where blocked[s] == nil {
            for k in travel.range(ofRow: s) {
                let c = Int(travel.targets[k])
                guard c >= 0, c < n, isCandidate[c], blocked[c] == nil || c == s else { continue }
                let sec = Double(travel.seconds[k]), m = Double(travel.meters[k])
                guard sec <= parameters.maxTravelSeconds + 1e-6 else { continue }
                if let lm = parameters.maxTravelMeters, m > lm + 1e-6 { continue }
                reach[s].append((c, sec, m))
            }
        }
        for s in 0..<n where isCandidate[s] && !reach[s].contains(where: { $0.core == s }) && blocked[s] == nil {
            reach[s].append((s, 0, 0))
        }
        func sameDistrict(_ a: Int, _ b: Int) -> Bool {
            guard let d = districts else { return true }
            return d.district[a] == d.district[b]
        }
        let districtReach: [[(core: Int, seconds: Double, meters: Double)]] =
            mode == .within ? reach.enumerated().map { s, r in r.filter { sameDistrict(s, $0.core) } } : reach

        // 2. Settlements that can never be in a zone reaching the minimum population.
        var reason = blocked
        var excluded = [Bool](repeating: false, count: n)
        for s in 0..<n where blocked[s] != nil { excluded[s] = true }
        if parameters.minPopulation > 0 {
            var reachPop = [Int64](repeating: 0, count: n)
            for s in 0..<n where !excluded[s] {
                for r in districtReach[s] { reachPop[r.core] += settlements[s].population }
            }
            for s in 0..<n where !excluded[s] && !settlements[s].isDesignatedCore {
                let best = districtReach[s].map { reachPop[$0.core] }.max() ?? 0
                if !districtReach[s].isEmpty && best < parameters.minPopulation {
                    excluded[s] = true
                    reason[s] = "zone below minimum population (at most \(best) people within \(limitMin) min of any core)"
                }
            }
        }

        // 3. Clients: settlements, or whole districts in `whole` mode.
        var clients: [[Int]] = []
        var notes: [String] = []
        var clientPairs: [[Int: Int64]] = []  // core settlement → cost
        let weight = { (s: Int) -> Int64 in settlements[s].population * 100 + 1 }
        func addIndividual(_ s: Int, restrictTo allowed: ((Int) -> Bool)? = nil) {
            var pairs: [Int: Int64] = [:]
            for r in districtReach[s] where allowed?(r.core) ?? true {
                pairs[r.core] = weight(s) * Int64(r.seconds.rounded())
            }
            clients.append([s])
            clientPairs.append(pairs)
        }
        if mode == .whole, let d = districts {
            var byDistrict: [Int: [Int]] = [:]
            for s in 0..<n where !excluded[s] { byDistrict[d.district[s], default: []].append(s) }
            for key in byDistrict.keys.sorted() {
                let members = byDistrict[key] ?? []
                var common: [Int: Int64]? = nil
                for s in members {
                    var row: [Int: Int64] = [:]
                    for r in reach[s] { row[r.core] = weight(s) * Int64(r.seconds.rounded()) }
                    if let c = common {
                        var next: [Int: Int64] = [:]
                        for (core, cost) in c { if let add = row[core] { next[core] = cost + add } }
                        common = next
                    } else {
                        common = row
                    }
                }
                let designatedInside = members.filter { settlements[$0].isDesignatedCore }
                let coversDesignated = designatedInside.allSatisfy { common?[$0] != nil }
                if let common, !common.isEmpty, coversDesignated {
                    clients.append(members)
                    clientPairs.append(common)
                } else {
                    notes.append(
                        "district \(d.names[key]) cannot be served whole within \(limitMin) min by one core: "
                            + "its settlements are zoned within the district instead")
                    for s in members { addIndividual(s) { sameDistrict(s, $0) } }
                }
            }
        } else {
            for s in 0..<n where !excluded[s] { addIndividual(s) }
        }

        // 4. Facilities: candidate settlements whose own client allows them.
        var clientOf = [Int](repeating: -1, count: n)
        for (ci, members) in clients.enumerated() { for s in members { clientOf[s] = ci } }
        var facilities: [Int] = []
        var facilityIndex = [Int](repeating: -1, count: n)
        for s in 0..<n where isCandidate[s] && clientOf[s] >= 0 && clientPairs[clientOf[s]][s] != nil {
            facilityIndex[s] = facilities.count
            facilities.append(s)
        }
        let designated = (0..<n).filter { settlements[$0].isDesignatedCore }
        for s in designated where facilityIndex[s] < 0 {
            notes.append("designated core \(settlements[s].id) (\(settlements[s].name)) cannot be a core: \(reason[s] ?? "its own settlement is out of reach")")
        }
        let fixed = designated.compactMap { facilityIndex[$0] >= 0 ? Int32(facilityIndex[$0]) : nil }

        var pairStart: [Int32] = [0]
        var pairFacility: [Int32] = []
        var pairCost: [Int64] = []
        for pairs in clientPairs {
            let row = pairs.compactMap { core, cost in facilityIndex[core] >= 0 ? (Int32(facilityIndex[core]), cost) : nil }
                .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            for (f, c) in row {
                pairFacility.append(f)
                pairCost.append(c)
            }
            pairStart.append(Int32(pairFacility.count))
        }
        let own = facilities.map { Int32(clientOf[$0]) }
        let demand = clients.map { $0.reduce(Int64(0)) { $0 + settlements[$1].population } }

        var count = parameters.zoneCount
        if case .exactly(let k) = count {
            guard k >= fixed.count else {
                throw .contradictory("--zones \(k) is fewer than the \(fixed.count) designated cores")
            }
            guard k <= facilities.count else {
                throw .contradictory("--zones \(k) is more than the \(facilities.count) settlements that can be cores")
            }
        }
        if facilities.isEmpty {
            count = .exactly(0)
        }

        // 5. Solve.
        let solution: PMedianSolution
        let problem: PMedianProblem
        do {
            problem = try PMedianProblem(
                demand: demand, facilityCount: facilities.count, pairStart: pairStart, pairFacility: pairFacility,
                pairCost: pairCost, facilityOwnClient: own, fixedOpen: fixed, p: count,
                minLoad: parameters.minPopulation > 0 ? parameters.minPopulation : nil, maxLoad: parameters.maxPopulation)
            solution = try PMedianSolver.solve(problem, options: PMedianOptions(seed: parameters.seed))
        } catch .tooFewUsableFacilities(let needed, let usable) {
            let why = mode == .whole ? " (whole-district mode allows one core per district)" : ""
            throw .contradictory("--zones \(needed) is more than the \(usable) zones these settlements can form\(why)")
        } catch {
            throw .contradictory("the zoning problem cannot be solved: \(error)")
        }

        // 6. Back to settlements.
        let openCores = solution.open.map { facilities[$0] }.sorted { settlements[$0].sourceIndex < settlements[$1].sourceIndex }
        var zoneOfCore: [Int: Int] = [:]
        for (z, c) in openCores.enumerated() { zoneOfCore[c] = z }
        var zoneOf = [Int?](repeating: nil, count: n)
        var travelSeconds = [Double?](repeating: nil, count: n)
        var travelMeters = [Double?](repeating: nil, count: n)
        for (ci, members) in clients.enumerated() {
            let f = Int(solution.assignment[ci])
            if f < 0 {
                let why: String
                switch solution.unassignedReason[ci] {
                case .noCandidateInReach?, nil: why = "beyond travel limit (no possible core within \(limitMin) min)"
                case .noOpenFacilityInReach?: why = "no zone core within \(limitMin) min (more zones would serve it)"
                case .capacity?: why = "every reachable zone is at the maximum population"
                }
                for s in members { reason[s] = why }
                continue
            }
            let core = facilities[f]
            for s in members {
                zoneOf[s] = zoneOfCore[core]
                if let r = reach[s].first(where: { $0.core == core }) {
                    travelSeconds[s] = r.seconds
                    travelMeters[s] = r.meters
                }
                reason[s] = nil
            }
        }
        for s in 0..<n where zoneOf[s] == nil && reason[s] == nil {
            reason[s] = reach[s].isEmpty || districtReach[s].isEmpty
                ? "beyond travel limit (no possible core within \(limitMin) min)" : "not assigned"
        }

        // 7. Zones.
        var zones: [Zoning.Zone] = []
        for (z, core) in openCores.enumerated() {
            let members = (0..<n).filter { zoneOf[$0] == z }
            let pop = members.reduce(Int64(0)) { $0 + settlements[$1].population }
            let maxT = members.compactMap { travelSeconds[$0] }.max() ?? 0
            let w = members.reduce(0.0) { $0 + Double(settlements[$1].population) }
            let sumT = members.reduce(0.0) { $0 + Double(settlements[$1].population) * (travelSeconds[$1] ?? 0) }
            var dnames: [String] = []
            if let d = districts {
                for m in members where !dnames.contains(d.names[d.district[m]]) { dnames.append(d.names[d.district[m]]) }
            }
            zones.append(Zoning.Zone(
                core: core, members: members, population: pop, maxTravelSeconds: maxT, meanTravelSeconds: w > 0 ? sumT / w : 0,
                districts: dnames, meetsMinPopulation: pop >= parameters.minPopulation,
                isDesignated: settlements[core].isDesignatedCore))
        }

        // 8. What could not hold.
        let below = zones.filter { !$0.meetsMinPopulation }
        if !below.isEmpty {
            let shortfall = below.reduce(Int64(0)) { $0 + parameters.minPopulation - $1.population }
            let list = below.map { "\(settlements[$0.core].name) \($0.population)" }.joined(separator: ", ")
            notes.append(
                "\(below.count) zone(s) below the minimum population of \(parameters.minPopulation) "
                    + "(total shortfall \(shortfall) people): \(list)")
        }
        var byReason: [String: (Int, Int64)] = [:]
        for s in 0..<n where zoneOf[s] == nil {
            let key = reason[s].map { r in r.firstIndex(of: "(").map { String(r[..<$0]).trimmingCharacters(in: .whitespaces) } ?? r } ?? "unserved"
            let prev = byReason[key] ?? (0, 0)
            byReason[key] = (prev.0 + 1, prev.1 + settlements[s].population)
        }
        for key in byReason.keys.sorted() {
            if let (c, p) = byReason[key] { notes.append("\(c) settlement(s), \(p) people unserved: \(key)") }
        }
        return Zoning(
            zones: zones, zoneOf: zoneOf, travelSeconds: travelSeconds, travelMeters: travelMeters, unservedReason: reason,
            notes: notes)
    }
}
