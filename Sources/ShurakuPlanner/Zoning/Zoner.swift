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

extension ZoningError: ClassifiedError {
    /// Contradictory settings are bad input; a travel table that does not match is a bug.
    public var failureClass: FailureClass {
        switch self {
        case .contradictory: .badInput
        case .badTravelTable: .bug
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
///
/// The steps: (1) the allowed pairs (`ReachTable`); (2) settlements that can never reach the
/// minimum population; (3) the clients (`ZoningClients`); (4) the candidate cores; (5) the
/// solve; (6–7) zones back in settlement terms; (8) notes on what could not hold.
public enum Zoner {
    /// - Parameters:
    ///   - settlements: the settlements of one plan (or one group).
    ///   - travel: times from each settlement (rows, in settlement order) to the others.
    ///   - blocked: for each settlement, why it cannot take part at all (e.g. off the road
    ///     network), or nil.
    ///   - districts: district membership, when districts are given and not ignored.
    ///   - parameters: the rules the zoning must follow.
    public static func plan(
        settlements: [Settlement], travel: TravelTimeMatrix, blocked: [UnservedReason?], districts: DistrictMembership?,
        parameters: ZoningParameters
    ) throws(ZoningError) -> Zoning {
        let n = settlements.count
        guard travel.rowCount == n, travel.targetCount == n, travel.sources.elementsEqual(0..<Int32(n)) else {
            throw .badTravelTable("expected one row per settlement, in order (got \(travel.rowCount) rows for \(n))")
        }
        guard blocked.count == n else { throw .badTravelTable("blocked list has \(blocked.count) entries for \(n)") }
        if let scores = parameters.coreScores, scores.count != n {
            throw .badTravelTable("core scores have \(scores.count) entries for \(n) settlements")
        }
        let mode: DistrictMode = districts == nil ? .ignore : parameters.districtMode
        let limitMinutes = parameters.maxTravelSeconds / 60

        // 1–2. Allowed pairs; settlements that can never be in a zone reaching the minimum.
        let reach = ReachTable(
            settlements: settlements, travel: travel, blocked: blocked, districts: districts, mode: mode, parameters: parameters)
        var reason = blocked
        var excluded = blocked.map { $0 != nil }
        for (s, best) in reach.belowMinimum(settlements: settlements, excluded: excluded, minPopulation: parameters.minPopulation) {
            excluded[s] = true
            reason[s] = .zoneBelowMinimum(reachablePopulation: best, limitMinutes: limitMinutes)
        }

        // 3. Clients.
        let clients = ZoningClients(
            settlements: settlements, reach: reach, excluded: excluded, districts: districts, mode: mode,
            neighbours: parameters.districtNeighbours)
        var notes = clients.splitDistricts.map {
            "district \($0) cannot be served whole within \(UnservedReason.minutes(limitMinutes)) min by one core: "
                + "its settlements are zoned within the district instead"
        }

        // 4–5. Candidate cores, and the solve.
        let candidates = CoreCandidates(settlements: settlements, reach: reach, clients: clients)
        for s in candidates.unusableDesignated {
            let why = reason[s]?.description ?? "its own settlement is out of reach"
            notes.append("designated core \(settlements[s].id) (\(settlements[s].name)) cannot be a core: \(why)")
        }
        let solution = try solve(
            clients: clients, candidates: candidates, settlements: settlements, mode: mode, parameters: parameters)

        // 6–7. Zones.
        var zoning = assemble(
            solution: solution, clients: clients, candidates: candidates, reach: reach, reason: reason,
            settlements: settlements, districts: districts, parameters: parameters)

        // 8. What could not hold.
        zoning.notes = notes + shortfallNotes(zoning, settlements: settlements, minPopulation: parameters.minPopulation)
        return zoning
    }

    /// Step 5: the p-median problem over the clients and candidate cores, solved.
    static func solve(
        clients: ZoningClients, candidates: CoreCandidates, settlements: [Settlement], mode: DistrictMode,
        parameters: ZoningParameters
    ) throws(ZoningError) -> PMedianSolution {
        var count = parameters.zoneCount
        if case .exactly(let k) = count {
            guard k >= candidates.fixed.count else {
                throw .contradictory("«zones» \(k) is fewer than the \(candidates.fixed.count) designated cores")
            }
            guard k <= candidates.cores.count else {
                throw .contradictory("«zones» \(k) is more than the \(candidates.cores.count) settlements that can be cores")
            }
        }
        if candidates.cores.isEmpty { count = .exactly(0) }
        let (pairStart, pairFacility, pairCost) = candidates.pairs(clients)
        let own = candidates.cores.map { Int32(candidates.clientOf[$0]) }
        let demand = clients.members.map { $0.reduce(Int64(0)) { $0 + settlements[$1].population } }
        do {
            let problem = try PMedianProblem(
                demand: demand, facilityCount: candidates.cores.count, pairStart: pairStart, pairFacility: pairFacility,
                pairCost: pairCost, facilityOwnClient: own, fixedOpen: candidates.fixed, p: count,
                minLoad: parameters.minPopulation > 0 ? parameters.minPopulation : nil, maxLoad: parameters.maxPopulation,
                facilityScore: parameters.coreScores.map { facilityScores($0, cores: candidates.cores) })
            return try PMedianSolver.solve(problem, options: PMedianOptions(seed: parameters.seed))
        } catch .tooFewUsableFacilities(let needed, let usable) {
            let why = mode == .whole ? " (whole-district mode allows one core per district)" : ""
            throw .contradictory("«zones» \(needed) is more than the \(usable) zones these settlements can form\(why)")
        } catch {
            throw .contradictory("the zoning problem cannot be solved: \(error)")
        }
    }

    /// The candidate cores' preferences, halved together until their sum over every core stays
    /// within the p-median problem's value limit (order is kept; only far beyond any real data).
    static func facilityScores(_ scores: [Int64], cores: [Int]) -> [Int64] {
        var out = cores.map { max(0, scores[$0]) }
        let limit = PMedianProblem.scoreLimit(facilityCount: cores.count)
        while let top = out.max(), top > limit { out = out.map { $0 / 2 } }
        return out
    }

    /// Steps 6–7: each client's zone and travel, each unserved settlement's reason, the zones.
    static func assemble(
        solution: PMedianSolution, clients: ZoningClients, candidates: CoreCandidates, reach: ReachTable,
        reason: [UnservedReason?], settlements: [Settlement], districts: DistrictMembership?, parameters: ZoningParameters
    ) -> Zoning {
        let n = settlements.count
        let limitMinutes = parameters.maxTravelSeconds / 60
        var reason = reason
        let openCores = solution.open.map { candidates.cores[$0] }.sorted { settlements[$0].sourceIndex < settlements[$1].sourceIndex }
        var zoneOfCore: [Int: Int] = [:]
        for (z, c) in openCores.enumerated() { zoneOfCore[c] = z }
        var zoneOf = [Int?](repeating: nil, count: n)
        var travelSeconds = [Double?](repeating: nil, count: n)
        var travelMeters = [Double?](repeating: nil, count: n)
        for (ci, members) in clients.members.enumerated() {
            let f = Int(solution.assignment[ci])
            if f < 0 {
                let why: UnservedReason
                switch solution.unassignedReason[ci] {
                case .noCandidateInReach?, nil: why = .beyondTravelLimit(limitMinutes: limitMinutes)
                case .noOpenFacilityInReach?: why = .noZoneCoreInReach(limitMinutes: limitMinutes)
                case .capacity?: why = .reachableZonesFull
                }
                for s in members { reason[s] = why }
                continue
            }
            let core = candidates.cores[f]
            for s in members {
                zoneOf[s] = zoneOfCore[core]
                if let r = reach.all[s].first(where: { $0.core == core }) {
                    travelSeconds[s] = r.seconds
                    travelMeters[s] = r.meters
                }
                reason[s] = nil
            }
        }
        for s in 0..<n where zoneOf[s] == nil && reason[s] == nil {
            reason[s] = reach.all[s].isEmpty || reach.allowed[s].isEmpty ? .beyondTravelLimit(limitMinutes: limitMinutes) : .notAssigned
        }
        let zones = openCores.enumerated().map { z, core in
            zone(
                core: core, members: (0..<n).filter { zoneOf[$0] == z }, travelSeconds: travelSeconds, settlements: settlements,
                districts: districts, minPopulation: parameters.minPopulation)
        }
        return Zoning(
            zones: zones, zoneOf: zoneOf, travelSeconds: travelSeconds, travelMeters: travelMeters, unservedReason: reason,
            notes: [])
    }

    /// One zone's figures from its core and members (`travelSeconds` per settlement, nil = none
    /// known; those count as 0 in the mean and are left out of the maximum).
    public static func zone(
        core: Int, members: [Int], travelSeconds: [Double?], settlements: [Settlement], districts: DistrictMembership?,
        minPopulation: Int64
    ) -> Zoning.Zone {
        let pop = members.reduce(Int64(0)) { $0 + settlements[$1].population }
        let maxT = members.compactMap { travelSeconds[$0] }.max() ?? 0
        let w = members.reduce(0.0) { $0 + Double(settlements[$1].population) }
        let sumT = members.reduce(0.0) { $0 + Double(settlements[$1].population) * (travelSeconds[$1] ?? 0) }
        var dnames: [String] = []
        if let d = districts {
            for m in members where !dnames.contains(d.names[d.district[m]]) { dnames.append(d.names[d.district[m]]) }
        }
        return Zoning.Zone(
            core: core, members: members, population: pop, maxTravelSeconds: maxT, meanTravelSeconds: w > 0 ? sumT / w : 0,
            districts: dnames, meetsMinPopulation: pop >= minPopulation, isDesignated: settlements[core].isDesignatedCore)
    }

    /// Step 8: zones below the minimum, and the unserved counted by reason.
    public static func shortfallNotes(_ zoning: Zoning, settlements: [Settlement], minPopulation: Int64) -> [String] {
        var notes: [String] = []
        let below = zoning.zones.filter { !$0.meetsMinPopulation }
        if !below.isEmpty {
            let shortfall = below.reduce(Int64(0)) { $0 + minPopulation - $1.population }
            let list = below.map { "\(settlements[$0.core].name) \($0.population)" }.joined(separator: ", ")
            notes.append(
                "\(below.count) zone(s) below the minimum population of \(minPopulation) "
                    + "(total shortfall \(shortfall) people): \(list)")
        }
        var byReason: [String: (Int, Int64)] = [:]
        for s in settlements.indices where zoning.zoneOf[s] == nil {
            let key = zoning.unservedReason[s]?.summary ?? "unserved"
            let prev = byReason[key] ?? (0, 0)
            byReason[key] = (prev.0 + 1, prev.1 + settlements[s].population)
        }
        for key in byReason.keys.sorted() {
            if let (c, p) = byReason[key] { notes.append("\(c) settlement(s), \(p) people unserved: \(key)") }
        }
        return notes
    }
}
