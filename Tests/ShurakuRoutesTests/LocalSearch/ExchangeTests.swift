import Testing

@testable import ShurakuRoutes

@Test("Exchange: claimed gain equals the true objective change, and routes stay feasible (swapping two stops)")
func exchangeGainsAreExact() throws {
    let report = try MoveHarness.check(Exchange.self, cases: 24, seed: 0x745700)
    #expect(report.failures.isEmpty, "\(report.failures.prefix(3))")
    // The loop must have exercised the move, improving candidates included.
    #expect(report.candidates >= 100)
    #expect(report.improving >= 10)
}
