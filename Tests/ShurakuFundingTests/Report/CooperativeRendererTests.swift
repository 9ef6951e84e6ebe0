import Foundation
import ShurakuTestSupport
import Testing

@testable import ShurakuFunding

@Suite("Cooperative renderers")
struct CooperativeRendererTests {
    static func report(costs: CostInputs? = CostInputs(workerCost: .total(20_000_000), officeCostYen: 4_000_000)) throws
        -> CooperativeReport
    {
        let d = try DemandCSV.parse(Data(contentsOf: URL(fileURLWithPath: SharedData.repoPath("geodata/cooperative/seasonal-example.csv"))))
        return try CooperativeReport.make(demand: d, costs: costs)
    }

    static func csvRows(_ text: String) throws -> [[String]] {
        try text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { try CSVLine.split(String($0)) }
    }

    @Test("summary CSV has metric,value rows that match the cost breakdown")
    func summaryCSV() throws {
        let r = try Self.report()
        let rows = try Self.csvRows(CooperativeRenderer.summaryCSV(r))
        #expect(rows.first == ["metric", "value"])
        #expect(rows.allSatisfy { $0.count == 2 })
        let map = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0[1]) })
        let c = try #require(r.costs)
        #expect(map["running_cost_yen"] == "24000000")
        #expect(map["grant_yen"] == String(c.grantYen))
        #expect(map["usage_fees_yen"] == String(c.usageFeesYen))
        #expect(map["worked_hours"] == "5120")
        #expect(map["utilisation"] == "0.8889")
        #expect(map["cap_reduction_applied"] == "false")
        #expect(map["eighty_percent_rule_bound"] == "false")
    }

    @Test("summary JSON parses and carries the same numbers; employers' fees add up to the usage fees")
    func summaryJSON() throws {
        let r = try Self.report()
        let text = CooperativeRenderer.summaryJSON(r)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let c = try #require(r.costs)
        #expect(obj["grant_yen"] as? Int == c.grantYen)
        #expect(obj["special_allocation_tax_yen"] as? Int == c.specialAllocationTaxYen)
        #expect(obj["worker_count"] as? Int == 3)
        #expect(obj["cap_reduction_rule"] as? String == "proportional")
        #expect(obj["share_basis"] as? String == "hoursWorked")
        let employers = try #require(obj["employers"] as? [[String: Any]])
        #expect(employers.count == 6)
        #expect(employers.compactMap { $0["usage_fee_yen"] as? Int }.reduce(0, +) == c.usageFeesYen)
        #expect(employers.first?["employer"] as? String == "山田農園")
    }

    @Test("without costs the summary leaves the yen rows out and fees are null")
    func noCosts() throws {
        let r = try Self.report(costs: nil)
        #expect(!CooperativeRenderer.summaryCSV(r).contains("grant_yen"))
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(CooperativeRenderer.summaryJSON(r).utf8)) as? [String: Any])
        let employers = try #require(obj["employers"] as? [[String: Any]])
        #expect(employers.allSatisfy { $0["usage_fee_yen"] is NSNull })
    }

    @Test("summary Markdown is a table with the rule used and the employers")
    func summaryMarkdown() throws {
        let md = CooperativeRenderer.summaryMarkdown(try Self.report())
        #expect(md.contains("| Measure | Value |"))
        #expect(md.contains("| Municipal grant (1/2 of eligible) | "))
        #expect(md.contains("| 酒蔵 白峰酒造 | 1,600 | 1,600 | 0 |"))
        #expect(md.contains("Per-worker cap reduction rule: proportional"))
    }

    @Test("schedule CSV and JSON list every worker's 12 months with the schedule's employers")
    func schedules() throws {
        let s = try Self.report().schedule
        let rows = try Self.csvRows(CooperativeRenderer.schedulesCSV(s))
        #expect(rows.first == ["worker", "month", "am", "pm"])
        #expect(rows.count == 1 + 12 * s.workers.count)
        for row in rows.dropFirst() {
            let w = try #require(Int(row[0])).advanced(by: -1)
            let m = try #require(Int(row[1]))
            for (k, slot) in [Slot.am, .pm].enumerated() {
                let e = s.workers[w].employer(in: try #require(Cell(month: m, slot: slot)))
                #expect(row[2 + k] == (e.map { s.demand.employers[$0] } ?? ""))
            }
        }
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(CooperativeRenderer.schedulesJSON(s).utf8)) as? [String: Any])
        let workers = try #require(obj["workers"] as? [[String: Any]])
        #expect(workers.count == s.workers.count)
        let months = try #require(workers.first?["months"] as? [[String: Any]])
        #expect(months.count == 12)
        let md = CooperativeRenderer.schedulesMarkdown(s)
        #expect(md.components(separatedBy: "| Month | am | pm |").count == s.workers.count + 1)
    }

    @Test("names with commas, quotes and pipes survive CSV, JSON and Markdown")
    func escaping() throws {
        let name = "A|B, \"C\""
        let d = try LabourDemand(
            employers: [name, "x"],
            workersByCell: [
                (0..<24).map { $0 < 12 ? 1 : 0 }, (0..<24).map { $0 < 12 ? 0 : 1 },
            ])
        let r = try CooperativeReport.make(demand: d, costs: CostInputs(workerCost: .perWorker(1), officeCostYen: 0))
        let rows = try Self.csvRows(CooperativeRenderer.schedulesCSV(r.schedule))
        #expect(rows.contains { $0[2] == name })
        #expect(try Self.csvRows(CooperativeRenderer.employersCSV(r))[1][0] == name)
        let obj = try JSONSerialization.jsonObject(with: Data(CooperativeRenderer.summaryJSON(r).utf8)) as? [String: Any]
        #expect((obj?["employers"] as? [[String: Any]])?.first?["employer"] as? String == name)
        #expect(CooperativeRenderer.summaryMarkdown(r).contains("| A\\|B, \"C\" |"))
        // The JSON's uncovered list is empty and still valid JSON.
        #expect((try? JSONSerialization.jsonObject(with: Data(CooperativeRenderer.schedulesJSON(r.schedule).utf8))) != nil)
    }

    @Test("two runs on the same input render byte-identical text")
    func byteIdentical() throws {
        let (a, b) = (try Self.report(), try Self.report())
        #expect(CooperativeRenderer.summaryJSON(a) == CooperativeRenderer.summaryJSON(b))
        #expect(CooperativeRenderer.summaryMarkdown(a) == CooperativeRenderer.summaryMarkdown(b))
        #expect(CooperativeRenderer.schedulesCSV(a.schedule) == CooperativeRenderer.schedulesCSV(b.schedule))
    }

    @Test("usage fees are split by hours with largest remainders and add up exactly")
    func feeSplit() {
        #expect(UsageFeeShare.split(10, byHours: [1, 1, 1]) == [4, 3, 3])
        #expect(UsageFeeShare.split(12_000_000, byHours: [320, 960, 0]) == [3_000_000, 9_000_000, 0])
        #expect(UsageFeeShare.split(7, byHours: [0, 0]) == [0, 0])
        #expect(UsageFeeShare.split(1_000_001, byHours: [3, 7, 11]).reduce(0, +) == 1_000_001)
    }

    @Test("text helpers: percent and fraction round half up; yen has separators")
    func textHelpers() {
        #expect(TextFormat.percent(2, 3) == "66.7")
        #expect(TextFormat.percent(1, 8) == "12.5")
        #expect(TextFormat.fraction(8, 9) == "0.8889")
        #expect(TextFormat.fraction(1, 1) == "1.0000")
        #expect(Yen.format(12_000_000) == "12,000,000")
        #expect(Yen.format(-1_500) == "-1,500")
        #expect(Yen.format(0) == "0")
        #expect(TextFormat.jsonString("a\"\\\u{1}") == "\"a\\\"\\\\\\u0001\"")
    }
}
