import Foundation
import ShurakuCore
import ShurakuTestSupport
import Testing

@testable import ShurakuNetwork

private func speed(_ props: [String: String], _ table: SpeedTable = .standard) -> (Double, String?) {
    let r = RoadClassifier(table: table, lines: []).rule(for: props)
    return (r.speedKmh, r.unknownClass)
}

@Test("Japanese classes from KSJ A37, N01, GSI and free text resolve to their class speed")
func japaneseClasses() {
    #expect(speed(["road_class": "国道"]).0 == 50)
    #expect(speed(["A37_000003": "一般国道"]).0 == 50)
    #expect(speed(["A37_000003": "石川県道"]).0 == 40)
    #expect(speed(["A37_100002": "都道府県道"]).0 == 40)
    #expect(speed(["road_class": "市区町村道等"]).0 == 30)
    #expect(speed(["road_class": "市区町村道"]).0 == 30)
    #expect(speed(["road_class": "輪島市道"]).0 == 30)
    #expect(speed(["road_class": "北海道道"]).0 == 40)
    #expect(speed(["rdCtg": "高速自動車国道等"]).0 == 80)
    #expect(speed(["N01_001": "2"]).0 == 50)
    #expect(speed(["road_class": "林道"]).0 == 20)
    // The first non-empty class field wins (highway before road_class).
    #expect(speed(["highway": "residential", "road_class": "国道"]).0 == 25)
    #expect(speed(["road_class": "謎の道"]) == (30, "謎の道"))
}

@Test("OSM highway values and maxspeed (km/h, mph, zone codes, lists) set the speed")
func osmSpeeds() {
    #expect(speed(["highway": "motorway"]).0 == 80)
    #expect(speed(["highway": "track"]).0 == 10)
    #expect(speed(["highway": "primary", "maxspeed": "60"]).0 == 48)
    #expect(speed(["highway": "primary", "maxspeed": "garbage"]).0 == 50)
    #expect(Maxspeed.kmh("50 km/h") == 50)
    #expect(Maxspeed.kmh("50kmh") == 50)
    #expect(abs((Maxspeed.kmh("30 mph") ?? 0) - 48.28032) < 1e-9)
    #expect(Maxspeed.kmh("AD:urban") == 50)
    #expect(Maxspeed.kmh("JP:nsl") == 60)
    #expect(Maxspeed.kmh("DE:zone30") == 30)
    #expect(Maxspeed.kmh("50;30") == 30)
    #expect(Maxspeed.kmh("none") == nil)
    #expect(Maxspeed.kmh("signals") == nil)
    #expect(Maxspeed.kmh("") == nil)
    #expect(Maxspeed.kmh("-5") == nil)
    #expect(Maxspeed.kmh("1e999") == nil)
}

