import Foundation
import ShurakuGeo
import ShurakuNetwork

/// Travel times, part one: the routable road graph, once for all groups, with the note that
/// describes it, the road-data check and the warnings a planner should see.
struct RoadNetworkStage: Sendable {
    var graph: RoadGraph
    /// "road graph: 290 of 294 lines, … nodes, … edges, … km of road in 3 connected pieces …".
    var note: String
    var warnings: [String]
    /// The lines the graph was built from (their labels name the lines of each issue).
    var lines: [RoadLine]
    var options: RoadGraphOptions
    /// Crossings, gaps and dangles found while building.
    var check: NetworkCheck

    static func build(_ roads: VectorLayer, speeds: SpeedTable, travel: PlanRequest.Travel) throws -> RoadNetworkStage {
        let lines = try RoadLine.lines(from: roads, speeds: speeds)
        let options = RoadGraphOptions(
            speeds: speeds, snapToleranceMeters: travel.snapToleranceMeters, junctions: travel.junctions,
            gapReportMeters: travel.gapReportMeters)
        let built = try RoadGraphBuilder.build(lines, options: options)
        let r = built.report
        let pieces = built.graph.components.components
        let totalKm = pieces.reduce(0.0) { $0 + $1.meters } / 1000
        let largest = pieces.prefix(3).map { String(format: "%.0f km", $0.meters / 1000) }.joined(separator: ", ")
        let joined = travel.junctions == .crossings ? ", \(r.crossingsJoined) crossings joined" : ""
        let note =
            "road graph: \(r.linesUsed) of \(r.linesRead) lines, \(r.nodes) nodes, \(r.edges) edges, "
            + String(format: "%.0f km of road in %d connected pieces (largest: %@)", totalKm, pieces.count, largest)
            + ", \(r.nearMissJoins) near-miss joins\(joined)" + skippedLines(r)
        var warnings: [String] = []
        if r.linesUnknownClass > 0 {
            let classes = r.unknownClasses.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
            warnings.append("\(r.linesUnknownClass) road lines of unknown class got the default speed: \(classes)")
        }
        let check = r.check ?? NetworkCheck(gapReportMeters: travel.gapReportMeters)
        warnings += RoadCheckText.warnings(check, junctions: travel.junctions)
        return RoadNetworkStage(graph: built.graph, note: note, warnings: warnings, lines: lines, options: options, check: check)
    }

    /// "; lines skipped: 12 of an excluded class (footway, path, …), 3 closed to cars by access tags"
    /// for the lines the road graph left out (empty when none).
    static func skippedLines(_ r: BuildReport) -> String {
        let parts = [
            (r.linesExcluded, "of an excluded class (footway, path, …)"), (r.linesClosedToCars, "closed to cars by access tags"),
            (r.linesNotRoads, "not roads"), (r.linesInvalid, "without a usable geometry"),
        ]
        .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        return parts.isEmpty ? "" : "; lines skipped: " + parts.joined(separator: ", ")
    }

    /// The issues as plan rows: lon/lat points and the lines' labels.
    func issueRows(crs: CRS) throws -> [Plan.NetworkIssueRow] {
        let back = try CoordinateTransformer(from: crs, to: .lonLat)
        return try check.issues.map { issue in
            Plan.NetworkIssueRow(
                kind: issue.kind, roads: issue.lines.map { lines[$0].label ?? "line \($0 + 1)" },
                distanceMeters: issue.distanceMeters, joined: issue.joined, lonLat: try back.apply(issue.point))
        }
    }

    /// The graph with the other junction rule: the crossings joined when they are not, else left apart.
    func alternativeGraph() throws -> RoadGraph {
        var other = options
        other.junctions = options.junctions == .vertices ? .crossings : .vertices
        other.checksData = false
        return try RoadGraphBuilder.build(lines, options: other).graph
    }
}
