extension RoutingProblem {
    /// Integer travel costs from a matrix of travel times in seconds (e.g. a road-network
    /// table), rounded once to the nearest second. Entries that are not finite or do not fit
    /// (a "no path" sentinel) become `RoutingProblem.unreachable`; negative entries stay
    /// negative so that `init` rejects them.
    public static func roundedTravel(seconds: [Float32]) -> [Int32] {
        seconds.map { value in
            guard value.isFinite else { return value < 0 ? Int32.min : unreachable }
            let rounded = value.rounded()
            if rounded >= Float32(unreachable) { return unreachable }
            if rounded <= Float32(Int32.min) { return Int32.min }
            return Int32(rounded)
        }
    }
}
