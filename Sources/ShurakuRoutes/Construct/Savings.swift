/// Clarke–Wright savings (parallel version): start with one route per stop, then merge the end
/// of one route into the start of another in decreasing order of the saving
/// `d(i, depot) + d(depot, j) − d(i, j)`, while capacity and maximum duration allow.
///
/// Pairs come from each stop's nearest stops. On symmetric costs a route may be reversed to
/// join at either end. The route limit is not enforced here.
enum Savings {
    static func build(_ inst: Instance) -> [[Int32]] {
        let n = inst.n
        var next = Array(repeating: Int32(-1), count: n)
        var prev = Array(repeating: Int32(-1), count: n)
        var routeOf = Array(repeating: Int32(-1), count: n)
        // Per route (indexed by an id = its first stop at creation): ends and figures.
        var head = Array(repeating: Int32(-1), count: n)
        var tail = Array(repeating: Int32(-1), count: n)
        var load = Array(repeating: Int64(0), count: n)
        var cost = Array(repeating: Int64(0), count: n)
        var service = Array(repeating: Int64(0), count: n)
        for v32 in inst.stops {
            let v = Int(v32)
            routeOf[v] = v32
            head[v] = v32
            tail[v] = v32
            load[v] = inst.demand[v]
            cost[v] = inst.d(0, v) + inst.d(v, 0)
            service[v] = inst.service[v]
        }
        var pairs: [(saving: Int64, i: Int32, j: Int32)] = []
        pairs.reserveCapacity(inst.stops.count * inst.adjacencyCount)
        for i in inst.stops {
            for k in 0..<inst.adjacencyCount {
                let j = Int32(inst.neighbour(Int(i), k))
                let saving = inst.d(Int(i), 0) + inst.d(0, Int(j)) - inst.d(Int(i), Int(j))
                if saving > 0 { pairs.append((saving, i, j)) }
            }
        }
        pairs.sort { $0.saving != $1.saving ? $0.saving > $1.saving : ($0.i != $1.i ? $0.i < $1.i : $0.j < $1.j) }

        func reverse(_ r: Int) {
            var v = head[r]
            while v >= 0 {
                let after = next[Int(v)]
                next[Int(v)] = prev[Int(v)]
                prev[Int(v)] = after
                v = after
            }
            let h = head[r]
            head[r] = tail[r]
            tail[r] = h
            cost[r] = reversedCost(r)
        }
        func reversedCost(_ r: Int) -> Int64 {
            var total: Int64 = 0
            var last = 0
            var v = head[r]
            while v >= 0 {
                total += inst.d(last, Int(v))
                last = Int(v)
                v = next[Int(v)]
            }
            return total + inst.d(last, 0)
        }

        for pair in pairs {
            let i = Int(pair.i)
            let j = Int(pair.j)
            let ri = Int(routeOf[i])
            let rj = Int(routeOf[j])
            guard ri != rj else { continue }
            let iIsTail = tail[ri] == pair.i
            let jIsHead = head[rj] == pair.j
            if !(iIsTail && jIsHead) {
                guard inst.isSymmetric else { continue }
                let iEnd = tail[ri] == pair.i || head[ri] == pair.i
                let jEnd = head[rj] == pair.j || tail[rj] == pair.j
                guard iEnd, jEnd else { continue }
            }
            guard load[ri] + load[rj] <= inst.capacity else { continue }
            // With symmetric costs reversing a route keeps its cost, so the saving stays exact.
            let merged = cost[ri] + cost[rj] - pair.saving
            guard merged + service[ri] + service[rj] <= inst.maxDuration else { continue }
            if tail[ri] != pair.i { reverse(ri) }
            if head[rj] != pair.j { reverse(rj) }
            next[i] = pair.j
            prev[j] = pair.i
            var v = pair.j
            while v >= 0 {
                routeOf[Int(v)] = Int32(ri)
                v = next[Int(v)]
            }
            tail[ri] = tail[rj]
            load[ri] += load[rj]
            cost[ri] = merged
            service[ri] += service[rj]
            head[rj] = -1
        }
        var routes: [[Int32]] = []
        for v32 in inst.stops where head[Int(v32)] >= 0 && routeOf[Int(v32)] == v32 {
            var seq: [Int32] = []
            var v = head[Int(v32)]
            while v >= 0 {
                seq.append(v)
                v = next[Int(v)]
            }
            routes.append(seq)
        }
        return routes
    }
}
