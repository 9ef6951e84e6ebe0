import Foundation
import ShurakuCore
import ShurakuGeo
import ShurakuOutput
import ShurakuPlan
import ShurakuPlanner
import ShurakuTestSupport
import Testing

@Suite("Cut-off risk: single roads, closures and drone reach on the 能登町 sample")
struct CutOffTests {
    static let drone = PlanRequest.Drone(rangeKm: 6, speedKmh: 50, overheadMin: 4)

    static func openPlan() throws -> Plan {
        var request = try PlannerTests.sampleRequest()
        request.risk.droneRangeKm = drone.rangeKm
        request.risk.droneSpeedKmh = drone.speedKmh
        request.risk.droneOverheadMin = drone.overheadMin
        return try Planner.plan(request)
    }

    /// A 1 m square (in lon/lat) on the middle of `line`'s longest segment: it touches that road
    /// piece and nothing else.
    static func square(on line: [XY]) -> [[Double]] {
        let k = (0..<(line.count - 1)).max { a, b in
            line[a].distance(to: line[a + 1]) < line[b].distance(to: line[b + 1])
        }
        let i = k ?? 0
        let x = (line[i].x + line[i + 1].x) / 2
        let y = (line[i].y + line[i + 1].y) / 2
        let d = 0.000005
        return [[x - d, y - d], [x + d, y - d], [x + d, y + d], [x - d, y + d], [x - d, y - d]]
    }

    static func closurePlan(_ ring: [[Double]], in dir: TempDir, name: String) throws -> Plan {
        let feature: [String: Any] = [
            "type": "Feature", "properties": [String: Any](), "geometry": ["type": "Polygon", "coordinates": [ring]],
        ]
        let json = try JSONSerialization.data(withJSONObject: ["type": "FeatureCollection", "features": [feature]])
        let path = dir.path(name)
        try json.write(to: URL(fileURLWithPath: path))
        var request = try PlannerTests.sampleRequest()
        request.risk.closedRoads = path
        return try Planner.plan(request)
    }

    @Test("every isolatable settlement's cut roads are critical roads, and each critical road counts exactly its settlements")
    func bookkeeping() throws {
        let plan = try Self.openPlan()
        let critical = try #require(plan.criticalRoads)
        #expect(critical.count > 10)
        var people: [Int: Int64] = [:]
        var ids: [Int: [String]] = [:]
        for s in plan.settlements {
            switch s.status {
            case .assigned:
                #expect(s.isolatable == !s.cutRoads.isEmpty, "\(s.id)")
                #expect(Set(s.cutRoads).count == s.cutRoads.count)
                if s.isCore { #expect(s.isolatable == false) }
            case .unserved: #expect(s.isolatable == nil)
            }
            for r in s.cutRoads {
                people[r, default: 0] += s.population
                ids[r, default: []].append(s.id)
            }
        }
        #expect(critical.map(\.road.roadID) == people.keys.sorted())
        for row in critical {
            #expect(row.peopleCutOff == people[row.road.roadID])
            #expect(row.settlementIDs == ids[row.road.roadID])
            #expect(row.road.roadClass != nil)  // every sample road has a road_class
            #expect(row.road.line.count >= 2 && row.road.lengthKm > 0)
        }
        for z in plan.zones {
            let members = plan.settlements.filter { $0.zoneID == z.zoneID }
            #expect(z.isolatablePopulation == members.filter { $0.isolatable == true }.reduce(0) { $0 + $1.population })
            #expect(
                z.isolatablePopulationInDroneRange
                    == members.filter { $0.isolatable == true && $0.droneMin != nil }.reduce(0) { $0 + $1.population })
        }
    }

