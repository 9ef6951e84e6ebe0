import Foundation
import ShurakuCLI

#if FUZZING
    import CLibFuzzer
#endif

// shuraku-fuzz: one executable for every fuzz target. The target is named by
// SHURAKU_FUZZ_TARGET (see FuzzEntry.targets).
//
// Built with -sanitize=fuzzer,address -DFUZZING it runs libFuzzer on that target, e.g.
//   SHURAKU_FUZZ_TARGET=scenario shuraku-fuzz -max_total_time=60 Fuzz/corpus/scenario
// Built normally it replays the files (or folders of files) named on the command line, which
// is how crashing inputs are reproduced and how the corpus is checked in ordinary test runs.

let target = ProcessInfo.processInfo.environment["SHURAKU_FUZZ_TARGET"] ?? ""
guard FuzzEntry.targets.contains(target) else {
    FileHandle.standardError.write(Data("set SHURAKU_FUZZ_TARGET to one of: \(FuzzEntry.targets.joined(separator: ", "))\n".utf8))
    exit(2)
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzEntry.run(target, bytes)
    return 0
}

#if FUZZING
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) })
#else
    var files: [String] = []
    for arg in CommandLine.arguments.dropFirst() where !arg.hasPrefix("-") {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: arg, isDirectory: &isDir), isDir.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: arg)) ?? []
            files += names.sorted().map { "\(arg)/\($0)" }
        } else {
            files.append(arg)
        }
    }
    for f in files {
        guard let d = FileManager.default.contents(atPath: f) else { continue }
        _ = fuzzOne(Array(d), d.count)
    }
    print("replayed \(files.count) inputs on \(target)")
#endif
