/// A subcommand: a static spec, validation that turns parsed arguments into a value, and `run`.
protocol Command: Sendable {
    static var spec: CommandSpec { get }
    /// Validates the arguments; throws ``UsageError`` for anything a user typed wrong, or a
    /// ``ShurakuError`` for a file named there that cannot be used.
    init(_ args: ParsedArgs) throws
    /// Runs the command and returns its exit status. Errors thrown here are mapped to statuses
    /// by ``ShurakuCLI/run(_:console:)``.
    func run(_ console: Console) throws -> Int32
}
