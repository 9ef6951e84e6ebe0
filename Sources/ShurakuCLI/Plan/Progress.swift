import Foundation

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
}
