import Foundation
import ShurakuCore
import ShurakuPlan

/// Progress and warnings on stderr. Progress shows only on a terminal and without `--quiet`;
/// warnings show unless `--quiet`.
struct Progress: Sendable {
    let console: Console
    let quiet: Bool

    func step(_ message: String) {
        if console.isTerminal && !quiet { console.err("· \(message)\n") }
    }

    func warn(_ message: String) {
        if !quiet { console.err("warning: \(message)\n") }
    }

    /// The planner's progress callbacks, printing here.
    var planProgress: PlanProgress {
        let me = self
        return PlanProgress(step: { me.step($0) }, warn: { me.warn(SettingName.render($0, naming: PlanFlags.name)) })
    }
}
