import Foundation
import ShurakuCore
import ShurakuPlanner

/// `shuraku-bench pmedian FILE [--seed S] [--iterations N] [--work W]`: reads an OR-Library pmed file,
/// solves it with the planner's engine entry point and prints
/// `cost=… optimum=… gap=…% ms=…` (ms covers reading, shortest paths and solving).
/// The optimum comes from `optimal.txt` beside the file ("-" when absent).
enum PMedianBench {
    static func run(_ args: [String]) -> Int32 {
        if args.first == "--synthetic" { return PMedianSynthetic.run(Array(args.dropFirst())) }
        if args.first == "--batch" { return PMedianBatch.run(Array(args.dropFirst())) }
        guard let path = args.first else {
            FileHandle.standardError.write(Data("usage: shuraku-bench pmedian FILE [--seed S] [--iterations N] [--work W]\n".utf8))
            return 2
        }
        var options = PMedianOptions()
        var i = 1
        while i < args.count {
            guard i + 1 < args.count else { return usageError("missing value after \(args[i])") }
            switch args[i] {
            case "--seed":
                guard let s = UInt64(args[i + 1]) else { return usageError("bad seed \(args[i + 1])") }
                options.seed = s
            case "--work":
                guard let n = Int(args[i + 1]), n >= 0 else { return usageError("bad work \(args[i + 1])") }
                options.workPerPair = n
            case "--iterations":
                guard let n = Int(args[i + 1]), n >= 0 else { return usageError("bad iterations \(args[i + 1])") }
                options.iterations = n
            default:
                return usageError("unknown option \(args[i])")
            }
            i += 2
        }
        let started = DispatchTime.now().uptimeNanoseconds
        let solution: PMedianSolution
        do {
            let instance = try ORLibraryPMedian.load(path: path)
            solution = try PMedianSolver.solve(try instance.problem(), options: options)
        } catch {
            FileHandle.standardError.write(Data("\(path): \(error)\n".utf8))
            return 1
        }
        let ms = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        let url = URL(fileURLWithPath: path)
        let name = url.deletingPathExtension().lastPathComponent
        let optimalPath = url.deletingLastPathComponent().appendingPathComponent("optimal.txt").path
        let cost = solution.totals.cost
        var line = "cost=\(cost)"
        if let text = try? String(contentsOfFile: optimalPath, encoding: .utf8),
            let optimum = ORLibraryPMedian.optimum(named: name, in: text), optimum > 0
        {
            let gap = Double(cost - optimum) / Double(optimum) * 100
            line += " optimum=\(optimum) gap=\(String(format: "%.3f", gap))%"
        } else {
            line += " optimum=- gap=-"
        }
        line += " ms=\(String(format: "%.1f", ms))"
        print(line)
        return 0
    }

    private static func usageError(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("shuraku-bench pmedian: \(message)\n".utf8))
        return 2
    }
}
