import Foundation
import ShurakuCore
import ShurakuGeo
import ShurakuInput
import ShurakuNetwork

/// Access to services: for every settlement, the travel time to the nearest facility of each
/// kind with the plan's travel model (one multi-source search per kind), and the official
/// straight-line indicators (無医地区-style flag, 500 m to a shop).
struct AccessStage: Sendable {
    var kinds: [FacilityKind]
    /// Per kind, per settlement (study order): minutes to the nearest facility, nil beyond the limit.
    var minutes: [FacilityKind: [Double?]]
    var muui: [Bool]
    /// Per settlement: whether the nearest shop is farther than 500 m; nil without shops.
    var beyondShop: [Bool]?
    var facilitiesFarFromRoad: [String]

    /// MHLW's 無医地区 radius, metres, and the least population within it.
    static let muuiRadiusMeters = 4000.0
    static let muuiMinPopulation: Int64 = 50
    /// MAFF's 食料品アクセス distance to a shop, metres.
    static let shopMeters = 500.0

    /// The kinds a facility layer provides (hospitals provide clinics), `other` left out.
    static func kinds(_ facilities: [Facility]) -> [FacilityKind] {
        FacilityKind.allCases.filter { k in k != .other && facilities.contains { $0.kind.provides(k) } }
    }

    static func compute(_ ctx: PlanContext, workers: Int? = nil) throws -> AccessStage? {
        guard let facilities = ctx.facilities else { return nil }
        let settlements = ctx.settlements
        let kinds = kinds(facilities)
        let limitSeconds = ctx.request.access.limitMinutes * 60
        var minutes: [FacilityKind: [Double?]] = [:]
        var farFromRoad: [String] = []
        if let graph = ctx.graph {
            let t = ctx.request.travel
            let net = try RoutingNetwork(
                roads: graph, places: settlements.map(\.location) + facilities.map(\.location),
                connector: ConnectorOptions(speedKmh: t.connectorSpeedKmh, maxConnectorMeters: t.maxConnectorMeters))
            let n = settlements.count
            farFromRoad = facilities.indices.filter { net.places[n + $0].status != .onNetwork }.map { facilities[$0].id }
            let results = parallelChunks(
                count: kinds.count, workers: workers, chunksPerWorker: max(1, kinds.count), makeState: { () },
                work: { (_: inout Void, range: Range<Int>) -> [Result<[NearestSource?], NetworkError>] in
                    range.map { ki in
                        let sources = facilities.indices.filter { facilities[$0].kind.provides(kinds[ki]) }.map { Int32(n + $0) }
                        return Result { () throws(NetworkError) in
                            try net.nearestTimes(from: sources, cutoffSeconds: limitSeconds, direction: .toSources)
                        }
                    }
                }
            ).flatMap { $0 }
            for (ki, r) in results.enumerated() {
                let times = try r.get()
                minutes[kinds[ki]] = (0..<n).map { i in times[i].map { Double($0.seconds) / 60 } }
            }
        } else {
            let t = ctx.request.travel
            let model = StraightLineModel(detour: t.detour, speedKmh: t.speedKmh)
            let facilityScale = try ScaleFactor.pointScale(of: ctx.crs, at: facilities.map(\.lonLat))
            for k in kinds {
                let chosen = facilities.indices.filter { facilities[$0].kind.provides(k) }
                let mine = chosen.map { facilities[$0] }
                let scale = ctx.scale.map { $0 + chosen.map { facilityScale[$0] } }
                let n = settlements.count
                let m = try model.travelTimes(
                    lonLat: settlements.map(\.lonLat) + mine.map(\.lonLat), projected: settlements.map(\.location) + mine.map(\.location),
                    sources: (0..<mine.count).map { Int32(n + $0) }, cutoffSeconds: limitSeconds, direction: .toSources,
                    workers: workers, scale: scale)
                var best = [Double?](repeating: nil, count: n)
                for r in 0..<m.rowCount {
                    for e in m.range(ofRow: r) {
                        let target = Int(m.targets[e])
                        guard target < n else { continue }
                        let v = Double(m.seconds[e]) / 60
                        if best[target].map({ v < $0 }) ?? true { best[target] = v }
                    }
                }
                minutes[k] = best
            }
        }
        let muui = muuiChiku(settlements, facilities: facilities)
        let shops = facilities.filter { $0.kind.provides(.shop) }
        let beyondShop = shops.isEmpty ? nil : beyond(settlements, of: shops, meters: shopMeters)
        return AccessStage(kinds: kinds, minutes: minutes, muui: muui, beyondShop: beyondShop, facilitiesFarFromRoad: farFromRoad)
    }

