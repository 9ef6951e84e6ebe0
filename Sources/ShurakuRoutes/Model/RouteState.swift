/// The current routes, with per-stop prefix figures cached so that every move's gain and
/// feasibility come out in O(1).
///
/// Positions in route `r` run `0..<m`; position `-1` is the depot at the start and `m` the
/// depot at the end. For a stop `x` at position `i`:
/// - `fwd[x]`: travel cost depot → … → x along the route;
/// - `bwd[x]`: travel cost of that prefix driven backwards, x → … → first stop → depot;
/// - `loadTo[x]`, `serviceTo[x]`: demand and service of the prefix, x included.
/// So a segment's forward cost is `fwdAt(j) - fwdAt(i)` and its reversed cost `bwdAt(j) - bwdAt(i)`.
struct RouteState {
    private(set) var routes: [[Int32]] = []
    /// Route index of each node; -1 for the depot and for stops on no route.
    private(set) var routeOf: [Int32]
    private(set) var position: [Int32]
    private(set) var fwd: [Int64]
    private(set) var bwd: [Int64]
    private(set) var loadTo: [Int64]
    private(set) var serviceTo: [Int64]
    private(set) var routeCost: [Int64] = []
    private(set) var routeReverseCost: [Int64] = []
    private(set) var routeLoad: [Int64] = []
    private(set) var routeService: [Int64] = []
    /// Servable stops on no route.
    var unassigned: [Int32] = []
    /// Sum of route costs.
    private(set) var cost: Int64 = 0

    init(nodeCount n: Int) {
        routeOf = Array(repeating: -1, count: n)
        position = Array(repeating: -1, count: n)
        fwd = Array(repeating: 0, count: n)
        bwd = Array(repeating: 0, count: n)
        loadTo = Array(repeating: 0, count: n)
        serviceTo = Array(repeating: 0, count: n)
    }

    var routeCount: Int { routes.count }

    /// Cost plus the fixed cost per route (the scalar the local search minimises).
    func objective(_ inst: Instance) -> Int64 { cost + inst.routeFixedCost * Int64(routes.count) }

    func duration(_ r: Int) -> Int64 { routeCost[r] + routeService[r] }

    @inline(__always) func count(_ r: Int) -> Int { routes[r].count }

    /// Node at position `i` of route `r`; the depot (0) outside `0..<m`.
    @inline(__always) func node(_ r: Int, _ i: Int) -> Int {
        let seq = routes[r]
        return i < 0 || i >= seq.count ? 0 : Int(seq[i])
    }

    @inline(__always) func fwdAt(_ r: Int, _ i: Int) -> Int64 {
        if i < 0 { return 0 }
        let seq = routes[r]
        return i >= seq.count ? routeCost[r] : fwd[Int(seq[i])]
    }

    @inline(__always) func bwdAt(_ r: Int, _ i: Int) -> Int64 {
        if i < 0 { return 0 }
        let seq = routes[r]
        return i >= seq.count ? routeReverseCost[r] : bwd[Int(seq[i])]
    }

    @inline(__always) func loadAt(_ r: Int, _ i: Int) -> Int64 {
        if i < 0 { return 0 }
        let seq = routes[r]
        return i >= seq.count ? routeLoad[r] : loadTo[Int(seq[i])]
    }

    @inline(__always) func serviceAt(_ r: Int, _ i: Int) -> Int64 {
        if i < 0 { return 0 }
        let seq = routes[r]
        return i >= seq.count ? routeService[r] : serviceTo[Int(seq[i])]
    }

    /// Travel saved by cutting positions `i...j` out of route `r` (joining their neighbours),
    /// plus the fixed cost of the route if that empties it. With the triangle inequality no
    /// move that puts these stops elsewhere can gain more, so it bounds their moves' gains.
    @inline(__always) func removalGain(_ r: Int, _ i: Int, _ j: Int, _ inst: Instance) -> Int64 {
        let chain = fwdAt(r, j + 1) - fwdAt(r, i - 1)
        let saved = chain - (fwdAt(r, j) - fwdAt(r, i)) - inst.d(node(r, i - 1), node(r, j + 1))
        return j - i + 1 == count(r) ? saved + inst.routeFixedCost : saved
    }

