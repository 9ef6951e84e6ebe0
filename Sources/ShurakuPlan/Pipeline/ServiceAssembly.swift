import Foundation
import ShurakuCore
import ShurakuRoutes

/// Vehicles, drivers and costs per zone: each zone's loops scheduled over the service windows
/// (``FleetScheduler``), with the figures the zones layer reports and what a year costs.
enum ServiceAssembly {
    /// Adds the zone's fleet, driver hours, vehicle-km and annual cost to `row` (nothing without
    /// service windows).
    static func add(to row: inout Plan.ZoneRow, loops: [BusLoop], bus: PlanRequest.Bus) {
        guard let parameters = bus.fleetParameters else { return }
        let fleet = FleetScheduler.schedule(loops, parameters: parameters)
        // The reported figures, rounded once; the cost is computed from exactly these.
        let hours = rounded(Double(fleet.driverSecondsPerDay) / 3600)
        let km = rounded(fleet.metersPerDay / 1000)
        row.fleet = fleet
        row.driverHoursPerDay = hours
        row.vehicleKmPerDay = km
        row.annualCostYen = bus.costs?.annualYen(vehicles: fleet.vehicles, driverHoursPerDay: hours, vehicleKmPerDay: km)
    }

    /// To 0.001, as the layers write it.
    static func rounded(_ d: Double) -> Double { (d * 1000).rounded() / 1000 }

    /// One warning per loop longer than a service window: it still gets a vehicle of its own.
    static func warnings(_ plan: Plan) -> [String] {
        var out: [String] = []
        for z in plan.zones {
            guard let fleet = z.fleet else { continue }
            for w in fleet.windows {
                let loops = Set(w.oversizedTrips.map { w.trips[$0].loop }).sorted()
                for l in loops {
                    let minutes = Double(w.trips.first { $0.loop == l }?.seconds ?? 0) / 60
                    out.append(
                        "zone \(z.zoneID) (\(z.coreName)): loop \(l + 1) takes \(String(format: "%.1f", minutes)) min, longer than "
                            + "the service window \(w.window) (\(w.window.lengthMinutes) min): each of its trips there gets a "
                            + "vehicle of its own and runs past the window's end")
                }
            }
        }
        return out
    }
}
