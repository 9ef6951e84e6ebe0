import Foundation
import ShurakuOutput
import ShurakuPlan

// The folder with the 能登町 sample: the first argument, or geodata/noto of the checkout.
let data = CommandLine.arguments.dropFirst().first ?? "geodata/noto"

var request = PlanRequest(settlements: "\(data)/settlements.geojson")
request.inputs.districts = "\(data)/districts.geojson"
request.inputs.roads = "\(data)/roads.geojson"
request.inputs.boundary = "\(data)/boundary.geojson"

// Everyone within 30 minutes of the core by road, at least 1,000 people per zone, zones made of
// whole districts (the settings of geodata/scenarios/noto-30min-1000.json).
request.travel.maxMinutes = 30
request.zoning.minZonePopulation = 1000
request.zoning.districtMode = .whole

// Stages and warnings on stderr, as the command line shows them.
let progress = PlanProgress(
    step: { FileHandle.standardError.write(Data("… \($0)\n".utf8)) },
    warn: { FileHandle.standardError.write(Data("warning: \($0)\n".utf8)) }
)

do {
    let plan = try Planner.plan(request, progress: progress)

    print("zones: \(plan.zones.count)")
    for zone in plan.zones {
        print("\(zone.zoneID) core \(zone.coreName) (\(zone.population) people)")
        let members = plan.settlements.filter { $0.zoneID == zone.zoneID }
        if let farthest = members.max(by: { ($0.travelMin ?? 0) < ($1.travelMin ?? 0) }) {
            let minutes = Int((farthest.travelMin ?? 0).rounded())
            print("  \(members.count) settlements; the farthest, \(farthest.name), \(minutes) min from the core")
        }
    }
    for s in plan.settlements where s.status == .unserved {
        print("unserved: \(s.name) (\(s.reason.map(String.init(describing:)) ?? "no reason given"))")
    }

    let metrics = plan.metrics
    print("population \(metrics.population), unserved \(metrics.unservedPopulation)")
    print("mean travel \(String(format: "%.1f", metrics.meanTravelMin)) min, bus loops \(String(format: "%.1f", metrics.routeKmTotal)) km")

    // The folder `shuraku plan --out` writes: plan.gpkg, GeoJSON with QGIS styles, summary.csv,
    // plan.json, map.svg, report.html.
    try PlanWriter(plan).write(toFolder: "out/noto-swift")
    print("written to out/noto-swift")
} catch {
    // A ShurakuError: it names the file, feature and field at fault.
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
