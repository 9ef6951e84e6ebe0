import Foundation

/// The Python that test helpers in `Tests/tools/` run with: `$SHURAKU_PYTHON` when set, else the
/// project's `.venv` (made by `scripts/test.sh`), else the system's; the first that can import
/// the module a helper needs.
public enum VenvPython {
    /// The first Python that imports `module`, or nil (the test then says it is skipped).
    public static func find(importing module: String) -> String? {
        var candidates = [SharedData.repoPath(".venv/bin/python"), "/usr/bin/python3", "/usr/local/bin/python3"]
        if let env = ProcessInfo.processInfo.environment["SHURAKU_PYTHON"], !env.isEmpty { candidates.insert(env, at: 0) }
        return candidates.first { path in
            FileManager.default.isExecutableFile(atPath: path) && (try? run(path, ["-c", "import \(module)"], input: Data())) != nil
        }
    }

    /// Runs `exe args` with `input` on stdin and returns its stdout; throws when it fails.
    public static func run(_ exe: String, _ args: [String], input: Data) throws -> Data {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        let stdin = Pipe()
        let stdout = Pipe()
        p.standardInput = stdin
        p.standardOutput = stdout
        p.standardError = FileHandle.nullDevice
        try p.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
        return out
    }
}
