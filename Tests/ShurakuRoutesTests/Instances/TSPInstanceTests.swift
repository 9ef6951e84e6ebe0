import ShurakuCore
import ShurakuRoutes
import Testing

@Test("eil51 parses: 51 cities, EUC_2D rounded to nearest")
func eil51Parses() throws {
    let tsp = try TSPInstance(bytes: try sharedBytes("bench/tsplib/eil51.tsp"))
    #expect(tsp.name == "eil51")
    #expect(tsp.dimension == 51)
    // City 1 (37, 52) to city 2 (49, 49): sqrt(144 + 9) = 12.37 → 12.
    #expect(tsp.travel[1] == 12)
    #expect(tsp.travel[51] == 12)
    #expect((0..<51).allSatisfy { tsp.travel[$0 * 51 + $0] == 0 })
}

@Test("a280 (header without space before the colon) and rat783 parse")
func otherTSPLIBFilesParse() throws {
    #expect(try TSPInstance(bytes: try sharedBytes("bench/tsplib/a280.tsp")).dimension == 280)
    #expect(try TSPInstance(bytes: try sharedBytes("bench/tsplib/rat783.tsp")).dimension == 783)
}

func tsp(_ lines: [String]) throws(InstanceError) -> TSPInstance {
    try TSPInstance(bytes: Array(lines.joined(separator: "\r\n").utf8))
}

@Test("explicit matrices in full and triangular layouts give the same costs")
func explicitLayouts() throws {
    let full = try tsp([
        "TYPE: TSP", "DIMENSION: 3", "EDGE_WEIGHT_TYPE: EXPLICIT", "EDGE_WEIGHT_FORMAT: FULL_MATRIX",
        "EDGE_WEIGHT_SECTION", "0 4 7", "4 0 5", "7 5 0", "EOF",
    ])
    let upper = try tsp([
        "DIMENSION: 3", "EDGE_WEIGHT_TYPE: EXPLICIT", "EDGE_WEIGHT_FORMAT: UPPER_ROW",
        "EDGE_WEIGHT_SECTION", "4 7", "5",
    ])
    let lowerDiag = try tsp([
        "DIMENSION: 3", "EDGE_WEIGHT_TYPE: EXPLICIT", "EDGE_WEIGHT_FORMAT: LOWER_DIAG_ROW",
        "EDGE_WEIGHT_SECTION", "0 4 0 7 5 0",
    ])
    #expect(full.travel == [0, 4, 7, 4, 0, 5, 7, 5, 0])
    #expect(upper.travel == full.travel)
    #expect(lowerDiag.travel == full.travel)
}

@Test("CEIL_2D, ATT and GEO follow the TSPLIB formulas")
func otherDistanceTypes() throws {
    let ceil = try tsp(["DIMENSION: 2", "EDGE_WEIGHT_TYPE: CEIL_2D", "NODE_COORD_SECTION", "1 0 0", "2 3 4.1"])
    #expect(ceil.travel[1] == 6)  // 5.08 rounded up
    let att = try tsp(["DIMENSION: 2", "EDGE_WEIGHT_TYPE: ATT", "NODE_COORD_SECTION", "1 0 0", "2 30 40"])
    #expect(att.travel[1] == 16)  // sqrt(2500 / 10) = 15.81 → 16
    // GEO: two points one degree of latitude apart on the TSPLIB sphere: 111.3 km → 112.
    let geo = try tsp(["DIMENSION: 2", "EDGE_WEIGHT_TYPE: GEO", "NODE_COORD_SECTION", "1 10.00 20.00", "2 11.00 20.00"])
    #expect(geo.travel[1] == 112)
}

