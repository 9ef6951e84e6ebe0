import Foundation
import ShurakuTestSupport
import Testing

/// One writer per output folder, for `evaluate` as for `plan`: evaluations into the same folder
/// at once either commit a whole plan or fail with the lock message, and the folder ends up as
/// exactly one evaluation's plan.
@Suite("Evaluations that share an output folder", .serialized)
struct EvaluateSharedFolderTests {
    /// The 能登町 plan in `dir/noto` and two edits of it: 字矢波 to the next zone, 字柏木 to a far one.
    static func setUp(in dir: TempDir) throws -> (plan: String, edits: [String]) {
        let plan = dir.path("noto")
        try EvaluateSupport.notoPlan(plan)
        let near = try EvaluateSupport.editedGeoPackage(
            plan, copy: dir.path("near.gpkg"), ["UPDATE settlements SET zone_id = 'Z01' WHERE settlement_id = '174630050'"])
        let far = try EvaluateSupport.editedGeoPackage(
            plan, copy: dir.path("far.gpkg"), ["UPDATE settlements SET zone_id = 'Z07' WHERE settlement_id = '174630210'"])
        return (plan, [near, far])
    }

    /// Starts `count` real `shuraku evaluate` processes into `out` at once, alternating the
    /// edits, and returns each one's edit, exit status and stderr.
    static func race(_ plan: String, edits: [String], into out: String, count: Int, extra: [String] = []) throws -> [(
        String, Int32, String
    )] {
        let binary = try InterruptTests.shurakuBinary()
        var runs: [(String, Process, Pipe)] = []
        for i in 0..<count {
            let edit = edits[i % edits.count]
            let p = Process()
            p.executableURL = binary
            p.arguments = ["evaluate", "--plan", plan, "--edited", edit, "--out", out, "--quiet"] + extra
            let err = Pipe()
            p.standardError = err
            runs.append((edit, p, err))
        }
        for r in runs { try r.1.run() }
        return runs.map { edit, p, err in
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            return (edit, p.terminationStatus, text)
        }
    }

    /// Each edit evaluated alone, for comparison.
    static func references(_ plan: String, edits: [String], in dir: TempDir) throws -> [Data: [String: Data]] {
        var out: [String: [String: Data]] = [:]
        for (i, e) in edits.enumerated() {
            let path = dir.path("ref-\(i)")
            let r = CapturedRun(["evaluate", "--plan", plan, "--edited", e, "--out", path, "--quiet"])
            #expect(r.status == 0, "\(r.err)")
            out[e] = try InterruptTests.snapshot(path)
        }
        return Dictionary(uniqueKeysWithValues: out.values.map { (($0["changes.csv"] ?? Data()), $0) })
    }

    @Test("six evaluations at once: each commits a whole plan or fails naming the folder and the other run; the folder is one plan")
    func concurrentRuns() throws {
        let dir = try TempDir()
        let (plan, edits) = try Self.setUp(in: dir)
        let refs = try Self.references(plan, edits: edits, in: dir)
        #expect(refs.count == 2, "the two edits should give two different plans")
        let out = dir.path("shared")
        var committed = 0
        for (edit, status, err) in try Self.race(plan, edits: edits, into: out, count: 6) {
            if status == 0 {
                committed += 1
            } else {
                #expect(status == 1, "\(edit): status \(status): \(err)")
                #expect(err.contains("is being written by another shuraku run (pid "), "\(err)")
                #expect(err.contains("--out \(out)"), "\(err)")
            }
        }
        #expect(committed >= 1)
        let final = try InterruptTests.snapshot(out)
        #expect(refs.values.contains(final), "the folder is not byte-identical to either edit's evaluation")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.contains(".shared.") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test("with --wait every evaluation commits in turn, and the folder is one of the evaluations")
    func waitingRuns() throws {
        let dir = try TempDir()
        let (plan, edits) = try Self.setUp(in: dir)
        let refs = try Self.references(plan, edits: edits, in: dir)
        let out = dir.path("shared")
        for (edit, status, err) in try Self.race(plan, edits: edits, into: out, count: 4, extra: ["--wait"]) {
            #expect(status == 0, "\(edit): \(err)")
        }
        #expect(refs.values.contains(try InterruptTests.snapshot(out)))
    }
}
