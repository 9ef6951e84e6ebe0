import Foundation
import ShurakuGeo
import ShurakuTestSupport
import Testing

/// OSM tags spread from `other_tags` into fields stay bounded on extracts with many rare tags.
@Suite("OSM tags as fields")
struct OSMTagSpreadTests {
    /// An OSM XML file of `n` nodes: each has `operator=town` and a tag of its own (`note_i`);
    /// every 100th also has `population`.
    static func extract(_ dir: TempDir, nodes n: Int) throws -> String {
        var xml = "<?xml version='1.0' encoding='UTF-8'?>\n<osm version='0.6' generator='test'>\n"
        for i in 1...n {
            let lat = 36.0 + Double(i % 100) * 0.001
            let lon = 137.0 + Double(i / 100) * 0.001
            xml += "<node id='\(i)' version='1' lat='\(lat)' lon='\(lon)'>"
            xml += "<tag k='place' v='hamlet'/><tag k='operator' v='town'/><tag k='note_\(i)' v='x'/>"
            if i % 100 == 0 { xml += "<tag k='population' v='\(i)'/>" }
            xml += "</node>\n"
        }
        xml += "</osm>\n"
        return try dir.write("extract.osm", xml)
    }

    @Test("small extracts: every tag becomes a field")
    func allTagsWhenSmall() throws {
        let dir = try TempDir()
        let path = try Self.extract(dir, nodes: 50)
        let layer = try VectorReader.read(SourceSpec(path: path), options: ReadOptions(defaultLayer: "points"))
        #expect(layer.features.count == 50)
        #expect(layer.fieldIndex("note_17") != nil && layer.fieldIndex("operator") != nil)
        #expect(!layer.warnings.contains { $0.contains("left in other_tags") })
    }

    @Test("many rare tags: the named and the most frequent tags become fields, the rest stay in other_tags")
    func boundedWhenLarge() throws {
        let dir = try TempDir()
        let path = try Self.extract(dir, nodes: 2_000)
        var options = ReadOptions(defaultLayer: "points")
        options.osmKeys = ["POPULATION"]  // matched case-insensitively
        options.osmCellBudget = 10 * 2_000
        let layer = try VectorReader.read(SourceSpec(path: path), options: options)
        #expect(layer.features.count == 2_000)
        let base = try #require(layer.fieldIndex("other_tags"))
        // population (named, on 20 nodes) + operator (on all) + the first 8 notes by name: 10 fields.
        #expect(layer.fields.count - base - 1 == 10)
        #expect(layer.fieldIndex("population") != nil && layer.fieldIndex("operator") != nil)
        #expect(layer.fieldIndex("note_1") != nil && layer.fieldIndex("note_999") == nil)
        let populated = layer.features.filter { layer.value($0, "population").number != nil }
        #expect(populated.count == 20)
        // 2,002 tags in other_tags (operator, population, 2,000 notes); 10 spread, 1,992 left.
        #expect(layer.warnings.contains { $0.contains("1992 of the 2002 OSM tags of layer 'points'") })
        // A tag left out is still in other_tags.
        let f = try #require(layer.features.first { layer.value($0, "other_tags").text?.contains("\"note_999\"") == true })
        #expect(layer.value(f, "note_999").isNull)
    }
}
