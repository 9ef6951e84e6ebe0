import ShurakuRoutes
import Testing

@Test("solution files give their routes and final cost")
func solutionFileParses() throws {
    let sol = try CVRPSolutionFile(bytes: Array("Route #1: 3 1\nRoute #2: 2\nCost 120\n".utf8))
    #expect(sol.routes == [[3, 1], [2]])
    #expect(sol.cost == 120)
}

@Test("solution files without a cost, or with bad numbers, throw")
func malformedSolutionFiles() {
    #expect(throws: InstanceError.missingCost) { try CVRPSolutionFile(bytes: Array("Route #1: 1 2\n".utf8)) }
    #expect(throws: InstanceError.malformedEntry(line: 1)) { try CVRPSolutionFile(bytes: Array("Route #1: 1 x\nCost 3".utf8)) }
    #expect(throws: InstanceError.malformedEntry(line: 2)) { try CVRPSolutionFile(bytes: Array("Route #1: 1\nCost abc".utf8)) }
}
