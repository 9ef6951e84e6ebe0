import ShurakuCore
import ShurakuPlan
import ShurakuRoutes

/// Vehicles, drivers and costs in `plan.json`: plan-wide totals in `metrics`, each zone's figures
/// and per-window schedule in `zones`, and the `bus_service` member saying what was computed and how.
extension PlanWriter {
    /// The totals of `metrics` (null when not computed).
    static func serviceMetrics(_ m: PlanMetrics) -> [String: JSONValue] {
        [
            "vehicles_total": m.vehiclesTotal.map { .int(Int64($0)) } ?? .null,
            "vehicles_lower_bound_total": m.vehiclesLowerBoundTotal.map { .int(Int64($0)) } ?? .null,
            "driver_hours_per_day_total": m.driverHoursPerDayTotal.map { .rounded($0, 3) } ?? .null,
            "vehicle_km_per_day_total": m.vehicleKmPerDayTotal.map { .rounded($0, 3) } ?? .null,
            "annual_cost_yen_total": m.annualCostYenTotal.map(JSONValue.int) ?? .null,
        ]
    }

    /// A zone's figures, and its vehicles window by window (`service`; null without windows).
    static func serviceJSON(_ z: Plan.ZoneRow) -> [String: JSONValue] {
        let windows: JSONValue =
            z.fleet.map { fleet in
                .array(
                    fleet.windows.map { w in
                        .object([
                            "window": .string(w.window.description), "trips": .int(Int64(w.trips.count)),
                            "vehicles": .int(Int64(w.vehicles.count)), "lower_bound": .int(Int64(w.lowerBound)),
                            "first_fit_vehicles": .int(Int64(w.firstFitVehicles)), "proven_fewest": .bool(w.provenFewest),
                            "driver_hours": .rounded(Double(w.driverSeconds) / 3600, 3), "vehicle_km": .rounded(w.meters / 1000, 3),
                            "oversized_trips": .int(Int64(w.oversizedTrips.count)),
                            // Each vehicle's trips as loop numbers (from 1), in the order driven.
                            "vehicle_loops": .array(w.vehicles.map { v in .array(v.trips.map { .int(Int64(w.trips[$0].loop + 1)) }) }),
                        ])
                    })
            } ?? .null
        return [
            "vehicles": z.vehicles.map { .int(Int64($0)) } ?? .null,
            "vehicles_lower_bound": z.vehiclesLowerBound.map { .int(Int64($0)) } ?? .null,
            "driver_hours_per_day": z.driverHoursPerDay.map { .rounded($0, 3) } ?? .null,
            "vehicle_km_per_day": z.vehicleKmPerDay.map { .rounded($0, 3) } ?? .null,
            "annual_cost_yen": z.annualCostYen.map(JSONValue.int) ?? .null, "service": windows,
        ]
    }

    /// `plan.json`'s `bus_service`: the windows, the method, trips longer than their window, the
    /// costs and the formula; notes that say what was not given.
    static func busServiceJSON(_ plan: Plan) -> JSONValue {
        let bus = plan.request.bus
        var o: [String: JSONValue] = [
            "service_windows": bus.serviceWindows.isEmpty ? .null : .array(bus.serviceWindows.map { .string($0.description) }),
            "trips_per_window": .int(Int64(bus.tripsPerWindow)), "layover_min": .rounded(bus.layoverMinutes, 3),
        ]
        if bus.fleetParameters == nil {
            o["note"] = .string(
                "no service window was given (busServiceWindows): vehicles, vehicles_lower_bound, driver_hours_per_day and "
                    + "vehicle_km_per_day are null; no window is assumed")
        } else {
            o["note"] = .string(
                "per zone and window, the trips (every loop × trips_per_window) on the fewest vehicles whose chain of trips, "
                    + "with layover_min between consecutive trips, fits the window: first-fit decreasing, then an exact search "
                    + "when a window has at most \(BinPacking.exactLimit) trips. vehicles: the most over the windows (vehicles "
                    + "serve every window); vehicles_lower_bound: ⌈trip minutes / window minutes⌉, a trip longer than its "
                    + "window counted as a vehicle of its own; driver_hours_per_day: every vehicle's trips and layovers; "
                    + "vehicle_km_per_day: every trip")
            let zones = plan.zones.compactMap(\.fleet)
            o["proven_fewest"] = .bool(zones.allSatisfy(\.provenFewest))
            var oversized: [JSONValue] = []
            for z in plan.zones {
                guard let fleet = z.fleet else { continue }
                for w in fleet.windows {
                    for i in w.oversizedTrips {
                        oversized.append(
                            .object([
                                "zone_id": .string(z.zoneID), "window": .string(w.window.description),
                                "loop": .int(Int64(w.trips[i].loop + 1)), "duration_min": .rounded(Double(w.trips[i].seconds) / 60, 2),
                            ]))
                    }
                }
            }
            o["oversized_trips"] = .array(oversized)
        }
        if let c = bus.costs {
            o["costs"] = .object(c.values.mapValues { $0 == $0.rounded() && abs($0) < 1e15 ? .int(Int64($0)) : .number($0) })
            o["annual_cost_formula"] = .string(
                "vehicles × vehicle_year + driver_hours_per_day × days × driver_hour + vehicle_km_per_day × days × vehicle_km, "
                    + "from the figures as reported, rounded to whole yen")
        } else {
            o["costs"] = .null
            o["costs_note"] = .string(
                "costs were not given: annual_cost_yen is null. Give busCosts with "
                    + OperatingCosts.keys.joined(separator: ", ")
                    + " (yen per vehicle-year, per driver-hour, per vehicle-km; operating days per year); no default is assumed")
        }
        return .object(o)
    }
}
