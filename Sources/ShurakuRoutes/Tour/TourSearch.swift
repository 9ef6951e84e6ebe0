import Foundation
import ShurakuCore

/// The single-route search (travelling salesman): an array tour with positions, neighbour
/// lists, a queue of "active" cities (don't-look bits), 2-opt and Or-opt moves, and iterated
/// local search with segment-swap (double-bridge) kicks.
///
/// Works on its own dense copy of the costs over `m` cities (city 0 = the depot). Costs may be
/// asymmetric: then every 2-opt gain includes the exact cost of driving the reversed segment the
/// other way (from prefix sums of forward and backward costs along the tour).
final class TourSearch {
    let m: Int
    let isSymmetric: Bool
    private let dist: UnsafeMutablePointer<Int32>
    private let neighbours: UnsafeMutablePointer<Int32>
    private let k: Int
    private var tour: UnsafeMutablePointer<Int32>
    private var pos: UnsafeMutablePointer<Int32>
    /// fwd[p]: cost along the tour from position 0 to p; bwd[p]: the same path driven backwards.
    private var fwd: UnsafeMutablePointer<Int64>
    private var bwd: UnsafeMutablePointer<Int64>
    private let savedTour: UnsafeMutablePointer<Int32>
    private let savedPos: UnsafeMutablePointer<Int32>
    private let scratch: UnsafeMutablePointer<Int32>
    private let queue: UnsafeMutablePointer<Int32>
    private let queued: UnsafeMutablePointer<Bool>
    private var queueHead = 0, queueCount = 0
    private(set) var cost: Int64 = 0

    /// `costs` is row-major `m × m`; `neighbourLimit` is the neighbour-list length.
    init(m: Int, costs: [Int32], neighbourLimit: Int = 10) {
        self.m = m
        let copy = RawCostCopy(costs, n: m)
        dist = copy.pointer
        isSymmetric = copy.isSymmetric
        k = max(0, min(neighbourLimit, m - 1))
        neighbours = .allocate(capacity: max(1, m * k))
        tour = .allocate(capacity: m)
        pos = .allocate(capacity: m)
        fwd = .allocate(capacity: m + 1)
        bwd = .allocate(capacity: m + 1)
        savedTour = .allocate(capacity: m)
        savedPos = .allocate(capacity: m)
        scratch = .allocate(capacity: m)
        queue = .allocate(capacity: m)
        queued = .allocate(capacity: m)
        queued.initialize(repeating: false, count: m)
        buildNeighbours()
        for i in 0..<m {
            tour[i] = Int32(i)
            pos[i] = Int32(i)
        }
    }

    deinit {
        dist.deallocate()
        neighbours.deallocate()
        tour.deallocate()
        pos.deallocate()
        fwd.deallocate()
        bwd.deallocate()
        savedTour.deallocate()
        savedPos.deallocate()
        scratch.deallocate()
        queue.deallocate()
        queued.deallocate()
    }

    @inline(__always) private func d(_ a: Int, _ b: Int) -> Int64 { Int64(dist[a &* m &+ b]) }
    @inline(__always) private func city(_ p: Int) -> Int { Int(tour[p]) }
    @inline(__always) private func next(_ c: Int) -> Int {
        let p = Int(pos[c]) + 1
        return Int(tour[p == m ? 0 : p])
    }
    @inline(__always) private func prev(_ c: Int) -> Int {
        let p = Int(pos[c])
        return Int(tour[p == 0 ? m - 1 : p - 1])
    }

    private func buildNeighbours() {
        guard k > 0 else { return }
        var keyed: [(Int64, Int32)] = []
        keyed.reserveCapacity(m)
        for a in 0..<m {
            keyed.removeAll(keepingCapacity: true)
            for b in 0..<m where b != a { keyed.append((d(a, b) + d(b, a), Int32(b))) }
            keyed.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            for i in 0..<k { neighbours[a * k + i] = keyed[i].1 }
        }
    }

    // MARK: - Tour set-up

    /// The tour as cities starting with the depot (city 0).
    var orderFromDepot: [Int] {
        let start = Int(pos[0])
        return (0..<m).map { city((start + $0) % m) }
    }

    /// Sets the tour (a permutation of `0..<m`).
    func setTour(_ cities: [Int]) {
        for (p, c) in cities.enumerated() {
            tour[p] = Int32(c)
            pos[c] = Int32(p)
        }
        recomputeCost()
    }

