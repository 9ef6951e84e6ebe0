import Testing

@testable import ShurakuRoutes

@Test("TwoOpt: claimed gain equals the true objective change, and routes stay feasible (reversing part of a route)")
func twoOptGainsAreExact() throws {
    let report = try MoveHarness.check(TwoOpt.self, cases: 24, seed: 0x1E0900)
    #expect(report.failures.isEmpty, "\(report.failures.prefix(3))")
    // The loop must have exercised the move, improving candidates included.
    #expect(report.candidates >= 100)
    #expect(report.improving >= 10)
}
