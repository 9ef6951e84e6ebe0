import Foundation
import ShurakuCore

/// Ruin & recreate around local search, with simulated-annealing acceptance: each round removes
/// strings of nearby stops, reinserts them greedily (with blinks), re-optimises the touched
/// routes, and accepts the result if it is not much worse than the current solution.
///
/// Fewer unassigned stops always win; among equal counts the search objective decides
/// (cost, plus the fixed cost per route when minimising routes first). The temperature falls
/// geometrically from `startTemperature` to `endTemperature` (times the mean arc cost).
struct IteratedSearch {
    let inst: Instance
    var driver: LocalSearchDriver
    var startTemperature = 0.2
    var endTemperature = 0.005
    var blinkRate = 0.01

    init(_ inst: Instance) {
        self.inst = inst
        driver = LocalSearchDriver(inst)
    }

    /// Local search over every route.
    mutating func optimise(_ state: inout RouteState, rng: inout SeededGenerator) {
        driver.run(&state, dirty: inst.stops, rng: &rng)
    }

    /// Runs `iterations` rounds from `start` (a local optimum) and returns the best solution seen
    /// and the number of rounds run.
    /// With `untilAllAssigned`, stops as soon as every stop is routed.
    mutating func improve(
        _ start: RouteState, iterations: Int, routeLimit: Int, untilAllAssigned: Bool = false,
        rng: inout SeededGenerator, deadline: Deadline
    ) -> (RouteState, Int) {
        var current = start
        var best = start
        guard iterations > 0, !inst.stops.isEmpty else { return (best, 0) }
        var rounds = 0
        let arcs = Double(max(1, inst.stops.count - start.unassigned.count + start.routeCount))
        let meanArc = max(1, Double(start.cost) / arcs)
        let t0 = startTemperature * meanArc
        let t1 = endTemperature * meanArc
        for it in 0..<iterations {
            if deadline.hasPassed || (untilAllAssigned && best.unassigned.isEmpty) { break }
            rounds += 1
            let temperature = t0 * pow(t1 / t0, Double(it) / Double(iterations))
            var candidate = current
            let removed = Ruin.strings(from: &candidate, inst, rng: &rng)
            let pool = Self.recreateOrder(removed + candidate.unassigned, inst, rng: &rng)
            candidate.unassigned = []
            Recreate.insert(pool, into: &candidate, inst, blinkRate: blinkRate, routeLimit: routeLimit, rng: &rng)
            driver.run(&candidate, dirty: candidate.changedStops(comparedTo: current), rng: &rng)
            candidate.removeEmptyRoutes()
            if Self.isBetter(candidate, than: best, inst) { best = candidate }
            let cu = candidate.unassigned.count
            let ku = current.unassigned.count
            if cu < ku {
                current = candidate
            } else if cu == ku {
                let threshold = -temperature * log(Double.random(in: Double.ulpOfOne..<1, using: &rng))
                if Double(candidate.objective(inst)) < Double(current.objective(inst)) + threshold {
                    current = candidate
                }
            }
        }
        return (best, rounds)
    }

    /// Lexicographic: fewer unassigned stops, then lower objective.
    static func isBetter(_ a: RouteState, than b: RouteState, _ inst: Instance) -> Bool {
        if a.unassigned.count != b.unassigned.count { return a.unassigned.count < b.unassigned.count }
        return a.objective(inst) < b.objective(inst)
    }

    /// Orders stops for reinsertion: random, by decreasing demand, far from the depot first, or
    /// close to the depot first (weights 4 : 4 : 2 : 1).
    static func recreateOrder(_ stops: [Int32], _ inst: Instance, rng: inout SeededGenerator) -> [Int32] {
        var out = stops
        out.shuffle(using: &rng)
        let pick = rng.index(below: 11)
        if pick < 4 { return out }
        let key: (Int32) -> Int64
        if pick < 8 {
            key = { -inst.demand[Int($0)] }
        } else if pick < 10 {
            key = { -(inst.d(0, Int($0)) + inst.d(Int($0), 0)) }
        } else {
            key = { inst.d(0, Int($0)) + inst.d(Int($0), 0) }
        }
        let keyed = out.enumerated().map { (key($0.element), $0.offset, $0.element) }
        return keyed.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map { $0.2 }
    }
}

extension RouteState {
    /// Stops on routes that differ from `other`'s route holding the same first stop.
    func changedStops(comparedTo other: RouteState) -> [Int32] {
        var out: [Int32] = []
        for seq in routes where !seq.isEmpty {
            let r = Int(other.routeOf[Int(seq[0])])
            if r < 0 || other.routes[r] != seq { out.append(contentsOf: seq) }
        }
        return out
    }
}
