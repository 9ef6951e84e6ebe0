import ShurakuPlanner
import Testing

@Suite("p-median problem validation")
struct PMedianProblemTests {
    func make(
        start: [Int32] = [0, 2, 3], facility: [Int32] = [0, 1, 1], cost: [Int64] = [1, 2, 5],
        own: [Int32]? = nil, fixed: [Int32] = [], p: FacilityCount = .exactly(1)
    ) throws(PMedianError) -> PMedianProblem {
        try PMedianProblem(
            demand: [1, 1], facilityCount: 2, pairStart: start, pairFacility: facility, pairCost: cost,
            facilityOwnClient: own, fixedOpen: fixed, p: p)
    }

    @Test("a well-formed problem is accepted")
    func accepts() throws {
        let p = try make(own: [0, 1], fixed: [1, 1])
        #expect(p.fixedOpen == [1])
        #expect(p.pairCount == 3)
    }

    @Test("facilities may share an own client; the group counts once towards what can open")
    func sharedOwnClient() throws {
        let p = try make(start: [0, 2, 4], facility: [0, 1, 0, 1], cost: [1, 2, 3, 4], own: [1, 1], fixed: [1])
        #expect(p.facilityOwnClient == [1, 1])
        #expect(p.openableCount == 1)
        #expect(try make(own: [0, 1]).openableCount == 2)
        #expect(try make(own: [-1, 1]).openableCount == 2)
    }

    @Test("rows in any order are sorted into the CSR form")
    func rowsInitializer() throws {
        let p = try PMedianProblem(
            demand: [1, 1], facilityCount: 2, rows: [[(1, 5), (0, 5)], [(1, 2)]], p: .exactly(1))
        #expect(p.pairStart == [0, 2, 3])
        #expect(p.pairFacility == [0, 1, 1])
        #expect(p.pairCost == [5, 5, 2])
        #expect(throws: PMedianError.duplicatePair(client: 0, facility: 1)) {
            try PMedianProblem(demand: [1], facilityCount: 2, rows: [[(1, 5), (1, 3)]], p: .exactly(1))
        }
    }

    @Test("broken invariants are reported as typed errors")
    func rejects() {
        #expect(throws: PMedianError.malformedPairs) { try make(start: [0, 2]) }
        #expect(throws: PMedianError.facilityOutOfRange(client: 0)) { try make(facility: [0, 7, 1]) }
        #expect(throws: PMedianError.unsortedRow(client: 0)) { try make(cost: [3, 2, 5]) }
        #expect(throws: PMedianError.duplicatePair(client: 0, facility: 0)) { try make(facility: [0, 0, 1]) }
        #expect(throws: PMedianError.costOutOfRange(client: 0)) { try make(cost: [-1, 2, 5]) }
        #expect(throws: PMedianError.ownClientNotAllowed(facility: 0)) { try make(own: [1, -1]) }
        #expect(throws: PMedianError.fixedShareOwnClient(client: 1)) {
            try make(start: [0, 2, 4], facility: [0, 1, 0, 1], cost: [1, 2, 3, 4], own: [1, 1], fixed: [0, 1], p: .exactly(2))
        }
        #expect(throws: PMedianError.fixedOutOfRange(facility: 5)) { try make(fixed: [5]) }
        #expect(throws: PMedianError.invalidFacilityCount(3)) { try make(p: .exactly(3)) }
        #expect(throws: PMedianError.invalidFacilityCount(0)) { try make(fixed: [0], p: .exactly(0)) }
    }
}
