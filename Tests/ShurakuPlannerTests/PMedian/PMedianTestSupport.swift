import ShurakuCore
import ShurakuPlanner

/// Small random sparse instances and an exact solver by enumeration, for the p-median tests.
struct RandomInstance {
    var demand: [Int64]
    var facilityCount: Int
    /// Allowed pairs per client as (facility, cost).
    var rows: [[(Int, Int64)]]
    var own: [Int32]
    var fixed: [Int32]
    var p: FacilityCount
    var minLoad: Int64?
    var maxLoad: Int64?

    /// A random instance: each pair allowed with probability `density`; a facility's own client
    /// (when it has one) always has a cheap pair to it. With `groups`, own clients are drawn
    /// from a third of the clients, so that several facilities often share one (an exclusive
    /// group); fixed facilities are then drawn from distinct groups.
    static func make(
        clients m: Int, facilities n: Int, density: Double, p: FacilityCount, fixed fixedCount: Int,
        loads: Bool, demandRange: ClosedRange<Int64> = 1...1, groups: Bool = false, rng: inout SeededGenerator
    ) -> RandomInstance {
        var own = [Int32](repeating: -1, count: n)
        var owned = Set<Int>()
        for f in 0..<n where Double.random(in: 0..<1, using: &rng) < (groups ? 0.9 : 0.6) {
            let c = Int.random(in: 0..<(groups ? max(1, m / 3) : m), using: &rng)
            if owned.insert(c).inserted || groups { own[f] = Int32(c) }
        }
        var rows = [[(Int, Int64)]](repeating: [], count: m)
        for c in 0..<m {
            for f in 0..<n where own[f] == Int32(c) || Double.random(in: 0..<1, using: &rng) < density {
                let cost = own[f] == Int32(c) ? Int64.random(in: 0...3, using: &rng) : Int64.random(in: 1...60, using: &rng)
                rows[c].append((f, cost))
            }
        }
        let demand = (0..<m).map { _ in Int64.random(in: demandRange, using: &rng) }
        var fixed: [Int32] = []
        var fixedGroups = Set<Int32>()
        for f in (0..<n).shuffled(using: &rng) where fixed.count < fixedCount {
            guard own[f] < 0 || fixedGroups.insert(own[f]).inserted else { continue }
            fixed.append(Int32(f))
        }
        var minLoad: Int64? = nil
        var maxLoad: Int64? = nil
        if loads {
            let total = demand.reduce(0, +)
            let share = max(1, total / Int64(max(1, n / 2)))
            maxLoad = share + Int64.random(in: 0...share, using: &rng)
            if Bool.random(using: &rng) { minLoad = Int64.random(in: 1...max(1, share), using: &rng) }
            // A fixed facility must be able to take its own client.
            fixed = fixed.filter { f in own[Int(f)] < 0 || demand[Int(own[Int(f)])] <= maxLoad ?? .max }
        }
        return RandomInstance(
            demand: demand, facilityCount: n, rows: rows, own: own, fixed: fixed, p: p, minLoad: minLoad,
            maxLoad: maxLoad)
    }

    func problem() throws -> PMedianProblem {
        try PMedianProblem(
            demand: demand, facilityCount: facilityCount,
            rows: rows.map { $0.map { (facility: Int32($0.0), cost: $0.1) } }, facilityOwnClient: own, fixedOpen: fixed,
            p: p, minLoad: minLoad, maxLoad: maxLoad)
    }
}

/// The objective as the engine orders it: unassigned demand, then unassigned clients (the
/// engine's documented tie-break), then shortfall, then cost.
struct Objective: Comparable, CustomStringConvertible {
    var unassignedDemand: Int64
    var unassignedClients: Int
    var shortfall: Int64
    var cost: Int64

    static func < (a: Objective, b: Objective) -> Bool {
        (a.unassignedDemand, a.unassignedClients, a.shortfall, a.cost)
            < (b.unassignedDemand, b.unassignedClients, b.shortfall, b.cost)
    }

