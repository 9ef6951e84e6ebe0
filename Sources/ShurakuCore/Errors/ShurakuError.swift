/// What kind of failure an error is. It decides the exit status of the command line and tells
/// a library user whether to fix the data, retry, or report a bug.
public enum FailureClass: String, Sendable, Hashable {
    /// The input or the settings cannot be used (exit status 2): fix them and run again.
    case badInput
    /// Something failed while running (exit status 1): a full disk, a killed process.
    case failure
    /// An invariant of Shuraku itself broke (exit status 1): a bug to report.
    case bug
}

/// An error that knows its ``FailureClass``. Every error type of the Shuraku modules adopts it.
public protocol ClassifiedError: Error, CustomStringConvertible {
    /// Whether this is bad input, a failure while running or a bug.
    var failureClass: FailureClass { get }
}

/// One thing wrong, located as precisely as the data allows: the file (and layer), the feature,
/// the field and the offending value.
public struct Problem: Sendable, Hashable, CustomStringConvertible {
    /// The file (and layer) the problem is in; empty when no file is at fault.
    public var file: String
    /// The feature, e.g. "feature 12 (KEY_CODE 174630010)"; nil for file-level problems.
    public var feature: String?
    /// The field or setting, e.g. "JINKO" or "minZonePop"; nil when no single field is at fault.
    public var field: String?
    /// The offending value as text, when one is at fault.
    public var value: String?
    /// What is wrong, in words a planner can act on.
    public var message: String

    public init(file: String, feature: String? = nil, field: String? = nil, value: String? = nil, message: String) {
        self.file = file
        self.feature = feature
        self.field = field
        self.value = value
        self.message = message
    }

    /// "file: feature: field F: message".
    public var description: String { SettingName.plain(raw) }

    /// The description with setting references left for ``SettingName/render(_:naming:)``.
    var raw: String {
        var parts: [String] = []
        if !file.isEmpty { parts.append(file) }
        if let feature { parts.append(feature) }
        if let field, !message.contains(SettingName.ref(field)) { parts.append("field \(field)") }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}

/// The one error shape of Shuraku's library API: what failed (one or more located
/// ``Problem``s) and its ``FailureClass``.
public struct ShurakuError: ClassifiedError, Sendable, Hashable {
    public var failureClass: FailureClass
    /// Every problem found, so that a user can fix the data in one pass.
    public var problems: [Problem]

    public init(_ failureClass: FailureClass, problems: [Problem]) {
        self.failureClass = failureClass
        self.problems = problems
    }

    /// Bad input: the listed problems.
    public static func invalid(_ problems: [Problem]) -> ShurakuError { ShurakuError(.badInput, problems: problems) }

    /// Bad input: one problem.
    public static func badInput(
        file: String = "", feature: String? = nil, field: String? = nil, value: String? = nil, _ message: String
    ) -> ShurakuError {
        ShurakuError(.badInput, problems: [Problem(file: file, feature: feature, field: field, value: value, message: message)])
    }

    /// A failure while running, e.g. an output that cannot be written.
    public static func failure(file: String = "", _ message: String) -> ShurakuError {
        ShurakuError(.failure, problems: [Problem(file: file, message: message)])
    }

    /// A broken invariant: a bug in Shuraku.
    public static func bug(_ message: String) -> ShurakuError {
        ShurakuError(.bug, problems: [Problem(file: "", message: message)])
    }

    /// Wraps any error: a ``ShurakuError`` stays as it is; another ``ClassifiedError`` keeps its
    /// class and message; anything else is a failure while running.
    public static func from(_ error: any Error) -> ShurakuError {
        if let e = error as? ShurakuError { return e }
        if let e = error as? any ClassifiedError {
            return ShurakuError(e.failureClass, problems: [Problem(file: "", message: e.description)])
        }
        return .failure("\(error)")
    }

    public var description: String { render { $0 } }

    /// The message with setting references (see ``SettingName``) spelt by `naming`.
    public func render(naming: (String) -> String) -> String {
        let text: String
        if problems.count == 1, let p = problems.first, p.file.isEmpty || failureClass != .badInput {
            text = p.raw
        } else {
            let shown = problems.prefix(20).map { "  \($0.raw)" }
            let more = problems.count > 20 ? ["  … and \(problems.count - 20) more"] : []
            let head = problems.count == 1 ? "1 problem in the input:" : "\(problems.count) problems in the input:"
            text = ([head] + shown + more).joined(separator: "\n")
        }
        let named = SettingName.render(text, naming: naming)
        return failureClass == .bug ? "internal error (a bug in Shuraku, please report it): \(named)" : named
    }
}
