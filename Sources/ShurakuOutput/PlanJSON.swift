import Foundation

/// Recognising a `plan.json` that Shuraku wrote (its `"tool": "shuraku"` member).
public enum PlanJSON {
    /// The top-level object of the file at `path` when it is a plan.json written by Shuraku; nil
    /// when the file is missing, not JSON, or someone else's.
    public static func read(_ path: String) -> [String: Any]? {
        guard let data = FileManager.default.contents(atPath: path),
            let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any], obj["tool"] as? String == "shuraku"
        else { return nil }
        return obj
    }
}
