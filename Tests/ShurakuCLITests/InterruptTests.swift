import Foundation
import ShurakuTestSupport
import Testing

/// A plan killed midway leaves the previous plan exactly as it was, and nothing half-written.
@Suite("Interrupted runs")
struct InterruptTests {
    /// The `shuraku` executable built beside this test bundle.
    static func shurakuBinary() throws -> URL {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [dir, dir.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("shuraku")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw RunError.missing("shuraku executable next to \(dir.path)")
    }

    enum RunError: Error { case missing(String) }

    static func snapshot(_ dir: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) {
            out[name] = try Data(contentsOf: URL(fileURLWithPath: dir).appendingPathComponent(name))
        }
        return out
    }

    @Test("SIGTERM midway keeps the previous output intact and removes the staging folder")
    func sigterm() throws {
        let dir = try TempDir()
        let out = dir.path("plan")
        let quick = CapturedRun(["plan", "--settlements", try dir.write("s.csv", BadInputTests.goodCSV), "--out", out, "--quiet"])
        #expect(quick.status == 0)
        let before = try Self.snapshot(out)

        // The bundled sample with its roads takes long enough (bus loops) to be killed midway.
        let p = Process()
        p.executableURL = try Self.shurakuBinary()
        p.arguments = ["plan", "--scenario", SharedData.repoPath("geodata/scenarios/noto-30min-1000-ignore.json"), "--out", out, "--quiet"]
        try p.run()
        // Wait until the run has staged its folder, then kill it.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline && p.isRunning {
            let staged =
                (try? FileManager.default.contentsOfDirectory(atPath: dir.url.path))?.contains { $0.hasPrefix(".plan.shuraku-") } ?? false
            if staged { break }
            usleep(20_000)
        }
        usleep(300_000)
        #expect(p.isRunning, "the run finished before it could be interrupted")
        p.terminate()
        p.waitUntilExit()
        #expect(p.terminationStatus == 143 || p.terminationReason == .uncaughtSignal)
        #expect(try Self.snapshot(out) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.hasPrefix(".plan.") }
        #expect(leftovers.isEmpty, "left behind: \(leftovers)")
    }

    @Test("SIGTERM the moment the staging folder appears, ten times: every run ends on the signal and leaves nothing")
    func sigtermAtOnce() throws {
        let dir = try TempDir()
        let out = dir.path("plan")
        let settlements = try dir.write("s.csv", BadInputTests.goodCSV)
        #expect(CapturedRun(["plan", "--settlements", settlements, "--out", out, "--quiet"]).status == 0)
        let before = try Self.snapshot(out)
        for attempt in 0..<10 {
            let p = Process()
            p.executableURL = try Self.shurakuBinary()
            p.arguments = [
                "plan", "--scenario", SharedData.repoPath("geodata/scenarios/noto-30min-1000-ignore.json"), "--out", out, "--quiet",
            ]
            try p.run()
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline && p.isRunning {
                let staged =
                    (try? FileManager.default.contentsOfDirectory(atPath: dir.url.path))?.contains { $0.hasPrefix(".plan.shuraku-") }
                    ?? false
                if staged { break }
                usleep(1_000)
            }
            // A signal in the first moments of a run must not be lost: the run ends on it.
            p.terminate()
            p.waitUntilExit()
            #expect(p.terminationStatus == 143, "attempt \(attempt): status \(p.terminationStatus) (\(p.terminationReason))")
            #expect(try Self.snapshot(out) == before, "attempt \(attempt)")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.hasPrefix(".plan.") }
            #expect(leftovers.isEmpty, "attempt \(attempt): left behind \(leftovers)")
        }
    }

    @Test("a plan swapped aside by a run that died mid-commit is put back by the next run")
    func restoresSwappedPlan() throws {
        let dir = try TempDir()
        let s = try dir.write("s.csv", BadInputTests.goodCSV)
        #expect(CapturedRun(["plan", "--settlements", s, "--out", dir.path("plan"), "--quiet"]).status == 0)
        let before = try Self.snapshot(dir.path("plan"))
        // As if a run had moved the old plan aside and died before moving its own in.
        try FileManager.default.moveItem(atPath: dir.path("plan"), toPath: dir.path(".plan.old-1234"))
        let r = CapturedRun(["plan", "--settlements", s, "--out", dir.path("plan"), "--quiet", "--min-zone-pop", "99999999"])
        #expect(r.status == 2)  // this run fails on its input...
        #expect(try Self.snapshot(dir.path("plan")) == before)  // ...but the earlier plan is back
        #expect(!FileManager.default.fileExists(atPath: dir.path(".plan.old-1234")))
    }
}