    init(unassignedDemand: Int64, unassignedClients: Int, shortfall: Int64, cost: Int64) {
        self.unassignedDemand = unassignedDemand
        self.unassignedClients = unassignedClients
        self.shortfall = shortfall
        self.cost = cost
    }

    init(_ s: PMedianSolution) {
        self.init(
            unassignedDemand: s.totals.unassignedDemand, unassignedClients: s.totals.unassignedClients,
            shortfall: s.totals.shortfall, cost: s.totals.cost)
    }

    var description: String { "(\(unassignedDemand), \(unassignedClients), \(shortfall), \(cost))" }
}

/// Exact optimum by enumerating open sets and, with load limits, every assignment.
enum BruteForce {
    static func usable(_ inst: RandomInstance, _ f: Int) -> Bool {
        guard let maxLoad = inst.maxLoad, inst.own[f] >= 0 else { return true }
        return inst.demand[Int(inst.own[f])] <= maxLoad
    }

    /// Best objective over open sets of exactly `count` facilities (fixed included) that hold
    /// at most one facility per own-client group; nil when there is no such set.
    static func optimum(_ inst: RandomInstance, count: Int) -> Objective? {
        let fixed = Set(inst.fixed.map(Int.init))
        let fixedGroups = Set(inst.fixed.map { inst.own[Int($0)] }.filter { $0 >= 0 })
        let free = (0..<inst.facilityCount).filter {
            !fixed.contains($0) && usable(inst, $0) && !fixedGroups.contains(inst.own[$0])
        }
        let need = count - fixed.count
        guard need >= 0, need <= free.count else { return nil }
        var best: Objective? = nil
        forEachSubset(of: free, size: need) { chosen in
            let owners = chosen.map { inst.own[$0] }.filter { $0 >= 0 }
            guard Set(owners).count == owners.count else { return }
            let open = Set(chosen).union(fixed)
            let value = evaluate(inst, open: open)
            if best == nil || value < best! { best = value }
        }
        return best
    }

    /// The best assignment objective for a given open set.
    static func evaluate(_ inst: RandomInstance, open: Set<Int>) -> Objective {
        let m = inst.demand.count
        var pinned = [Int](repeating: -1, count: m)
        for f in open where inst.own[f] >= 0 { pinned[Int(inst.own[f])] = f }
        // Options per client: its pin alone, or every open facility in reach, or unassigned.
        let options: [[(Int, Int64)]] = (0..<m).map { c in
            if pinned[c] >= 0 { return inst.rows[c].filter { $0.0 == pinned[c] } }
            return inst.rows[c].filter { open.contains($0.0) }.sorted { $0.1 < $1.1 }
        }
        if inst.minLoad == nil && inst.maxLoad == nil {
            var obj = Objective(unassignedDemand: 0, unassignedClients: 0, shortfall: 0, cost: 0)
            for c in 0..<m {
                if let first = options[c].first {
                    obj.cost += first.1
                } else {
                    obj.unassignedDemand += inst.demand[c]
                    obj.unassignedClients += 1
                }
            }
            return obj
        }
        let maxLoad = inst.maxLoad ?? .max
        var load = [Int64](repeating: 0, count: inst.facilityCount)
        var best = Objective(unassignedDemand: .max, unassignedClients: 0, shortfall: 0, cost: 0)
        func recurse(_ c: Int, _ ud: Int64, _ uc: Int, _ cost: Int64) {
            if c == m {
                var short: Int64 = 0
                for f in open { short += max(0, (inst.minLoad ?? 0) - load[f]) }
                let o = Objective(unassignedDemand: ud, unassignedClients: uc, shortfall: short, cost: cost)
                if o < best { best = o }
                return
            }
            if ud > best.unassignedDemand { return }
            for (f, w) in options[c] where load[f] + inst.demand[c] <= maxLoad {
                load[f] += inst.demand[c]
                recurse(c + 1, ud, uc, cost + w)
                load[f] -= inst.demand[c]
            }
            if pinned[c] < 0 { recurse(c + 1, ud + inst.demand[c], uc + 1, cost) }
        }
        recurse(0, 0, 0, 0)
        return best
    }

