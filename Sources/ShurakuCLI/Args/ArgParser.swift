import ShurakuCore

/// A command line that the parser could not accept. Printed with the usage and a hint, exit 2.
struct UsageError: ClassifiedError, Sendable {
    let message: String
    var description: String { message }
    var failureClass: FailureClass { .badInput }
    init(_ message: String) { self.message = message }
}

/// Arguments as parsed against a ``CommandSpec``.
struct ParsedArgs: Sendable {
    private(set) var values: [String: String] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positionals: [String] = []

    /// The value of an option (last one wins when repeated).
    func value(_ name: String) -> String? { values[name] }
    func has(_ name: String) -> Bool { flags.contains(name) || values[name] != nil }
    var wantsHelp: Bool { flags.contains("--help") }

    /// The option names that were given, in no particular order.
    var givenOptions: Set<String> { flags.union(values.keys) }

    /// An option as a number, with a range check.
    func double(_ name: String, in range: ClosedRange<Double>? = nil) throws(UsageError) -> Double? {
        guard let raw = values[name] else { return nil }
        guard let d = Double(raw), d.isFinite else { throw UsageError("\(name): '\(raw)' is not a number") }
        if let range, !range.contains(d) {
            throw UsageError("\(name): \(raw) is out of range (\(range.lowerBound)…\(range.upperBound))")
        }
        return d
    }

    /// An option as an integer, with a range check.
    func int(_ name: String, in range: ClosedRange<Int>? = nil) throws(UsageError) -> Int? {
        guard let raw = values[name] else { return nil }
        guard let i = Int(raw) else { throw UsageError("\(name): '\(raw)' is not a whole number") }
        if let range, !range.contains(i) { throw UsageError("\(name): \(raw) is out of range (\(range.lowerBound)…\(range.upperBound))") }
        return i
    }

    /// An option that must be one of `choices`.
    func choice(_ name: String, _ choices: [String]) throws(UsageError) -> String? {
        guard let raw = values[name] else { return nil }
        guard choices.contains(raw) else { throw UsageError("\(name): '\(raw)' is not one of \(choices.joined(separator: ", "))") }
        return raw
    }

    mutating func set(_ name: String, _ value: String) { values[name] = value }
    mutating func append(positional: String) { positionals.append(positional) }
    mutating func setFlag(_ name: String) { flags.insert(name) }
}

/// Parses `--name value`, `--name=value`, flags, `-h`, and positionals (after `--` too).
enum ArgParser {
    static func parse(_ args: [String], spec: CommandSpec) throws(UsageError) -> ParsedArgs {
        var parsed = ParsedArgs()
        var byName: [String: OptionSpec] = [:]
        for o in spec.allOptions { byName[o.name] = o }
        var i = 0
        var onlyPositionals = false
        while i < args.count {
            let a = args[i]
            i += 1
            if onlyPositionals || !a.hasPrefix("-") || a == "-" {
                parsed.append(positional: a)
                continue
            }
            if a == "--" {
                onlyPositionals = true
                continue
            }
            if a == "-h" {
                parsed.setFlag("--help")
                continue
            }
            var name = a
            var inline: String? = nil
            if let eq = a.firstIndex(of: "="), a.hasPrefix("--") {
                name = String(a[..<eq])
                inline = String(a[a.index(after: eq)...])
            }
            guard let opt = byName[name] else {
                throw UsageError("unknown option '\(name)'" + NameSuggestions.hint(name, in: spec.allOptions.map(\.name)))
            }
            if opt.isFlag {
                if inline != nil { throw UsageError("\(name) takes no value") }
                parsed.setFlag(name)
                continue
            }
            if let inline {
                parsed.set(name, inline)
            } else {
                guard i < args.count else { throw UsageError("\(name) needs a value (\(opt.value ?? "VALUE"))") }
                parsed.set(name, args[i])
                i += 1
            }
        }
        if parsed.wantsHelp { return parsed }
        let n = parsed.positionals.count
        if n < spec.positionals.min {
            throw UsageError("missing \(spec.positionals.name)")
        }
        if n > spec.positionals.max {
            let extra = parsed.positionals[spec.positionals.max...].joined(separator: " ")
            throw UsageError(spec.positionals.max == 0 ? "unexpected argument '\(extra)'" : "too many arguments: '\(extra)'")
        }
        return parsed
    }
}
