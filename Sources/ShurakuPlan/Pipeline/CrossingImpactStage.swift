import ShurakuInput
import ShurakuNetwork

/// Measures what joining the road crossings does to the settlements' travel times: both graphs
/// (crossings apart and joined), one matrix each over every settlement, pairs compared.
enum CrossingImpactStage {
    /// The smallest difference counted as a change, minutes.
    static let thresholdMinutes = 0.1
    /// Above this many settlements the comparison is skipped (two full matrices).
    static let maxSettlements = 5000

    /// The impact, or nil when there is no crossing to join or too few or too many settlements.
    static func measure(_ stage: RoadNetworkStage, settlements: [Settlement], travel: PlanRequest.Travel) throws -> CrossingImpact? {
        let n = settlements.count
        guard stage.check.crossings > 0, n >= 2, n <= maxSettlements else { return nil }
        let other = try stage.alternativeGraph()
        let (apart, joined) = stage.options.junctions == .vertices ? (stage.graph, other) : (other, stage.graph)
        let connector = ConnectorOptions(speedKmh: travel.connectorSpeedKmh, maxConnectorMeters: travel.maxConnectorMeters)
        let places = settlements.map(\.location)
        let cutoff = travel.maxMinutes * 60
        let before = try RoutingNetwork(roads: apart, places: places, connector: connector)
            .travelTimes(cutoffSeconds: cutoff, direction: .fromSources, workers: nil)
        let after = try RoutingNetwork(roads: joined, places: places, connector: connector)
            .travelTimes(cutoffSeconds: cutoff, direction: .fromSources, workers: nil)

        var impact = CrossingImpact(pairsWithinLimit: 0, pairsChanged: 0, thresholdMinutes: thresholdMinutes, settlementsAffected: 0)
        var affected = [Bool](repeating: false, count: n)
        var rowBefore = [Double](repeating: .infinity, count: n)
        var rowAfter = rowBefore
        var largestChange = 0.0
        for r in 0..<n {
            for k in before.range(ofRow: r) { rowBefore[Int(before.targets[k])] = Double(before.seconds[k]) }
            for k in after.range(ofRow: r) { rowAfter[Int(after.targets[k])] = Double(after.seconds[k]) }
            for c in 0..<n where c != r && (rowBefore[c].isFinite || rowAfter[c].isFinite) {
                impact.pairsWithinLimit += 1
                let change = abs(min(rowBefore[c], cutoff) - min(rowAfter[c], cutoff))
                guard change >= thresholdMinutes * 60 else { continue }
                impact.pairsChanged += 1
                affected[r] = true
                affected[c] = true
                if change > largestChange {
                    largestChange = change
                    impact.largest = CrossingImpact.ChangedPair(
                        from: settlements[r].id, to: settlements[c].id, fromName: settlements[r].name, toName: settlements[c].name,
                        withoutMin: minutes(rowBefore[c]), withMin: minutes(rowAfter[c]))
                }
            }
            for k in before.range(ofRow: r) { rowBefore[Int(before.targets[k])] = .infinity }
            for k in after.range(ofRow: r) { rowAfter[Int(after.targets[k])] = .infinity }
        }
        impact.settlementsAffected = affected.filter { $0 }.count
        return impact
    }

    private static func minutes(_ seconds: Double) -> Double? { seconds.isFinite ? seconds / 60 : nil }
}
