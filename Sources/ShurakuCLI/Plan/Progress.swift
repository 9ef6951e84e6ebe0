import Foundation
import ShurakuCore
import ShurakuPlan

/// Progress and warnings on stderr. Progress shows only on a terminal and without `--quiet`;
/// warnings show unless `--quiet`.
/// With `timings`, every stage shows with the seconds since the start, terminal or not.
struct Progress: Sendable {
    let console: Console
    let quiet: Bool
    var timings = false
    let start = ContinuousClock.now

    func step(_ message: String) {
        if timings {
            let d = ContinuousClock.now - start
            let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
            console.err("· [\(String(format: "%.3f", seconds)) s] \(message)\n")
        } else if console.isTerminal && !quiet {
            console.err("· \(message)\n")
        }
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
