import ShurakuCore
import ShurakuRoutes
import Testing

@Suite("Bin packing for vehicle chains")
struct BinPackingTests {
    /// The fewest bins by trying every partition of the items (restricted growth strings).
    static func bruteForce(_ sizes: [Int], capacity: Int) -> Int {
        let n = sizes.count
        guard n > 0 else { return 0 }
        var best = n
        var label = [Int](repeating: 0, count: n)
        func visit(_ i: Int, _ bins: Int, _ loads: inout [Int]) {
            if bins >= best { return }
            if i == n {
                best = bins
                return
            }
            for b in 0...bins where b < n {
                if b == bins { loads.append(0) }
                if loads[b] + sizes[i] <= capacity {
                    loads[b] += sizes[i]
                    label[i] = b
                    visit(i + 1, max(bins, b + 1), &loads)
                    loads[b] -= sizes[i]
                }
                if b == bins { loads.removeLast() }
            }
        }
        var loads: [Int] = []
        visit(0, 0, &loads)
        return best
    }

    /// Every item in exactly one bin, no bin over capacity.
    static func isPacking(_ bins: [[Int]], _ sizes: [Int], capacity: Int) -> Bool {
        bins.flatMap { $0 }.sorted() == Array(sizes.indices)
            && bins.allSatisfy { !$0.isEmpty && $0.reduce(0) { $0 + sizes[$1] } <= capacity }
    }

    /// Up to 10 items; half the cases draw every size from a fifth to a half of the capacity,
    /// where first fit decreasing is most often beaten.
    static func randomCase(_ rng: inout SeededGenerator) -> (sizes: [Int], capacity: Int) {
        let capacity = Int.random(in: 20...130, using: &rng)
        let n = Int.random(in: 0...10, using: &rng)
        let sizes =
            Bool.random(using: &rng)
            ? (0..<n).map { _ in Int.random(in: 1...capacity, using: &rng) }
            : (0..<n).map { _ in Int.random(in: (capacity / 5)...(capacity / 2), using: &rng) }
        return (sizes, capacity)
    }

    @Test("the exact search equals brute force on 1,000 small random cases (tolerance: exact)")
    func exactEqualsBruteForce() {
        var rng = SeededGenerator(seed: 17)
        var firstFitBeaten = 0
        for _ in 0..<1000 {
            let (sizes, capacity) = Self.randomCase(&rng)
            guard let exact = BinPacking.fewestBins(sizes, capacity: capacity) else {
                Issue.record("no exact answer for \(sizes) in \(capacity)")
                continue
            }
            #expect(Self.isPacking(exact, sizes, capacity: capacity), "\(exact) for \(sizes) in \(capacity)")
            #expect(exact.count == Self.bruteForce(sizes, capacity: capacity), "\(sizes) in \(capacity)")
            if exact.count < BinPacking.firstFitDecreasing(sizes, capacity: capacity).count { firstFitBeaten += 1 }
        }
        // The cases include some where first fit is not optimal, so the exact search is exercised.
        #expect(firstFitBeaten > 0)
    }

    @Test("first-fit decreasing packs every item, never below the lower bound nor the optimum")
    func firstFitBounds() {
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<400 {
            let (sizes, capacity) = Self.randomCase(&rng)
            let ffd = BinPacking.firstFitDecreasing(sizes, capacity: capacity)
            let lb = BinPacking.lowerBound(sizes, capacity: capacity)
            #expect(Self.isPacking(ffd, sizes, capacity: capacity))
            #expect(ffd.count >= lb)
            let exact = BinPacking.fewestBins(sizes, capacity: capacity)?.count ?? -1
            #expect(exact >= lb && exact <= ffd.count, "\(sizes) in \(capacity): ffd \(ffd.count), exact \(exact), bound \(lb)")
        }
    }

    @Test("a case first fit gets wrong: 6 items that pair up exactly")
    func firstFitMissesPairs() throws {
        // First fit puts 5 with 7 and needs a third bin; the optimum is 7+3+3 and 5+4+4.
        let sizes = [7, 5, 4, 4, 3, 3]
        #expect(BinPacking.firstFitDecreasing(sizes, capacity: 13).count == 3)
        let exact = try #require(BinPacking.fewestBins(sizes, capacity: 13))
        #expect(exact.count == 2)
        #expect(Self.isPacking(exact, sizes, capacity: 13))
    }

    @Test("more items than the exact limit, or one larger than the capacity: no exact answer")
    func exactLimits() {
        #expect(BinPacking.fewestBins(Array(repeating: 1, count: BinPacking.exactLimit + 1), capacity: 5) == nil)
        #expect(BinPacking.fewestBins([3, 9], capacity: 8) == nil)
        #expect(BinPacking.fewestBins([], capacity: 8) == [])
        #expect(BinPacking.fewestBins(Array(repeating: 1, count: BinPacking.exactLimit), capacity: 5)?.count == 4)
    }
}