    /// Nearest-neighbour tour from the depot, using the neighbour lists first.
    func buildNearestNeighbourTour() {
        var used = [Bool](repeating: false, count: m)
        var cities = [0]
        used[0] = true
        var current = 0
        for _ in 1..<max(1, m) {
            var chosen = -1
            for i in 0..<k {
                let c = Int(neighbours[current * k + i])
                if !used[c] {
                    chosen = c
                    break
                }
            }
            if chosen < 0 {
                var bestCost = Int64.max
                for c in 0..<m where !used[c] && d(current, c) < bestCost {
                    bestCost = d(current, c)
                    chosen = c
                }
            }
            guard chosen >= 0 else { break }
            used[chosen] = true
            cities.append(chosen)
            current = chosen
        }
        setTour(cities)
    }

    private func recomputeCost() {
        var total: Int64 = 0
        for p in 0..<m { total += d(city(p), city(p + 1 == m ? 0 : p + 1)) }
        cost = total
        recomputePrefix()
    }

    private func recomputePrefix() {
        guard !isSymmetric else { return }
        fwd[0] = 0
        bwd[0] = 0
        for p in 0..<m {
            let a = city(p)
            let b = city(p + 1 == m ? 0 : p + 1)
            fwd[p + 1] = fwd[p] + d(a, b)
            bwd[p + 1] = bwd[p] + d(b, a)
        }
    }

    /// (backward − forward) cost of the tour path from city `x` forward to city `y`:
    /// what reversing it adds to the inner edges (0 on symmetric costs).
    @inline(__always) private func reversalExtra(_ x: Int, _ y: Int) -> Int64 {
        guard !isSymmetric else { return 0 }
        let i = Int(pos[x])
        let j = Int(pos[y])
        if i <= j { return (bwd[j] - bwd[i]) - (fwd[j] - fwd[i]) }
        return (bwd[m] - bwd[i] + bwd[j]) - (fwd[m] - fwd[i] + fwd[j])
    }

    // MARK: - Queue of active cities

    private func push(_ c: Int) {
        guard !queued[c] else { return }
        queued[c] = true
        var slot = queueHead + queueCount
        if slot >= m { slot -= m }
        queue[slot] = Int32(c)
        queueCount += 1
    }

    private func pop() -> Int {
        let c = Int(queue[queueHead])
        queueHead += 1
        if queueHead == m { queueHead = 0 }
        queueCount -= 1
        queued[c] = false
        return c
    }

    // MARK: - Changing the tour

    /// Reverses the tour path from city `x` forward to city `y`. On symmetric costs the shorter
    /// of the path and its complement is reversed (the same cycle).
    private func reverse(_ x: Int, _ y: Int) {
        var i = Int(pos[x])
        var j = Int(pos[y])
        var length = j - i
        if length < 0 { length += m }
        length += 1
        if isSymmetric, length * 2 > m {
            let ni = j + 1
            let nj = i - 1
            i = ni == m ? 0 : ni
            j = nj < 0 ? m - 1 : nj
            length = m - length
        }
        for _ in 0..<(length / 2) {
            let a = tour[i]
            let b = tour[j]
            tour[i] = b
            pos[Int(b)] = Int32(i)
            tour[j] = a
            pos[Int(a)] = Int32(j)
            i += 1
            if i == m { i = 0 }
            j -= 1
            if j < 0 { j = m - 1 }
        }
    }

    /// Rotates the `count` positions starting at `start` (wrapping) left by `shift`.
    private func rotate(start: Int, count: Int, shift: Int) {
        for t in 0..<count {
            var p = start + (t + shift) % count
            if p >= m { p -= m }
            scratch[t] = tour[p]
        }
        var p = start
        for t in 0..<count {
            tour[p] = scratch[t]
            pos[Int(scratch[t])] = Int32(p)
            p += 1
            if p == m { p = 0 }
        }
    }

    /// Number of positions from city `a` forward to city `b`, both included.
    @inline(__always) private func span(_ a: Int, _ b: Int) -> Int {
        var l = Int(pos[b]) - Int(pos[a])
        if l < 0 { l += m }
        return l + 1
    }

