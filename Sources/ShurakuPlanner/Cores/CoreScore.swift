import ShurakuCore
import ShurakuInput

/// How well a settlement serves as a 基幹集落: the services within a radius, then the people.
///
/// Scores order by ``kindScore`` first and ``population`` second.
public struct CoreScore: Sendable, Hashable, Comparable {
    /// The weighted count of distinct kinds of service within the radius (0 without facilities).
    public var kindScore: Int
    /// The kinds counted, most weighty first. A kind another counted kind provides (a clinic
    /// where there is a hospital) is not listed: it was counted once, with the other.
    public var kinds: [FacilityKind]
    /// The population within the radius, the settlement itself included.
    public var population: Int64
    /// Whether facilities were given (without them the score is the population alone).
    public var usesFacilities: Bool
    /// What was counted, in words: "役場, 小学校, 診療所 within 1 km; 1,689 people within 1 km".
    public var reason: String

    public init(kindScore: Int, kinds: [FacilityKind], population: Int64, usesFacilities: Bool, reason: String) {
        self.kindScore = kindScore
        self.kinds = kinds
        self.population = population
        self.usesFacilities = usesFacilities
        self.reason = reason
    }

    /// The number written as `core_score`: the weighted kind count with facilities, the
    /// population within the radius without.
    public var value: Int64 { usesFacilities ? Int64(kindScore) : population }

    public static func < (a: CoreScore, b: CoreScore) -> Bool {
        a.kindScore != b.kindScore ? a.kindScore < b.kindScore : a.population < b.population
    }

    /// The scores as non-negative integers, higher is better, for an optimiser that adds them up.
    ///
    /// Each is `kindScore × M + population`, with `M` larger than the sum of every population
    /// within the radius: so the kinds decide first and population only breaks ties, also for
    /// sums over any set of settlements. When that could overflow, populations are divided by
    /// a power of ten (coarser, still secondary).
    public static func preferences(_ scores: [CoreScore]) -> [Int64] {
        var kindTotal: Int64 = 1
        var popTotal: Int64 = 0
        for s in scores {
            kindTotal = kindTotal.addingReportingOverflow(Int64(max(0, s.kindScore))).partialValue
            popTotal = min(Int64.max / 4, popTotal.addingReportingOverflow(max(0, s.population)).partialValue)
        }
        var divisor: Int64 = 1
        while true {
            let m = popTotal / divisor + 1
            let (product, overflow) = kindTotal.multipliedReportingOverflow(by: m)
            if !overflow, product <= Int64.max - m { break }
            divisor *= 10
        }
        let m = popTotal / divisor + 1
        return scores.map { Int64(max(0, $0.kindScore)) * m + max(0, $0.population) / divisor }
    }
}

/// Computes ``CoreScore``s: services within a walking radius, weighted by kind, ties by the
/// population within the radius; without facilities, the population within the radius.
public struct CoreScoring: Sendable {
    /// The default radius, 1,000 m (`--core-radius-m`).
    public static let defaultRadiusMeters = 1000.0

    /// Straight-line radius in metres around each settlement.
    public var radiusMeters: Double
    public var weights: FacilityWeights

    public init(radiusMeters: Double = CoreScoring.defaultRadiusMeters, weights: FacilityWeights = .default) {
        self.radiusMeters = radiusMeters
        self.weights = weights
    }

    /// Scores settlements by their metric location and population; `facilities` nil means none
    /// were given (the score is then the population within the radius).
    public func scores(locations: [XY], populations: [Int64], facilities: [Facility]?) -> [CoreScore] {
        let r = max(0, radiusMeters.isFinite ? radiusMeters : 0)
        let people = RadiusGrid(locations, radius: r)
        let services = facilities.map { RadiusGrid($0.map(\.location), radius: r) }
        let within = CoreScoring.distanceText(r)
        var out: [CoreScore] = []
        out.reserveCapacity(locations.count)
        for (i, p) in locations.enumerated() {
            var pop: Int64 = 0
            people.forEach(within: r, of: p) { j in
                if j < populations.count { pop = pop.addingReportingOverflow(max(0, populations[j])).partialValue }
            }
            // A settlement without a finite location still counts itself.
            if !p.isFinite, i < populations.count { pop = max(0, populations[i]) }
            let peopleText = "\(CoreScoring.grouped(pop)) \(pop == 1 ? "person" : "people") within \(within)"
            guard let facilities, let services else {
                out.append(CoreScore(kindScore: 0, kinds: [], population: pop, usesFacilities: false, reason: peopleText))
                continue
            }
            var present = Set<FacilityKind>()
            var schoolLabels = Set<String>()
            services.forEach(within: r, of: p) { j in
                present.insert(facilities[j].kind)
                if facilities[j].kind == .school { schoolLabels.insert(facilities[j].label) }
            }
            let counted = count(present)
            let labels = counted.map { k in k.kind == .school ? CoreScoring.schoolText(schoolLabels) : k.kind.label }
            let servicesText = labels.isEmpty ? "no services within \(within)" : "\(labels.joined(separator: ", ")) within \(within)"
            out.append(
                CoreScore(
                    kindScore: counted.reduce(0) { $0 + $1.weight }, kinds: counted.map(\.kind), population: pop,
                    usesFacilities: true, reason: "\(servicesText); \(peopleText)"))
        }
        return out
    }

    /// Scores settlements (see ``scores(locations:populations:facilities:)``).
    public func scores(settlements: [Settlement], facilities: [Facility]?) -> [CoreScore] {
        scores(locations: settlements.map(\.location), populations: settlements.map(\.population), facilities: facilities)
    }

    /// The kinds that count and their weights, most weighty first (ties in kind order).
    ///
    /// A kind provided by another present kind (a clinic where there is a hospital) counts once,
    /// with that kind, at the higher of the two weights. Kinds of weight 0 do not count.
    func count(_ present: Set<FacilityKind>) -> [(kind: FacilityKind, weight: Int)] {
        var out: [(kind: FacilityKind, weight: Int)] = []
        for k in FacilityKind.allCases where present.contains(k) {
            if present.contains(where: { $0 != k && $0.alsoProvides.contains(k) }) { continue }
            let w = k.alsoProvides.reduce(weights[k]) { max($0, weights[$1]) }
            if w > 0 { out.append((k, w)) }
        }
        // Stable: equal weights keep kind order.
        return out.enumerated().sorted { a, b in
            a.element.weight != b.element.weight ? a.element.weight > b.element.weight : a.offset < b.offset
        }.map(\.element)
    }

    /// "小学校・中学校": the school words found, in a fixed order.
    static func schoolText(_ labels: Set<String>) -> String {
        let order = ["小学校", "小中学校", "中学校", "中等教育学校", "高校", "大学", FacilityKind.school.label]
        let known = order.filter(labels.contains)
        let rest = labels.subtracting(order).sorted()
        let all = known + rest
        return all.isEmpty ? FacilityKind.school.label : all.joined(separator: "・")
    }

    /// "1 km", "1.5 km", "800 m": kilometres from 1,000 m, else metres.
    public static func distanceText(_ meters: Double) -> String {
        if meters >= 1000 {
            let km = (meters / 10).rounded() / 100
            var s = String(format: "%.2f", km)
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
            return "\(s) km"
        }
        return "\(grouped(Int64(meters.rounded()))) m"
    }

    /// "1,689": digits grouped by thousands with commas, whatever the locale.
    public static func grouped(_ n: Int64) -> String { groupedDigits(n) }
}
