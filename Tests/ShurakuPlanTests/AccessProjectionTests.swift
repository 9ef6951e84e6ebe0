import Foundation
import ShurakuCore
import ShurakuGeo
import ShurakuInput
import ShurakuNetwork
import ShurakuOutput
import ShurakuPlan
import ShurakuTestSupport
import Testing

/// Access to services and population to 2050 on the 能登町 sample, with its facilities and the
/// IPSS 2023 municipal projection (read from the shared data: its licence is not re-checked, so
/// it is not bundled).
@Suite("Access to services and population to 2050 on the 能登町 sample")
struct AccessProjectionTests {
    static let table = SharedData.path("geodata-real/japan-population-projections/ipss2023_municipal_projections.csv")
    static let smallAreas2015 = SharedData.path("geodata-real/japan-small-areas-2015/small_area_points.csv")

    /// `noto-30min-1000.json` with the projection table.
    static func request() throws -> PlanRequest {
        var request = try BusServiceTests.request("noto-30min-1000.json")
        request.projection.table = table
        return request
    }

    /// The municipal projection of 能登町 (17463) per year, from the table.
    static func municipal() throws -> [Int64] {
        let t = try ProjectionTable.read(table)
        return try #require(t.municipalities["17463"]).population
    }

    @Test(
        "every settlement has a time for every kind; zones plus the unserved add up to the municipal projection each year; viable_until recomputed"
    )
    func sample() throws {
        let plan = try Planner.plan(try Self.request())
        let access = try #require(plan.access)
        #expect(access.kinds == [.hospital, .school, .clinic, .communityCentre])
        for s in plan.settlements {
            for k in access.kinds { #expect(s.accessMin[k] != nil, "\(s.id) has no time to a \(k.rawValue) within 60 min") }
            // A hospital is a clinic too: the nearest clinic is never farther than the nearest hospital.
            #expect((s.accessMin[.clinic] ?? .infinity) <= (s.accessMin[.hospital] ?? .infinity) + 1e-9)
            #expect(s.muuiChiku != nil)
        }
        let projection = try #require(plan.projection)
        #expect(projection.method == "share")
        let totals = try Self.municipal()
        for (y, year) in ProjectionTable.years.enumerated() {
            let zones = plan.zones.reduce(Int64(0)) { $0 + $1.projected[y] }
            #expect(zones + projection.unserved[y] == totals[y], "\(year): zones \(zones) + unserved \(projection.unserved[y])")
            #expect(plan.settlements.reduce(Int64(0)) { $0 + $1.projected[y] } == totals[y])
        }
        // The base year is the census itself: every settlement keeps its population.
        #expect(plan.settlements.allSatisfy { $0.projected[0] == $0.population })
        let minimum = plan.request.zoning.minZonePopulation
        for z in plan.zones {
            var expected: Int? = nil
            for (y, year) in ProjectionTable.years.enumerated() where year > 2020 {
                if z.projected[y] < minimum { break }
                expected = year
            }
            #expect(z.viableUntil == expected, "\(z.zoneID): \(String(describing: z.viableUntil)) vs \(String(describing: expected))")
            #expect(z.muniAged65Share2050.map { abs($0 - 3884.0 / 6173.0) < 1e-9 } == true)
            print(
                "\(z.zoneID) \(z.coreName): \(z.population) → 2050 \(z.projected.last ?? 0), viable until "
                    + "\(z.viableUntil.map(String.init) ?? "–"), people beyond 30 min of a clinic \(z.beyondPopulation[.clinic] ?? 0), "
                    + "worst clinic \(z.worstServed[.clinic]?.name ?? "–") \(z.worstServed[.clinic]?.minutes ?? -1) min, "
                    + "無医地区 \(z.muuiChikuSettlements ?? 0)")
        }
        let muui = plan.settlements.filter { $0.muuiChiku == true }
        print("無医地区-style settlements: \(muui.count), \(muui.reduce(0) { $0 + $1.population }) people")
    }

    /// A plain Dijkstra over a graph's forward arcs: seconds to every node from `source`.
    static func dijkstra(_ g: RoadGraph, from source: Int) -> [Double] {
        var dist = [Double](repeating: .infinity, count: g.nodeCount)
        var done = [Bool](repeating: false, count: g.nodeCount)
        dist[source] = 0
        var heap: [(Double, Int)] = [(0, source)]
        while let top = heap.min(by: { $0.0 < $1.0 }) {
            heap.removeAll { $0 == top }
            let (d, u) = top
            if done[u] { continue }
            done[u] = true
            for a in Int(g.firstOut[u])..<Int(g.firstOut[u + 1]) {
                let v = Int(g.head[a])
                let nd = d + Double(g.seconds[a])
                if nd < dist[v] {
                    dist[v] = nd
                    heap.append((nd, v))
                }
            }
        }
        return dist
    }

    @Test("access times agree within 0.01 min with a plain Dijkstra from each settlement on the split road graph")
    func independentShortestPaths() throws {
        let request = try Self.request()
        let plan = try Planner.plan(request)
        let access = try #require(plan.access)
        // The same inputs, projected and built with the same (default) graph options.
        let inputs = try StudyInputs.load(
            InputSpec(
                settlements: SourceSpec(parsing: request.inputs.settlements), roads: request.inputs.roads.map { SourceSpec(parsing: $0) },
                facilities: request.inputs.facilities.map { SourceSpec(parsing: $0) }))
        let roads = try #require(inputs.roads)
        let graph = try RoadGraphBuilder.build(try RoadLine.lines(from: roads)).graph
        let settlements = inputs.settlements.settlements
        let facilities = try #require(inputs.facilities).facilities
        let net = try RoutingNetwork(roads: graph, places: settlements.map(\.location) + facilities.map(\.location))
        let (split, placeNode) = try net.splitGraph()
        let n = settlements.count
        var worst = 0.0
        for i in 0..<n {
            let dist = Self.dijkstra(split, from: Int(placeNode[i]))
            for k in access.kinds {
                var best = Double.infinity
                for (j, f) in facilities.enumerated() where f.kind.provides(k) && placeNode[n + j] >= 0 {
                    best = min(best, dist[Int(placeNode[n + j])] + net.places[i].connectorSeconds + net.places[n + j].connectorSeconds)
                }
                let expected = best <= request.access.limitMinutes * 60 ? best / 60 : nil
                let got = plan.settlements[i].accessMin[k]
                #expect(
                    (got == nil) == (expected == nil),
                    "\(settlements[i].id) \(k.rawValue): \(String(describing: got)) vs \(String(describing: expected))")
                if let got, let expected {
                    worst = max(worst, abs(got - expected))
                    #expect(abs(got - expected) <= 0.01, "\(settlements[i].id) \(k.rawValue): \(got) vs \(expected) min")
                }
            }
        }
        print("largest difference from the plain Dijkstra: \(worst) min")
    }