    @Test("drone minutes are overhead + geodesic distance from the core ÷ speed, nil beyond the range and at the core")
    func droneFormula() throws {
        let plan = try Self.openPlan()
        let cores = Dictionary(uniqueKeysWithValues: plan.zones.map { ($0.coreID, $0.coreLonLat) })
        var inRange = 0
        var beyond = 0
        for s in plan.settlements where s.status == .assigned {
            let core = try #require(s.coreID.flatMap { cores[$0] })
            if s.isCore {
                #expect(s.droneMin == nil)
                continue
            }
            let km = Geodesic.grs80.distanceMeters(core, s.lonLat) / 1000
            if km <= Self.drone.rangeKm {
                let expected = Self.drone.overheadMin + km / Self.drone.speedKmh * 60
                let got = try #require(s.droneMin)
                #expect(abs(got - expected) < 1e-9, "\(s.id): \(got) vs \(expected)")
                #expect(s.droneFaster == (got < (s.travelMin ?? .infinity)))
                inRange += 1
            } else {
                #expect(s.droneMin == nil && s.droneFaster == nil)
                beyond += 1
            }
        }
        #expect(inRange > 50 && beyond > 5)
        #expect(plan.zones.allSatisfy { $0.droneRing?.polygonParts.first?.first?.count == 73 })
    }

    @Test("a closure layer in another CRS is reprojected, not refused: it closes the same road as in lon/lat")
    func closureInAnotherCRS() throws {
        let open = try Self.openPlan()
        let row = try #require(open.criticalRoads?.max { ($0.peopleCutOff, $0.road.roadID) < ($1.peopleCutOff, $1.road.roadID) })
        let dir = try TempDir()
        let ring = Self.square(on: row.road.line)
        let lonLat = try Self.closurePlan(ring, in: dir, name: "lonlat.geojson")
        // The same square in JGD2011 / Japan Plane Rectangular CS VII (EPSG:6675), the CRS named in the file.
        var points = ring.map { XY($0[0], $0[1]) }
        try CoordinateTransformer(from: .lonLat, to: try CRS.epsg(6675)).apply(&points)
        let feature: [String: Any] = [
            "type": "Feature", "properties": [String: Any](),
            "geometry": ["type": "Polygon", "coordinates": [points.map { [$0.x, $0.y] }]],
        ]
        let crs: [String: Any] = ["type": "name", "properties": ["name": "urn:ogc:def:crs:EPSG::6675"]]
        let json = try JSONSerialization.data(withJSONObject: ["type": "FeatureCollection", "crs": crs, "features": [feature]])
        let path = dir.path("plane7.geojson")
        try json.write(to: URL(fileURLWithPath: path))
        var request = try PlannerTests.sampleRequest()
        request.risk.closedRoads = path
        let projected = try Planner.plan(request)
        #expect(projected.closedRoads?.map(\.roadID) == [row.road.roadID])
        #expect(projected.closedRoads?.map(\.roadID) == lonLat.closedRoads?.map(\.roadID))
        #expect(projected.settlements.map(\.zoneID) == lonLat.settlements.map(\.zoneID))
    }

