import Foundation
import ShurakuTestSupport
import Testing

/// One writer per output folder: runs into the same folder at once either commit a whole plan
/// or fail with the lock message, and the folder ends up as exactly one run's plan.
@Suite("Runs that share an output folder", .serialized)
struct SharedFolderTests {
    static let scenarios = ["noto-30min-1000.json", "noto-30min-1000-ignore.json"]

    /// Starts `count` real `shuraku plan` processes into `out` at once, alternating the two
    /// scenarios, and returns each one's scenario, exit status and stderr.
    static func race(into out: String, count: Int, extra: [String] = []) throws -> [(String, Int32, String)] {
        let binary = try InterruptTests.shurakuBinary()
        var runs: [(String, Process, Pipe)] = []
        for i in 0..<count {
            let scenario = scenarios[i % 2]
            let p = Process()
            p.executableURL = binary
            p.arguments = ["plan", "--scenario", SharedData.repoPath("geodata/scenarios/\(scenario)"), "--out", out, "--quiet"] + extra
            let err = Pipe()
            p.standardError = err
            runs.append((scenario, p, err))
        }
        for r in runs { try r.1.run() }
        return runs.map { scenario, p, err in
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            return (scenario, p.terminationStatus, text)
        }
    }

    /// The plan of each scenario, written alone, for comparison.
    static func references(in dir: TempDir) throws -> [String: [String: Data]] {
        var out: [String: [String: Data]] = [:]
        for s in scenarios {
            let path = dir.path("ref-\(s)")
            let r = CapturedRun(["plan", "--scenario", SharedData.repoPath("geodata/scenarios/\(s)"), "--out", path, "--quiet"])
            #expect(r.status == 0, "\(r.err)")
            out[s] = try InterruptTests.snapshot(path)
        }
        return out
    }

    @Test("six runs at once: each commits a whole plan or fails naming the folder and the other run; the folder is one plan")
    func concurrentRuns() throws {
        let dir = try TempDir()
        let refs = try Self.references(in: dir)
        let out = dir.path("shared")
        let results = try Self.race(into: out, count: 6)
        var committed = 0
        for (scenario, status, err) in results {
            if status == 0 {
                committed += 1
            } else {
                #expect(status == 1, "\(scenario): status \(status): \(err)")
                #expect(err.contains("is being written by another shuraku run (pid "), "\(err)")
                #expect(err.contains("--out \(out)"), "\(err)")
            }
        }
        #expect(committed >= 1)
        let final = try InterruptTests.snapshot(out)
        #expect(refs.values.contains(final), "the folder is not byte-identical to either scenario's plan")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter {
            $0.contains(".shared.shuraku-")
        }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test("with --wait every run commits in turn, and the folder is one of the plans")
    func waitingRuns() throws {
        let dir = try TempDir()
        let refs = try Self.references(in: dir)
        let out = dir.path("shared")
        let results = try Self.race(into: out, count: 4, extra: ["--wait"])
        for (scenario, status, err) in results { #expect(status == 0, "\(scenario): \(err)") }
        #expect(refs.values.contains(try InterruptTests.snapshot(out)))
    }
}
