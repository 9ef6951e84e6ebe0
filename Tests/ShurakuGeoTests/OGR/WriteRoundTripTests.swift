import Foundation
import ShurakuGeo
import ShurakuTestSupport
import Testing

@Suite("Writing through OGR and reading back")
struct WriteRoundTripTests {
    static let fields = [
        FieldInfo(name: "id", type: .string), FieldInfo(name: "name", type: .string),
        FieldInfo(name: "population", type: .integer), FieldInfo(name: "share", type: .real),
    ]

    static func points() -> OutputLayer {
        let fs = [
            VectorFeature(
                fid: 1, geometry: .point(XY(137.15, 37.30)), values: [.string("A1"), .string("宇出津"), .integer(1200), .real(0.25)]),
            VectorFeature(fid: 2, geometry: .point(XY(137.23, 37.31)), values: [.string("A2"), .string("小木"), .integer(800), .null]),
        ]
        return OutputLayer(name: "settlements", geometryType: .point, crs: .lonLat, fields: fields, features: fs)
    }

    static func zones() throws -> OutputLayer {
        // A square in UTM 53 (clockwise on purpose: RFC 7946 output must turn it counter-clockwise).
        let utm = try CRS.epsg(6690)
        let ring = [XY(690_000, 4_130_000), XY(690_000, 4_131_000), XY(691_000, 4_131_000), XY(691_000, 4_130_000), XY(690_000, 4_130_000)]
        let f = VectorFeature(fid: 1, geometry: .polygon([ring]), values: [.string("Z1"), .string("宇出津圏"), .integer(2000), .real(1)])
        return OutputLayer(name: "zones", geometryType: .polygon, crs: utm, fields: fields, features: [f])
    }

    @Test("a GeoPackage with two layers reads back with the same features")
    func geoPackage() throws {
        let dir = try TempDir()
        let path = dir.path("plan.gpkg")
        try VectorWriter.writeGeoPackage([Self.points(), Self.zones()], to: path)
        #expect(try VectorReader.layerNames(path).sorted() == ["settlements", "zones"])
        let s = try VectorReader.read(SourceSpec(parsing: "\(path):settlements"))
        #expect(s.features.count == 2)
        #expect(s.features.map { s.value($0, "name").text } == ["宇出津", "小木"])
        #expect(s.value(s.features[1], "share") == .null)
        #expect(s.features[0].geometry == .point(XY(137.15, 37.30)))
        let z = try VectorReader.read(SourceSpec(parsing: "\(path):zones"))
        #expect(z.crs?.authorityCode == "EPSG:6690")
        #expect(z.features.first?.geometry?.polygonParts.first?.first?.count == 5)
    }

    @Test("GeoJSON is RFC 7946: lon/lat, no crs member, counter-clockwise exterior rings")
    func geoJSON() throws {
        let dir = try TempDir()
        let path = dir.path("zones.geojson")
        try VectorWriter.writeGeoJSON(Self.zones(), to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("\"crs\""))
        let l = try VectorReader.read(SourceSpec(parsing: path))
        let ring = try #require(l.features.first?.geometry?.polygonParts.first?.first)
        #expect(ring.allSatisfy { $0.x > 137 && $0.x < 138 && $0.y > 37 && $0.y < 38 })
        // Shoelace: positive area = counter-clockwise.
        let area2 = zip(ring, ring.dropFirst()).reduce(0.0) { $0 + ($1.0.x * $1.1.y - $1.1.x * $1.0.y) }
        #expect(area2 > 0)
    }

    @Test("a Shift-JIS Shapefile keeps 日本語 names, with and without its .cpg")
    func shiftJISShapefile() throws {
        let dir = try TempDir()
        let path = dir.path("villages.shp")
        try VectorWriter.writeShapefile(Self.points(), to: path, encoding: "CP932")
        let dbf = try Data(contentsOf: URL(fileURLWithPath: dir.path("villages.dbf")))
        #expect(dbf.range(of: Data([0x89, 0x46, 0x8F, 0x6F, 0x92, 0xC3])) != nil)  // 宇出津 in CP932
        let withCPG = try VectorReader.read(SourceSpec(parsing: path))
        #expect(withCPG.features.map { withCPG.value($0, "name").text } == ["宇出津", "小木"])
        try FileManager.default.removeItem(atPath: dir.path("villages.cpg"))
        let detected = try VectorReader.read(SourceSpec(parsing: path))
        #expect(detected.encoding == "CP932")
        #expect(detected.features.map { detected.value($0, "name").text } == ["宇出津", "小木"])
        let forced = try VectorReader.read(SourceSpec(parsing: path), options: ReadOptions(encoding: "Shift_JIS"))
        #expect(forced.features.map { forced.value($0, "name").text } == ["宇出津", "小木"])
    }

    @Test("CSV output has the header and values, no geometry")
    func csv() throws {
        let dir = try TempDir()
        let path = dir.path("summary.csv")
        try VectorWriter.writeCSV(Self.points(), to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "id,name,population,share\nA1,宇出津,1200,0.25\nA2,小木,800,\n")
    }

    @Test("writing the same layers twice gives byte-identical GeoPackages")
    func reproducibleGeoPackage() throws {
        let dir = try TempDir()
        try VectorWriter.writeGeoPackage([Self.points(), Self.zones()], to: dir.path("a.gpkg"))
        try VectorWriter.writeGeoPackage([Self.points(), Self.zones()], to: dir.path("b.gpkg"))
        let a = try Data(contentsOf: URL(fileURLWithPath: dir.path("a.gpkg")))
        let b = try Data(contentsOf: URL(fileURLWithPath: dir.path("b.gpkg")))
        #expect(a == b)
    }
}
