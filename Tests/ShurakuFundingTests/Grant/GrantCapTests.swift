import Foundation
import Testing

@testable import ShurakuFunding

@Suite("Grant caps for settlement network zones")
struct GrantCapTests {
    @Test(
        "the four combinations of specialist staff and ICT",
        arguments: [
            (false, false, 15_000_000), (true, false, 20_000_000), (false, true, 25_000_000), (true, true, 30_000_000),
        ])
    func combinations(specialist: Bool, ict: Bool, expected: Int) {
        let p = GrantPolicy(defaults: GrantFeatures(specialistStaff: specialist, ict: ict))
        let cap = p.cap(coreID: "S1", hasAppBookedBus: false)
        #expect(cap.capYen == expected)
        #expect(cap.baseYen == 15_000_000)
        #expect(cap.additionYen == expected - 15_000_000)
        #expect(cap.reason.contains("15,000,000"))
    }

    @Test("a per-zone override changes that zone only and inherits unset keys")
    func overrides() {
        let p = GrantPolicy(
            defaults: GrantFeatures(specialistStaff: true),
            zones: ["S2": GrantFeatureOverride(ict: true), "S3": GrantFeatureOverride(specialistStaff: false)]
        )
        #expect(p.cap(coreID: "S1", hasAppBookedBus: false).capYen == 20_000_000)
        let s2 = p.cap(coreID: "S2", hasAppBookedBus: false)
        #expect(s2.capYen == 30_000_000)
        #expect(s2.fromZoneOverride)
        #expect(p.cap(coreID: "S3", hasAppBookedBus: false).capYen == 15_000_000)
        #expect(p.unmatchedZoneIDs(coreIDs: ["S1", "S2"]) == ["S3"])
    }

    @Test("an app-booked bus counts as ICT only when the scenario says so")
    func appBusFlag() {
        let off = GrantPolicy()
        #expect(off.cap(coreID: "S1", hasAppBookedBus: true).capYen == 15_000_000)
        let on = GrantPolicy(appBookedBusCountsAsICT: true)
        let withBus = on.cap(coreID: "S1", hasAppBookedBus: true)
        #expect(withBus.capYen == 25_000_000)
        #expect(withBus.ictFromAppBookedBus)
        #expect(withBus.reason.contains("app-booked"))
        #expect(on.cap(coreID: "S1", hasAppBookedBus: false).capYen == 15_000_000)
        let both = GrantPolicy(defaults: GrantFeatures(specialistStaff: true), appBookedBusCountsAsICT: true)
        #expect(both.cap(coreID: "S1", hasAppBookedBus: true).capYen == 30_000_000)
    }

    @Test("totals add caps and count features")
    func totals() {
        let p = GrantPolicy(zones: ["A": GrantFeatureOverride(specialistStaff: true), "B": GrantFeatureOverride(ict: true)])
        let caps = ["A", "B", "C"].map { p.cap(coreID: $0, hasAppBookedBus: false) }
        let t = GrantTotals(caps)
        #expect(t.zones == 3)
        #expect(t.capYen == 20_000_000 + 25_000_000 + 15_000_000)
        #expect(t.baseYen == 45_000_000)
        #expect(t.zonesWithSpecialistStaff == 1)
        #expect(t.zonesWithICT == 1)
    }

    @Test("policy JSON decodes with camelCase keys and defaults")
    func decodes() throws {
        let json = #"{"defaults": {"ict": true}, "zones": {"S9": {"specialistStaff": true}}, "appBookedBusCountsAsICT": true}"#
        let p = try GrantPolicy.decode(from: Data(json.utf8))
        #expect(p.defaults == GrantFeatures(specialistStaff: false, ict: true))
        #expect(p.zones["S9"] == GrantFeatureOverride(specialistStaff: true, ict: nil))
        #expect(p.appBookedBusCountsAsICT)
        #expect(try GrantPolicy.decode(from: Data("{}".utf8)) == .none)
        let roundTrip = try GrantPolicy.decode(from: JSONEncoder().encode(p))
        #expect(roundTrip == p)
    }

    @Test(
        "unknown keys are rejected with their JSON path and a did-you-mean",
        arguments: [
            (#"{"default": {}}"#, "default", " (did you mean defaults?)"),
            (#"{"defaults": {"ICT": true}}"#, "defaults.ICT", " (did you mean ict?)"),
            (#"{"zones": {"S01": {"ictt": true}}}"#, "zones.S01.ictt", " (did you mean ict?)"),
            (#"{"zones": {"12": {"staff": true}}}"#, "zones.12.staff", ""),
        ])
    func unknownKeys(json: String, path: String, hint: String) {
        #expect(throws: FundingError.unknownKey(path: path, hint: hint)) { try GrantPolicy.decode(from: Data(json.utf8)) }
    }

    @Test("wrong types and broken JSON are typed errors")
    func wrongTypes() {
        #expect(throws: FundingError.wrongType(path: "zones.S1.ict", expected: "a boolean")) {
            try GrantPolicy.decode(from: Data(#"{"zones": {"S1": {"ict": "yes"}}}"#.utf8))
        }
        #expect(throws: FundingError.wrongType(path: "appBookedBusCountsAsICT", expected: "a boolean")) {
            try GrantPolicy.decode(from: Data(#"{"appBookedBusCountsAsICT": 1}"#.utf8))
        }
        #expect(throws: FundingError.self) { try GrantPolicy.decode(from: Data("{".utf8)) }
        #expect(GrantPolicy.knownKeys == ["defaults", "zones", "appBookedBusCountsAsICT"])
    }

    @Test("a policy nested in a caller's scenario reports the full path")
    func nestedPath() {
        struct Scenario: Decodable { let grants: GrantPolicy }
        #expect(throws: FundingError.unknownKey(path: "grants.zones.S1.x")) {
            try StrictJSON.decode(Scenario.self, from: Data(#"{"grants": {"zones": {"S1": {"x": 1}}}}"#.utf8))
        }
    }
}

@Suite("Grant cap tables")
struct GrantRendererTests {
    @Test("CSV has one row per zone with the cap and its reason; Markdown adds the total")
    func tables() throws {
        let p = GrantPolicy(zones: ["S,2": GrantFeatureOverride(specialistStaff: true, ict: true)])
        let caps = [p.cap(coreID: "S1", hasAppBookedBus: false), p.cap(coreID: "S,2", hasAppBookedBus: false)]
        let lines = GrantRenderer.csv(caps).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0] == "core_id,specialist_staff,ict,ict_from_app_bus,base_yen,addition_yen,grant_cap_yen,reason")
        let row = try CSVLine.split(lines[2])
        #expect(row[0] == "S,2")
        #expect(row[6] == "30000000")
        #expect(row[7] == caps[1].reason)
        let md = GrantRenderer.markdown(caps)
        #expect(md.contains("| **Total (2 zones)** | 1 | 1 | 45,000,000 yen | |"))
    }
}
