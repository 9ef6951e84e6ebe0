import ShurakuCore

/// Everything that can go wrong in ShurakuFunding: bad scenario JSON, bad demand CSV, bad
/// parameters. Each case names where the problem is (a JSON path, a CSV line and column, a
/// parameter name) so that the CLI can print it as is.
public enum FundingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The JSON could not be read at all (syntax error, not UTF-8, ...).
    case malformedJSON(reason: String)
    /// A key that the format does not define, e.g. `grants.zones.S01.ictt`, with a "did you
    /// mean" hint (" (did you mean ict?)", or "" when no known key is close).
    case unknownKey(path: String, hint: String = "")
    /// A required key is missing.
    case missingKey(path: String)
    /// A value has the wrong JSON type, e.g. a string where a boolean belongs.
    case wrongType(path: String, expected: String)
    /// A value has the right type but is not allowed (negative yen, percent above 100, ...).
    case invalidValue(path: String, reason: String)
    /// A demand CSV problem at a 1-based physical line. `column` is the column's header name;
    /// for a problem in the header itself it is the offending header text (`#n`, the 1-based
    /// field number, when that is empty or no header has been read yet); nil for the whole line.
    case csv(line: Int, column: String?, reason: String)
    /// An input exceeds a documented size limit.
    case inputTooLarge(what: String, limit: Int)
    /// A model parameter is out of range.
    case invalidParameter(name: String, reason: String)
    /// A yen amount overflowed 64-bit arithmetic (inputs far beyond any real cooperative).
    case arithmeticOverflow(what: String)

    public var description: String {
        switch self {
        case .malformedJSON(let reason): "malformed JSON: \(reason)"
        case .unknownKey(let path, let hint): "unknown key '\(path)'\(hint)"
        case .missingKey(let path): "missing key '\(path)'"
        case .wrongType(let path, let expected): "'\(path)': expected \(expected)"
        case .invalidValue(let path, let reason): "'\(path)': \(reason)"
        case .csv(let line, let column, let reason):
            if let column { "line \(line), column '\(column)': \(reason)" } else { "line \(line): \(reason)" }
        case .inputTooLarge(let what, let limit): "\(what) exceeds the limit of \(limit)"
        case .invalidParameter(let name, let reason): "parameter '\(name)': \(reason)"
        case .arithmeticOverflow(let what): "arithmetic overflow computing \(what)"
        }
    }
}

extension FundingError: ClassifiedError {
    /// Every funding problem is in the user's settings or demand file.
    public var failureClass: FailureClass { .badInput }
}
