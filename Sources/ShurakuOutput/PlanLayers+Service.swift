import ShurakuGeo
import ShurakuPlan

/// Vehicles and drivers in the zones layer (and `summary.csv`): null without service windows.
extension PlanLayers {
    static let zoneFleetFields = [
        FieldInfo(name: "vehicles", type: .integer), FieldInfo(name: "vehicles_lower_bound", type: .integer),
        FieldInfo(name: "driver_hours_per_day", type: .real), FieldInfo(name: "vehicle_km_per_day", type: .real),
    ]

    static func fleetValues(_ z: Plan.ZoneRow) -> [FieldValue] {
        [
            z.vehicles.map { .integer(Int64($0)) } ?? .null, z.vehiclesLowerBound.map { .integer(Int64($0)) } ?? .null,
            z.driverHoursPerDay.map { real($0, 3) } ?? .null, z.vehicleKmPerDay.map { real($0, 3) } ?? .null,
        ]
    }
}
