import ShurakuCore
import ShurakuOutput
import ShurakuPlan

/// The command-line entry point.
public enum ShurakuCLI {
    static let commands: [any Command.Type] = [
        PlanCommand.self, EvaluateCommand.self, CompareCommand.self, InspectCommand.self, CooperativeCommand.self,
    ]

    /// Runs the command line `args` (without the program name) and returns the exit status.
    public static func run(_ args: [String], console: Console = .standard) -> Int32 {
        guard let first = args.first, first != "--help", first != "-h", first != "help" else {
            console.out(overview())
            return args.isEmpty ? ExitCode.badInput : ExitCode.success
        }
        if first == "--version" {
            console.out("shuraku \(shurakuVersion)\n")
            return ExitCode.success
        }
        guard let type = commands.first(where: { $0.spec.name == first }) else {
            console.err("Error: unknown command '\(first)'\n\n" + overview())
            return ExitCode.badInput
        }
        let spec = type.spec
        let parsed: ParsedArgs
        let command: any Command
        do {
            parsed = try ArgParser.parse(Array(args.dropFirst()), spec: spec)
            if parsed.wantsHelp {
                console.out(HelpRenderer.render(spec))
                return ExitCode.success
            }
            command = try type.init(parsed)
        } catch let error as UsageError {
            console.err("Error: \(error)\nUsage: shuraku \(spec.name) \(spec.usage)\nSee 'shuraku \(spec.name) --help'.\n")
            return ExitCode.badInput
        } catch {
            console.err("Error: \(message(for: error))\n")
            return exitStatus(for: error)
        }
        do {
            return try command.run(console)
        } catch {
            // A run interrupted by SIGTERM/SIGINT ends with the handler's status, not this error's.
            Termination.yieldToSignalHandler()
            let hint = error is UsageError ? "\nSee 'shuraku \(spec.name) --help'." : ""
            console.err("Error: \(message(for: error))\(hint)\n")
            return exitStatus(for: error)
        }
    }

    /// The one mapping from errors to exit statuses, by their ``FailureClass``: 2 for bad usage
    /// or bad input, 1 for a failure while running or a bug (and anything unclassified).
    static func exitStatus(for error: Error) -> Int32 {
        switch (error as? any ClassifiedError)?.failureClass {
        case .badInput?: ExitCode.badInput
        case .failure?, .bug?, nil: ExitCode.failure
        }
    }

    /// The error's message with settings named by their flags (`--max-zone-pop`).
    static func message(for error: Error) -> String {
        if let e = error as? ShurakuError { return e.render(naming: PlanFlags.name) }
        return SettingName.render("\(error)", naming: PlanFlags.name)
    }

    static func overview() -> String {
        var lines = [
            "shuraku \(shurakuVersion): settlement network zones (集落ネットワーク圏) for rural municipalities", "",
            "USAGE: shuraku <command> [options]", "", "COMMANDS:",
        ]
        for c in commands { lines.append("  \(c.spec.name.padded(to: 12)) \(c.spec.abstract)") }
        lines += ["", "See 'shuraku <command> --help' for a command's options and examples."]
        return lines.joined(separator: "\n") + "\n"
    }
}
