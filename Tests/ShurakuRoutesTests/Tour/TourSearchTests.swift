import ShurakuCore
import Testing

@testable import ShurakuRoutes

@Test("iterated 2-opt / Or-opt reaches the exact optimum on random asymmetric 12-city instances")
func tourSearchFindsAsymmetricOptimum() throws {
    var rng = SeededGenerator(seed: 11)
    for _ in 0..<10 {
        let m = 12
        let travel = RoutingFixtures.asymmetricTravel(n: m, rng: &rng)
        let exact = try #require(HeldKarp.solve(m: m, costs: travel))
        let search = TourSearch(m: m, costs: travel)
        #expect(!search.isSymmetric)
        search.buildNearestNeighbourTour()
        search.optimiseFully()
        search.iterate(2_000, rng: &rng, deadline: .never)
        let order = search.orderFromDepot
        #expect(Set(order) == Set(0..<m))
        let cost = RoutingFixtures.tourCost(Array(order.dropFirst()), travel: travel, n: m)
        #expect(cost == search.cost)
        #expect(cost == RoutingFixtures.tourCost(Array(exact.dropFirst()), travel: travel, n: m))
    }
}

@Test("the tracked tour cost equals the recomputed cost after every kind of change (symmetric and not)")
func tourSearchTracksCost() {
    var rng = SeededGenerator(seed: 12)
    for trial in 0..<6 {
        let m = 30 + 10 * trial
        let travel =
            trial % 2 == 0
            ? RoutingFixtures.asymmetricTravel(n: m, rng: &rng)
            : RoutingFixtures.euclideanTravel(n: m, rng: &rng)
        let search = TourSearch(m: m, costs: travel)
        search.buildNearestNeighbourTour()
        let start = search.cost
        search.optimiseFully()
        let afterLocal = search.cost
        search.iterate(300, rng: &rng, deadline: .never)
        let order = search.orderFromDepot
        #expect(Set(order) == Set(0..<m))
        #expect(RoutingFixtures.tourCost(Array(order.dropFirst()), travel: travel, n: m) == search.cost)
        #expect(afterLocal <= start)
        #expect(search.cost <= afterLocal)
    }
}
