import Foundation

/// Why a settlement is in no zone. Never silently forced into one: every unserved settlement
/// carries one of these.
public enum UnservedReason: Sendable, Hashable, CustomStringConvertible {
    /// Farther from every road than the connector limit (`nearestRoadMeters`), or no road at all (nil).
    case offRoadNetwork(nearestRoadMeters: Double?)
    /// Every zone it could join stays below the minimum population: at most
    /// `reachablePopulation` people within the limit of any possible core.
    case zoneBelowMinimum(reachablePopulation: Int64, limitMinutes: Double)
    /// No settlement that may be a core is within the travel limit.
    case beyondTravelLimit(limitMinutes: Double)
    /// Possible cores are within reach, but none of the chosen ones: more zones would serve it.
    case noZoneCoreInReach(limitMinutes: Double)
    /// Every zone within reach is at the maximum population.
    case reachableZonesFull
    /// Left out by the solver for no other stated reason.
    case notAssigned
    /// In the zone of `core` on the open roads, but the closed roads leave it no road to that core.
    case cutOffByClosedRoads(core: String)
    /// In a zone in the plan, taken out of every zone by the planner (an empty `zone_id` in an
    /// edited plan).
    case removedByPlanner
    /// Unserved in the plan an edited plan was made from, for the reason stated there (in words).
    case asPlanned(String)

    /// The reason in words, with its figures.
    public var description: String {
        switch self {
        case .offRoadNetwork(let m?): String(format: "off the road network (nearest road %.0f m away)", m)
        case .offRoadNetwork(nil): "off the road network (no road)"
        case .zoneBelowMinimum(let p, let limit):
            "zone below minimum population (at most \(p) people within \(Self.minutes(limit)) min of any core)"
        case .beyondTravelLimit(let limit): "beyond travel limit (no possible core within \(Self.minutes(limit)) min)"
        case .noZoneCoreInReach(let limit): "no zone core within \(Self.minutes(limit)) min (more zones would serve it)"
        case .reachableZonesFull: "every reachable zone is at the maximum population"
        case .notAssigned: "not assigned"
        case .cutOffByClosedRoads(let core): "cut off by closed roads (no road left to its core \(core))"
        case .removedByPlanner: "removed by the planner"
        case .asPlanned(let text): text
        }
    }

    /// The reason without its figures, for counting settlements by reason.
    public var summary: String {
        switch self {
        case .offRoadNetwork: "off the road network"
        case .zoneBelowMinimum: "zone below minimum population"
        case .beyondTravelLimit: "beyond travel limit"
        case .noZoneCoreInReach(let limit): "no zone core within \(Self.minutes(limit)) min"
        case .reachableZonesFull: "every reachable zone is at the maximum population"
        case .notAssigned: "not assigned"
        case .cutOffByClosedRoads: "cut off by closed roads"
        case .removedByPlanner: "removed by the planner"
        // The words before the figures: "beyond travel limit (no possible core …)" → "beyond travel limit".
        case .asPlanned(let text): text.range(of: " (").map { String(text[..<$0.lowerBound]) } ?? text
        }
    }

    static func minutes(_ m: Double) -> String { String(format: "%g", m) }
}
