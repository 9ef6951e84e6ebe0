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
