import ShurakuCore

/// How many facilities a p-median solve opens.
public enum FacilityCount: Hashable, Sendable {
    /// Exactly this many open facilities, fixed ones included.
    case exactly(Int)
    /// The fewest facilities that leave unassigned only demand that no candidate can serve
    /// (a capacitated set cover), then the best solution for that count. When own-client
    /// groups conflict (two members would each serve demand the other cannot), the target is
    /// the least unassigned demand the search finds for any count.
    case auto
    /// The most open facilities (max-p regions): leaving no more demand unassigned than
    /// ``auto``, and with the least shortfall below `minLoad` (none whenever the search finds a
    /// way, so that every open facility meets the minimum), as many facilities as possible; at
    /// that count the best preference, then cost. Without a positive `minLoad` every count
    /// meets the minimum, so every facility that may open does (``PMedianProblem/openableCount``).
    case most
}

/// A capacitated p-median problem with a distance limit, in sparse form.
///
/// Clients `0..<clientCount` each carry a demand; candidate facilities are `0..<facilityCount`.
/// Only the listed (client, facility) pairs may be used: a pair beyond the travel limit is simply
/// absent. Pairs are stored row by row (CSR): the pairs of client `c` are the indices
/// `pairStart[c]..<pairStart[c + 1]` of `pairFacility` and `pairCost`, sorted by cost, then by
/// facility index. Costs are already weighted by the caller (e.g. population × seconds).
///
/// The objective is lexicographic: (1) unassigned demand, (2) total shortfall below `minLoad`,
/// (3) the total ``facilityScore`` of the open facilities, larger first (when given), (4) total
/// cost. `maxLoad` is hard; `minLoad` is soft.
public struct PMedianProblem: Sendable {
    /// Demand (population) of each client; used for the load limits.
    public let demand: [Int64]
    /// Number of candidate facilities.
    public let facilityCount: Int
    /// Row offsets, `clientCount + 1` entries.
    public let pairStart: [Int32]
    /// Facility of each pair.
    public let pairFacility: [Int32]
    /// Cost of each pair (non-negative).
    public let pairCost: [Int64]
    /// For each facility, the client that *is* the facility (-1 if none). When the facility is
    /// open, that client is assigned to it. Facilities that share an own client form an
    /// exclusive group: at most one of them is open at a time (e.g. the candidate cores inside
    /// one district that is a single client).
    public let facilityOwnClient: [Int32]
    /// Facilities that must be open, sorted ascending, without duplicates.
    public let fixedOpen: [Int32]
    /// Number of open facilities, fixed ones included.
    public internal(set) var p: FacilityCount
    /// Soft lower limit on each open facility's load (sum of its clients' demand).
    public let minLoad: Int64?
    /// Hard upper limit on each open facility's load.
    public let maxLoad: Int64?
    /// Preference of each facility as an open one (e.g. a core score), larger is better; nil
    /// when there is none. At equal unassigned demand and shortfall, the open set with the
    /// larger total score wins; cost only breaks ties. All-equal scores are the same as none.
    public let facilityScore: [Int64]?
    /// `max(facilityScore) − facilityScore[f]` per facility: what opening `f` adds to the
    /// preference term of ``Score`` (lower is better). Nil when there are no scores or all are
    /// equal, so that such problems are solved exactly as without scores.
    let facilityPenalty: [Int64]?

    /// Number of clients.
    public var clientCount: Int { demand.count }

    /// The largest facility score a problem with `facilityCount` facilities accepts.
    public static func scoreLimit(facilityCount: Int) -> Int64 { valueLimit / Int64(facilityCount + 1) }
    /// Number of allowed (client, facility) pairs.
    public var pairCount: Int { pairFacility.count }
    /// Whether a load limit is set (the capacitated search is used then).
    public var hasLoadLimits: Bool { minLoad != nil || maxLoad != nil }

    /// Largest supported sum of costs or of demand weights: sums of these stay far from overflow.
    static let valueLimit: Int64 = 1 << 60

