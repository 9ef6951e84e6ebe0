import Foundation
import ShurakuOutput
import ShurakuPlan

// The folder with the 能登町 sample: the first argument, or geodata/noto of the checkout.
let data = CommandLine.arguments.dropFirst().first ?? "geodata/noto"

var request = PlanRequest(settlements: "\(data)/settlements.geojson")
request.inputs.districts = "\(data)/districts.geojson"
request.inputs.roads = "\(data)/roads.geojson"
request.inputs.boundary = "\(data)/boundary.geojson"
