import Foundation
import ShurakuCore
import ShurakuGeo

/// A plan folder read back from its `plan.json`: the request it was made from (every setting),
/// its input files with their checksums, and its zones (core and members). What
/// ``Planner/evaluate(_:edited:progress:)`` needs besides the planner's edits.
///
/// ```swift
/// let saved = try SavedPlan.read(folder: "out/noto")
/// for warning in try saved.checkInputs() { print("warning: \(warning)") }
/// ```
public struct SavedPlan: Sendable {
    /// One input file as the plan read it.
    public struct Input: Sendable, Hashable {
        /// Its role: `settlements`, `roads`, `scenario`, …
        public var role: String
        /// Its path as recorded (relative paths are relative to the folder the plan was run from).
        public var path: String
        /// Its SHA-256 when the plan was made.
        public var sha256: String

        public init(role: String, path: String, sha256: String) {
            self.role = role
            self.path = path
            self.sha256 = sha256
        }
    }

    /// One zone of the plan.
    public struct Zone: Sendable, Hashable {
        /// The zone id (`zone_id`).
        public var zoneID: String
        /// Its core settlement's id.
        public var coreID: String
        /// Its members' settlement ids, the core included.
        public var members: [String]

        public init(zoneID: String, coreID: String, members: [String]) {
            self.zoneID = zoneID
            self.coreID = coreID
            self.members = members
        }
    }

    /// The `plan.json` read (for messages).
    public var path: String
    /// The version of Shuraku that wrote it.
    public var version: String
    /// The request the plan was made from, every setting as recorded.
    public var request: PlanRequest
    /// The input files, by role (sorted).
    public var inputs: [Input]
    /// The zones in the plan's order.
    public var zones: [Zone]

    public init(path: String, version: String, request: PlanRequest, inputs: [Input], zones: [Zone]) {
        self.path = path
        self.version = version
        self.request = request
        self.inputs = inputs
        self.zones = zones
    }

