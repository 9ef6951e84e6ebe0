import Foundation
import ShurakuGeo
import ShurakuInput

/// A setting's value, from a flag or a scenario file.
enum SettingValue: Sendable, Equatable {
    case text(String)
    case number(Double)
    case flag(Bool)
    /// A JSON object, kept as canonical JSON bytes (sorted keys).
    case object(Data)
}

/// Reads a scenario file: JSON with the same keys as the options (camelCase); paths relative
/// to the file. Unknown keys, wrong types and missing files are errors naming the key.
enum Scenario {
    static func read(_ path: String) throws(InputError) -> [String: SettingValue] {
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                throw InputError.invalid([InputProblem(file: path, message: "cannot read the scenario file")])
            }
            throw InputError.source(.fileNotFound(path: path))
        }
        return try parse(data, path: path)
    }

    /// Parses scenario bytes as if read from `path` (relative paths resolve beside it).
    static func parse(_ data: Data, path: String) throws(InputError) -> [String: SettingValue] {
        func problem(_ key: String?, _ message: String) -> InputError {
            InputError.invalid([InputProblem(file: path, field: key, message: message)])
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
        var problems: [InputProblem] = []
        for key in obj.keys.sorted() {
            guard let raw = obj[key] else { continue }
            guard let setting = PlanSettings.setting(key: key) else {
                let near = ArgParser.suggestions(for: key, in: PlanSettings.all.map(\.key))
                problems.append(InputProblem(
                    file: path, field: key,
                    message: "unknown setting" + (near.isEmpty ? "" : " (did you mean \(near.joined(separator: " or "))?)")))
                continue
            }
            do {
                out[key] = try convert(raw, for: setting, base: base)
            } catch let e as UsageError {
                problems.append(InputProblem(file: path, field: key, message: e.message))
            } catch {
                problems.append(InputProblem(file: path, field: key, message: "\(error)"))
            }
        }
        guard problems.isEmpty else { throw InputError.invalid(problems) }
        return out
    }

    private static func convert(_ raw: Any, for s: PlanSetting, base: String) throws -> SettingValue {
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
            guard let text = raw as? String, !text.isEmpty else { throw UsageError("expected a file path, got \(typeName(raw))") }
            let resolved = text.hasPrefix("/") ? text : joined(base, text)
            try requireExists(resolved)
            return .text(resolved)
        case .text:
            guard let text = raw as? String else { throw UsageError("expected a string, got \(typeName(raw))") }
            return .text(text)
        case .number(let range):
            guard let n = raw as? NSNumber, !isBool(raw) else { throw UsageError("expected a number, got \(typeName(raw))") }
            let d = n.doubleValue
            guard d.isFinite, range.contains(d) else { throw UsageError("\(d) is out of range (\(range.lowerBound)…\(range.upperBound))") }
            return .number(d)
        case .integer(let range):
            guard let n = raw as? NSNumber, !isBool(raw), n.doubleValue == n.doubleValue.rounded() else {
                throw UsageError("expected a whole number, got \(typeName(raw))")
            }
            guard n.doubleValue >= Double(range.lowerBound), n.doubleValue <= Double(range.upperBound) else {
                throw UsageError("\(n) is out of range")
            }
            return .number(n.doubleValue)
        case .flag:
            guard isBool(raw), let b = (raw as? NSNumber)?.boolValue else { throw UsageError("expected true or false, got \(typeName(raw))") }
            return .flag(b)
        case .choice(let choices):
            guard let text = raw as? String, choices.contains(text) else {
                throw UsageError("expected one of \(choices.joined(separator: ", ")), got \(raw as? String ?? typeName(raw))")
            }
            return .text(text)
        case .zones:
            if let text = raw as? String, text == "auto" { return .text("auto") }
            if let n = raw as? NSNumber, !isBool(raw), n.doubleValue >= 1, n.doubleValue == n.doubleValue.rounded() {
                return .text(String(n.intValue))
            }
            throw UsageError("expected \"auto\" or a whole number ≥ 1")
        case .object:
            guard raw is [String: Any] else { throw UsageError("expected an object, got \(typeName(raw))") }
            return .object(try JSONSerialization.data(withJSONObject: raw, options: [.sortedKeys]))
        }
    }

    /// `relative` resolved against the folder `base` by text alone ("a/b" + "../c" → "a/c"), so
    /// that a scenario given by a relative path records relative input paths in `plan.json`
    /// (the same bytes wherever the repository is checked out).
    static func joined(_ base: String, _ relative: String) -> String {
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
    static func requireExists(_ path: String) throws(UsageError) {
        let spec = SourceSpec(parsing: path)
        guard FileManager.default.fileExists(atPath: spec.path) else { throw UsageError("\(spec.path): no such file") }
    }
}
