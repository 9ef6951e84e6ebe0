import Foundation
import Testing

@testable import ShurakuFunding

@Suite("Cooperative settings")
struct CooperativeSettingsTests {
    @Test("the documented settings block decodes and drives the worked example")
    func documentedExample() throws {
        let json = """
            {
              "schedule": { "workers": 6, "hoursPerCell": 80, "shareBasis": "hoursWorked", "seed": 1 },
              "costs": { "workersCostYen": 20000000, "officeCostYen": 4000000 },
              "supportRules": { "perWorkerCapYen": 4000000, "officeCapYen": 6000000, "capReduction": "proportional" }
            }
            """
        let s = try CooperativeSettings.decode(from: Data(json.utf8))
        #expect(s.schedule.workers == 6)
        #expect(s.costs == CostInputs(workerCost: .total(20_000_000), officeCostYen: 4_000_000))
        let c = try CostModel.evaluate(try #require(s.costs), workers: 6, rules: s.supportRules)
        #expect(c.grantYen == 12_000_000)
        #expect(try CooperativeSettings.decode(from: Data("{}".utf8)) == CooperativeSettings())
    }

    @Test("unknown keys and wrong types inside the block name their path")
    func strict() {
        #expect(throws: FundingError.unknownKey(path: "schedule.hours", hint: " (did you mean hoursPerCell?)")) {
            try CooperativeSettings.decode(from: Data(#"{"schedule": {"hours": 4}}"#.utf8))
        }
        #expect(throws: FundingError.unknownKey(path: "supportRules.officeCap", hint: " (did you mean officeCapYen?)")) {
            try CooperativeSettings.decode(from: Data(#"{"supportRules": {"officeCap": 4}}"#.utf8))
        }
        #expect(throws: FundingError.wrongType(path: "schedule.workers", expected: "an integer")) {
            try CooperativeSettings.decode(from: Data(#"{"schedule": {"workers": "six"}}"#.utf8))
        }
        #expect(throws: FundingError.missingKey(path: "costs.costPerWorkerYen")) {
            try CooperativeSettings.decode(from: Data(#"{"costs": {"officeCostYen": 1}}"#.utf8))
        }
        #expect(throws: FundingError.self) {
            try CooperativeSettings.decode(from: Data(#"{"schedule": {"shareBasis": "hours"}}"#.utf8))
        }
    }

    @Test("cap reduction rules parse from command-line spellings")
    func capRuleArgument() throws {
        #expect(try CapReductionRule(argument: "proportional") == .proportional)
        #expect(try CapReductionRule(argument: "none") == CapReductionRule.none)
        #expect(
            try CapReductionRule(argument: "steps:70=90,60=75")
                == .steps([CapStep(atLeastPercent: 70, capPercent: 90), CapStep(atLeastPercent: 60, capPercent: 75)]))
        for bad in ["linear", "steps:", "steps:70", "steps:70=101", "steps:70=90,70=80", "steps:a=b"] {
            #expect(throws: FundingError.self, "\(bad)") { try CapReductionRule(argument: bad) }
        }
    }
}
