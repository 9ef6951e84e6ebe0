import Foundation
import ShurakuNetwork

/// The road-data check in words: the plan note and the warnings.
enum RoadCheckText {
    /// "road data: 7 crossings without a shared vertex, …" (one note per plan with roads).
    static func note(_ c: RoadDataCheck) -> String {
        var parts: [String] = []
        if c.junctions == .crossings {
            parts.append("\(c.crossings) crossings without a shared vertex, \(c.crossingsJoined) joined («junctions» crossings)")
        } else {
            parts.append(
                "\(c.crossings) crossings without a shared vertex, not joined (travel goes round them; «junctions» crossings joins them)")
        }
        parts.append("\(c.gradeSeparations) grade separations (bridge, tunnel or another layer) left apart")
        parts.append(
            "\(c.gaps) gaps: road ends within \(format(c.gapReportMeters)) m («gapReportM») of another road, not joined by "
                + "«snapTolerance» \(format(c.snapToleranceMeters)) m (a tolerance of at least a gap's distance_m joins it)")
        parts.append("\(c.dangles) dead ends")
        var text = "road data: " + parts.joined(separator: ", ") + "; places in the network_issues layer"
        if let i = c.impact { text += "; " + impactText(i, crossings: c.crossings) }
        return text
    }

    /// "joining the 7 crossings changes 760 of 3,906 settlement pairs within the limit …".
    static func impactText(_ i: CrossingImpact, crossings: Int) -> String {
        var text =
            "joining the \(crossings) crossings changes \(i.pairsChanged) of \(i.pairsWithinLimit) settlement pairs within the "
            + "travel limit by \(format(i.thresholdMinutes)) min or more (\(i.settlementsAffected) settlements)"
        if let p = i.largest {
            func m(_ v: Double?) -> String { v.map { String(format: "%.1f min", $0) } ?? "beyond the limit" }
            text += "; the largest: \(p.fromName) (\(p.from)) → \(p.toName) (\(p.to)), \(m(p.withoutMin)) apart, \(m(p.withMin)) joined"
        }
        return text
    }

    /// Warnings for crossings left apart and gaps.
    static func warnings(_ c: NetworkCheck, junctions: JunctionRule) -> [String] {
        var out: [String] = []
        if junctions == .vertices && c.crossings > 0 {
            out.append(
                "\(c.crossings) road crossings have no shared vertex: travel times treat them as bridges "
                    + "(see the network_issues layer; «junctions» crossings joins them)")
        }
        let gaps = c.issues.filter { $0.kind == .gap }.map(\.distanceMeters)
        if let lo = gaps.min(), let hi = gaps.max() {
            out.append(
                "\(gaps.count) road ends stop \(format(lo))–\(format(hi)) m short of another road "
                    + "(see the network_issues layer; «snapTolerance» joins gaps up to its value)")
        }
        return out
    }

    static func format(_ v: Double) -> String { String(format: "%g", (v * 10).rounded() / 10) }
}
