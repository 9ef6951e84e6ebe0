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