@Test("malformed TSPLIB files throw typed errors")
func malformedTSPFilesThrow() {
    #expect(throws: InstanceError.missingField("DIMENSION")) {
        try tsp(["EDGE_WEIGHT_TYPE: EUC_2D", "NODE_COORD_SECTION", "1 0 0"])
    }
    #expect(throws: InstanceError.invalidValue(field: "DIMENSION", value: "-3")) {
        try tsp(["DIMENSION: -3", "EDGE_WEIGHT_TYPE: EUC_2D"])
    }
    #expect(throws: InstanceError.dimensionTooLarge(99_999_999, limit: 20_000)) {
        try tsp(["DIMENSION: 99999999", "EDGE_WEIGHT_TYPE: EXPLICIT", "EDGE_WEIGHT_SECTION", "1 2 3"])
    }
    #expect(throws: InstanceError.incompleteSection("NODE_COORD_SECTION")) {
        try tsp(["DIMENSION: 3", "EDGE_WEIGHT_TYPE: EUC_2D", "NODE_COORD_SECTION", "1 0 0", "2 1 1"])
    }
    #expect(throws: InstanceError.badNode(line: 5, section: "NODE_COORD_SECTION", node: "7")) {
        try tsp(["DIMENSION: 3", "EDGE_WEIGHT_TYPE: EUC_2D", "NODE_COORD_SECTION", "1 0 0", "7 1 1", "3 2 2"])
    }
    #expect(throws: InstanceError.badNode(line: 5, section: "NODE_COORD_SECTION", node: "1")) {
        try tsp(["DIMENSION: 2", "EDGE_WEIGHT_TYPE: EUC_2D", "NODE_COORD_SECTION", "1 0 0", "1 1 1"])
    }
    #expect(throws: InstanceError.malformedLine(line: 4, section: "NODE_COORD_SECTION")) {
        try tsp(["DIMENSION: 2", "EDGE_WEIGHT_TYPE: EUC_2D", "NODE_COORD_SECTION", "1 nan 0", "2 1 1"])
    }
    #expect(throws: InstanceError.distanceOutOfRange(from: 1, to: 2)) {
        try tsp(["DIMENSION: 2", "EDGE_WEIGHT_TYPE: EUC_2D", "NODE_COORD_SECTION", "1 0 0", "2 1e300 1e300"])
    }
    #expect(throws: InstanceError.unsupported(field: "EDGE_WEIGHT_TYPE", value: "XRAY1")) {
        try tsp(["DIMENSION: 2", "EDGE_WEIGHT_TYPE: XRAY1"])
    }
    #expect(throws: InstanceError.incompleteSection("EDGE_WEIGHT_SECTION")) {
        try tsp([
            "DIMENSION: 3", "EDGE_WEIGHT_TYPE: EXPLICIT", "EDGE_WEIGHT_FORMAT: FULL_MATRIX",
            "EDGE_WEIGHT_SECTION", "0 1 2 3",
        ])
    }
}

@Test("random corruptions of a real file give a value or a typed error, never a trap")
func corruptedFilesNeverTrap() throws {
    let original = try sharedBytes("bench/tsplib/eil51.tsp")
    let vrp = try sharedBytes("bench/cvrp/X-n101-k25.vrp")
    var rng = SeededGenerator(seed: 404)
    let alphabet = Array("0123456789-.:eE \t\r\nNODE_COORDSECTIONDIMENSION".utf8) + [0xFF, 0x00]
    var parsed = 0
    var rejected = 0
    for trial in 0..<300 {
        var bytes = trial % 2 == 0 ? original : vrp
        for _ in 0..<(1 + rng.index(below: 8)) {
            let at = rng.index(below: bytes.count)
            switch rng.index(below: 3) {
            case 0: bytes[at] = alphabet[rng.index(below: alphabet.count)]
            case 1: bytes.remove(at: at)
            default: bytes.insert(alphabet[rng.index(below: alphabet.count)], at: at)
            }
        }
        if rng.index(below: 10) == 0 { bytes = Array(bytes.prefix(rng.index(below: bytes.count))) }
        do {
            _ = try TSPInstance(bytes: bytes)
            _ = try CVRPInstance(bytes: bytes)
            parsed += 1
        } catch {
            rejected += 1
        }
    }
    #expect(parsed + rejected == 300)
    #expect(rejected > 0)
}
