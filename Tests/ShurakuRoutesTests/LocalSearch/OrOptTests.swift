import Testing

@testable import ShurakuRoutes

@Test("OrOpt: claimed gain equals the true objective change, and routes stay feasible (moving a segment of 1–3 stops within its route)")
func orOptGainsAreExact() throws {
    let report = try MoveHarness.check(OrOpt.self, cases: 24, seed: 0x6AD100)
    #expect(report.failures.isEmpty, "\(report.failures.prefix(3))")
    // The loop must have exercised the move, improving candidates included.
    #expect(report.candidates >= 100)
    #expect(report.improving >= 10)
}
