import ShurakuCore
struct CapacitatedSearch {
    init(problem: PMedianProblem, columns: FacilityColumns, deadline: Deadline) {}
    mutating func start(count: Int) {}
    mutating func improve(iterations: Int, rng: inout SeededGenerator) {}
    func solution() -> PMedianSolution { fatalError() }
}
enum AutoCount {
    static func solve(_ problem: PMedianProblem, columns: FacilityColumns, iterations: Int, options: PMedianOptions, rng: inout SeededGenerator) -> PMedianSolution { fatalError() }
}