    /// Reads `folder/plan.json`.
    ///
    /// - Throws: ``/ShurakuCore/ShurakuError`` (bad input) when the file is missing, unreadable,
    ///   not a plan Shuraku wrote, or from a version this one cannot evaluate.
    public static func read(folder: String) throws(ShurakuError) -> SavedPlan {
        let path = (folder as NSString).appendingPathComponent("plan.json")
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw .badInput(file: folder, "no such plan folder")
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw .badInput(file: path, "no plan.json: not a plan folder written by 'shuraku plan'")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw .badInput(file: path, "cannot read the file") }
        return try parse(data, path: path)
    }

    /// Parses the bytes of a `plan.json` read from `path`.
    public static func parse(_ data: Data, path: String) throws(ShurakuError) -> SavedPlan {
        func bad(_ message: String, field: String? = nil) -> ShurakuError { .badInput(file: path, field: field, message) }
        guard let object = try? JSONSerialization.jsonObject(with: data), let doc = object as? [String: Any] else {
            throw bad("not valid JSON: not a plan.json written by 'shuraku plan'")
        }
        guard doc["tool"] as? String == "shuraku" else { throw bad("not a plan.json written by 'shuraku plan' (no \"tool\": \"shuraku\")") }
        guard let version = doc["version"] as? String else { throw bad("the plan records no version", field: "version") }
        guard isCompatible(version) else {
            throw bad(
                "written by shuraku \(version); this is shuraku \(shurakuVersion), which evaluates plans of \(compatibleSeries).x only: "
                    + "plan again with this version", field: "version")
        }
        guard let parameters = doc["parameters"] as? [String: Any] else { throw bad("no parameters recorded", field: "parameters") }
        guard let inputObject = doc["inputs"] as? [String: Any] else { throw bad("no inputs recorded", field: "inputs") }
        guard let zoneList = doc["zones"] as? [[String: Any]] else { throw bad("no zones recorded", field: "zones") }

        var inputs: [Input] = []
        for role in inputObject.keys.sorted() {
            guard let o = inputObject[role] as? [String: Any], let p = o["path"] as? String, let sha = o["sha256"] as? String else {
                throw bad("input \(role) lacks its path or sha256", field: "inputs")
            }
            inputs.append(Input(role: role, path: p, sha256: sha))
        }
        var zones: [Zone] = []
        for (i, z) in zoneList.enumerated() {
            guard let id = z["zone_id"] as? String, let core = z["core_id"] as? String, let members = z["members"] as? [String] else {
                throw bad("zone \(i + 1) lacks its zone_id, core_id or members", field: "zones")
            }
            zones.append(Zone(zoneID: id, coreID: core, members: members))
        }
        var request = try requestFromParameters(parameters, path: path)
        request.scenarioPath = inputs.first { $0.role == "scenario" }?.path
        return SavedPlan(path: path, version: version, request: request, inputs: inputs, zones: zones)
    }

    /// The release series this version evaluates: plans written by the same major.minor.
    static var compatibleSeries: String { shurakuVersion.split(separator: ".").prefix(2).joined(separator: ".") }

    static func isCompatible(_ version: String) -> Bool {
        version.split(separator: ".").prefix(2).joined(separator: ".") == compatibleSeries && version.split(separator: ".").count >= 2
    }

    /// The request from `plan.json`'s `parameters` (setting key → value as ``PlanSettings`` wrote it).
    static func requestFromParameters(_ parameters: [String: Any], path: String) throws(ShurakuError) -> PlanRequest {
        var values: [String: SettingValue] = [:]
        var problems: [Problem] = []
        for key in parameters.keys.sorted() {
            // Derived from the settings, not a setting.
            if key == "zoningRule" { continue }
            guard let raw = parameters[key], !(raw is NSNull) else { continue }
            guard let setting = PlanSettings.setting(key: key) else {
                problems.append(Problem(file: path, field: key, message: "unknown setting: the plan was written by another version"))
                continue
            }
            guard let value = settingValue(raw, kind: setting.kind) else {
                problems.append(Problem(file: path, field: key, message: "recorded value of the wrong type"))
                continue
            }
            values[key] = value
        }
        guard problems.isEmpty else { throw .invalid(problems) }
        guard case .text(let settlements)? = values["settlements"] else {
            throw .badInput(file: path, field: "settlements", "the plan records no settlements input")
        }
        var request = PlanRequest(settlements: settlements)
        try PlanSettings.apply(values, to: &request, file: path)
        return request
    }

    /// A recorded value as the setting's kind takes it; nil for the wrong type.
    static func settingValue(_ raw: Any, kind: PlanSetting.Kind) -> SettingValue? {
        let isBool = (raw as? NSNumber).map { String(cString: $0.objCType) == "c" } ?? false
        switch kind {
        case .path, .text, .choice, .zones, .list:
            if let t = raw as? String { return .text(t) }
            if kind == .zones, let n = raw as? NSNumber, !isBool { return .text(String(n.intValue)) }
            return nil
        case .number, .integer:
            guard let n = raw as? NSNumber, !isBool else { return nil }
            return .number(n.doubleValue)
        case .flag:
            guard let n = raw as? NSNumber, isBool else { return nil }
            return .flag(n.boolValue)
        case .object, .record:
            if kind == .record, let t = raw as? String { return .text(t) }
            guard raw is [String: Any], let data = try? JSONSerialization.data(withJSONObject: raw, options: [.sortedKeys]) else {
                return nil
            }
            return .object(data)
        }
    }

    /// Checks the recorded inputs against the files as they are now: a file that is gone is bad
    /// input (every such file named); one whose SHA-256 differs gives a warning (returned).
    public func checkInputs() throws(ShurakuError) -> [String] {
        var missing: [Problem] = []
        var warnings: [String] = []
        for input in inputs {
            let file = SourceSpec(parsing: input.path).path
            guard FileManager.default.fileExists(atPath: file) else {
                missing.append(
                    Problem(
                        file: file, field: input.role,
                        message: "the plan's \(input.role) input is gone (recorded in \(path)); restore it to evaluate the plan"
                            + (file.hasPrefix("/") ? "" : ", or run from the folder the plan was made in (the path is relative)")))
                continue
            }
            let now = InputChecksum.sha256(of: input.path)
            if now != input.sha256 {
                let use =
                    input.role == "scenario"
                    ? "the evaluation uses the settings recorded in plan.json" : "the evaluation reads it as it is now"
                warnings.append("the \(input.role) input \(input.path) changed since the plan was made (sha256 differs): \(use)")
            }
        }
        guard missing.isEmpty else { throw .invalid(missing) }
        return warnings
    }
}
