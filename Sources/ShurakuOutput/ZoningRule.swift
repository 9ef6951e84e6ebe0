import Foundation
import ShurakuInput
import ShurakuPlan
import ShurakuPlanner

/// The rule a plan's zones follow, in plain words, for `plan.json` and reports: a planner must
/// be able to say why there are this many zones and why a settlement is a core.
public enum ZoningRule {
    /// The rule `request` asks for.
    public static func text(_ request: PlanRequest) -> String {
        let z = request.zoning
        var limits = "every zone has at least \(z.minZonePopulation) people"
        if let max = z.maxZonePopulation { limits += " and at most \(max)" }
        limits += ", every served settlement is within \(minutes(request.travel.maxMinutes)) min of its core"
        if let km = request.travel.maxKilometres { limits += " and \(minutes(km)) km" }
        switch request.effectiveDistrictMode {
        case .within: limits += ", and no zone spans two districts"
        case .whole:
            limits += ", and zones are unions of whole districts"
            if z.zones == .auto { limits += ", each touching the core's district" }
        case .ignore: break
        }
        var score = scoreText(request)
        if let field = request.fields.core { score += "; designated cores (field \(field)) are always cores" }
        if let field = request.fields.coreCandidates { score += "; cores only where field \(field) is true" }
        switch z.zones {
        case .auto:
            return "zones auto: the most zones such that \(limits) (max-p regions); at that count, the cores with the "
                + "largest total core score (\(score)); then the least population-weighted travel time to the core"
        case .fewest:
            return "zones fewest: the fewest zones that serve everyone reachable, such that \(limits); at that count, the cores "
                + "with the largest total core score (\(score)); then the least population-weighted travel time to the core"
        case .exactly(let n):
            return "zones \(n): exactly \(n) zones such that \(limits); the cores with the largest total core score "
                + "(\(score)); then the least population-weighted travel time to the core"
        }
    }

    /// What the core score counts.
    static func scoreText(_ request: PlanRequest) -> String {
        let c = request.cores
        let radius = CoreScoring.distanceText(c.radiusMeters)
        let facilities = request.inputs.facilities != nil && c.score == .auto
        switch c.score {
        case .none:
            return "not used: every settlement is as good a core as any other"
        case .auto where facilities:
            let weights = FacilityKind.allCases.filter { c.weights[$0] > 0 }.map { "\($0.label) \(c.weights[$0])" }
            return
                "the weighted kinds of services within \(radius) (\(weights.joined(separator: ", "))), ties by the people within \(radius)"
        case .auto, .population:
            return "the people within \(radius), the settlement itself included"
        }
    }

    static func minutes(_ m: Double) -> String { String(format: "%g", m) }
}