@Test("a JSON speed table merges over the defaults, or replaces them")
func jsonMerge() throws {
    let merged = try SpeedTable.parse(
        json: Data(
            """
            {"speedsKmh": {"国道": 45, "my_class": 12}, "aliases": {"一般県道": "都道府県道"},
             "excluded": ["track"], "defaultKmh": 25, "maxspeedFactor": 0.9}
            """.utf8))
    #expect(speed(["road_class": "国道"], merged).0 == 45)
    #expect(speed(["road_class": "my_class"], merged).0 == 12)
    #expect(speed(["road_class": "都道府県道"], merged).0 == 40)
    #expect(speed(["road_class": "nothing"], merged).0 == 25)
    #expect(speed(["highway": "primary", "maxspeed": "50"], merged).0 == 45)
    #expect(RoadClassifier(table: merged, lines: []).rule(for: ["highway": "track"]).kind == .excludedClass)
    let replaced = try SpeedTable.parse(json: Data(#"{"replaceDefaults": true, "speedsKmh": {"a": 10}}"#.utf8))
    #expect(replaced.speedsKmh == ["a": 10])
    #expect(speed(["highway": "motorway"], replaced) == (30, "motorway"))
}

@Test("bad speed tables give a typed error naming the problem")
func jsonErrors() {
    let cases: [(String, String)] = [
        (#"{"speedsKmh": {"国道": -5}}"#, "国道"),
        (#"{"speedsKmh": {"国道": "fast"}}"#, "wrong type"),
        (#"{"spedsKmh": {}}"#, "spedsKmh"),
        (#"{"maxspeedFactor": 0}"#, "maxspeedFactor"),
        (#"{"classFields": []}"#, "classFields"),
        (#"{"speedsKmh": {"": 30}}"#, "empty"),
        ("[1, 2]", "wrong type"),
        ("{", "JSON"),
        ("", "JSON"),
    ]
    for (text, needle) in cases {
        do {
            _ = try SpeedTable.parse(json: Data(text.utf8))
            Issue.record("accepted \(text)")
        } catch {
            guard case .invalidSpeedTable(let reason) = error else {
                Issue.record("wrong error \(error)")
                continue
            }
            #expect(reason.contains(needle), "\(text) → \(reason)")
        }
    }
}

@Test("any bytes give a table or a typed error: random, mutated and deeply nested inputs")
func jsonNeverTraps() {
    var rng = SeededGenerator(seed: 2024)
    let seed = Array(#"{"speedsKmh": {"国道": 45, "x": 1e2}, "aliases": {"a": "b"}, "excluded": ["c"], "defaultKmh": 20}"#.utf8)
    var accepted = 0
    for i in 0..<3000 {
        var bytes: [UInt8]
        if i % 3 == 0 {
            bytes = (0..<Int.random(in: 0..<64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        } else {
            bytes = seed
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let k = Int.random(in: 0..<bytes.count, using: &rng)
                bytes[k] = UInt8.random(in: 0...255, using: &rng)
            }
        }
        if (try? SpeedTable.parse(json: Data(bytes))) != nil { accepted += 1 }
    }
    #expect(accepted > 0)  // some mutations stay valid
    let deep = Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
    #expect(throws: NetworkError.self) { try SpeedTable.parse(json: deep) }
    let deepObj = Data(("{\"speedsKmh\":" + String(repeating: "{\"a\":", count: 50_000) + "1" + String(repeating: "}", count: 50_001)).utf8)
    #expect(throws: NetworkError.self) { try SpeedTable.parse(json: deepObj) }
}

@Test("a speed table file is read, and its errors name the file")
func speedTableFile() throws {
    let dir = try TempDir("shuraku-speeds")
    let good = URL(fileURLWithPath: try dir.write("good.json", #"{"speedsKmh": {"国道": 55}}"#))
    let bad = URL(fileURLWithPath: try dir.write("bad.json", #"{"speedsKmh": {"国道": 0}}"#))
    #expect(try SpeedTable.load(contentsOf: good).speedsKmh["国道"] == 55)
    #expect(throws: NetworkError.invalidSpeedTable(reason: "\(bad.path): speed for '国道' must be in (0, 300] km/h, got 0.0")) {
        try SpeedTable.load(contentsOf: bad)
    }
    #expect(throws: NetworkError.self) { try SpeedTable.load(contentsOf: URL(fileURLWithPath: dir.path("missing.json"))) }
}

@Test("an unknown speed-table key is rejected with the shared did-you-mean hint")
func speedTableUnknownKey() {
    #expect(throws: NetworkError.invalidSpeedTable(reason: "unknown key 'speedKmh' (did you mean speedsKmh?)")) {
        try SpeedTable.parse(json: Data(#"{"speedKmh": {"国道": 45}}"#.utf8))
    }
    #expect(throws: NetworkError.invalidSpeedTable(reason: "unknown key 'colour'")) {
        try SpeedTable.parse(json: Data(#"{"colour": "red"}"#.utf8))
    }
}