    /// 無医地区-style flags: at least 50 people within 4 km of the settlement (itself included) and
    /// no clinic or hospital within 4 km, straight line (geodesic). Dental clinics do not count:
    /// the definition is about doctors.
    static func muuiChiku(_ settlements: [Settlement], facilities: [Facility]) -> [Bool] {
        let doctors = facilities.filter { $0.kind.provides(.clinic) && $0.subkind != "dental" }
        let hasDoctor = beyond(settlements, of: doctors, meters: muuiRadiusMeters).map { !$0 }
        let grid = PointGrid(points: settlements.map(\.location), cell: muuiRadiusMeters * 1.05)
        return settlements.indices.map { i in
            guard !hasDoctor[i] else { return false }
            var people: Int64 = 0
            grid.forEach(near: settlements[i].location) { j in
                if Geodesic.grs80.distanceMeters(settlements[i].lonLat, settlements[j].lonLat) <= muuiRadiusMeters {
                    people += settlements[j].population
                }
            }
            return people >= muuiMinPopulation
        }
    }

    /// Per settlement, whether every one of `points` is farther than `meters` (geodesic).
    static func beyond(_ settlements: [Settlement], of points: [Facility], meters: Double) -> [Bool] {
        let grid = PointGrid(points: points.map(\.location), cell: meters * 1.05 + 1)
        return settlements.map { s in
            var near = false
            grid.forEach(near: s.location) { j in
                if !near, Geodesic.grs80.distanceMeters(s.lonLat, points[j].lonLat) <= meters { near = true }
            }
            return !near
        }
    }

    /// Adds the settlement fields, the zone fields and the report to `plan`.
    func add(to plan: inout Plan, context ctx: PlanContext) throws {
        guard plan.settlements.count == ctx.settlements.count else {
            throw ShurakuError.bug("plan rows (\(plan.settlements.count)) do not match the settlements (\(ctx.settlements.count))")
        }
        let threshold = ctx.request.access.thresholdMinutes
        for i in plan.settlements.indices {
            for k in kinds { if let m = minutes[k]?[i] ?? nil { plan.settlements[i].accessMin[k] = m } }
            plan.settlements[i].muuiChiku = muui[i]
            plan.settlements[i].beyond500mShop = beyondShop?[i]
        }
        var members = [String: [Int]]()
        for (i, s) in plan.settlements.enumerated() { if let z = s.zoneID { members[z, default: []].append(i) } }
        for zi in plan.zones.indices {
            let list = members[plan.zones[zi].zoneID] ?? []
            let rows = list.map { plan.settlements[$0] }
            for k in kinds {
                plan.zones[zi].beyondPopulation[k] = rows.reduce(0) {
                    $0 + ((($1.accessMin[k] ?? .infinity) > threshold) ? $1.population : 0)
                }
                let people = rows.enumerated().filter { $0.element.population > 0 }
                let worst = people.min { a, b in
                    let ta = a.element.accessMin[k] ?? .infinity
                    let tb = b.element.accessMin[k] ?? .infinity
                    if ta != tb { return ta > tb }
                    if a.element.population != b.element.population { return a.element.population > b.element.population }
                    return a.offset < b.offset
                }
                if let w = worst?.element {
                    plan.zones[zi].worstServed[k] = Plan.WorstServed(settlementID: w.id, name: w.name, minutes: w.accessMin[k])
                }
            }
            plan.zones[zi].muuiChikuSettlements = rows.filter { $0.muuiChiku == true }.count
            if beyondShop != nil {
                plan.zones[zi].beyond500mShopPopulation = rows.reduce(0) { $0 + ($1.beyond500mShop == true ? $1.population : 0) }
            }
        }
        let t = ctx.request.travel
        plan.access = Plan.AccessReport(
            kinds: kinds, limitMinutes: ctx.request.access.limitMinutes, thresholdMinutes: threshold,
            travelModel: ctx.graph == nil ? .straightLine(detour: t.detour, speedKmh: t.speedKmh) : .roadNetwork,
            hasShops: beyondShop != nil, facilitiesFarFromRoad: facilitiesFarFromRoad)
    }
}