    /// Checks every invariant and stores the problem.
    ///
    /// - Throws: ``PMedianError`` naming the first violated invariant.
    public init(
        demand: [Int64],
        facilityCount: Int,
        pairStart: [Int32],
        pairFacility: [Int32],
        pairCost: [Int64],
        facilityOwnClient: [Int32]? = nil,
        fixedOpen: [Int32] = [],
        p: FacilityCount,
        minLoad: Int64? = nil,
        maxLoad: Int64? = nil,
        facilityScore: [Int64]? = nil
    ) throws(PMedianError) {
        let m = demand.count
        guard facilityCount >= 0, facilityCount < Int(Int32.max), m < Int(Int32.max) else {
            throw .sizeOutOfRange
        }
        guard pairStart.count == m + 1, pairStart.first == 0,
            Int(pairStart[m]) == pairFacility.count, pairCost.count == pairFacility.count
        else { throw .malformedPairs }
        var demandTotal: Int64 = 0
        for d in demand {
            guard d >= 0, d <= PMedianProblem.valueLimit / Int64(m + 1) else { throw .demandOutOfRange }
            demandTotal += d
            guard demandTotal <= PMedianProblem.valueLimit / Int64(m + 1) else { throw .demandOutOfRange }
        }
        var costTotal: Int64 = 0
        var seen = [Int32](repeating: -1, count: facilityCount)
        for c in 0..<m {
            let lo = Int(pairStart[c])
            let hi = Int(pairStart[c + 1])
            guard lo <= hi else { throw .malformedPairs }
            var rowMax: Int64 = 0
            for k in lo..<hi {
                let f = pairFacility[k]
                let cost = pairCost[k]
                guard f >= 0, Int(f) < facilityCount else { throw .facilityOutOfRange(client: c) }
                guard cost >= 0, cost <= PMedianProblem.valueLimit else { throw .costOutOfRange(client: c) }
                guard seen[Int(f)] != Int32(c) else { throw .duplicatePair(client: c, facility: Int(f)) }
                seen[Int(f)] = Int32(c)
                if k > lo {
                    let pc = pairCost[k - 1]
                    let pf = pairFacility[k - 1]
                    guard pc < cost || (pc == cost && pf < f) else { throw .unsortedRow(client: c) }
                }
                rowMax = cost
            }
            costTotal += rowMax
            guard costTotal <= PMedianProblem.valueLimit else { throw .costOutOfRange(client: c) }
        }
        let own = facilityOwnClient ?? [Int32](repeating: -1, count: facilityCount)
        guard own.count == facilityCount else { throw .malformedOwnClients }
        for f in 0..<facilityCount where own[f] >= 0 {
            let c = Int(own[f])
            guard c < m else { throw .malformedOwnClients }
            let row = Int(pairStart[c])..<Int(pairStart[c + 1])
            guard row.contains(where: { pairFacility[$0] == Int32(f) }) else {
                throw .ownClientNotAllowed(facility: f)
            }
        }
        let fixed = Array(Set(fixedOpen)).sorted()
        var fixedInGroup = Set<Int32>()
        for f in fixed {
            guard f >= 0, Int(f) < facilityCount else { throw .fixedOutOfRange(facility: Int(f)) }
            let c = own[Int(f)]
            guard c >= 0 else { continue }
            if let maxLoad, demand[Int(c)] > maxLoad { throw .fixedOverCapacity(facility: Int(f)) }
            guard fixedInGroup.insert(c).inserted else { throw .fixedShareOwnClient(client: Int(c)) }
        }
        if case .exactly(let k) = p {
            guard k >= fixed.count, k <= facilityCount else { throw .invalidFacilityCount(k) }
        }
        if let minLoad { guard minLoad >= 0, minLoad <= PMedianProblem.valueLimit else { throw .invalidLoadLimit } }
        if let maxLoad { guard maxLoad >= 0, maxLoad <= PMedianProblem.valueLimit else { throw .invalidLoadLimit } }
        var penalty: [Int64]? = nil
        if let facilityScore {
            guard facilityScore.count == facilityCount else { throw .malformedFacilityScores }
            let scoreLimit = PMedianProblem.scoreLimit(facilityCount: facilityCount)
            for s in facilityScore { guard s >= 0, s <= scoreLimit else { throw .malformedFacilityScores } }
            if let top = facilityScore.max(), facilityScore.contains(where: { $0 != top }) {
                penalty = facilityScore.map { top - $0 }
            }
        }

        self.demand = demand
        self.facilityCount = facilityCount
        self.pairStart = pairStart
        self.pairFacility = pairFacility
        self.pairCost = pairCost
        self.facilityOwnClient = own
        self.fixedOpen = fixed
        self.p = p
        self.minLoad = minLoad
        self.maxLoad = maxLoad
        self.facilityScore = facilityScore
        self.facilityPenalty = penalty
    }

    /// Builds the CSR arrays from one list of allowed (facility, cost) pairs per client, in any
    /// order (they are sorted by cost, then facility), then checks the problem as the main
    /// initializer does.
    public init(
        demand: [Int64],
        facilityCount: Int,
        rows: [[(facility: Int32, cost: Int64)]],
        facilityOwnClient: [Int32]? = nil,
        fixedOpen: [Int32] = [],
        p: FacilityCount,
        minLoad: Int64? = nil,
        maxLoad: Int64? = nil,
        facilityScore: [Int64]? = nil
    ) throws(PMedianError) {
        guard rows.count == demand.count else { throw .malformedPairs }
        var start: [Int32] = [0]
        var facility: [Int32] = []
        var cost: [Int64] = []
        let total = rows.reduce(0) { $0 + $1.count }
        guard total < Int(Int32.max) else { throw .sizeOutOfRange }
        facility.reserveCapacity(total)
        cost.reserveCapacity(total)
        for row in rows {
            for pair in row.sorted(by: { $0.cost != $1.cost ? $0.cost < $1.cost : $0.facility < $1.facility }) {
                facility.append(pair.facility)
                cost.append(pair.cost)
            }
            start.append(Int32(facility.count))
        }
        try self.init(
            demand: demand, facilityCount: facilityCount, pairStart: start, pairFacility: facility, pairCost: cost,
            facilityOwnClient: facilityOwnClient, fixedOpen: fixedOpen, p: p, minLoad: minLoad, maxLoad: maxLoad,
            facilityScore: facilityScore)
    }

