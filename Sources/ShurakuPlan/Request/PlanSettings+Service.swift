import Foundation
import ShurakuCore
import ShurakuRoutes

extension PlanSettings {
    /// Vehicles, drivers and costs of the bus loops: service windows, trips per window, layover
    /// and operating costs. Nothing is computed unless windows are given; costs have no defaults.
    static let serviceSettings: [PlanSetting] = [
        PlanSetting(
            "busServiceWindows", .list, "HH:MM-HH:MM,…",
            "Times of day the bus runs, e.g. 07:00-09:00,15:00-17:00: each zone gets the fewest vehicles that run its loops "
                + "in every window, with driver hours and vehicle-km per day. None by default (no vehicles computed).",
            flagKey: "busServiceWindow", group: bus,
            read: { $0.bus.serviceWindows.isEmpty ? nil : .text(ServiceWindow.listText($0.bus.serviceWindows)) },
            write: { r, v throws(ShurakuError) in
                let t = text(v) ?? ""
                do throws(BusServiceError) {
                    r.bus.serviceWindows = try ServiceWindow.parseList(t)
                } catch {
                    throw .badInput(field: "busServiceWindows", "«busServiceWindows»: \(error)")
                }
            }),
        PlanSetting(
            "busTripsPerWindow", .integer(1...1000), "N", "Runs of every loop in each service window.", default: "1", group: bus,
            read: { .number(Double($0.bus.tripsPerWindow)) },
            write: { r, v in r.bus.tripsPerWindow = Int((number(v) ?? 1).rounded()) }),
        PlanSetting(
            "busLayoverMin", .number(0...600), "MIN", "Least time between two trips chained on one vehicle.", default: "5",
            group: bus,
            read: { num($0.bus.layoverMinutes) }, write: { r, v in r.bus.layoverMinutes = number(v) ?? 5 }),
        PlanSetting(
            "busCosts", .record, "KEY=YEN,…",
            "Operating costs: vehicle_year=YEN,driver_hour=YEN,vehicle_km=YEN,days=N (scenario file: an object with these keys); "
                + "gives annual_cost_yen. Needs «busServiceWindows». No defaults: take them from your operator's figures.",
            group: bus,
            read: { $0.bus.costs.map { .object(Data($0.json.utf8)) } },
            write: { r, v throws(ShurakuError) in r.bus.costs = try costs(v) }),
    ]

    /// Operating costs from the text form or the object form of «busCosts».
    static func costs(_ v: SettingValue) throws(ShurakuError) -> OperatingCosts {
        func bad(_ message: String) -> ShurakuError { .badInput(field: "busCosts", "«busCosts»: \(message)") }
        var values: [String: Double] = [:]
        switch v {
        case .text(let t):
            do throws(BusServiceError) { return try OperatingCosts.parse(t) } catch { throw bad(error.description) }
        case .object(let data):
            guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { throw bad("expected an object") }
            for key in object.keys.sorted() {
                guard let n = object[key] as? NSNumber, String(cString: n.objCType) != "c" else {
                    throw bad("'\(key)': expected a number")
                }
                values[key] = n.doubleValue
            }
        case .number, .flag:
            throw bad("expected \(OperatingCosts.keys.map { "\($0)=…" }.joined(separator: ","))")
        }
        do throws(BusServiceError) { return try OperatingCosts(values: values) } catch { throw bad(error.description) }
    }
}
