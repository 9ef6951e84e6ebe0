import ShurakuCore
import ShurakuInput
import ShurakuNetwork

/// One allowed (settlement → core) pair: the core's settlement index and the travel to it.
struct Reach: Sendable {
    var core: Int
    var seconds: Double
    var meters: Double
}

/// Step 1 of zoning: for every settlement, the cores it may join within the travel limits,
/// ignoring districts (`all`) and within its own district in `within` mode (`allowed`).
struct ReachTable: Sendable {
    /// Cores within the limits, whatever the districts.
    var all: [[Reach]]
    /// The pairs the district mode allows (`all` unless the mode is `within`).
    var allowed: [[Reach]]
    /// Whether each settlement may be a core (a candidate or designated).
    var isCandidate: [Bool]

    init(
        settlements: [Settlement], travel: TravelTimeMatrix, blocked: [UnservedReason?], districts: DistrictMembership?,
        mode: DistrictMode, parameters: ZoningParameters
    ) {
        let n = settlements.count
        let isCandidate = settlements.map { $0.isCoreCandidate || $0.isDesignatedCore }
        var reach = [[Reach]](repeating: [], count: n)
        for s in 0..<n where blocked[s] == nil {
            for k in travel.range(ofRow: s) {
                let c = Int(travel.targets[k])
                guard c >= 0, c < n, isCandidate[c], blocked[c] == nil || c == s else { continue }
                let sec = Double(travel.seconds[k])
                let m = Double(travel.meters[k])
                guard sec <= parameters.maxTravelSeconds + 1e-6 else { continue }
                if let lm = parameters.maxTravelMeters, m > lm + 1e-6 { continue }
                reach[s].append(Reach(core: c, seconds: sec, meters: m))
            }
        }
        for s in 0..<n where isCandidate[s] && !reach[s].contains(where: { $0.core == s }) && blocked[s] == nil {
            reach[s].append(Reach(core: s, seconds: 0, meters: 0))
        }
        self.all = reach
        self.isCandidate = isCandidate
        if mode == .within, let d = districts {
            self.allowed = reach.enumerated().map { s, r in r.filter { d.district[s] == d.district[$0.core] } }
        } else {
            self.allowed = reach
        }
    }

    /// Step 2: settlements that can never be in a zone reaching `minPopulation` (designated
    /// cores excepted), with the most people any of their possible cores could gather.
    func belowMinimum(settlements: [Settlement], excluded: [Bool], minPopulation: Int64) -> [(settlement: Int, best: Int64)] {
        guard minPopulation > 0 else { return [] }
        let n = settlements.count
        var reachPop = [Int64](repeating: 0, count: n)
        for s in 0..<n where !excluded[s] {
            for r in allowed[s] { reachPop[r.core] += settlements[s].population }
        }
        var out: [(Int, Int64)] = []
        for s in 0..<n where !excluded[s] && !settlements[s].isDesignatedCore {
            let best = allowed[s].map { reachPop[$0.core] }.max() ?? 0
            if !allowed[s].isEmpty && best < minPopulation { out.append((s, best)) }
        }
        return out
    }
}
