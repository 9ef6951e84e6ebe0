import Testing

@testable import ShurakuRoutes

@Test("TwoOptStar: claimed gain equals the true objective change, and routes stay feasible (swapping route tails (plain and reversed))")
func twoOptStarGainsAreExact() throws {
    let report = try MoveHarness.check(TwoOptStar.self, cases: 24, seed: 0x331600)
    #expect(report.failures.isEmpty, "\(report.failures.prefix(3))")
    // The loop must have exercised the move, improving candidates included.
    #expect(report.candidates >= 100)
    #expect(report.improving >= 10)
}
