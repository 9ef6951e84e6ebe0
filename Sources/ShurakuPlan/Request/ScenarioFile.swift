import Foundation
import ShurakuCore
import ShurakuGeo

/// Reads a scenario file: JSON with the keys of ``PlanSettings/all`` (camelCase); paths relative
/// to the file. Unknown keys (with a "did you mean"), wrong types and missing files are
/// bad-input errors naming the file and the key.
public enum ScenarioFile {
    /// Reads the scenario at `path` into setting values (paths resolved beside the file).
    public static func read(_ path: String) throws(ShurakuError) -> [String: SettingValue] {
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                throw ShurakuError.invalid([Problem(file: path, message: "cannot read the scenario file")])
            }
            throw ShurakuError.source(.fileNotFound(path: path))
        }
        return try parse(data, path: path)
    }

    /// Parses scenario bytes as if read from `path` (relative paths resolve beside it).
    public static func parse(_ data: Data, path: String) throws(ShurakuError) -> [String: SettingValue] {
        func problem(_ key: String?, _ message: String) -> ShurakuError {
            ShurakuError.invalid([Problem(file: path, field: key, message: message)])
        }
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw problem(nil, "not valid JSON (\(error.localizedDescription))")
        }
        guard let obj = json as? [String: Any] else { throw problem(nil, "a scenario must be a JSON object of settings") }
        let base = (path as NSString).deletingLastPathComponent
        var out: [String: SettingValue] = [:]
        var problems: [Problem] = []
        let unknown = UnknownKeys(given: obj.keys, known: PlanSettings.all.map(\.key))
        for key in obj.keys.sorted() {
            guard let raw = obj[key] else { continue }
            guard let setting = PlanSettings.setting(key: key) else {
                problems.append(Problem(file: path, field: key, message: "unknown setting" + unknown.hint(key)))
                continue
            }
            do throws(ScenarioValueError) {
                out[key] = try convert(raw, for: setting, base: base)
            } catch {
                problems.append(Problem(file: path, field: key, message: error.message))
            }
        }
        guard problems.isEmpty else { throw ShurakuError.invalid(problems) }
        return out
    }

    private static func convert(_ raw: Any, for s: PlanSetting, base: String) throws(ScenarioValueError) -> SettingValue {
        // JSONSerialization gives booleans as NSNumber whose objCType is "c" (char).
        let isBool = { (v: Any) -> Bool in
            guard let n = v as? NSNumber else { return false }
            return String(cString: n.objCType) == "c"
        }
        func typeName(_ v: Any) -> String {
            switch v {
            case is String: "a string"
            case is NSNumber: isBool(v) ? "true/false" : "a number"
            case is [Any]: "a list"
            case is [String: Any]: "an object"
            case is NSNull: "null"
            default: "an unknown value"
            }
        }
        switch s.kind {
        case .path:
            guard let text = raw as? String, !text.isEmpty else { throw ScenarioValueError("expected a file path, got \(typeName(raw))") }
            let resolved = text.hasPrefix("/") ? text : joined(base, text)
            try requireExists(resolved)
            return .text(resolved)
        case .text:
            guard let text = raw as? String else { throw ScenarioValueError("expected a string, got \(typeName(raw))") }
            return .text(text)
        case .number(let range):
            guard let n = raw as? NSNumber, !isBool(raw) else { throw ScenarioValueError("expected a number, got \(typeName(raw))") }
            let d = n.doubleValue
            guard d.isFinite, range.contains(d) else {
                throw ScenarioValueError("\(d) is out of range (\(range.lowerBound)…\(range.upperBound))")
            }
            return .number(d)
        case .integer(let range):
            guard let n = raw as? NSNumber, !isBool(raw), n.doubleValue == n.doubleValue.rounded() else {
                throw ScenarioValueError("expected a whole number, got \(typeName(raw))")
            }
            guard n.doubleValue >= Double(range.lowerBound), n.doubleValue <= Double(range.upperBound) else {
                throw ScenarioValueError("\(n) is out of range")
            }
            return .number(n.doubleValue)
        case .flag:
            guard isBool(raw), let b = (raw as? NSNumber)?.boolValue else {
                throw ScenarioValueError("expected true or false, got \(typeName(raw))")
            }
            return .flag(b)
        case .choice(let choices):
            guard let text = raw as? String, choices.contains(text) else {
                throw ScenarioValueError("expected one of \(choices.joined(separator: ", ")), got \(raw as? String ?? typeName(raw))")
            }
            return .text(text)
        case .zones:
            if let text = raw as? String, text == "auto" || text == "fewest" { return .text(text) }
            if let n = raw as? NSNumber, !isBool(raw), n.doubleValue >= 1, n.doubleValue == n.doubleValue.rounded() {
                return .text(String(n.intValue))
            }
            throw ScenarioValueError("expected \"auto\", \"fewest\" or a whole number ≥ 1")
        case .list:
            if let text = raw as? String { return .text(text) }
            guard let items = raw as? [Any], !items.isEmpty else {
                throw ScenarioValueError("expected a string or a list of strings, got \(typeName(raw))")
            }
            var texts: [String] = []
            for item in items {
                guard let t = item as? String else { throw ScenarioValueError("expected a list of strings, got \(typeName(item)) in it") }
                texts.append(t)
            }
            return .text(texts.joined(separator: ","))
        case .object, .record:
            guard raw is [String: Any] else { throw ScenarioValueError("expected an object, got \(typeName(raw))") }
            guard let data = try? JSONSerialization.data(withJSONObject: raw, options: [.sortedKeys]) else {
                throw ScenarioValueError("the object cannot be written back as JSON")
            }
            return .object(data)
        }
    }

    /// `relative` resolved against the folder `base` by text alone ("a/b" + "../c" → "a/c"), so
    /// that a scenario given by a relative path records relative input paths in `plan.json`
    /// (the same bytes wherever the repository is checked out).
    public static func joined(_ base: String, _ relative: String) -> String {
        let absolute = base.hasPrefix("/")
        var parts: [Substring] = []
        for piece in (base.isEmpty ? relative : base + "/" + relative).split(separator: "/") {
            switch piece {
            case ".": continue
            case "..": if let last = parts.last, last != ".." { parts.removeLast() } else if !absolute { parts.append(piece) }
            default: parts.append(piece)
            }
        }
        let text = parts.joined(separator: "/")
        return absolute ? "/" + text : (text.isEmpty ? "." : text)
    }

    /// Throws when the file part of `path` (before a `:layer` suffix) does not exist.
    static func requireExists(_ path: String) throws(ScenarioValueError) {
        let spec = SourceSpec(parsing: path)
        guard FileManager.default.fileExists(atPath: spec.path) else { throw ScenarioValueError("\(spec.path): no such file") }
    }
}

/// A scenario value of the wrong type or range; becomes a ``Problem`` naming the key.
struct ScenarioValueError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
