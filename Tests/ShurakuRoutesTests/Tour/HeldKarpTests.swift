import ShurakuCore
import Testing

@testable import ShurakuRoutes

@Test("Held–Karp finds the brute-force optimum on random asymmetric instances")
func heldKarpMatchesBruteForce() throws {
    var rng = SeededGenerator(seed: 7)
    for m in 1...8 {
        for _ in 0..<4 {
            let travel = RoutingFixtures.asymmetricTravel(n: m, rng: &rng)
            let tour = try #require(HeldKarp.solve(m: m, costs: travel))
            #expect(tour.first == 0)
            #expect(Set(tour) == Set(0..<m))
            let cost = RoutingFixtures.tourCost(Array(tour.dropFirst()), travel: travel, n: m)
            #expect(cost == RoutingFixtures.bruteForceTour(Array(1..<m), travel: travel, n: m))
        }
    }
    #expect(HeldKarp.solve(m: HeldKarp.maxCities + 1, costs: []) == nil)
}