    /// Moves the path s1 … s2 (forward, `length` cities) between cities x and y = next(x),
    /// reversed if asked.
    private func moveSegment(_ s1: Int, _ s2: Int, length: Int, between x: Int, and y: Int, reversed: Bool) {
        // Cyclically the tour is S X Y with X = next(s2) … x and Y = y … prev(s1); the result is X S Y.
        let lx = span(next(s2), x)
        let ly = m - length - lx
        if lx <= ly {
            rotate(start: Int(pos[s1]), count: length + lx, shift: length)
        } else {
            rotate(start: Int(pos[y]), count: ly + length, shift: ly)
        }
        // On symmetric costs reverse() may flip the complement instead: the same cycle.
        if reversed { reverse(s1, s2) }
    }

    // MARK: - Moves

    /// Best 2-opt move that puts a new edge at city `a`; applies it if it improves.
    private func tryTwoOpt(_ a: Int) -> Bool {
        let base = a * k
        var bestDelta: Int64 = 0
        var bestX = -1
        var bestY = -1
        var ends = (0, 0, 0, 0)
        // Successor side: drop (a, na) and (c, nc); add (a, c) and (na, nc); reverse na … c.
        let na = next(a)
        let dNext = d(a, na)
        for i in 0..<k {
            let c = Int(neighbours[base + i])
            let dac = d(a, c)
            if isSymmetric, dac >= dNext { break }
            let nc = next(c)
            if c == na || nc == a { continue }
            let delta = dac + d(na, nc) - dNext - d(c, nc) + reversalExtra(na, c)
            if delta < bestDelta {
                bestDelta = delta
                bestX = na
                bestY = c
                ends = (a, na, c, nc)
            }
        }
        // Predecessor side: drop (pa, a) and (pc, c); add (c, a) and (pc, pa); reverse c … pa.
        let pa = prev(a)
        let dPrev = d(pa, a)
        for i in 0..<k {
            let c = Int(neighbours[base + i])
            let dca = d(c, a)
            if isSymmetric, dca >= dPrev { break }
            let pc = prev(c)
            if c == pa || pc == a { continue }
            let delta = dca + d(pc, pa) - dPrev - d(pc, c) + reversalExtra(c, pa)
            if delta < bestDelta {
                bestDelta = delta
                bestX = c
                bestY = pa
                ends = (a, pa, c, pc)
            }
        }
        guard bestX >= 0 else { return false }
        reverse(bestX, bestY)
        cost += bestDelta
        recomputePrefix()
        push(ends.0)
        push(ends.1)
        push(ends.2)
        push(ends.3)
        return true
    }

    /// Best Or-opt move of a path of 1–3 cities with `a` at one end; applies it if it improves.
    private func tryOrOpt(_ a: Int) -> Bool {
        guard m >= 5 else { return false }
        var bestDelta: Int64 = 0
        var best = (s1: 0, s2: 0, len: 0, x: 0, y: 0, rev: false)
        for len in 1...3 where len <= m - 3 {
            for side in 0..<(len == 1 ? 1 : 2) {
                // Path s1 … s2 in tour order.
                var s1 = a
                var s2 = a
                for _ in 1..<len {
                    if side == 0 { s2 = next(s2) } else { s1 = prev(s1) }
                }
                let p = prev(s1)
                let q = next(s2)
                let flipExtra = len == 1 || isSymmetric ? 0 : reversedPathCost(s1, len) - pathCost(s1, len)
                let removeGain = d(p, s1) + d(s2, q) - d(p, q)
                if removeGain <= 0 { continue }
                for i in 0..<k {
                    let c = Int(neighbours[a * k + i])
                    if inSegment(c, s1, len) { continue }
                    // Edges (c, next c) and (prev c, c), if both ends are outside the path.
                    for edge in 0..<2 {
                        let x = edge == 0 ? c : prev(c)
                        let y = edge == 0 ? next(c) : c
                        if inSegment(x, s1, len) || inSegment(y, s1, len) { continue }
                        let dxy = d(x, y)
                        let keep = d(x, s1) + d(s2, y) - dxy
                        let flip = d(x, s2) + flipExtra + d(s1, y) - dxy
                        let (add, rev) = flip < keep ? (flip, true) : (keep, false)
                        let delta = add - removeGain
                        if delta < bestDelta {
                            bestDelta = delta
                            best = (s1, s2, len, x, y, rev)
                        }
                    }
                }
            }
        }
        guard bestDelta < 0 else { return false }
        let p = prev(best.s1)
        let q = next(best.s2)
        moveSegment(best.s1, best.s2, length: best.len, between: best.x, and: best.y, reversed: best.rev)
        cost += bestDelta
        recomputePrefix()
        push(p)
        push(q)
        push(best.s1)
        push(best.s2)
        push(best.x)
        push(best.y)
        return true
    }