    @Test("the written layers carry the access and projection fields; reruns are byte-identical; a plan without them has none")
    func written() throws {
        let dir = try TempDir()
        for out in ["a", "b"] { try PlanWriter(try Planner.plan(try Self.request())).write(toFolder: dir.path(out)) }
        for f in try FileManager.default.contentsOfDirectory(atPath: dir.path("a")).sorted() {
            let a = FileManager.default.contents(atPath: dir.path("a/\(f)"))
            #expect(a != nil && a == FileManager.default.contents(atPath: dir.path("b/\(f)")), "\(f) differs")
        }
        let settlements = try VectorReader.read(SourceSpec(parsing: dir.path("a/settlements.geojson")))
        for name in [
            "access_hospital_min", "access_school_min", "access_clinic_min", "access_community_centre_min", "access_beyond", "muui_chiku",
            "muni_code", "pop_2050",
        ] {
            #expect(settlements.fieldIndex(name) != nil, "settlements lack \(name)")
        }
        #expect(settlements.features.allSatisfy { settlements.value($0, "access_clinic_min").number != nil })
        let rows = try BusServiceTests.summaryRows(dir.path("a/summary.csv"))
        for name in [
            "pop_beyond_clinic", "worst_clinic", "worst_clinic_min", "pop_2025", "pop_2050", "viable_until", "muni_aged65_share_2050",
        ] {
            #expect(rows.first?[name] != nil, "summary.csv lacks \(name)")
        }
        #expect(rows.reduce(0) { $0 + (Int($1["pop_2050"] ?? "") ?? 0) } == 6173)
        let json = try #require(PlanJSON.read(dir.path("a/plan.json")))
        let metrics = try #require(json["metrics"] as? [String: Any])
        for k in ["population_beyond_30min_clinic", "population_beyond_30min_hospital", "muui_chiku_settlements"] {
            #expect(metrics[k] != nil, "plan.json lacks \(k)")
        }
        #expect(((json["projection"] as? [String: Any])?["method_note"] as? String)?.contains("keeps today's share") == true)
        #expect(((json["access"] as? [String: Any])?["muui_chiku"] as? String)?.contains("check that part by hand") == true)

        var plain = try BusServiceTests.request("noto-30min-1000.json")
        plain.inputs.facilities = nil
        try PlanWriter(try Planner.plan(plain)).write(toFolder: dir.path("plain"))
        let header = try String(contentsOfFile: dir.path("plain/summary.csv"), encoding: .utf8).prefix { $0 != "\n" }
        #expect(!header.contains("pop_beyond") && !header.contains("pop_2050") && !header.contains("viable_until"))
        let plainJSON = try #require(PlanJSON.read(dir.path("plain/plan.json")))
        #expect(plainJSON["access"] == nil && plainJSON["projection"] == nil)
        // Unused setting groups stay out of plan.json's parameters: such a plan keeps its bytes.
        let plainParameters = try #require(plainJSON["parameters"] as? [String: Any])
        #expect(plainParameters["accessLimitMin"] == nil && plainParameters["projections"] == nil && plainParameters["year"] == nil)
        let parameters = try #require(json["parameters"] as? [String: Any])
        #expect((parameters["accessLimitMin"] as? NSNumber)?.intValue == 60 && parameters["projections"] as? String == Self.table)
    }

