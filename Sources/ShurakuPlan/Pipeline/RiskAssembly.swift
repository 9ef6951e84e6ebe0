import Foundation
import ShurakuCore
import ShurakuGeo
import ShurakuInput

/// Cut-off risk in the plan: each served settlement's single roads to its core (the bridges
/// between its access point and the core's), the critical roads with the people they cut off,
/// the closed roads, and the drone's reach from each core.
enum RiskAssembly {
    /// Vertices of a drone range ring.
    static let ringVertices = 72

    static func add(to plan: inout Plan, outcomes: [GroupOutcome], context ctx: PlanContext) throws {
        let drone = ctx.request.risk.drone
        let cut = ctx.cutOff
        guard cut != nil || drone != nil else { return }
        guard plan.settlements.count == ctx.settlements.count else {
            throw ShurakuError.bug("plan rows (\(plan.settlements.count)) do not match the settlements (\(ctx.settlements.count))")
        }
        var peopleCut: [Int32: Int64] = [:]
        var cutMembers: [Int32: [Int]] = [:]
        var cutZones: [Int32: Set<Int>] = [:]
        var zoneIndex = 0
        for out in outcomes {
            for (zi, z) in out.zones.enumerated() {
                let core = out.members[z.zone.core]
                let coreLonLat = ctx.settlements[core].lonLat
                var isolatable: Int64 = 0
                var inRange: Int64 = 0
                for li in z.zone.members where li != z.zone.core {
                    let s = out.members[li]
                    if let cut {
                        let roads = cut.cutRoads(between: s, and: core) ?? []
                        plan.settlements[s].isolatable = !roads.isEmpty
                        plan.settlements[s].cutRoads = roads.map { Int($0) + 1 }
                        for e in roads {
                            peopleCut[e, default: 0] += ctx.settlements[s].population
                            cutMembers[e, default: []].append(s)
                            cutZones[e, default: []].insert(zoneIndex + zi)
                        }
                        if !roads.isEmpty { isolatable += ctx.settlements[s].population }
                    }
                    if let drone {
                        let minutes = drone.minutes(meters: Geodesic.grs80.distanceMeters(coreLonLat, ctx.settlements[s].lonLat))
                        plan.settlements[s].droneMin = minutes
                        plan.settlements[s].droneFaster = minutes.map { $0 < (plan.settlements[s].travelMin ?? .infinity) }
                        if minutes != nil && plan.settlements[s].isolatable == true { inRange += ctx.settlements[s].population }
                    }
                }
                if cut != nil {
                    plan.settlements[core].isolatable = false
                    plan.zones[zoneIndex + zi].isolatablePopulation = isolatable
                }
                if let drone {
                    plan.zones[zoneIndex + zi].isolatablePopulationInDroneRange = cut == nil ? nil : inRange
                    plan.zones[zoneIndex + zi].droneRing = ring(around: coreLonLat, meters: drone.rangeKm * 1000)
                }
            }
            // Settlements cut off by closed roads: the drone from the core they lost.
            if let drone {
                for (li, c) in out.lostCore {
                    let s = out.members[li]
                    let minutes = drone.minutes(
                        meters: Geodesic.grs80.distanceMeters(ctx.settlements[out.members[c]].lonLat, ctx.settlements[s].lonLat))
                    plan.settlements[s].droneMin = minutes
                    plan.settlements[s].droneFaster = minutes.map { _ in true }
                }
            }
            zoneIndex += out.zones.count
        }
        guard let cut else { return }
        let back = try CoordinateTransformer(from: ctx.crs, to: .lonLat)
        let critical = peopleCut.keys.sorted()
        let closed = cut.closed ?? []
        let rows = try cut.rows(Array(Set(critical + closed)).sorted(), back: back)
        plan.criticalRoads = try critical.map { e in
            guard let road = rows[e] else { throw ShurakuError.bug("no row for road piece \(e)") }
            return Plan.CriticalRoadRow(
                road: road, peopleCutOff: peopleCut[e] ?? 0,
                settlementIDs: (cutMembers[e] ?? []).sorted().map { ctx.settlements[$0].id },
                zoneIDs: (cutZones[e] ?? []).sorted().map { plan.zones[$0].zoneID })
        }
        if cut.closed != nil { plan.closedRoads = closed.compactMap { rows[$0] } }
    }

    /// A geodesic circle of `meters` around `center` (lon/lat), counter-clockwise.
    static func ring(around center: XY, meters: Double) -> Geometry {
        var points = (0..<ringVertices).map { k in
            Geodesic.grs80.destination(from: center, azimuthDegrees: 360 - Double(k) * 360 / Double(ringVertices), meters: meters)
        }
        points.append(points[0])
        return .polygon([points])
    }
}
