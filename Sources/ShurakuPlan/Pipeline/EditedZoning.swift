import Foundation
import ShurakuCore
import ShurakuInput
import ShurakuNetwork
import ShurakuPlanner
import ShurakuRoutes

/// The planner's edits matched to the study's settlements (global indices), beside the plan's
/// own assignment from `plan.json`.
struct ResolvedEdits: Sendable {
    /// Per settlement: the zone the planner put it in (nil: none).
    var zoneOf: [String?]
    /// Per settlement: whether the planner marks it as a core.
    var isCore: [Bool]
    /// Per settlement: the edited layer's reason (why the plan left it unserved).
    var reason: [String?]
    /// Per settlement: its zone in the plan (nil: unserved).
    var oldZoneOf: [String?]
    /// Per settlement: whether it is a core in the plan.
    var oldIsCore: [Bool]
    /// The plan's zone ids, in the plan's order.
    var planZones: [String]
    /// What was made of the edits (filled per group later).
    var notes: [String]

    /// Matches `edited` and `saved`'s zones to `settlements` by id. An id the study does not
    /// have, or a settlement the edited layer lacks, is bad input naming the file and feature.
    static func resolve(_ saved: SavedPlan, _ edited: EditedAssignment, settlements: [Settlement]) throws(ShurakuError) -> ResolvedEdits {
        let n = settlements.count
        var index: [String: Int] = [:]
        for (i, s) in settlements.enumerated() { index[s.id] = i }
        var edits = ResolvedEdits(
            zoneOf: Array(repeating: nil, count: n), isCore: Array(repeating: false, count: n), reason: Array(repeating: nil, count: n),
            oldZoneOf: Array(repeating: nil, count: n), oldIsCore: Array(repeating: false, count: n), planZones: saved.zones.map(\.zoneID),
            notes: [])
        var problems: [Problem] = []
        var seen = [Bool](repeating: false, count: n)
        for e in edited.entries {
            guard let i = index[e.settlementID] else {
                problems.append(
                    Problem(
                        file: edited.source, feature: e.feature, field: "settlement_id", value: e.settlementID,
                        message: "no settlement of the plan has this id"))
                continue
            }
            seen[i] = true
            edits.zoneOf[i] = e.zoneID
            edits.isCore[i] = e.isCore
            edits.reason[i] = e.reason
        }
        for i in 0..<n where !seen[i] {
            problems.append(
                Problem(
                    file: edited.source, field: "settlement_id",
                    message: "settlement \(settlements[i].id) (\(settlements[i].name)) of the plan is missing: keep every settlement "
                        + "in the edited layer (an empty zone_id takes one out of every zone)"))
        }
        guard problems.isEmpty else { throw .invalid(problems) }
        var unknown: [String] = []
        for z in saved.zones {
            for id in z.members {
                guard let i = index[id] else {
                    unknown.append(id)
                    continue
                }
                edits.oldZoneOf[i] = z.zoneID
                edits.oldIsCore[i] = id == z.coreID
            }
        }
        // Cut off by closed roads in the plan and left so: back in the zone of the core it lost,
        // where the closures cut it off again (or no longer do, when the closures changed).
        for i in 0..<n where edits.zoneOf[i] == nil && edits.oldZoneOf[i] == nil {
            guard let core = edits.reason[i].flatMap(lostCore), let c = index[core], edits.isCore[c], let z = edits.zoneOf[c] else {
                continue
            }
            edits.zoneOf[i] = z
        }
        if !unknown.isEmpty {
            edits.notes.append(
                "\(unknown.count) settlement(s) of the plan's zones are no longer in the settlements input and are left out of "
                    + "changes.csv: \(unknown.prefix(10).joined(separator: ", "))")
        }
        return edits
    }

    /// The id of the core a settlement lost to closed roads, from its reason as the plan wrote
    /// it (``UnservedReason/cutOffByClosedRoads(core:)``: "… to its core ID (NAME))").
    static func lostCore(_ reason: String) -> String? {
        let lead = "cut off by closed roads (no road left to its core "
        guard reason.hasPrefix(lead) else { return nil }
        let rest = reason.dropFirst(lead.count)
        guard let end = rest.range(of: " (") else { return nil }
        let id = String(rest[..<end.lowerBound])
        return id.isEmpty ? nil : id
    }
}

