import ShurakuCore
import ShurakuRoutes

extension PlanRequest.Bus {
    /// The vehicle schedule's parameters; nil without service windows.
    public var fleetParameters: FleetParameters? {
        guard !serviceWindows.isEmpty else { return nil }
        // validate() keeps the layover within 0…600 min; anything else counts as none here.
        let layover = layoverMinutes.isFinite && layoverMinutes > 0 ? Int((min(layoverMinutes, 1440) * 60).rounded()) : 0
        return FleetParameters(windows: serviceWindows, tripsPerWindow: max(1, tripsPerWindow), layoverSeconds: layover)
    }
}

extension PlanRequest {
    /// Settings of the bus service that need each other: costs need service windows; windows
    /// must not overlap.
    func serviceProblems() -> [Problem] {
        var problems: [Problem] = []
        if bus.costs != nil && bus.serviceWindows.isEmpty {
            problems.append(
                Problem(
                    file: "", field: "busCosts",
                    message: "«busCosts» needs «busServiceWindows»: the annual cost counts vehicles, and vehicles need service windows"))
        }
        do throws(BusServiceError) {
            try ServiceWindow.checkNoOverlap(bus.serviceWindows)
        } catch {
            problems.append(Problem(file: "", field: "busServiceWindows", message: "«busServiceWindows»: \(error)"))
        }
        return problems
    }
}
