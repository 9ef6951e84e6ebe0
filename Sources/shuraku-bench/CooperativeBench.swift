import Dispatch
import Foundation
import ShurakuFunding

/// `shuraku-bench cooperative FILE.csv [--seed S]`: schedules a cooperative's workers from a
/// demand table and prints `workers= utilisation= bound= uncovered_h= ms=` — the schedule's
/// utilisation beside its upper bound (total wanted hours over available hours), and the time.
enum CooperativeBench {
    static let usage = "usage: shuraku-bench cooperative FILE.csv [--seed S]"

    static func run(_ args: [String]) -> Int32 {
        guard let file = args.first, !file.hasPrefix("-") else {
            FileHandle.standardError.write(Data((usage + "\n").utf8))
            return 2
        }
        var parameters = ScheduleParameters()
        if let i = args.firstIndex(of: "--seed"), i + 1 < args.count, let seed = UInt64(args[i + 1]) { parameters.seed = seed }
        guard let data = FileManager.default.contents(atPath: file) else {
            FileHandle.standardError.write(Data("\(file): no such file\n".utf8))
            return 2
        }
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            let demand = try DemandCSV.parse(data)
            let s = try CooperativeScheduler.schedule(demand, parameters: parameters)
            let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            print(
                String(
                    format: "workers=%d utilisation=%.4f bound=%.4f uncovered_h=%d ms=%.1f", s.workers.count, s.utilisation.rate,
                    s.utilisationUpperBound.rate, s.uncoveredHours, ms))
            return 0
        } catch {
            FileHandle.standardError.write(Data("\(file): \(error)\n".utf8))
            return 2
        }
    }
}
