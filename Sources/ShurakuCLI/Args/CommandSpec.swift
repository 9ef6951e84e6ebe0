/// One option of a command: `--name VALUE` or a flag `--name`.
struct OptionSpec: Sendable {
    /// Long name with dashes, e.g. "--max-travel-min".
    let name: String
    /// Placeholder shown in help ("MIN"); nil for a flag.
    let value: String?
    let help: String
    /// Shown as "(default: …)".
    let defaultText: String?
    /// The same setting's key in a scenario file (camelCase), when it has one.
    let scenarioKey: String?
    /// Help section, e.g. "Zones", "Bus loops".
    let group: String

    init(
        _ name: String, _ value: String? = nil, _ help: String, default defaultText: String? = nil, key: String? = nil,
        group: String = "Options"
    ) {
        self.name = name
        self.value = value
        self.help = help
        self.defaultText = defaultText
        self.scenarioKey = key
        self.group = group
    }

    var isFlag: Bool { value == nil }
}

/// The static description of a command, from which parsing and help are both derived.
struct CommandSpec: Sendable {
    let name: String
    let abstract: String
    /// The synopsis after the command name, e.g. "SRC [--format text|json]".
    let usage: String
    let discussion: String
    let positionals: (name: String, help: String, min: Int, max: Int)
    let options: [OptionSpec]
    let examples: [String]

    /// Options every command takes.
    static let common: [OptionSpec] = [
        OptionSpec("--quiet", nil, "No progress or warnings on stderr (errors are still printed).", group: "General"),
        OptionSpec("--help", nil, "Show this help.", group: "General"),
    ]

    var allOptions: [OptionSpec] { options + CommandSpec.common }
}