/// Travel from members to their cores with the plan's travel model: the group's matrix (within
/// the travel limit, as the plan computed it), and for pairs beyond it, rows without that limit.
struct MemberTravel: Sendable {
    let matrix: TravelTimeMatrix
    let long: TravelTimeMatrix?
    /// Member → row of ``long``.
    let longRow: [Int: Int]

    /// Far beyond any travel limit: a long way is still a way.
    static func horizon(limitSeconds: Double) -> Double { max(limitSeconds * 20, 12 * 3600) }

    /// The travel for `pairs` (member, core): the matrix where it reaches, else one row per
    /// member it does not reach, up to ``horizon(limitSeconds:)``.
    init(_ travel: GroupTravel, pairs: [(member: Int, core: Int)], limitSeconds: Double, workers: Int?) throws {
        matrix = travel.matrix
        let missing = Set(
            pairs.filter { $0.member != $0.core && travel.matrix.entry(row: $0.member, target: Int32($0.core)) == nil }.map(\.member)
        )
        .sorted()
        guard !missing.isEmpty else {
            long = nil
            longRow = [:]
            return
        }
        let sources = missing.map { Int32($0) }
        let horizon = Self.horizon(limitSeconds: limitSeconds)
        switch travel.loops {
        case .road(let net):
            long = try net.travelTimes(sources: sources, cutoffSeconds: horizon, direction: .fromSources, workers: workers)
        case .straightLine(let model, let lonLat, let projected, let scale):
            long = try model.travelTimes(
                lonLat: lonLat, projected: projected, sources: sources, cutoffSeconds: horizon, direction: .fromSources,
                workers: workers, scale: scale)
        }
        longRow = Dictionary(uniqueKeysWithValues: missing.enumerated().map { ($1, $0) })
    }

    /// Seconds and metres from `member` to `core`; nil when there is no way within the horizon.
    func time(_ member: Int, to core: Int) -> (seconds: Double, meters: Double)? {
        if member == core { return (0, 0) }
        if let e = matrix.entry(row: member, target: Int32(core)) { return (Double(e.seconds), Double(e.meters)) }
        if let r = longRow[member], let e = long?.entry(row: r, target: Int32(core)) { return (Double(e.seconds), Double(e.meters)) }
        return nil
    }
}

/// A zoning made from an assignment (zone id and core flag per settlement of one group) instead
/// of by the ``Zoner``: first each zone's core settled (``settle(zoneOf:isCore:order:planCores:prep:)``),
/// then, with every member's travel to its core measured, the zoning (``zoning(travel:unserved:prep:minPopulation:)``).
struct AssignedZoning: Sendable {
    /// The zone ids, in zone order: the plan's order, then new zones by their first settlement.
    var zoneIDs: [String]
    /// Per zone, its members (group indices, ascending).
    var members: [[Int]]
    /// Per zone, its core (group index).
    var cores: [Int]
    /// Per zone, why its core is the core when the edits decided it (nil: as in the plan).
    var coreNotes: [String?]
    /// What was made of the edits.
    var notes: [String]

    /// Every (member, core) pair the zones need travel for.
    var pairs: [(member: Int, core: Int)] {
        zip(members, cores).flatMap { ms, c in ms.map { ($0, c) } }
    }

