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
    public static let targets = [
        "scenario", "args", "speedtable", "tsplib", "cvrp", "pmed", "csv", "demand", "osmtags", "service", "facilities",
        "projections", "savedplan", "edited",
    ]

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
        case "service":
            service(bytes)
        case "facilities":
            facilities(bytes)
        case "savedplan":
            _ = try? SavedPlan.parse(Data(bytes), path: "/nonexistent/plan.json")
        case "edited":
            edited(bytes)
        case "projections":
            _ = try? ProjectionTable.parse(bytes, file: "projections.csv")
        default:
            return false
        }
        return true
    }

    /// Bus service settings: the first line as service windows, the second as operating costs,
    /// and the rest as loop minutes scheduled into the windows (bin packing, exact when small).
    private static func service(_ bytes: [UInt8]) {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let windows = (try? ServiceWindow.parseList(lines.first ?? "")) ?? []
        if lines.count > 1 { _ = try? OperatingCosts.parse(lines[1]) }
        let minutes = lines.dropFirst(2).prefix(24).compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map {
            max(0, min($0, 2_000))
        }
        guard !windows.isEmpty, !minutes.isEmpty else { return }
        _ = FleetScheduler.schedule(
            loopSeconds: minutes.map { $0 * 60 }, loopMeters: minutes.map { Double($0) * 500 },
            parameters: FleetParameters(windows: windows, tripsPerWindow: 1 + minutes.count % 3, layoverSeconds: 300))
    }

    /// A facility layer (GeoJSON or CSV, as the bytes say) through the real reader: kind detection
    /// from a kind field, 国土数値情報 codes or OSM tags, closed and excluded facilities.
    private static func facilities(_ bytes: [UInt8]) {
        let ext = bytes.first == UInt8(ascii: "{") ? "geojson" : "csv"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shuraku-fuzz-fac-\(getpid()).\(ext)")
        guard (try? Data(bytes).write(to: url)) != nil else { return }
        defer { try? FileManager.default.removeItem(at: url) }
        guard let crs = try? CRS.epsg(6690) else { return }
        let options = FacilityOptions(exclusions: [FacilityExclusion(field: "subkind", values: ["institutional_clinic"])])
        _ = try? FacilityLoader.load(SourceSpec(path: url.path), into: crs, options: options)
    }

    /// An edited settlements layer (GeoJSON or CSV) through the real reader, against a plan of
    /// three zones: zone ids of any type, core flags, duplicates and unknown zones.
    private static func edited(_ bytes: [UInt8]) {
        let ext = bytes.first == UInt8(ascii: "{") ? "geojson" : "csv"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shuraku-fuzz-edit-\(getpid()).\(ext)")
        guard (try? Data(bytes).write(to: url)) != nil else { return }
        defer { try? FileManager.default.removeItem(at: url) }
        _ = try? EditedAssignment.read(url.path, planZones: ["Z01", "Z02", "Z03"])
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
