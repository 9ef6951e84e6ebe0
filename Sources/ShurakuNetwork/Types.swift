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

extension NetworkError: ClassifiedError {
    /// Speed tables, options and road sources are input; broken graph arrays are a bug.
    public var failureClass: FailureClass {
        switch self {
        case .invalidSpeedTable, .invalidOption: .badInput
        case .source(let e): e.failureClass
        case .invalidGraph, .indexOutOfRange, .lengthMismatch: .bug
        case .writeFailed: .failure
        }
    }

    public var description: String {
        switch self {
        case .invalidSpeedTable(let reason): "speed table: \(reason)"
        case .invalidOption(let name, let reason): "\(name): \(reason)"
        case .invalidGraph(let reason): "road graph: \(reason)"
        case .indexOutOfRange(let name, let index, let count): "\(name) index \(index) is outside 0..<\(count)"
        case .lengthMismatch(let name, let expected, let actual): "\(name) has \(actual) entries, expected \(expected)"
        case .source(let e): e.description
        case .writeFailed(let path, let reason): "\(path): writing failed: \(reason)"
        }
    }
}
