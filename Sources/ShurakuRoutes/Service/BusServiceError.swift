import ShurakuCore

/// Service windows or operating costs that cannot be used. Each case names the offending text or
/// key; callers put the setting's name in front.
public enum BusServiceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No window at all was given.
    case noWindows
    /// A window that is not `HH:MM-HH:MM`.
    case malformedWindow(window: String)
    /// An hour above 23 or a minute above 59.
    case timeOutOfRange(window: String, reason: String)
    /// A window whose end is before or at its start.
    case endNotAfterStart(window: String)
    /// Two windows that share more than an end point.
    case overlappingWindows(String, String)
    /// A cost entry that is not `key=number`.
    case malformedCost(entry: String)
    /// A cost key the format does not define, with a "did you mean" hint ("" when nothing is close).
    case unknownCostKey(key: String, hint: String)
    /// A cost key given twice.
    case duplicateCostKey(key: String)
    /// A cost key that must be given.
    case missingCostKeys([String])
    /// A cost value out of its range.
    case invalidCost(key: String, reason: String)

    public var description: String {
        switch self {
        case .noWindows: "no service window given (expected HH:MM-HH:MM[,HH:MM-HH:MM…])"
        case .malformedWindow(let w): "'\(w)' is not a window HH:MM-HH:MM"
        case .timeOutOfRange(let w, let reason): "'\(w)': \(reason)"
        case .endNotAfterStart(let w): "'\(w)': the end is not after the start"
        case .overlappingWindows(let a, let b): "windows \(a) and \(b) overlap"
        case .malformedCost(let e): "'\(e)' is not key=number (keys: \(OperatingCosts.keys.joined(separator: ", ")))"
        case .unknownCostKey(let k, let hint): "unknown key '\(k)'\(hint)"
        case .duplicateCostKey(let k): "key '\(k)' is given twice"
        case .missingCostKeys(let keys):
            "missing \(keys.map { "'\($0)'" }.joined(separator: ", ")) "
                + "(no default: give every one of \(OperatingCosts.keys.joined(separator: ", ")))"
        case .invalidCost(let k, let reason): "'\(k)': \(reason)"
        }
    }
}

extension BusServiceError: ClassifiedError {
    /// Every such problem is in the user's settings.
    public var failureClass: FailureClass { .badInput }
}