    @inline(__always) private func inSegment(_ c: Int, _ s1: Int, _ len: Int) -> Bool {
        var l = Int(pos[c]) - Int(pos[s1])
        if l < 0 { l += m }
        return l < len
    }

    private func pathCost(_ s1: Int, _ len: Int) -> Int64 {
        var total: Int64 = 0
        var c = s1
        for _ in 1..<len {
            let n = next(c)
            total += d(c, n)
            c = n
        }
        return total
    }

    private func reversedPathCost(_ s1: Int, _ len: Int) -> Int64 {
        var total: Int64 = 0
        var c = s1
        for _ in 1..<len {
            let n = next(c)
            total += d(n, c)
            c = n
        }
        return total
    }

    /// Runs 2-opt and Or-opt until no active city yields an improving move.
    func localSearch() {
        guard m >= 4 else { return }
        while queueCount > 0 {
            let a = pop()
            if tryTwoOpt(a) { continue }
            if tryOrOpt(a) { continue }
        }
    }

    /// Full local search from the current tour.
    func optimiseFully() {
        guard m >= 4 else { return }
        for p in 0..<m { push(city(p)) }
        localSearch()
    }

    // MARK: - Iterated local search

    /// Kicks the tour `iterations` times (swapping two short adjacent paths) and re-optimises
    /// around the kick. A worse result is kept with a probability that falls to zero over the
    /// run (threshold `acceptance` × mean edge cost at the start); the best tour is restored
    /// at the end.
    func iterate(_ iterations: Int, rng: inout SeededGenerator, deadline: Deadline, acceptance: Double = 0.5) {
        guard m >= 8, iterations > 0 else { return }
        let maxLength = max(1, min(50, m / 4))
        let bestTour = UnsafeMutablePointer<Int32>.allocate(capacity: m)
        defer { bestTour.deallocate() }
        bestTour.update(from: tour, count: m)
        var bestCost = cost
        let scale = acceptance * Double(cost) / Double(m)
        for it in 0..<iterations {
            if it & 63 == 0, deadline.hasPassed { break }
            let before = cost
            savedTour.update(from: tour, count: m)
            savedPos.update(from: pos, count: m)
            let p = rng.index(below: m)
            let l1 = 1 + rng.index(below: maxLength)
            let l2 = 1 + rng.index(below: maxLength)
            // Positions p+1 … p+l1 (B) and p+l1+1 … p+l1+l2 (C); A and D are the rest.
            var b0 = p + 1
            var c0 = p + 1 + l1
            var cEnd = p + l1 + l2
            var after = cEnd + 1
            b0 %= m
            c0 %= m
            cEnd %= m
            after %= m
            let a = city(p)
            let bFirst = city(b0)
            let bLast = city((c0 - 1 + m) % m)
            let cFirst = city(c0)
            let cLast = city(cEnd)
            let dFirst = city(after)
            let delta =
                d(a, cFirst) + d(cLast, bFirst) + d(bLast, dFirst)
                - d(a, bFirst) - d(bLast, cFirst) - d(cLast, dFirst)
            rotate(start: b0, count: l1 + l2, shift: l1)
            cost += delta
            recomputePrefix()
            push(a)
            push(bFirst)
            push(bLast)
            push(cFirst)
            push(cLast)
            push(dFirst)
            localSearch()
            if cost < bestCost {
                bestCost = cost
                bestTour.update(from: tour, count: m)
            }
            if cost > before {
                let threshold = scale * (1 - Double(it) / Double(iterations))
                let keep = threshold > 0 && Double(cost - before) < -threshold * log(Double.random(in: 0.000001..<1, using: &rng))
                if !keep {
                    tour.update(from: savedTour, count: m)
                    pos.update(from: savedPos, count: m)
                    cost = before
                    recomputePrefix()
                }
            }
        }
        if cost != bestCost {
            tour.update(from: bestTour, count: m)
            for p in 0..<m { pos[Int(tour[p])] = Int32(p) }
            cost = bestCost
            recomputePrefix()
        }
    }
}
