import Foundation

@testable import ShurakuCLI

/// Runs the CLI in-process and captures what it prints.
final class CapturedRun: @unchecked Sendable {
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""
    private(set) var status: Int32 = -1

    init(_ args: [String]) {
        let console = Console(
            out: { [self] s in lock.withLock { outText += s } },
            err: { [self] s in lock.withLock { errText += s } },
            isTerminal: false)
        status = ShurakuCLI.run(args, console: console)
    }

    var out: String { lock.withLock { outText } }
    var err: String { lock.withLock { errText } }
}