    @Test("an empty closure layer closes nothing and says so: the plan is the open-road plan")
    func emptyClosure() throws {
        let dir = try TempDir()
        let path = dir.path("none.geojson")
        try Data(#"{"type":"FeatureCollection","features":[]}"#.utf8).write(to: URL(fileURLWithPath: path))
        var request = try PlannerTests.sampleRequest()
        request.risk.closedRoads = path
        let plan = try Planner.plan(request)
        let open = try Self.openPlan()
        #expect(plan.closedRoads?.isEmpty == true)
        #expect(plan.warnings.contains { $0.contains("none.geojson") && $0.contains("nothing is closed") })
        #expect(plan.settlements.map(\.zoneID) == open.settlements.map(\.zoneID))
    }

    @Test("closing each of three critical roads cuts off exactly the settlements it lists; the others keep their zones")
    func closures() throws {
        let open = try Self.openPlan()
        let critical = try #require(open.criticalRoads).sorted { ($0.peopleCutOff, $0.road.roadID) > ($1.peopleCutOff, $1.road.roadID) }
        let dir = try TempDir()
        let zoneOf = Dictionary(uniqueKeysWithValues: open.settlements.map { ($0.id, $0.zoneID) })
        for row in [critical[0], critical[critical.count / 2], critical[critical.count - 1]] {
            let plan = try Self.closurePlan(Self.square(on: row.road.line), in: dir, name: "close-\(row.road.roadID).geojson")
            #expect(plan.closedRoads?.map(\.roadID) == [row.road.roadID])
            let cut = plan.settlements.filter {
                if case .cutOffByClosedRoads? = $0.reason { return true }
                return false
            }
            #expect(cut.map(\.id) == row.settlementIDs, "road \(row.road.roadID)")
            #expect(cut.allSatisfy { $0.status == .unserved && $0.zoneID == nil })
            for s in plan.settlements where !row.settlementIDs.contains(s.id) {
                #expect(s.zoneID == zoneOf[s.id], "\(s.id) moved")
            }
            #expect(plan.metrics.unservedPopulation == open.metrics.unservedPopulation + row.peopleCutOff)
        }
    }

    @Test("closing a road that isolates no one changes no assignment; reruns are byte-identical")
    func harmlessClosure() throws {
        let open = try Self.openPlan()
        let critical = try #require(open.criticalRoads)
        // The first sample road whose middle lies on no critical road.
        let roads = try VectorReader.read(SourceSpec(path: SharedData.repoPath("geodata/noto/roads.geojson")))
        let lines = roads.features.compactMap { $0.geometry?.lineParts.first }.filter { $0.count >= 2 }
        let criticalLines = critical.map(\.road.line)
        let ring = try #require(
            lines.lazy.map(Self.square(on:)).first { sq in
                let c = XY(sq[0][0] + 0.000005, sq[0][1] + 0.000005)
                return !criticalLines.contains { Self.metres(from: c, to: $0) < 5 }
            })
        let dir = try TempDir()
        let plan = try Self.closurePlan(ring, in: dir, name: "harmless.geojson")
        let closed = try #require(plan.closedRoads)
        #expect(closed.count == 1 && !critical.contains { $0.road.roadID == closed[0].roadID })
        #expect(plan.settlements.map(\.zoneID) == open.settlements.map(\.zoneID))
        #expect(plan.settlements.map(\.status) == open.settlements.map(\.status))
        #expect(plan.zones.map(\.coreID) == open.zones.map(\.coreID))

        let again = try Self.closurePlan(ring, in: dir, name: "harmless.geojson")
        try PlanWriter(plan).write(toFolder: dir.path("a"))
        try PlanWriter(again).write(toFolder: dir.path("b"))
        for f in ["plan.gpkg", "plan.json", "summary.csv", "settlements.geojson", "critical_roads.geojson", "map.svg"] {
            let a = FileManager.default.contents(atPath: dir.path("a/\(f)"))
            #expect(a != nil && a == FileManager.default.contents(atPath: dir.path("b/\(f)")), "\(f)")
        }
    }

    /// Rough metres from `p` to polyline `line` (lon/lat, local equirectangular).
    static func metres(from p: XY, to line: [XY]) -> Double {
        let kx = cos(p.y * .pi / 180) * 111_320.0
        let ky = 110_574.0
        var best = Double.infinity
        for (a, b) in zip(line, line.dropFirst()) {
            let ax = (a.x - p.x) * kx
            let ay = (a.y - p.y) * ky
            let bx = (b.x - p.x) * kx
            let by = (b.y - p.y) * ky
            let dx = bx - ax
            let dy = by - ay
            let t = dx * dx + dy * dy > 0 ? max(0, min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy))) : 0
            best = min(best, ((ax + t * dx) * (ax + t * dx) + (ay + t * dy) * (ay + t * dy)).squareRoot())
        }
        return best
    }
}
