/// Why a client was left without a facility.
public enum UnassignedReason: String, Hashable, Sendable, CaseIterable {
    /// No candidate that may open is in reach at all.
    case noCandidateInReach
    /// Candidates are in reach, but none of them is open.
    case noOpenFacilityInReach
    /// An open facility is in reach, but `maxLoad` leaves no room (or the client alone exceeds it).
    case capacity
}

/// One open facility of a solution.
public struct FacilityReport: Hashable, Sendable {
    /// Facility index.
    public let facility: Int
    /// Whether the problem fixed it open.
    public let isFixed: Bool
    /// Number of clients assigned to it.
    public let clients: Int
    /// Summed demand of its clients.
    public let load: Int64
    /// Summed cost of its clients.
    public let cost: Int64
    /// `minLoad − load` when positive, else 0.
    public let shortfall: Int64
}

/// Totals over a whole solution.
public struct PMedianTotals: Hashable, Sendable {
    /// Number of open facilities.
    public let openFacilities: Int
    /// Clients left unassigned, and their demand.
    public let unassignedClients: Int
    public let unassignedDemand: Int64
    /// Unassigned demand that no usable candidate could ever serve (a lower bound for any `p`).
    public let unservableDemand: Int64
    /// Open facilities below `minLoad`, and their summed shortfall.
    public let facilitiesBelowMinLoad: Int
    public let shortfall: Int64
    /// Summed cost of all assigned clients.
    public let cost: Int64
    /// Summed ``PMedianProblem/facilityScore`` of the open facilities (0 without scores).
    public let facilityScore: Int64
}

/// A constraint that the solution could not meet, and by how much.
public enum ConstraintViolation: Hashable, Sendable, CustomStringConvertible {
    /// Clients unassigned for one reason.
    case unassigned(reason: UnassignedReason, clients: Int, demand: Int64)
    /// Open facilities below the (soft) minimum load.
    case belowMinLoad(facilities: Int, totalShortfall: Int64)

    public var description: String {
        switch self {
        case .unassigned(let reason, let clients, let demand):
            "\(clients) clients unassigned (\(reason.rawValue)), demand \(demand)"
        case .belowMinLoad(let facilities, let totalShortfall):
            "\(facilities) facilities below min load, total shortfall \(totalShortfall)"
        }
    }
}

/// The result of a p-median solve.
public struct PMedianSolution: Hashable, Sendable {
    /// Open facilities, ascending.
    public let open: [Int]
    /// For each client, its facility, or -1 when unassigned.
    public let assignment: [Int32]
    /// For each client, why it is unassigned (nil when assigned).
    public let unassignedReason: [UnassignedReason?]
    /// One report per open facility, in the order of ``open``.
    public let facilities: [FacilityReport]
    /// Totals over the solution.
    public let totals: PMedianTotals
    /// Constraints not met, by how much (empty when all hold).
    public let violations: [ConstraintViolation]

    /// Cost of client `c` in this solution (nil when unassigned).
    public func cost(ofClient c: Int, in problem: PMedianProblem) -> Int64? {
        let f = assignment[c]
        guard f >= 0 else { return nil }
        for k in Int(problem.pairStart[c])..<Int(problem.pairStart[c + 1]) where problem.pairFacility[k] == f {
            return problem.pairCost[k]
        }
        return nil
    }
}

extension PMedianSolution {
    /// Builds the reports from an open set and an assignment that the search has checked.
    init(problem: PMedianProblem, isOpen: [Bool], assignment: [Int32], assignmentCost: [Int64]) {
        let m = problem.clientCount
        let usable = (0..<problem.facilityCount).map(problem.isUsable)
        let fixed = Set(problem.fixedOpen.map(Int.init))
        let open = (0..<problem.facilityCount).filter { isOpen[$0] }
        var slot = [Int](repeating: -1, count: problem.facilityCount)
        for (s, f) in open.enumerated() { slot[f] = s }
        var clients = [Int](repeating: 0, count: open.count)
        var load = [Int64](repeating: 0, count: open.count)
        var cost = [Int64](repeating: 0, count: open.count)
        var reasons = [UnassignedReason?](repeating: nil, count: m)
        var reasonCount: [UnassignedReason: (Int, Int64)] = [:]
        var unassignedClients = 0
        var unassignedDemand: Int64 = 0
        var unservable: Int64 = 0
        for c in 0..<m {
            let f = Int(assignment[c])
            if f >= 0 {
                let s = slot[f]
                clients[s] += 1
                load[s] += problem.demand[c]
                cost[s] += assignmentCost[c]
                continue
            }
            var anyUsable = false
            var anyOpen = false
            for k in Int(problem.pairStart[c])..<Int(problem.pairStart[c + 1]) {
                let g = Int(problem.pairFacility[k])
                anyUsable = anyUsable || usable[g]
                anyOpen = anyOpen || isOpen[g]
            }
            let reason: UnassignedReason
            if let maxLoad = problem.maxLoad, problem.demand[c] > maxLoad, anyOpen {
                reason = .capacity
            } else if !anyUsable {
                reason = .noCandidateInReach
            } else if !anyOpen {
                reason = .noOpenFacilityInReach
            } else {
                reason = .capacity
            }
            if !problem.isServable(c, usable: usable) { unservable += problem.demand[c] }
            reasons[c] = reason
            let old = reasonCount[reason] ?? (0, 0)
            reasonCount[reason] = (old.0 + 1, old.1 + problem.demand[c])
            unassignedClients += 1
            unassignedDemand += problem.demand[c]
        }
        var reports: [FacilityReport] = []
        var below = 0
        var shortfall: Int64 = 0
        for (s, f) in open.enumerated() {
            let short = max(0, (problem.minLoad ?? 0) - load[s])
            if short > 0 {
                below += 1
                shortfall += short
            }
            reports.append(
                FacilityReport(
                    facility: f, isFixed: fixed.contains(f), clients: clients[s], load: load[s], cost: cost[s],
                    shortfall: short))
        }
        var violations: [ConstraintViolation] = []
        for reason in UnassignedReason.allCases {
            if let (n, d) = reasonCount[reason] { violations.append(.unassigned(reason: reason, clients: n, demand: d)) }
        }
        if below > 0 { violations.append(.belowMinLoad(facilities: below, totalShortfall: shortfall)) }
        self.open = open
        self.assignment = assignment
        self.unassignedReason = reasons
        self.facilities = reports
        self.totals = PMedianTotals(
            openFacilities: open.count, unassignedClients: unassignedClients, unassignedDemand: unassignedDemand,
            unservableDemand: unservable, facilitiesBelowMinLoad: below, shortfall: shortfall,
            cost: cost.reduce(0, +), facilityScore: open.reduce(0) { $0 + (problem.facilityScore?[$1] ?? 0) })
        self.violations = violations
    }
}
