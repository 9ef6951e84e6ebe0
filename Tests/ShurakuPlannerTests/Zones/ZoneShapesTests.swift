import Foundation
import ShurakuGeo
import ShurakuInput
import ShurakuNetwork
import ShurakuPlanner
import ShurakuTestSupport
import Testing

@Suite("Zone shapes")
struct ZoneShapesTests {
    @Test("新見市, whole districts: zone shapes are valid, do not overlap, and tile the districts exactly")
    func tilesDistricts() throws {
        let (inputs, membership, m) = try ZonerDistrictTests.niimi()
        let s = inputs.settlements.settlements
        let z = try Zoner.plan(
            settlements: s, travel: m, blocked: Array(repeating: nil, count: s.count), districts: membership,
            parameters: ZoningParameters(maxTravelSeconds: 1800, minPopulation: 500, districtMode: .whole))
        #expect(z.zoneOf.allSatisfy { $0 != nil })
        let engine = try GeometryEngine()
        let districts = try #require(inputs.districts)
        var areas: [String: Geometry] = [:]
        for d in districts.districts { areas[d.name] = d.area }
        let shapes = try ZoneShapes.build(
            settlements: s, zoneOf: z.zoneOf, zoneCount: z.zones.count, studyArea: .empty,
            regionOf: s.indices.map { membership.names[membership.district[$0]] }, regions: areas, engine: engine)
        let districtArea = try engine.area(engine.union(districts.districts.map(\.area)))
        let sum = try shapes.reduce(0.0) { $0 + (try engine.area($1)) }
        let union = try engine.area(engine.union(shapes))
        for shape in shapes { #expect(try engine.validity(shape).isValid) }
        // Cleaning moves edges by at most half a metre: areas agree to 0.01 %.
        #expect(abs(sum - union) / union < 1e-4, "zones overlap: \(sum) vs \(union)")
        #expect(abs(union - districtArea) / districtArea < 1e-4, "zones \(union) m² vs districts \(districtArea) m²")
    }

    @Test("without districts, Voronoi cells clipped to the boundary cover it")
    func voronoiCoversBoundary() throws {
        let base = SharedData.path("geodata-real/jinsekikogen-hiroshima") + "/"
        let inputs = try StudyInputs.load(
            InputSpec(
                settlements: SourceSpec(parsing: base + "settlements.geojson"), boundary: SourceSpec(parsing: base + "boundary.geojson")))
        let s = inputs.settlements.settlements
        let boundary = try #require(inputs.boundary)
        let engine = try GeometryEngine()
        // Two zones, west and east of the median longitude.
        let median = s.map(\.location.x).sorted()[s.count / 2]
        let shapes = try ZoneShapes.build(
            settlements: s, zoneOf: s.map { $0.location.x < median ? 0 : 1 }, zoneCount: 2, studyArea: boundary, engine: engine)
        let total = try engine.area(boundary)
        let union = try engine.area(engine.union(shapes))
        #expect(abs(union - total) / total < 1e-4)
        #expect(try engine.area(engine.intersection(shapes[0], shapes[1])) < 1)
    }
}
