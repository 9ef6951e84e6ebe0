/// A subcommand: a static spec, validation that turns parsed arguments into a value, and `run`.
protocol Command: Sendable {
    static var spec: CommandSpec { get }
    /// Validates the arguments; throws ``UsageError`` for anything a user typed wrong.
    init(_ args: ParsedArgs) throws(UsageError)
    /// Runs the command and returns its exit status. Errors thrown here are mapped to statuses
    /// by ``ShurakuCLI/run(_:console:)``.
    func run(_ console: Console) throws -> Int32
}

/// A failure while running (exit status 1), as opposed to bad input (2).
struct RunFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