    /// The same problem with another facility count.
    public func withCount(_ newP: FacilityCount) throws(PMedianError) -> PMedianProblem {
        if case .exactly(let k) = newP {
            guard k >= fixedOpen.count, k <= facilityCount else { throw .invalidFacilityCount(k) }
        }
        return with(p: newP)
    }

    func with(p newP: FacilityCount) -> PMedianProblem {
        var copy = self
        copy.p = newP
        return copy
    }
}

/// Why a p-median problem could not be built or solved.
public enum PMedianError: Error, Hashable, Sendable {
    /// Client or facility count beyond `Int32`.
    case sizeOutOfRange
    /// CSR arrays of inconsistent lengths or offsets.
    case malformedPairs
    /// A negative demand, or demands whose sum is too large.
    case demandOutOfRange
    /// A pair names a facility outside `0..<facilityCount`.
    case facilityOutOfRange(client: Int)
    /// A negative cost, or costs whose sum is too large.
    case costOutOfRange(client: Int)
    /// The same facility twice in one client's row.
    case duplicatePair(client: Int, facility: Int)
    /// A row not sorted by (cost, facility).
    case unsortedRow(client: Int)
    /// `facilityOwnClient` has the wrong length or names a client out of range.
    case malformedOwnClients
    /// Two fixed facilities share an own client, so both cannot be open.
    case fixedShareOwnClient(client: Int)
    /// A facility's own client has no pair to it.
    case ownClientNotAllowed(facility: Int)
    /// A fixed facility outside `0..<facilityCount`.
    case fixedOutOfRange(facility: Int)
    /// A fixed facility whose own client alone exceeds `maxLoad`.
    case fixedOverCapacity(facility: Int)
    /// `p` below the number of fixed facilities or above the number of candidates.
    case invalidFacilityCount(Int)
    /// A negative or absurd load limit.
    case invalidLoadLimit
    /// `facilityScore` of the wrong length, or a score below 0 or above 2^60 / (facilities + 1).
    case malformedFacilityScores
    /// `p` exceeds the facilities that can be open at once (one per own-client group, see
    /// ``PMedianProblem/openableCount``; a facility whose own client alone exceeds `maxLoad`
    /// can never open).
    case tooFewUsableFacilities(needed: Int, usable: Int)
}

extension PMedianError: ClassifiedError {
    /// The planner builds these problems itself, so a broken one is a bug; a count beyond the
    /// usable facilities is a request that cannot be met.
    public var failureClass: FailureClass {
        if case .tooFewUsableFacilities = self { return .badInput }
        return .bug
    }

    public var description: String {
        switch self {
        case .sizeOutOfRange: "p-median problem: too many clients or facilities"
        case .malformedPairs: "p-median problem: malformed pair arrays"
        case .demandOutOfRange: "p-median problem: a demand is negative or the demands are too large"
        case .facilityOutOfRange(let c): "p-median problem: client \(c) names a facility out of range"
        case .costOutOfRange(let c): "p-median problem: client \(c) has a negative or too large cost"
        case .duplicatePair(let c, let f): "p-median problem: client \(c) lists facility \(f) twice"
        case .unsortedRow(let c): "p-median problem: the pairs of client \(c) are not sorted"
        case .malformedOwnClients: "p-median problem: malformed own-client list"
        case .fixedShareOwnClient(let c): "p-median problem: two fixed facilities share client \(c)"
        case .ownClientNotAllowed(let f): "p-median problem: facility \(f) cannot serve its own client"
        case .fixedOutOfRange(let f): "p-median problem: fixed facility \(f) is out of range"
        case .fixedOverCapacity(let f): "p-median problem: fixed facility \(f) alone exceeds the maximum load"
        case .invalidFacilityCount(let k): "p-median problem: \(k) open facilities is not possible"
        case .invalidLoadLimit: "p-median problem: invalid load limit"
        case .malformedFacilityScores: "p-median problem: facility scores of the wrong length or out of range"
        case .tooFewUsableFacilities(let needed, let usable):
            "\(needed) open facilities asked for, but only \(usable) can be open at once"
        }
    }
}