    /// The sample's settlements with `JINKO2015`: the 2015 census count of the small area of the
    /// same name in 能登町 (null where the name is not found, or found twice).
    static func withCounts2015(_ dir: TempDir) throws -> String {
        let csv = try String(contentsOfFile: smallAreas2015, encoding: .utf8)
        var counts: [String: Int?] = [:]
        for line in csv.split(whereSeparator: \.isNewline).dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 10, f[2] == "17463", let pop = Int(f[8]) else { continue }
            counts[f[5]] = counts[f[5]] == nil ? pop : .some(nil)
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: SharedData.repoPath("geodata/noto/settlements.geojson")))
        var geo = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var features = try #require(geo["features"] as? [[String: Any]])
        for i in features.indices {
            var props = try #require(features[i]["properties"] as? [String: Any])
            let name = props["S_NAME"] as? String ?? ""
            props["JINKO2015"] = (counts[name] ?? nil).map { $0 as Any } ?? NSNull()
            features[i]["properties"] = props
        }
        geo["features"] = features
        print(
            "2015 counts: \(counts.count) names, \(features.filter { !(($0["properties"] as? [String: Any])?["JINKO2015"] is NSNull) }.count) joined"
        )
        return try dir.write("noto-2015.geojson", String(decoding: try JSONSerialization.data(withJSONObject: geo), as: UTF8.self))
    }

    @Test(
        "trend variant with 2015 counts: municipal totals exact each year; growing settlements keep more people than under the share method"
    )
    func trend() throws {
        let dir = try TempDir()
        var request = try Self.request()
        request.inputs.settlements = try Self.withCounts2015(dir)
        let share = try Planner.plan(request)
        request.projection.previousPopulationField = "JINKO2015"
        let trend = try Planner.plan(request)
        #expect(trend.projection?.method == "trend")
        let totals = try Self.municipal()
        for y in ProjectionTable.years.indices {
            #expect(trend.settlements.reduce(Int64(0)) { $0 + $1.projected[y] } == totals[y])
            let zones = trend.zones.reduce(Int64(0)) { $0 + $1.projected[y] }
            #expect(zones + (trend.projection?.unserved[y] ?? 0) == totals[y])
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: request.inputs.settlements)))
        let props = ((json as? [String: Any])?["features"] as? [[String: Any]] ?? []).map { $0["properties"] as? [String: Any] ?? [:] }
        var grew: Int64 = 0
        var grewShare: Int64 = 0
        var shrank: Int64 = 0
        var shrankShare: Int64 = 0
        let municipalRatio = 15687.0 / 17568.0
        for (i, p) in props.enumerated() {
            guard let before = (p["JINKO2015"] as? NSNumber)?.doubleValue, before > 0 else { continue }
            let ratio = Double(trend.settlements[i].population) / before
            if ratio > municipalRatio * 1.1 {
                grew += trend.settlements[i].projected.last ?? 0
                grewShare += share.settlements[i].projected.last ?? 0
            } else if ratio < municipalRatio * 0.9 {
                shrank += trend.settlements[i].projected.last ?? 0
                shrankShare += share.settlements[i].projected.last ?? 0
            }
        }
        #expect(grew > grewShare && shrank < shrankShare, "grew \(grew) vs \(grewShare), shrank \(shrank) vs \(shrankShare)")
        print("2050, trend vs share: growing settlements \(grew) vs \(grewShare), shrinking \(shrank) vs \(shrankShare)")
        print("viable_until, trend: \(trend.zones.map { "\($0.zoneID) \($0.viableUntil.map(String.init) ?? "–")" })")
    }

    @Test("--year plans with that year's people: settlement populations are the projection of the year")
    func year() throws {
        var request = try Self.request()
        request.projection.year = 2040
        let plan = try Planner.plan(request)
        let y = try #require(ProjectionTable.years.firstIndex(of: 2040))
        #expect(plan.settlements.allSatisfy { $0.population == $0.projected[y] })
        #expect(plan.metrics.population == (try Self.municipal())[y])
        #expect(plan.zones.allSatisfy { $0.population >= request.zoning.minZonePopulation })
    }
}
