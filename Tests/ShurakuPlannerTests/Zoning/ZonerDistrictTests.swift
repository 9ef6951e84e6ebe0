import Foundation
import ShurakuGeo
import ShurakuInput
import ShurakuNetwork
import ShurakuPlanner
import ShurakuTestSupport
import Testing

/// 新見市 with its five junior-high districts, straight-line times (no roads in the data).
@Suite("Zoning with districts (新見市)")
struct ZonerDistrictTests {
    static func niimi() throws -> (StudyInputs, DistrictMembership, TravelTimeMatrix) {
        let base = SharedData.path("geodata-real/niimi-city-okayama") + "/"
        let inputs = try StudyInputs.load(
            InputSpec(
                settlements: SourceSpec(parsing: base + "settlements.geojson"),
                districts: SourceSpec(parsing: base + "junior_high_school_districts.geojson"), districtNameField: "A32_008"))
        let s = inputs.settlements.settlements
        let d = try #require(inputs.districts)
        let membership = try DistrictMembership.assign(s, to: d, file: "districts", toleranceMeters: 200)
        let m = try StraightLineModel().travelTimes(lonLat: s.map(\.lonLat), projected: s.map(\.location), cutoffSeconds: 1800)
        return (inputs, membership, m)
    }

    @Test("every settlement lands in the district SOURCE.md names")
    func membership() throws {
        let (inputs, membership, _) = try Self.niimi()
        let layer = try VectorReader.read(SourceSpec(parsing: SharedData.path("geodata-real/niimi-city-okayama/settlements.geojson")))
        for (i, s) in inputs.settlements.settlements.enumerated() {
            let expected = layer.value(layer.features[s.sourceIndex], "junior_high_district").text
            #expect(membership.names[membership.district[i]] == expected)
        }
        #expect(membership.names.count == 5)
    }

    @Test("within: no zone crosses a district line")
    func within() throws {
        let (inputs, membership, m) = try Self.niimi()
        let z = try Zoner.plan(
            settlements: inputs.settlements.settlements, travel: m, blocked: Array(repeating: nil, count: m.rowCount),
            districts: membership, parameters: ZoningParameters(maxTravelSeconds: 1800, minPopulation: 500, districtMode: .within))
        #expect(!z.zones.isEmpty)
        for zone in z.zones {
            let ds = Set(zone.members.map { membership.district[$0] })
            #expect(ds.count == 1, "zone of \(inputs.settlements.settlements[zone.core].name) spans \(ds.count) districts")
            #expect(zone.districts.count == 1)
        }
        // Every district has at least one zone (each district is big enough for 500 people).
        #expect(Set(z.zones.map { membership.district[$0.core] }).count == 5)
    }

    @Test("whole: every district lies wholly in one zone, and each zone's core is in one of its districts")
    func whole() throws {
        let (inputs, membership, m) = try Self.niimi()
        let s = inputs.settlements.settlements
        let z = try Zoner.plan(
            settlements: s, travel: m, blocked: Array(repeating: nil, count: m.rowCount), districts: membership,
            parameters: ZoningParameters(maxTravelSeconds: 1800, minPopulation: 500, districtMode: .whole))
        #expect(!z.zones.isEmpty)
        for d in 0..<membership.names.count {
            let zonesOfDistrict = Set((0..<s.count).filter { membership.district[$0] == d }.map { z.zoneOf[$0] })
            #expect(zonesOfDistrict.count == 1, "\(membership.names[d]) is split over \(zonesOfDistrict)")
        }
        for zone in z.zones {
            #expect(zone.members.contains(zone.core))
            for member in zone.members { #expect((z.travelSeconds[member] ?? .infinity) <= 1800 + 1e-6) }
        }
        // Every settlement is served or says why.
        for i in s.indices { #expect(z.zoneOf[i] != nil || z.unservedReason[i] != nil) }
    }
}