    /// Settles the zones and their cores.
    /// - Parameters:
    ///   - zoneOf: per settlement of the group, its zone id (nil: in none).
    ///   - isCore: per settlement, whether it is marked as its zone's core.
    ///   - order: the plan's zone ids in its order.
    ///   - planCores: each zone id of the plan → its core (group index), to tell changed cores.
    static func settle(
        zoneOf: [String?], isCore: [Bool], order: [String], planCores: [String: Int], prep: GroupPlanner.Prepared
    ) -> AssignedZoning {
        let subset = prep.subset
        let n = subset.count
        var members: [String: [Int]] = [:]
        var firstSeen: [String] = []
        for i in 0..<n {
            guard let z = zoneOf[i] else { continue }
            if members[z] == nil { firstSeen.append(z) }
            members[z, default: []].append(i)
        }
        let known = Set(order)
        let ids = order.filter { members[$0] != nil } + firstSeen.filter { !known.contains($0) }
        var notes: [String] = []
        for z in order where members[z] == nil && planCores[z] != nil {
            notes.append("\(prep.prefix)zone \(z) of the plan has no settlements left: it is gone")
        }
        for i in 0..<n where zoneOf[i] == nil && isCore[i] {
            notes.append("\(prep.prefix)\(label(subset[i])) is marked as a core but is in no zone: the mark is ignored")
        }

        var cores: [Int] = []
        var coreNotes: [String?] = []
        for z in ids {
            let ms = members[z] ?? []
            let marked = ms.filter { isCore[$0] }
            let isNew = !known.contains(z)
            var core = ms.first ?? 0
            var why: String? = nil
            if isNew, ms.count == 1 {
                notes.append("\(prep.prefix)zone \(z) is not in the plan: a new zone with \(label(subset[core])) as its core")
                why = "core of a new zone made by the planner"
            } else if marked.count == 1, let only = marked.first {
                core = only
                if isNew {
                    notes.append(
                        "\(prep.prefix)zone \(z) is not in the plan: a new zone of \(ms.count) settlements around \(label(subset[only]))")
                    why = "core of a new zone made by the planner"
                } else if planCores[z] != only {
                    why = "core set by the planner"
                }
            } else {
                let pool = marked.isEmpty ? ms : marked
                core = best(pool, prep: prep)
                let rule = prep.scores == nil ? "the most people" : "the best core score"
                let what =
                    marked.isEmpty
                    ? "has no settlement marked as its core (is_core)"
                    : "has \(marked.count) settlements marked as its core (\(marked.map { subset[$0].id }.joined(separator: ", ")))"
                notes.append(
                    "\(prep.prefix)\(isNew ? "new " : "")zone \(z) \(what): \(label(subset[core])), with \(rule) of "
                        + "\(marked.isEmpty ? "its members" : "them"), is its core")
                why =
                    "core chosen by evaluate: \(rule) of \(marked.isEmpty ? "the zone's members (none was marked)" : "the settlements marked")"
            }
            cores.append(core)
            coreNotes.append(why)
        }
        return AssignedZoning(zoneIDs: ids, members: ids.map { members[$0] ?? [] }, cores: cores, coreNotes: coreNotes, notes: notes)
    }

    /// The zoning, with every member's travel to its core; `unserved` gives the reason of a
    /// settlement in no zone. Its notes are the ``Zoner``'s last step: zones below the minimum,
    /// the unserved by reason.
    func zoning(
        travel: MemberTravel, unserved: (Int) -> UnservedReason, prep: GroupPlanner.Prepared, minPopulation: Int64
    ) -> Zoning {
        let subset = prep.subset
        let n = subset.count
        var zoneIndex = [Int?](repeating: nil, count: n)
        var seconds = [Double?](repeating: nil, count: n)
        var meters = [Double?](repeating: nil, count: n)
        var reasons = [UnservedReason?](repeating: nil, count: n)
        for (zi, ms) in members.enumerated() {
            for m in ms {
                zoneIndex[m] = zi
                if let t = travel.time(m, to: cores[zi]) {
                    seconds[m] = t.seconds
                    meters[m] = t.meters
                }
            }
        }
        for i in 0..<n where zoneIndex[i] == nil { reasons[i] = unserved(i) }
        let zones = members.enumerated().map { zi, ms in
            Zoner.zone(
                core: cores[zi], members: ms, travelSeconds: seconds, settlements: subset, districts: prep.membership,
                minPopulation: minPopulation)
        }
        var zoning = Zoning(
            zones: zones, zoneOf: zoneIndex, travelSeconds: seconds, travelMeters: meters, unservedReason: reasons, notes: [])
        zoning.notes = Zoner.shortfallNotes(zoning, settlements: subset, minPopulation: minPopulation)
        return zoning
    }

    /// The member that makes the best core: the best core score, else (without scores) the most
    /// people; ties by input order.
    static func best(_ pool: [Int], prep: GroupPlanner.Prepared) -> Int {
        guard var bestIndex = pool.first else { return 0 }
        for i in pool.dropFirst() {
            if let a = prep.scores?[i], let b = prep.scores?[bestIndex] {
                if b < a {
                    bestIndex = i
                    continue
                }
                if a < b { continue }
            }
            if prep.subset[i].population > prep.subset[bestIndex].population { bestIndex = i }
        }
        return bestIndex
    }

    static func label(_ s: Settlement) -> String { "\(s.id) (\(s.name))" }
}
