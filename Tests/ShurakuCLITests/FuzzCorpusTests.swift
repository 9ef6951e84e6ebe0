import Foundation
import ShurakuCLI
import ShurakuTestSupport
import Testing

/// The fuzz corpus kept in the repository replays cleanly in every ordinary test run: inputs
/// that once found a crash stay fixed.
@Suite("Fuzz corpus replay")
struct FuzzCorpusTests {
    @Test("every corpus file of every target parses to a value or a typed error", arguments: FuzzEntry.targets)
    func replay(_ target: String) throws {
        let dir = SharedData.repoPath("Fuzz/corpus/\(target)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(!files.isEmpty, "no seeds for \(target)")
        for f in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: dir).appendingPathComponent(f))
            #expect(FuzzEntry.run(target, Array(data)))
        }
    }

    @Test("an unknown target is refused")
    func unknown() {
        #expect(!FuzzEntry.run("nope", []))
    }
}
