import Foundation

/// What evaluating an edited plan found: how the edits were read, the rules the edited zones
/// break, and what changed against the plan. Present only on plans made by
/// ``Planner/evaluate(_:edited:progress:)``.
public struct PlanEvaluation: Sendable {
    /// The `plan.json` of the plan that was edited.
    public var planPath: String
    /// The edited settlements layer.
    public var editedSource: String
    /// Its SHA-256 when read.
    public var editedSHA256: String
    /// What was made of edits that did not say everything: new zones, zones without a core or
    /// with two, settlements taken out of every zone.
    public var edits: [String]
    /// Every rule broken, settlement by settlement and zone by zone, in output order.
    public var violations: [PlanViolation]
    /// The settlements whose zone or core status changed, in input order.
    public var changes: [SettlementChange]
    /// Each zone a change touches, with its figures in the plan and now.
    public var zoneChanges: [String: ZoneChange]

    public init(
        planPath: String, editedSource: String, editedSHA256: String, edits: [String], violations: [PlanViolation],
        changes: [SettlementChange], zoneChanges: [String: ZoneChange]
    ) {
        self.planPath = planPath
        self.editedSource = editedSource
        self.editedSHA256 = editedSHA256
        self.edits = edits
        self.violations = violations
        self.changes = changes
        self.zoneChanges = zoneChanges
    }

    /// Each settlement's `violations` field, by settlement id: its codes with details,
    /// "; "-separated (settlements without any are left out).
    public func settlementTexts() -> [String: String] {
        var out: [String: [String]] = [:]
        for v in violations { if let id = v.settlementID { out[id, default: []].append(v.text) } }
        return out.mapValues { $0.joined(separator: "; ") }
    }

    /// Each zone's `violations` field, by zone id: the zone's own, then its members' counted by
    /// code, e.g. `below_min_population(812 < 1000); members(beyond_travel_limit 1)` (zones
    /// without any are left out).
    public func zoneTexts() -> [String: String] {
        var own: [String: [String]] = [:]
        var counts: [String: [(PlanViolation.Code, Int)]] = [:]
        var order: [String] = []
        for v in violations {
            guard let z = v.zoneID else { continue }
            if own[z] == nil && counts[z] == nil { order.append(z) }
            if v.settlementID == nil {
                own[z, default: []].append(v.text)
            } else {
                var list = counts[z] ?? []
                if let i = list.firstIndex(where: { $0.0 == v.code }) { list[i].1 += 1 } else { list.append((v.code, 1)) }
                counts[z] = list
            }
        }
        var out: [String: String] = [:]
        for z in order {
            var parts = own[z] ?? []
            if let c = counts[z], !c.isEmpty {
                parts.append("members(" + c.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ") + ")")
            }
            out[z] = parts.joined(separator: "; ")
        }
        return out
    }
}

/// One rule an edited plan breaks: flagged, never refused.
public struct PlanViolation: Sendable, Hashable {
    /// What is broken. The raw values are the codes written in the `violations` fields.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// A member farther from its core than «maxTravelMin».
        case beyondTravelLimit = "beyond_travel_limit"
        /// A member farther from its core by road than «maxTravelKm».
        case beyondTravelKm = "beyond_travel_km"
        /// A member with no road (or straight line within 12 h) to its core.
        case noRoadToCore = "no_road_to_core"
        /// `within` districts: a member in another district than its core.
        case outsideCoreDistrict = "outside_core_district"
        /// `whole` districts: a member of a district whose larger part is in another zone.
        case districtSplit = "district_split"
        /// A designated core («coreField») that is not a core.
        case designatedCoreNotCore = "designated_core_not_core"
        /// A core that «coreCandidatesField» does not allow.
        case coreNotCandidate = "core_not_candidate"
        /// A zone below «minZonePop».
        case belowMinPopulation = "below_min_population"
        /// A zone above «maxZonePop».
        case aboveMaxPopulation = "above_max_population"
        /// `within` districts: a zone whose members lie in several districts.
        case crossesDistricts = "crosses_districts"
        /// `whole` districts: a zone holding part of a district that other zones share.
        case splitsDistrict = "splits_district"
    }

    /// What is broken.
    public var code: Code
    /// The zone it is in or about (nil for a settlement in no zone).
    public var zoneID: String?
    /// The settlement it is about; nil when it is about the zone as a whole.
    public var settlementID: String?
    /// The figures, e.g. `41.2 min > 30 min`.
    public var detail: String

    public init(code: Code, zoneID: String?, settlementID: String?, detail: String) {
        self.code = code
        self.zoneID = zoneID
        self.settlementID = settlementID
        self.detail = detail
    }

    /// `code(detail)`, as written in the `violations` fields.
    public var text: String { "\(code.rawValue)(\(detail))" }
}

/// A settlement whose zone or core status the edits changed.
public struct SettlementChange: Sendable, Hashable {
    /// The settlement's id (`settlement_id`).
    public var settlementID: String
    /// Its name.
    public var name: String
    /// Its population.
    public var population: Int64
    /// Its zone in the plan (nil: none).
    public var oldZoneID: String?
    /// Its zone now (nil: none).
    public var newZoneID: String?
    /// Whether it is a core in the plan.
    public var oldIsCore: Bool
    /// Whether it is a core now.
    public var newIsCore: Bool
    /// Its travel time to its core in the plan, minutes (recomputed with the same travel model).
    public var oldTravelMin: Double?
    /// Its travel time to its core now, minutes.
    public var newTravelMin: Double?

    public init(
        settlementID: String, name: String, population: Int64, oldZoneID: String?, newZoneID: String?, oldIsCore: Bool,
        newIsCore: Bool, oldTravelMin: Double?, newTravelMin: Double?
    ) {
        self.settlementID = settlementID
        self.name = name
        self.population = population
        self.oldZoneID = oldZoneID
        self.newZoneID = newZoneID
        self.oldIsCore = oldIsCore
        self.newIsCore = newIsCore
        self.oldTravelMin = oldTravelMin
        self.newTravelMin = newTravelMin
    }

    /// What happened, in a word or two: `moved`, `added`, `removed`, `made core`, `no longer core`.
    public var kind: String {
        if oldZoneID == newZoneID { return newIsCore ? "made core" : "no longer core" }
        if oldZoneID == nil { return newIsCore ? "added as core" : "added" }
        if newZoneID == nil { return "removed" }
        return newIsCore ? "moved as core" : "moved"
    }
}

/// A zone's figures that changes.csv compares.
public struct ZoneFigures: Sendable, Hashable {
    /// Its population.
    public var population: Int64
    /// The number of its bus loops.
    public var loops: Int
    /// Minutes of all its loops.
    public var routeMin: Double
    /// Its grant cap in yen.
    public var grantCapYen: Int64

    public init(population: Int64, loops: Int, routeMin: Double, grantCapYen: Int64) {
        self.population = population
        self.loops = loops
        self.routeMin = routeMin
        self.grantCapYen = grantCapYen
    }

    /// A zone that does not exist.
    public static let none = ZoneFigures(population: 0, loops: 0, routeMin: 0, grantCapYen: 0)
}

/// A zone's figures in the plan and after the edits (nil: the zone does not exist then).
public struct ZoneChange: Sendable, Hashable {
    /// The zone id.
    public var zoneID: String
    /// Its figures in the plan (nil: a new zone).
    public var old: ZoneFigures?
    /// Its figures now (nil: the zone is gone).
    public var new: ZoneFigures?

    public init(zoneID: String, old: ZoneFigures?, new: ZoneFigures?) {
        self.zoneID = zoneID
        self.old = old
        self.new = new
    }
}
