import Foundation

/// A setting's value as a flag or a scenario file gives it, before it is typed.
public enum SettingValue: Sendable, Equatable {
    case text(String)
    case number(Double)
    case flag(Bool)
    /// A JSON object, kept as canonical JSON bytes (sorted keys).
    case object(Data)
}
