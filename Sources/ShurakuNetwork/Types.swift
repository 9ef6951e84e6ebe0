import ShurakuCore
import ShurakuGeo

/// Errors of the road network module. Each case says what was wrong in words a planner can act on.
public enum NetworkError: Error, Equatable, Sendable {
    /// A speed table could not be read: `reason` names the offending key or value.
    case invalidSpeedTable(reason: String)
    /// An option is out of range (e.g. a negative tolerance or a zero speed).
    case invalidOption(name: String, reason: String)
    /// Graph arrays broke an invariant (only reachable through a bug or hand-made arrays).
    case invalidGraph(reason: String)
    /// A place or source index is outside `0..<count`.
    case indexOutOfRange(name: String, index: Int, count: Int)
    /// Two arrays that must have the same length do not.
    case lengthMismatch(name: String, expected: Int, actual: Int)
    /// Reading or projecting the road layer failed.
    case source(GeoError)
    /// Writing an export file failed.
    case writeFailed(path: String, reason: String)
}
