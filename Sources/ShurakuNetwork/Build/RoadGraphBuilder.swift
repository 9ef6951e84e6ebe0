import ShurakuCore

/// Builds a ``RoadGraph`` from road lines in a metric CRS.
///
/// Steps: classify each line (speed, direction, or skipped) with the ``SpeedTable``; merge
/// vertices with identical coordinates (these are the junctions); find the crossings without a
/// shared vertex and, with ``JunctionRule/crossings``, split both lines there; join near-miss
/// dangling ends within ``RoadGraphOptions/snapToleranceMeters``; find the gaps and dangles left
/// (``BuildReport/check``); contract degree-2 chains into edges that keep
/// their geometry; lay out the compressed arrays and label connected components.
public enum RoadGraphBuilder {
    /// Build the graph; the ``BuildReport`` says what was skipped, joined and unknown.
    public static func build(
        _ lines: [RoadLine], options: RoadGraphOptions = RoadGraphOptions()
    ) throws(NetworkError) -> (graph: RoadGraph, report: BuildReport) {
        try options.validate()
        var report = BuildReport()
        let classifier = RoadClassifier(table: options.speeds, lines: lines)
        var soup = SegmentSoup.make(lines, classifier: classifier, report: &report)
        var check: NetworkCheck?
        if options.checksData || options.junctions != .vertices {
            check = NetworkCheck.crossings(in: &soup, lines: lines, rule: options.junctions, gapReportMeters: options.gapReportMeters)
        }
        NearMissJoiner.join(&soup, tolerance: options.snapToleranceMeters, report: &report)
        if options.checksData { check?.recordEnds(soup) }
        report.check = options.checksData ? check : nil
        report.crossingsJoined = check?.crossingsJoined ?? 0
        report.segments = soup.segmentCount
        let c = ChainContractor.contract(soup)
        var map: [Int32] = []
        let g = try RoadGraph(
            nodeXY: c.nodeXY, edges: c.edges, lines: c.lines, majorShare: options.majorComponentShare,
            reorder: true, nodeMap: &map, snapIndex: true)
        report.nodes = g.nodeCount
        report.edges = g.edgeCount
        return (g, report)
    }
}
