import ShurakuCore
import ShurakuPlanner
import Testing

@Suite("District adjacency")
struct DistrictAdjacencyTests {
    static func square(_ x: Double, _ y: Double, _ size: Double = 1000) -> Geometry {
        .polygon([[XY(x, y), XY(x + size, y), XY(x + size, y + size), XY(x, y + size), XY(x, y)]])
    }

    @Test("touching and nearly touching districts are neighbours; distant ones and unknown names are not")
    func neighbours() throws {
        // A | B side by side, C 50 m right of B (a survey gap), D far away.
        let areas = ["A": Self.square(0, 0), "B": Self.square(1000, 0), "C": Self.square(2050, 0), "D": Self.square(9000, 9000)]
        let n = try DistrictAdjacency.neighbours(of: ["A", "B", "C", "D", "E"], areas: areas)
        #expect(n == [[1], [0, 2], [1], [], []])
        let strict = try DistrictAdjacency.neighbours(of: ["B", "C"], areas: areas, toleranceMeters: 10)
        #expect(strict == [[], []])
    }
}
