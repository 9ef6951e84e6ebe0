/// How library messages name a setting without knowing how the caller spells it.
///
/// A message refers to a setting by its scenario key wrapped in guillemets, e.g.
/// `"«maxZonePop» 5 is below «minZonePop» 10"`. Plain descriptions show the key
/// (`maxZonePop`); the command line shows its flag (`--max-zone-pop`) through
/// ``render(_:naming:)``, so no command-line spelling leaks into the libraries.
public enum SettingName {
    /// A reference to the setting `key` for use inside a message.
    public static func ref(_ key: String) -> String { "«\(key)»" }

    /// `text` with every setting reference replaced by `naming(key)`.
    public static func render(_ text: String, naming: (String) -> String) -> String {
        guard text.contains("«") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "«") {
            out += rest[..<open]
            let after = rest.index(after: open)
            guard let close = rest[after...].firstIndex(of: "»") else {
                out += rest[open...]
                return out
            }
            let key = rest[after..<close]
            out += key.isEmpty || key.contains(" ") ? String(rest[open...close]) : naming(String(key))
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// `text` with every setting reference shown as its key.
    public static func plain(_ text: String) -> String { render(text) { $0 } }
}
