import Foundation

/// Locations of the repository and of the shared real data beside the checkout.
public enum SharedData {
    /// The repository root (the folder holding Package.swift).
    public static let repoRoot: URL = {
        // Tests/ShurakuTestSupport/SharedData.swift → repository root
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }()

    /// `../shared` beside the checkout, or `$SHURAKU_SHARED` when set.
    public static let root: URL = {
        if let env = ProcessInfo.processInfo.environment["SHURAKU_SHARED"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return repoRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// Path of a file under the shared folder, e.g. `geodata-real/noto-town-ishikawa/roads.geojson`.
    public static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    /// Path of a file under the repository, e.g. `geodata/noto/settlements.geojson`.
    public static func repoPath(_ relative: String) -> String {
        repoRoot.appendingPathComponent(relative).path
    }
}
