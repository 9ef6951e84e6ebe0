import Foundation
import ShurakuInput
import ShurakuNetwork
import ShurakuTestSupport
import Testing

@testable import ShurakuPlanner

/// The steps of ``Zoner/plan``, one by one, on 新見市 (five junior-high districts, straight lines).
@Suite("Zoning steps")
struct ZonerStepsTests {
    @Test("reach: every pair within the limit; within keeps only same-district pairs; candidates reach themselves")
    func reach() throws {
        let (inputs, d, m) = try ZonerDistrictTests.niimi()
        let s = inputs.settlements.settlements
        let p = ZoningParameters(maxTravelSeconds: 1800, districtMode: .within)
        let blocked = [UnservedReason?](repeating: nil, count: s.count)
        let r = ReachTable(settlements: s, travel: m, blocked: blocked, districts: d, mode: .within, parameters: p)
        for i in s.indices {
            #expect(r.all[i].allSatisfy { $0.seconds <= 1800 + 1e-6 })
            #expect(r.all[i].contains { $0.core == i })
            #expect(r.allowed[i].allSatisfy { d.district[$0.core] == d.district[i] })
            #expect(r.allowed[i].count <= r.all[i].count)
        }
        // Nobody is out of reach of a 1,000-people zone in 新見市; a minimum above any district's population excludes all.
        #expect(r.belowMinimum(settlements: s, excluded: blocked.map { _ in false }, minPopulation: 1000).isEmpty)
        let tooBig = r.belowMinimum(settlements: s, excluded: blocked.map { _ in false }, minPopulation: 1_000_000)
        #expect(tooBig.count == s.count)
    }

    @Test("whole: one client per district, served only by cores that reach all of it, and only from touching districts")
    func wholeClients() throws {
        let (inputs, d, m) = try ZonerDistrictTests.niimi()
        let s = inputs.settlements.settlements
        let p = ZoningParameters(maxTravelSeconds: 1800, districtMode: .whole)
        let blocked = [UnservedReason?](repeating: nil, count: s.count)
        let excluded = [Bool](repeating: false, count: s.count)
        let r = ReachTable(settlements: s, travel: m, blocked: blocked, districts: d, mode: .whole, parameters: p)
        let c = ZoningClients(settlements: s, reach: r, excluded: excluded, districts: d, mode: .whole)
        #expect(c.members.count == 5 && c.splitDistricts.isEmpty)
        for (members, costs) in zip(c.members, c.costs) {
            #expect(Set(members.map { d.district[$0] }).count == 1)
            for core in costs.keys { #expect(members.allSatisfy { i in r.all[i].contains { $0.core == core } }) }
        }
        // With no district touching another, each district may only be served from inside.
        let alone = ZoningClients(
            settlements: s, reach: r, excluded: excluded, districts: d, mode: .whole, neighbours: Array(repeating: [], count: 5))
        #expect(alone.costs == c.costs, "districts without neighbours keep every core they reach")
        let onlySelf = ZoningClients(
            settlements: s, reach: r, excluded: excluded, districts: d, mode: .whole, neighbours: (0..<5).map { [($0 + 1) % 5] })
        for (members, costs) in zip(onlySelf.members, onlySelf.costs) {
            let own = d.district[members[0]]
            #expect(costs.keys.allSatisfy { d.district[$0] == own || d.district[$0] == (own + 1) % 5 })
        }
    }
}
