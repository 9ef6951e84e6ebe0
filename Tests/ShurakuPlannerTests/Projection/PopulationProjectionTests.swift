import ShurakuCore
import Testing

@testable import ShurakuPlanner

@Suite("Population projection: largest remainder and the trend method")
struct PopulationProjectionTests {
    @Test("whole weights: shares add up exactly, each within one of its quota; seeded loop")
    func wholeWeights() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let n = Int.random(in: 1...30, using: &rng)
            let weights = (0..<n).map { _ in Int64.random(in: 0...5000, using: &rng) }
            let total = Int64.random(in: 0...100_000, using: &rng)
            let shares = PopulationProjection.largestRemainder(total: total, weights: weights)
            #expect(shares.reduce(0, +) == total)
            let sum = Double(weights.reduce(0, +))
            for (w, s) in zip(weights, shares) where sum > 0 {
                #expect(abs(Double(s) - Double(total) * Double(w) / sum) < 1 + 1e-9)
            }
        }
    }

    @Test("ties go to the larger weight, then the earlier settlement; no weight at all splits evenly")
    func ties() {
        // 5 people for 3 equal shares of 1⅔: the two extra go to the first two.
        #expect(PopulationProjection.largestRemainder(total: 5, weights: [10, 10, 10]) == [2, 2, 1])
        // Quotas 0.5 and 1.5 (remainders ½): the larger weight first.
        #expect(PopulationProjection.largestRemainder(total: 2, weights: [1, 3]) == [0, 2])
        #expect(PopulationProjection.largestRemainder(total: 4, weights: [0, 0, 0]) == [2, 1, 1])
        #expect(PopulationProjection.largestRemainder(total: 0, weights: [3, 4]) == [0, 0])
    }

    @Test("the share method keeps today's shares; the trend method favours the settlements that grew; totals exact every year")
    func methods() {
        let base: [Int64] = [500, 300, 200, 0]
        let previous: [Int64?] = [600, 250, nil, 0]
        let totals: [[Int64]] = [[1000, 900, 800]]
        let steps = [0, 1, 2]
        let share = PopulationProjection.project(base: base, previous: nil, municipality: [0, 0, 0, 0], totals: totals, steps: steps)
        #expect(share[0] == base)
        #expect(share[2] == [400, 240, 160, 0])
        let trend = PopulationProjection.project(base: base, previous: previous, municipality: [0, 0, 0, 0], totals: totals, steps: steps)
        for y in steps.indices { #expect(trend[y].reduce(0, +) == totals[0][y]) }
        #expect(trend[0] == base)
        #expect(trend[2][1] > share[2][1] && trend[2][0] < share[2][0])
        // Ratios: 500/600 = 0.83, 300/250 = 1.2, unknown → the municipality's (800/850 = 0.94).
        let ratios = PopulationProjection.growthRatios([0, 1, 2, 3], base: base, previous: previous)
        #expect(abs(ratios[0] - 500.0 / 600) < 1e-12 && abs(ratios[1] - 1.2) < 1e-12 && abs(ratios[2] - 800.0 / 850) < 1e-12)
    }
}
