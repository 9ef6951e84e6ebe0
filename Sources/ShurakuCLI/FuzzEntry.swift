import Foundation
import ShurakuFunding
import ShurakuGeo
import ShurakuInput
import ShurakuNetwork
import ShurakuPlan
import ShurakuPlanner
import ShurakuRoutes

/// The parsers Shuraku wrote itself, each callable on arbitrary bytes: the fuzz targets of
/// `shuraku-fuzz`. Any input must give a value or a typed error, never a crash or a hang.
public enum FuzzEntry {
    /// Target names, as `SHURAKU_FUZZ_TARGET` and the corpus folders under `Fuzz/corpus/` name them.
    public static let targets = ["scenario", "args", "speedtable", "tsplib", "cvrp", "pmed", "csv", "demand", "osmtags", "projections"]

    /// Feeds `bytes` to the parser called `target`. Returns false for an unknown target.
    @discardableResult
    public static func run(_ target: String, _ bytes: [UInt8]) -> Bool {
        switch target {
        case "scenario":
            _ = try? ScenarioFile.parse(Data(bytes), path: "/nonexistent/scenario.json")
        case "args":
            // NUL-separated arguments, as a shell would pass them.
            let args = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            for spec in [PlanCommand.spec, CompareCommand.spec, InspectCommand.spec, CooperativeCommand.spec] {
                if let parsed = try? ArgParser.parse(args, spec: spec), spec.name == "plan" {
                    _ = try? PlanOptions.resolve(parsed)
                }
            }
        case "speedtable":
            _ = try? SpeedTable.parse(json: Data(bytes))
        case "tsplib":
            _ = try? TSPInstance(bytes: bytes)
            _ = try? OptimumTable(bytes: bytes)
        case "cvrp":
            _ = try? CVRPInstance(bytes: bytes)
            _ = try? CVRPSolutionFile(bytes: bytes)
        case "pmed":
            if let inst = try? ORLibraryPMedian.parse(bytes), inst.nodeCount <= 120 { _ = try? inst.problem() }
        case "csv":
            csv(bytes)
        case "demand":
            _ = try? DemandCSV.parse(bytes: bytes)
        case "osmtags":
            _ = OSMTags.parse(String(decoding: bytes, as: UTF8.self))
        case "projections":
            _ = try? ProjectionTable.parse(bytes, file: "projections.csv")
        default:
            return false
        }
        return true
    }

    /// CSV settlements: decoding, coordinate-column and field-role detection, lenient numbers
    /// and settlement validation, through the real reader.
    private static func csv(_ bytes: [UInt8]) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shuraku-fuzz-\(getpid()).csv")
        guard (try? Data(bytes).write(to: url)) != nil else { return }
        defer { try? FileManager.default.removeItem(at: url) }
        guard let layer = try? VectorReader.read(SourceSpec(path: url.path)) else { return }
        if let crs = try? CRS.epsg(6690) { _ = try? SettlementLoader.load(layer, into: crs) }
        _ = try? Inspector.inspect(SourceSpec(path: url.path))
    }
}
