import Foundation
import Testing

@testable import ShurakuFunding

@Suite("Cooperative cost model")
struct CostModelTests {
    @Test("the published worked example: 6 workers, 20M + 4M running cost")
    func publishedWorkedExample() throws {
        let b = try CostModel.evaluate(
            CostInputs(workerCost: .total(20_000_000), officeCostYen: 4_000_000), workers: 6
        )
        #expect(b.runningCostYen == 24_000_000)
        #expect(b.usageFeesYen == 12_000_000)
        #expect(b.grantYen == 12_000_000)
        #expect(b.nationalShareYen == 6_000_000)
        #expect(b.municipalShareYen == 6_000_000)
        #expect(b.specialAllocationTaxYen == 3_000_000)
        #expect(b.municipalNetYen == 3_000_000)
        #expect(b.eligibleCostYen == 24_000_000)
        #expect(!b.capReductionApplied)
    }

    @Test("the worked example with a utilisation at exactly 80 % is not reduced")
    func exactlyEightyPercentIsNotReduced() throws {
        let u = Utilisation(workedHours: 4 * 1920 * 6 / 5, availableHours: 1920 * 6)
        let b = try CostModel.evaluate(
            CostInputs(workerCost: .total(20_000_000), officeCostYen: 4_000_000), workers: 6, utilisation: u
        )
        #expect(!b.capReductionApplied)
        #expect(b.grantYen == 12_000_000)
    }

    @Test("per-worker cap binds: 5,000,000 a worker is eligible only up to 4,000,000")
    func perWorkerCapBinds() throws {
        let b = try CostModel.evaluate(CostInputs(workerCost: .perWorker(5_000_000), officeCostYen: 7_000_000), workers: 3)
        #expect(b.workersCostYen == 15_000_000)
        #expect(b.eligibleWorkersCostYen == 12_000_000)
        #expect(b.eligibleOfficeCostYen == 6_000_000)
        #expect(b.grantYen == 9_000_000)
        #expect(b.usageFeesYen == 22_000_000 - 9_000_000)
    }

    @Test("below 80 % the proportional rule scales the cap by utilisation / 0.8")
    func proportionalReduction() throws {
        // 60 % utilisation → cap 4,000,000 × 0.6 / 0.8 = 3,000,000 per worker.
        let u = Utilisation(workedHours: 3 * 1920 * 6 / 5, availableHours: 1920 * 6)
        #expect(u.workedHours * 10 == u.availableHours * 6)
        let b = try CostModel.evaluate(
            CostInputs(workerCost: .total(24_000_000), officeCostYen: 4_000_000), workers: 6, utilisation: u
        )
        #expect(b.capReductionApplied)
        #expect(b.capReductionRule == "proportional")
        #expect(b.reducedPerWorkerCapYen == 3_000_000)
        #expect(b.eligibleWorkersCostYen == 18_000_000)
        #expect(b.grantYen == (18_000_000 + 4_000_000) / 2)
    }

    @Test("proportional reduction rounds down to whole yen")
    func proportionalRoundsDown() throws {
        // 1/3 utilisation: 4,000,000 × (1/3) / 0.8 = 1,666,666.67 → 1,666,666.
        let b = try CostModel.evaluate(
            CostInputs(workerCost: .perWorker(3_000_000), officeCostYen: 0), workers: 1,
            utilisation: Utilisation(workedHours: 640, availableHours: 1920)
        )
        #expect(b.reducedPerWorkerCapYen == 1_666_666)
        #expect(b.grantYen == 833_333)
        #expect(b.nationalShareYen == 416_666)
        #expect(b.municipalShareYen == 416_667)
        #expect(b.specialAllocationTaxYen == 208_333)
        #expect(b.usageFeesYen + b.grantYen == b.runningCostYen)
    }

    @Test("rule none keeps the cap; a step table picks the highest step reached")
    func otherRules() throws {
        let u = Utilisation(workedHours: 65, availableHours: 100)
        let inputs = CostInputs(workerCost: .perWorker(4_000_000), officeCostYen: 0)
        let none = try CostModel.evaluate(inputs, workers: 2, utilisation: u, rules: SupportRules(capReduction: .none))
        #expect(none.capReductionApplied)
        #expect(none.reducedPerWorkerCapYen == 4_000_000)
        let steps = CapReductionRule.steps([CapStep(atLeastPercent: 70, capPercent: 90), CapStep(atLeastPercent: 60, capPercent: 75)])
        let s = try CostModel.evaluate(inputs, workers: 2, utilisation: u, rules: SupportRules(capReduction: steps))
        #expect(s.reducedPerWorkerCapYen == 3_000_000)
        #expect(s.capReductionRule == "steps")
        let low = try CostModel.evaluate(
            inputs, workers: 2, utilisation: Utilisation(workedHours: 59, availableHours: 100),
            rules: SupportRules(capReduction: steps))
        #expect(low.reducedPerWorkerCapYen == 0)
    }

    @Test("cost inputs and support rules decode strictly")
    func strictDecoding() throws {
        let ok = try StrictJSON.decode(CostInputs.self, from: Data(#"{"workersCostYen": 20000000, "officeCostYen": 4000000}"#.utf8))
        #expect(ok == CostInputs(workerCost: .total(20_000_000), officeCostYen: 4_000_000))
        #expect(throws: FundingError.unknownKey(path: "officeCost", hint: " (did you mean officeCostYen?)")) {
            try StrictJSON.decode(CostInputs.self, from: Data(#"{"workersCostYen": 1, "officeCost": 4}"#.utf8))
        }
        let rules = try StrictJSON.decode(
            SupportRules.self, from: Data(#"{"capReduction": {"steps": [{"atLeastPercent": 70, "capPercent": 90}]}}"#.utf8))
        #expect(rules.capReduction == .steps([CapStep(atLeastPercent: 70, capPercent: 90)]))
        #expect(throws: FundingError.unknownKey(path: "capReduction.steps[0].cap")) {
            try StrictJSON.decode(SupportRules.self, from: Data(#"{"capReduction": {"steps": [{"atLeastPercent": 70, "cap": 90}]}}"#.utf8))
        }
        #expect(throws: FundingError.self) {
            try StrictJSON.decode(SupportRules.self, from: Data(#"{"capReduction": "linear"}"#.utf8))
        }
    }
}
