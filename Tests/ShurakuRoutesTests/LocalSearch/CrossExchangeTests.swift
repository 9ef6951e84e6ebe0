import Testing

@testable import ShurakuRoutes

@Test("CrossExchange: claimed gain equals the true objective change, and routes stay feasible (swapping segments between routes)")
func crossExchangeGainsAreExact() throws {
    let report = try MoveHarness.check(CrossExchange.self, cases: 24, seed: 0x768400)
    #expect(report.failures.isEmpty, "\(report.failures.prefix(3))")
    // The loop must have exercised the move, improving candidates included.
    #expect(report.candidates >= 100)
    #expect(report.improving >= 10)
}
