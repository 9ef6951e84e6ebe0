import ShurakuRoutes
import Testing

@Test("the shared optimum table lists every TSPLIB instance")
func sharedOptimumTable() throws {
    let table = try OptimumTable(bytes: try sharedBytes("bench/tsplib/optimal.txt"))
    #expect(table["eil51"] == 426)
    #expect(table["rat783"] == 8806)
    #expect(table.values.count == 10)
}

@Test("malformed optimum lines throw with their line number")
func malformedOptimumTable() throws {
    #expect(throws: InstanceError.malformedEntry(line: 2)) { try OptimumTable(bytes: Array("a : 1\nb 2\n".utf8)) }
    #expect(throws: InstanceError.malformedEntry(line: 1)) { try OptimumTable(bytes: Array("a : x".utf8)) }
    #expect(try OptimumTable(bytes: Array("\n a : 5 \r\n".utf8))["a"] == 5)
}