    static func forEachSubset(of items: [Int], size: Int, _ body: ([Int]) -> Void) {
        var chosen: [Int] = []
        func go(_ start: Int) {
            if chosen.count == size {
                body(chosen)
                return
            }
            guard start < items.count else { return }
            for k in start..<items.count {
                chosen.append(items[k])
                go(k + 1)
                chosen.removeLast()
            }
        }
        go(0)
    }
}

/// Checks the hard rules of a solution; returns the first broken rule, or nil.
func brokenRule(_ s: PMedianSolution, _ problem: PMedianProblem) -> String? {
    let isOpen = Set(s.open)
    for f in problem.fixedOpen where !isOpen.contains(Int(f)) { return "fixed \(f) closed" }
    if case .exactly(let p) = problem.p, s.open.count != p { return "open \(s.open.count) ≠ p \(p)" }
    var load = [Int: Int64]()
    for c in 0..<problem.clientCount {
        let f = Int(s.assignment[c])
        let row = Int(problem.pairStart[c])..<Int(problem.pairStart[c + 1])
        if f >= 0 {
            guard isOpen.contains(f) else { return "client \(c) at closed \(f)" }
            guard row.contains(where: { problem.pairFacility[$0] == Int32(f) }) else { return "pair (\(c), \(f)) not allowed" }
            guard s.unassignedReason[c] == nil else { return "assigned client \(c) has a reason" }
            load[f, default: 0] += problem.demand[c]
        } else {
            guard let reason = s.unassignedReason[c] else { return "unassigned client \(c) without reason" }
            let usable = row.map { Int(problem.pairFacility[$0]) }.filter { f in
                guard let maxLoad = problem.maxLoad, problem.facilityOwnClient[f] >= 0 else { return true }
                return problem.demand[Int(problem.facilityOwnClient[f])] <= maxLoad
            }
            let openInReach = row.map { Int(problem.pairFacility[$0]) }.filter { isOpen.contains($0) }
            switch reason {
            case .noCandidateInReach: if !usable.isEmpty { return "client \(c): candidates in reach" }
            case .noOpenFacilityInReach: if !openInReach.isEmpty || usable.isEmpty { return "client \(c): wrong reason" }
            case .capacity: if openInReach.isEmpty { return "client \(c): capacity without open facility" }
            }
        }
    }
    var openInGroup = [Int32: Int]()
    for f in 0..<problem.facilityCount where problem.facilityOwnClient[f] >= 0 && isOpen.contains(f) {
        let c = Int(problem.facilityOwnClient[f])
        if s.assignment[c] != Int32(f) { return "own client \(c) of open \(f) assigned to \(s.assignment[c])" }
        if let g = openInGroup[Int32(c)] { return "facilities \(g) and \(f) of client \(c)'s group both open" }
        openInGroup[Int32(c)] = f
    }
    if let maxLoad = problem.maxLoad {
        for (f, l) in load where l > maxLoad { return "facility \(f) load \(l) > \(maxLoad)" }
        // A client left out for capacity really fits nowhere open in reach.
        for c in 0..<problem.clientCount where s.unassignedReason[c] == .capacity {
            for k in Int(problem.pairStart[c])..<Int(problem.pairStart[c + 1]) {
                let f = Int(problem.pairFacility[k])
                if isOpen.contains(f), load[f, default: 0] + problem.demand[c] <= maxLoad {
                    return "client \(c) fits at \(f) but is unassigned"
                }
            }
        }
    }
    for r in s.facilities {
        if r.load != load[r.facility, default: 0] { return "report load of \(r.facility) wrong" }
        if r.shortfall != max(0, (problem.minLoad ?? 0) - r.load) { return "report shortfall of \(r.facility) wrong" }
    }
    return nil
}
