/// Renders `--help` text from a ``CommandSpec``.
enum HelpRenderer {
    static func render(_ spec: CommandSpec) -> String {
        var out = ["OVERVIEW: \(spec.abstract)", "", "USAGE: shuraku \(spec.name) \(spec.usage)"]
        if !spec.discussion.isEmpty { out += ["", spec.discussion] }
        if spec.positionals.max > 0 {
            out += ["", "ARGUMENTS:", "  \(spec.positionals.name.padded(to: 28)) \(spec.positionals.help)"]
        }
        var groups: [String] = []
        for o in spec.allOptions where !groups.contains(o.group) { groups.append(o.group) }
        for g in groups {
            out += ["", "\(g.uppercased()):"]
            for o in spec.allOptions where o.group == g {
                let left = o.value.map { "\(o.name) \($0)" } ?? o.name
                var help = o.help
                if let d = o.defaultText { help += " (default: \(d))" }
                if left.count > 28 {
                    out.append("  \(left)")
                    out.append("  \("".padded(to: 28)) \(help)")
                } else {
                    out.append("  \(left.padded(to: 28)) \(help)")
                }
            }
        }
        if !spec.examples.isEmpty {
            out += ["", "EXAMPLES:"] + spec.examples.map { "  \($0)" }
        }
        return out.joined(separator: "\n") + "\n"
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
