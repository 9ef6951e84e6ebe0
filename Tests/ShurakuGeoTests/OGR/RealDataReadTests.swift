import Foundation
import ShurakuGeo
import ShurakuTestSupport
import Testing

/// The published counts and population totals of the shared real data (their SOURCE.md files).
@Suite("Reading the real municipal data")
struct RealDataReadTests {
    static let cases: [(String, Int, Int64)] = [
        ("geodata-real/noto-town-ishikawa/settlements.geojson", 195, 15_687),
        ("geodata-real/jinsekikogen-hiroshima/settlements.geojson", 80, 9_217),
        ("geodata-real/niimi-city-okayama/settlements.geojson", 153, 30_658),
    ]

    @Test("feature counts and JINKO totals match SOURCE.md", arguments: 0..<3)
    func countsAndPopulation(_ i: Int) throws {
        let (path, count, population) = Self.cases[i]
        let layer = try VectorReader.read(SourceSpec(parsing: SharedData.path(path)))
        #expect(layer.features.count == count)
        let total = layer.features.reduce(Int64(0)) { $0 + Int64(layer.value($1, "JINKO").number ?? 0) }
        #expect(total == population)
        #expect(layer.crs?.kind == .geographic)
        #expect(layer.features.allSatisfy { if case .point = $0.geometry { true } else { false } })
    }

    @Test("能登町 names come back as Japanese text")
    func japaneseNames() throws {
        let layer = try VectorReader.read(SourceSpec(parsing: SharedData.path(Self.cases[0].0)))
        let names = layer.features.compactMap { layer.value($0, "S_NAME").text }
        #expect(names.contains { $0.contains("宇出津") })
    }

    @Test("能登町 districts and roads read as polygons and lines")
    func districtsAndRoads() throws {
        let d = try VectorReader.read(SourceSpec(parsing: SharedData.path("geodata-real/noto-town-ishikawa/districts.geojson")))
        #expect(d.features.count == 15)
        #expect(d.features.allSatisfy { $0.geometry?.isPolygonal == true })
        let r = try VectorReader.read(SourceSpec(parsing: SharedData.path("geodata-real/noto-town-ishikawa/roads.geojson")))
        #expect(r.features.count == 294)
        #expect(r.features.allSatisfy { !($0.geometry?.lineParts.isEmpty ?? true) })
    }

    @Test("Andorra's OSM PBF yields its highway lines with one-way tags flattened")
    func andorraHighways() throws {
        let path = SharedData.path("geodata-real/andorra-osm/andorra.osm.pbf")
        let names = try VectorReader.layerNames(path)
        #expect(names.contains("lines"))
        let lines = try VectorReader.read(SourceSpec(path: path), options: ReadOptions(defaultLayer: "lines"))
        let highways = lines.features.filter { lines.value($0, "highway").text != nil }
        // SOURCE.md: 1,614 lines with a highway tag.
        #expect(highways.count == 1_614)
        #expect(lines.fieldIndex("oneway") != nil)
        #expect(highways.contains { lines.value($0, "oneway").text == "yes" })
        #expect(highways.allSatisfy { !($0.geometry?.lineParts.isEmpty ?? true) })
    }
}
