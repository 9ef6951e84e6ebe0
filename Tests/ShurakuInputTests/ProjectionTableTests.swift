import ShurakuCore
import ShurakuTestSupport
import Testing

@testable import ShurakuInput

@Suite("Projection table")
struct ProjectionTableTests {
    static let header = "muni_code,name,pop2020,pop2025,pop2030,pop2035,pop2040,pop2045,pop2050,elderly2050"

    static func parse(_ text: String) throws(ShurakuError) -> ProjectionTable {
        try ProjectionTable.parse(Array(text.utf8), file: "t.csv")
    }

    @Test("reads codes, names, every year and the 2050 65+ share; BOM, CRLF, comments, quoted thousands and a check digit are fine")
    func reads() throws {
        let t = try Self.parse(
            "\u{FEFF}# IPSS 2023\r\n" + Self.header + "\r\n17463,能登町,15687,13710,11961,10331,8795,7391,6173,3884\r\n"
                + "174611,輪島市,\"24,608\",21000,18000,15000,13000,11000,9000.0,\r\n1100,札幌市,1,1,1,1,1,1,1,0\r\n")
        #expect(t.municipalities.count == 3)
        let noto = try #require(t.municipalities["17463"])
        #expect(noto.name == "能登町" && noto.population == [15687, 13710, 11961, 10331, 8795, 7391, 6173])
        #expect(noto.population(in: 2040) == 8795 && noto.population(in: 2033) == nil)
        #expect(abs((noto.aged65Share2050 ?? 0) - 3884.0 / 6173.0) < 1e-12)
        #expect(t.municipalities["17461"]?.population.first == 24608 && t.municipalities["17461"]?.elderly2050 == nil)
        #expect(t.municipalities["01100"] != nil)
    }

    @Test("the shared IPSS table reads whole: 1,897 rows, 能登町 as its SOURCE.md lists it")
    func sharedTable() throws {
        let t = try ProjectionTable.read(SharedData.path("geodata-real/japan-population-projections/ipss2023_municipal_projections.csv"))
        #expect(t.municipalities.count == 1897)
        #expect(t.municipalities["17463"]?.population == [15687, 13710, 11961, 10331, 8795, 7391, 6173])
        #expect(t.municipalities["34545"]?.population.last == 3818)
    }

    @Test(
        "every problem names the file, the line with its code and the column",
        arguments: [
            ("17463,A,1,2,3,x,5,6,7,", "line 2 (muni_code 17463)", "pop2035", "not a number"),
            ("17463,A,1,2,3,4,5,-6,7,", "line 2 (muni_code 17463)", "pop2045", "cannot be negative"),
            ("17463,A,1,2,3,4,5,6,7.5,", "line 2 (muni_code 17463)", "pop2050", "not a whole number"),
            ("17463,A,1,2,3,4,5,6,,", "line 2 (muni_code 17463)", "pop2050", "missing"),
            (",A,1,2,3,4,5,6,7,", "line 2", "muni_code", "code is missing"),
            ("17-63,A,1,2,3,4,5,6,7,", "line 2 (muni_code 17-63)", "muni_code", "not a 5-digit municipality code"),
            ("17463,A,1,2,3,4,5,6,7,8", "line 2 (muni_code 17463)", "elderly2050", "more than the 2050 total"),
            ("17463,A,1,2,3,4,5,6,7,1\n17463,B,1,2,3,4,5,6,7,1", "line 3 (muni_code 17463)", "muni_code", "listed twice (also line 2)"),
        ])
    func problems(_ row: String, _ feature: String, _ field: String, _ message: String) throws {
        let error = #expect(throws: ShurakuError.self) { try Self.parse(Self.header + "\n" + row + "\n") }
        #expect(error?.failureClass == .badInput)
        let p = try #require(error?.problems.first)
        #expect(p.file == "t.csv" && p.feature == feature && p.field == field, "\(p)")
        #expect(p.message.contains(message), "\(p.message)")
    }

    @Test("a missing year column or code column, an empty file, a repeated column: bad input naming the column")
    func headers() {
        let noYear = #expect(throws: ShurakuError.self) { try Self.parse("muni_code,pop2020,pop2025,pop2030,pop2040,pop2045,pop2050\n") }
        #expect(noYear?.problems.map(\.field) == ["pop2035"])
        let noCode = #expect(throws: ShurakuError.self) { try Self.parse("code,pop2020,pop2025,pop2030,pop2035,pop2040,pop2045,pop2050\n") }
        #expect(noCode?.problems.first?.field == "muni_code")
        #expect(throws: ShurakuError.self) { try Self.parse("") }
        #expect(throws: ShurakuError.self) { try Self.parse(Self.header + "\n") }
        let twice = #expect(throws: ShurakuError.self) { try Self.parse(Self.header + ",pop2020\n") }
        #expect(twice?.problems.first?.message.contains("column given twice") == true)
    }
}
