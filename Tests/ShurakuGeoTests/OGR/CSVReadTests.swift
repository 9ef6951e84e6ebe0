import Foundation
import ShurakuGeo
import ShurakuTestSupport
import Testing

@Suite("CSV sources with coordinate columns")
struct CSVReadTests {
    static let body = "KEY_CODE,S_NAME,JINKO,X_CODE,Y_CODE\n174630010,宇出津,1200,137.15,37.30\n174630020,小木,800,137.23,37.31\n"

    @Test("UTF-8 with and without BOM give the same layer; X_CODE/Y_CODE are detected")
    func utf8AndBOM() throws {
        let dir = try TempDir()
        let plain = try dir.write("plain.csv", Self.body)
        let bom = try dir.write("bom.csv", bytes: [0xEF, 0xBB, 0xBF] + Array(Self.body.utf8))
        for path in [plain, bom] {
            let l = try VectorReader.read(SourceSpec(parsing: path))
            #expect(l.fields.first?.name == "KEY_CODE")
            #expect(l.features.count == 2)
            #expect(l.value(l.features[0], "S_NAME").text == "宇出津")
            #expect(l.value(l.features[0], "KEY_CODE").text == "174630010")
            #expect(l.features[1].geometry == .point(XY(137.23, 37.31)))
            #expect(l.crs == .lonLat)
        }
    }

    @Test("CP932 (Shift-JIS) text is detected and decoded")
    func cp932() throws {
        let dir = try TempDir()
        // 宇出津 in CP932 is 89 46 8F 6F 92 C3; 小木 is 8F AC 96 D8.
        var bytes = Array("id,name,pop,lon,lat\n1,".utf8)
        bytes += [0x89, 0x46, 0x8F, 0x6F, 0x92, 0xC3]
        bytes += Array(",10,137.15,37.30\n2,".utf8)
        bytes += [0x8F, 0xAC, 0x96, 0xD8]
        bytes += Array(",5,137.2,37.3\n".utf8)
        let path = try dir.write("sjis.csv", bytes: bytes)
        let l = try VectorReader.read(SourceSpec(parsing: path))
        #expect(l.encoding == "CP932")
        #expect(l.features.map { l.value($0, "name").text } == ["宇出津", "小木"])
    }

    @Test("Japanese column names 経度/緯度 and lenient numbers")
    func japaneseColumns() throws {
        let dir = try TempDir()
        let path = try dir.write("jp.csv", "名称,人口,経度,緯度\n宇出津,\"1,234\",137.15,37.30\n")
        let l = try VectorReader.read(SourceSpec(parsing: path))
        #expect(l.features[0].geometry == .point(XY(137.15, 37.30)))
        #expect(l.value(l.features[0], "人口").number == 1234)
    }

    @Test("a row whose longitude is not a number has no geometry and a note naming the field")
    func badCoordinate() throws {
        let dir = try TempDir()
        let path = try dir.write("bad.csv", "id,lon,lat\n1,abc,37.3\n2,137.1,37.3\n")
        let l = try VectorReader.read(SourceSpec(parsing: path))
        #expect(l.features[0].geometry == nil)
        #expect(l.geometryNotes[0]?.contains("lon") == true)
        #expect(l.features[1].geometry != nil)
    }

    @Test("a CSV without coordinate columns is an error that says what was looked for")
    func noCoordinates() throws {
        let dir = try TempDir()
        let path = try dir.write("nocoords.csv", "id,name\n1,a\n")
        #expect {
            try VectorReader.read(SourceSpec(parsing: path))
        } throws: { error in
            "\(error)".contains("x_code") && "\(error)".contains("nocoords.csv")
        }
    }

    @Test("the national small-area CSV reads whole: 182,869 rows, 114,229,840 people")
    func nationalCSV() throws {
        let l = try VectorReader.read(SourceSpec(parsing: SharedData.path("geodata-real/japan-small-areas-2015/small_area_points.csv")))
        #expect(l.features.count == 182_869)
        let pi = try #require(l.fieldIndex("population"))
        let total = l.features.reduce(0.0) { $0 + ($1.values[pi].number ?? 0) }
        #expect(total == 114_229_840)
        #expect(l.value(l.features[0], "key_code").text == "02201088003")  // leading zero kept
        #expect(l.features.allSatisfy { $0.geometry != nil })
    }
}
