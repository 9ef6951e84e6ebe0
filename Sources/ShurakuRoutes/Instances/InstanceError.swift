import ShurakuCore

/// Why an instance, optimum or solution file could not be read. Lines are 1-based.
public enum InstanceError: Error, Equatable, Sendable {
    /// A required header field (e.g. `DIMENSION`) is missing.
    case missingField(String)
    /// A header field's value cannot be used.
    case invalidValue(field: String, value: String)
    /// `DIMENSION` is above the readers' limit.
    case dimensionTooLarge(Int, limit: Int)
    /// An `EDGE_WEIGHT_TYPE` or `EDGE_WEIGHT_FORMAT` the readers do not know.
    case unsupported(field: String, value: String)
    /// A line inside a section does not have the expected numbers.
    case malformedLine(line: Int, section: String)
    /// A node number outside `1...DIMENSION`, or given twice.
    case badNode(line: Int, section: String, node: String)
    /// A section needed for this file is missing, or lacks entries for some nodes.
    case incompleteSection(String)
    /// A computed or given distance is not a finite number within `Int32`.
    case distanceOutOfRange(from: Int, to: Int)
    /// The depot section is missing, empty, or lists several depots.
    case badDepot
    /// A line of an optimum table or solution file cannot be read.
    case malformedEntry(line: Int)
    /// A solution file has no `Cost` line.
    case missingCost
}

extension InstanceError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .missingField(let f): "missing header field \(f)"
        case .invalidValue(let f, let v): "header field \(f) has an unusable value '\(v)'"
        case .dimensionTooLarge(let n, let limit): "DIMENSION \(n) is above the limit of \(limit)"
        case .unsupported(let f, let v): "\(f) '\(v)' is not supported"
        case .malformedLine(let line, let section): "line \(line) in \(section) does not have the expected numbers"
        case .badNode(let line, let section, let node): "line \(line) in \(section): node '\(node)' is out of range or repeated"
        case .incompleteSection(let s): "section \(s) is missing or incomplete"
        case .distanceOutOfRange(let a, let b): "the distance from node \(a) to node \(b) is not a finite 32-bit integer"
        case .badDepot: "DEPOT_SECTION must list exactly one depot"
        case .malformedEntry(let line): "line \(line) cannot be read"
        case .missingCost: "no 'Cost' line"
        }
    }
}

extension InstanceError: ClassifiedError {
    /// A TSPLIB/CVRPLIB file that cannot be read is bad input.
    public var failureClass: FailureClass { .badInput }
}
