import Dispatch

/// A point in time after which a time-bounded search stops improving and returns its best.
///
/// Searches also take an iteration limit so that a result can be reproduced exactly for a
/// seed: when both are given, the iteration limit decides and the deadline is only a safety net.
public struct Deadline: Sendable {
    /// Monotonic nanoseconds at which the deadline passes (`UInt64.max` = never).
    public let uptimeNanoseconds: UInt64

    public init(uptimeNanoseconds: UInt64) { self.uptimeNanoseconds = uptimeNanoseconds }

    /// A deadline `seconds` from now.
    public static func after(seconds: Double) -> Deadline {
        let now = DispatchTime.now().uptimeNanoseconds
        guard seconds.isFinite, seconds >= 0 else { return .never }
        let add = UInt64(min(seconds * 1e9, Double(UInt64.max / 2)))
        return Deadline(uptimeNanoseconds: now &+ add)
    }

    /// A deadline that never passes.
    public static let never = Deadline(uptimeNanoseconds: .max)

    /// Whether the deadline has passed.
    public var hasPassed: Bool { DispatchTime.now().uptimeNanoseconds >= uptimeNanoseconds }
}