    /// Whether a route with these figures keeps within capacity and maximum duration.
    @inline(__always) static func fits(load: Int64, cost: Int64, service: Int64, _ inst: Instance) -> Bool {
        load <= inst.capacity && cost + service <= inst.maxDuration
    }

    // MARK: - Changing routes

    /// Adds a route and returns its index.
    @discardableResult
    mutating func appendRoute(_ seq: [Int32], _ inst: Instance) -> Int {
        routes.append([])
        routeCost.append(0)
        routeReverseCost.append(0)
        routeLoad.append(0)
        routeService.append(0)
        let r = routes.count - 1
        setRoute(r, seq, inst)
        return r
    }

    /// Replaces the stops of route `r` and refreshes its cached figures (O(length)).
    /// An empty route stays as an empty slot until `removeEmptyRoutes()`.
    mutating func setRoute(_ r: Int, _ seq: [Int32], _ inst: Instance) {
        for v in routes[r] where routeOf[Int(v)] == Int32(r) {
            routeOf[Int(v)] = -1
            position[Int(v)] = -1
        }
        routes[r] = seq
        var f: Int64 = 0
        var b: Int64 = 0
        var l: Int64 = 0
        var s: Int64 = 0
        var prev = 0
        for (i, v32) in seq.enumerated() {
            let v = Int(v32)
            f += inst.d(prev, v)
            b += inst.d(v, prev)
            l += inst.demand[v]
            s += inst.service[v]
            fwd[v] = f
            bwd[v] = b
            loadTo[v] = l
            serviceTo[v] = s
            routeOf[v] = Int32(r)
            position[v] = Int32(i)
            prev = v
        }
        let newCost = seq.isEmpty ? 0 : f + inst.d(prev, 0)
        cost += newCost - routeCost[r]
        routeCost[r] = newCost
        routeReverseCost[r] = seq.isEmpty ? 0 : b + inst.d(0, prev)
        routeLoad[r] = l
        routeService[r] = s
    }

    /// Drops empty routes, keeping the others in order.
    mutating func removeEmptyRoutes() {
        guard routes.contains(where: { $0.isEmpty }) else { return }
        var w = 0
        for r in routes.indices where !routes[r].isEmpty {
            if w != r {
                routes[w] = routes[r]
                routeCost[w] = routeCost[r]
                routeReverseCost[w] = routeReverseCost[r]
                routeLoad[w] = routeLoad[r]
                routeService[w] = routeService[r]
                for v in routes[w] { routeOf[Int(v)] = Int32(w) }
            }
            w += 1
        }
        routes.removeLast(routes.count - w)
        routeCost.removeLast(routeCost.count - w)
        routeReverseCost.removeLast(routeReverseCost.count - w)
        routeLoad.removeLast(routeLoad.count - w)
        routeService.removeLast(routeService.count - w)
    }

    /// Removes `stops` from their routes (refreshing each touched route once) and returns the
    /// indices of the touched routes before empty ones are dropped.
    @discardableResult
    mutating func remove(_ stops: [Int32], _ inst: Instance) -> [Int] {
        var touched: [Int] = []
        var drop = Set<Int32>()
        for v in stops where routeOf[Int(v)] >= 0 {
            let r = Int(routeOf[Int(v)])
            if !touched.contains(r) { touched.append(r) }
            drop.insert(v)
        }
        for r in touched { setRoute(r, routes[r].filter { !drop.contains($0) }, inst) }
        return touched
    }

    /// Inserts stop `v` into route `r` after position `i` (-1 = first).
    mutating func insert(_ v: Int32, route r: Int, after i: Int, _ inst: Instance) {
        var seq = routes[r]
        seq.insert(v, at: i + 1)
        setRoute(r, seq, inst)
    }
}
