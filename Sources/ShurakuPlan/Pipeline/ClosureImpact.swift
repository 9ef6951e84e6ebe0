import Foundation
import ShurakuCore
import ShurakuInput
import ShurakuNetwork
import ShurakuPlanner

/// Road closures, per group: the zones as planned on the open roads, checked on the roads left
/// open. A member with no road left to its core (either way) becomes unserved, cut off by closed
/// roads; the others keep their zone with their travel time on the open pieces.
struct ClosureImpact: Sendable {
    /// The zoning after the closures.
    var zoning: Zoning
    /// The group's members on the open pieces (for the bus loops).
    var network: RoutingNetwork
    /// Members cut off (group index) → the core they lost (group index).
    var lostCore: [Int: Int]
    var notes: [String]

    static func apply(
        _ planned: Zoning, subset: [Settlement], group: PlanGroup, cut: CutOffNetwork, limitSeconds: Double,
        minPopulation: Int64, workers: Int?
    ) throws -> ClosureImpact {
        let net = try cut.routing(members: group.members)
        let cores = planned.zones.map { Int32($0.core) }
        // Far beyond the limit: a detour around a closure may be long, but it is still a road.
        let horizon = max(limitSeconds * 20, 12 * 3600)
        let toCore = try net.travelTimes(sources: cores, cutoffSeconds: horizon, direction: .toSources, workers: workers)
        let fromCore = try net.travelTimes(sources: cores, cutoffSeconds: horizon, direction: .fromSources, workers: workers)
        var z = planned
        var lost: [Int: Int] = [:]
        var beyond = 0
        for (zi, zone) in planned.zones.enumerated() {
            var kept: [Int] = []
            for m in zone.members {
                guard m != zone.core else {
                    kept.append(m)
                    continue
                }
                if let e = toCore.entry(row: zi, target: Int32(m)) ?? fromCore.entry(row: zi, target: Int32(m)) {
                    z.travelSeconds[m] = Double(e.seconds)
                    z.travelMeters[m] = Double(e.meters)
                    if Double(e.seconds) > limitSeconds + 1e-6 { beyond += 1 }
                    kept.append(m)
                } else {
                    let core = subset[zone.core]
                    z.zoneOf[m] = nil
                    z.travelSeconds[m] = nil
                    z.travelMeters[m] = nil
                    z.unservedReason[m] = .cutOffByClosedRoads(core: "\(core.id) (\(core.name))")
                    lost[m] = zone.core
                }
            }
            let pop = kept.reduce(Int64(0)) { $0 + subset[$1].population }
            let weight = kept.reduce(0.0) { $0 + Double(subset[$1].population) }
            let sum = kept.reduce(0.0) { $0 + Double(subset[$1].population) * (z.travelSeconds[$1] ?? 0) }
            z.zones[zi].members = kept
            z.zones[zi].population = pop
            z.zones[zi].maxTravelSeconds = kept.compactMap { z.travelSeconds[$0] }.max() ?? 0
            z.zones[zi].meanTravelSeconds = weight > 0 ? sum / weight : 0
            z.zones[zi].meetsMinPopulation = pop >= minPopulation
        }
        var notes: [String] = []
        let prefix = group.name.map { "group \($0): " } ?? ""
        if !lost.isEmpty {
            let people = lost.keys.reduce(Int64(0)) { $0 + subset[$1].population }
            notes.append("\(prefix)closed roads cut \(lost.count) settlements (\(people) people) off from their cores")
        }
        if beyond > 0 {
            notes.append(
                "\(prefix)with the closed roads, \(beyond) settlements are still in their zones but beyond "
                    + "\(String(format: "%g", limitSeconds / 60)) min of their cores")
        }
        return ClosureImpact(zoning: z, network: net, lostCore: lost, notes: notes)
    }
}
