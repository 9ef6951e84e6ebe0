import Foundation
import ShurakuCore
import ShurakuTestSupport
import Testing

@testable import ShurakuFunding

@Suite("Demand CSV")
struct DemandCSVTests {
    static func parse(_ text: String, limits: DemandLimits = .standard) throws(FundingError) -> LabourDemand {
        try DemandCSV.parse(bytes: Array(text.utf8), limits: limits)
    }

    static func cell(_ d: LabourDemand, _ employer: String, _ month: Int, _ slot: Slot) -> Int? {
        guard let e = d.employers.firstIndex(of: employer), let c = Cell(month: month, slot: slot) else { return nil }
        return d.workers(employer: e, cell: c)
    }

    @Test("the bundled seasonal example parses into the brief's pattern")
    func bundledSample() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: SharedData.repoPath("geodata/cooperative/seasonal-example.csv")))
        let d = try DemandCSV.parse(data)
        #expect(d.employers == ["山田農園", "食堂やまびこ", "そば処 川音", "酒蔵 白峰酒造", "デイサービスさくら", "ひまわり保育園"])
        #expect(Self.cell(d, "山田農園", 4, .am) == 2)
        #expect(Self.cell(d, "山田農園", 5, .am) == 0)
        #expect((1...12).map { Self.cell(d, "食堂やまびこ", $0, .pm) } == [0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0])
        #expect((1...12).map { Self.cell(d, "酒蔵 白峰酒造", $0, .am) } == [2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 2, 2])
        #expect(Self.cell(d, "デイサービスさくら", 7, .am) == 1)
        #expect(Self.cell(d, "デイサービスさくら", 7, .pm) == 0)
        #expect(Self.cell(d, "ひまわり保育園", 7, .pm) == 1)
        #expect(d.peak == 3)
        #expect(d.total == 64)
    }

    @Test("BOM and CRLF line endings read the same as plain LF")
    func bomAndCRLF() throws {
        let plain = "employer,month,slot,workers\n酒蔵,11-3,all,2\n保育園,all,pm,1\n"
        let windows = "\u{FEFF}" + plain.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try Self.parse(windows) == Self.parse(plain))
        #expect(try Self.parse(String(plain.dropLast())) == Self.parse(plain))
    }

    @Test("Japanese headers, 月 suffixes, full-width digits and 午前/午後")
    func japaneseSpellings() throws {
        let d = try Self.parse("事業者,月,時間帯,人数,備考\n農園,４月,終日,２,田植え\n介護,4月〜6月,午前,1,\n")
        #expect(Self.cell(d, "農園", 4, .pm) == 2)
        #expect((1...12).map { Self.cell(d, "介護", $0, .am) } == [0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0])
        #expect(Self.cell(d, "介護", 5, .pm) == 0)
    }

    @Test("a missing slot column means all day; columns may come in any order")
    func optionalSlot() throws {
        let d = try Self.parse("workers,employer,month\n1,\"Inn, Lake\",7\n")
        #expect(d.employers == ["Inn, Lake"])
        #expect(Self.cell(d, "Inn, Lake", 7, .am) == 1)
        #expect(Self.cell(d, "Inn, Lake", 7, .pm) == 1)
    }

    @Test("quoted fields keep commas and doubled quotes; comments and blank lines are skipped")
    func quoting() throws {
        let d = try Self.parse("# demand\n\nemployer,month,slot,workers\n  \"A \"\"x\"\", B\" , 1 , am , 1\n   # later\n")
        #expect(d.employers == ["A \"x\", B"])
    }

    @Test("rows for the same employer and cell add up")
    func duplicatesAdd() throws {
        let d = try Self.parse("employer,month,slot,workers\nA,4,all,1\nA,4,am,2\nA,all,am,1\n")
        #expect(Self.cell(d, "A", 4, .am) == 4)
        #expect(Self.cell(d, "A", 4, .pm) == 1)
        #expect(Self.cell(d, "A", 5, .am) == 1)
    }

    @Test("a range past December wraps to the new year")
    func wrappingRange() throws {
        let d = try Self.parse("employer,month,workers\nS,11-3,1\n")
        #expect((1...12).map { Self.cell(d, "S", $0, .am) } == [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1])
    }

    @Test(
        "errors name the line and the column",
        arguments: [
            ("employer,month,slot,workers\nA,13,am,1\n", 2, "month"),
            ("employer,month,slot,workers\nA,4,evening,1\n", 2, "slot"),
            ("employer,month,slot,workers\nA,4,am,-1\n", 2, "workers"),
            ("employer,month,slot,workers\nA,4,am,1.5\n", 2, "workers"),
            ("employer,month,slot,workers\n\n,4,am,1\n", 3, "employer"),
            ("employer,month,slot,workers\nA,4-,am,1\n", 2, "month"),
            ("employer,month,shift,workers\nA,4,am,1\n", 1, "shift"),
            ("employer,month,workers,month\n", 1, "month"),
            ("employer,slot,workers\nA,am,1\n", 1, "month"),
            ("employer,month,slot,workers\nA,4,am\n", 2, "workers"),
            ("employer,month,slot,workers\n\"A,4,am,1\n", 2, "employer"),
            ("employer,month,slot,workers\n\"A\"x,4,am,1\n", 2, "employer"),
            ("employer,month,slot,workers\nA,4,am,201\n", 2, "workers"),
            ("employer,month,slot,workers\nA,4,am,150\nB,4,am,51\n", 3, "workers"),
        ] as [(String, Int, String)])
    func namedErrors(text: String, line: Int, column: String) {
        do {
            _ = try Self.parse(text)
            Issue.record("expected an error")
        } catch {
            guard case .csv(let l, let c, _) = error else {
                Issue.record("expected a CSV error, got \(error)")
                return
            }
            #expect(l == line)
            #expect(c == column)
        }
    }

    @Test("whole-line problems: too many fields, bad UTF-8, no header, no rows")
    func lineErrors() {
        #expect(throws: FundingError.self) { try Self.parse("employer,month,slot,workers\nA,4,am,1,x\n") }
        var bytes = Array("employer,month,slot,workers\nA,4,am,1\n".utf8)
        bytes += [0x42, 0xFF, 0x2C, 0x34, 0x2C, 0x61, 0x6D, 0x2C, 0x31, 0x0A]
        #expect(throws: FundingError.csv(line: 3, column: nil, reason: "not valid UTF-8")) {
            try DemandCSV.parse(bytes: bytes)
        }
        #expect(throws: FundingError.self) { try Self.parse("") }
        #expect(throws: FundingError.self) { try Self.parse("\u{FEFF}") }
        #expect(throws: FundingError.self) { try Self.parse("# only a comment\n") }
        #expect(throws: FundingError.self) { try Self.parse("employer,month,slot,workers\n") }
        // Trailing empty fields (spreadsheet exports) are tolerated.
        #expect((try? Self.parse("employer,month,slot,workers\nA,4,am,1,,\n")) != nil)
    }

    @Test("size limits give inputTooLarge")
    func limits() {
        let small = DemandLimits(maxBytes: 100, maxLines: 4, maxEmployers: 2, maxWorkersPerCell: 200, maxFieldCharacters: 10)
        #expect(throws: FundingError.inputTooLarge(what: "demand CSV size in bytes", limit: 100)) {
            try Self.parse(String(repeating: "#", count: 101), limits: small)
        }
        #expect(throws: FundingError.inputTooLarge(what: "demand CSV lines", limit: 4)) {
            try Self.parse("employer,month,workers\nA,1,1\nA,2,1\nA,3,1\nA,4,1\n", limits: small)
        }
        #expect(throws: FundingError.inputTooLarge(what: "number of employers", limit: 2)) {
            try Self.parse("employer,month,workers\nA,1,1\nB,1,1\nC,1,1\n", limits: small)
        }
        #expect(throws: FundingError.self) { try Self.parse("employer,month,workers\nABCDEFGHIJK,1,1\n", limits: small) }
    }

    @Test("mutated and random bytes always give a demand table or a FundingError")
    func robustness() throws {
        let seed = Array("\u{FEFF}employer,month,slot,workers,note\n\"酒蔵, 白峰\",11-3,all,2,\"x\"\"y\"\nデイ,all,am,1,\n".utf8)
        var g = SeededGenerator(seed: 2024)
        var values = 0
        for i in 0..<3000 {
            var bytes = seed
            if i % 10 == 0 {
                bytes = (0..<g.index(below: 64)).map { _ in UInt8(truncatingIfNeeded: g.next()) }
            } else {
                for _ in 0..<(1 + g.index(below: 4)) {
                    let at = g.index(below: bytes.count + 1)
                    switch g.index(below: 3) {
                    case 0 where at < bytes.count: bytes.remove(at: at)
                    case 1: bytes.insert(Array(",\"\n\r-#0123456789月amp".utf8)[g.index(below: 19)], at: at)
                    default: if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: g.next()) }
                    }
                }
            }
            do {
                let d = try DemandCSV.parse(bytes: bytes)
                values += 1
                #expect(d.workers.count == d.employers.count * Cell.count)
                #expect(d.workers.allSatisfy { $0 >= 0 })
                #expect(!d.employers.contains(""))
            } catch {
                #expect(!error.description.isEmpty)
            }
        }
        // Some mutated inputs stay valid (about 3 % with this seed), so both paths are exercised.
        #expect(values > 50)
    }
}
