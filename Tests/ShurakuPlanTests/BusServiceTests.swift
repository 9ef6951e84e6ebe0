import Foundation
import ShurakuCore
import ShurakuOutput
import ShurakuPlan
import ShurakuRoutes
import ShurakuTestSupport
import Testing

@Suite("Bus service: vehicles, drivers and annual cost on the 能登町 sample")
struct BusServiceTests {
    /// The request of a scenario file in `geodata/scenarios/`.
    static func request(_ scenario: String) throws -> PlanRequest {
        let path = SharedData.repoPath("geodata/scenarios/\(scenario)")
        let values = try ScenarioFile.read(path)
        guard case .text(let settlements)? = values["settlements"] else { throw ShurakuError.bug("no settlements") }
        var request = PlanRequest(settlements: settlements)
        try PlanSettings.apply(values, to: &request, file: path)
        return request
    }

    /// The fields of one CSV line (double-quoted fields may hold commas and doubled quotes).
    static func csvFields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var chars = line.makeIterator()
        while let c = chars.next() {
            if quoted {
                if c == "\"" {
                    quoted = false
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                if field.isEmpty { quoted = true } else { field.append(c) }
            } else if c == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(c)
            }
        }
        fields.append(field)
        return fields
    }

    /// `summary.csv` as rows of field name → text.
    static func summaryRows(_ path: String) throws -> [[String: String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard let header = lines.first.map(csvFields) else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, csvFields($0))) }
    }

    @Test("vehicles ≥ the lower bound in every zone; the cost recomputed from summary.csv equals the field; reruns byte-identical")
    func sample() throws {
        let request = try Self.request("noto-bus-service.json")
        #expect(request.bus.serviceWindows.map(\.description) == ["07:00-09:00", "15:00-17:00"])
        let costs = try #require(request.bus.costs)
        let plan = try Planner.plan(request)
        #expect(!plan.zones.isEmpty)
        for z in plan.zones {
            let vehicles = try #require(z.vehicles)
            let bound = try #require(z.vehiclesLowerBound)
            let fleet = try #require(z.fleet)
            #expect(z.loops == 0 || vehicles >= max(1, bound), "\(z.zoneID): \(vehicles) vehicles, bound \(bound)")
            #expect(fleet.provenFewest, "\(z.zoneID)")
            #expect(fleet.oversizedTrips == 0, "\(z.zoneID): a loop is longer than a 2 h window")
            print(
                "\(z.zoneID) \(z.coreName): \(z.loops) loops, \(vehicles) vehicles, lower bound \(bound), gap \(vehicles - bound), "
                    + "\(z.driverHoursPerDay ?? 0) driver h/day, \(z.vehicleKmPerDay ?? 0) vehicle-km/day, \(z.annualCostYen ?? 0) yen/year"
            )
        }
        #expect(plan.metrics.vehiclesTotal == plan.zones.reduce(0) { $0 + ($1.vehicles ?? 0) })
        #expect(plan.metrics.annualCostYenTotal == plan.zones.reduce(0) { $0 + ($1.annualCostYen ?? 0) })

        let dir = try TempDir()
        try PlanWriter(plan).write(toFolder: dir.path("a"))
        let rows = try Self.summaryRows(dir.path("a/summary.csv"))
        #expect(rows.count == plan.zones.count)
        for row in rows {
            let vehicles = try #require(row["vehicles"].flatMap { Double($0) })
            let hours = try #require(row["driver_hours_per_day"].flatMap { Double($0) })
            let km = try #require(row["vehicle_km_per_day"].flatMap { Double($0) })
            let field = try #require(row["annual_cost_yen"].flatMap { Double($0) })
            let days = Double(costs.daysPerYear)
            let yen = vehicles * costs.vehicleYearYen + hours * days * costs.driverHourYen + km * days * costs.vehicleKmYen
            #expect(yen.rounded() == field, "\(row["zone_id"] ?? "?"): recomputed \(yen), written \(field)")
        }

        let again = try Planner.plan(try Self.request("noto-bus-service.json"))
        try PlanWriter(again).write(toFolder: dir.path("b"))
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path("a")).sorted()
        #expect(files.contains("plan.json") && files.contains("summary.csv"))
        for f in files {
            let a = FileManager.default.contents(atPath: dir.path("a/\(f)"))
            #expect(a != nil && a == FileManager.default.contents(atPath: dir.path("b/\(f)")), "\(f) differs")
        }
        let json = try #require(PlanJSON.read(dir.path("a/plan.json")))
        let metrics = try #require(json["metrics"] as? [String: Any])
        #expect((metrics["annual_cost_yen_total"] as? NSNumber)?.int64Value == plan.metrics.annualCostYenTotal)
        #expect((metrics["vehicles_total"] as? NSNumber)?.intValue == plan.metrics.vehiclesTotal)
    }

    @Test("without service windows the fleet figures are null and plan.json says no window was given; without costs it names the keys")
    func notGiven() throws {
        let plan = try Planner.plan(try Self.request("noto-30min-1000.json"))
        #expect(plan.zones.allSatisfy { $0.vehicles == nil && $0.driverHoursPerDay == nil && $0.annualCostYen == nil })
        #expect(plan.metrics.vehiclesTotal == nil && plan.metrics.annualCostYenTotal == nil)
        let dir = try TempDir()
        try PlanWriter(plan).write(toFolder: dir.path("p"))
        let json = try #require(PlanJSON.read(dir.path("p/plan.json")))
        let service = try #require(json["bus_service"] as? [String: Any])
        #expect((service["note"] as? String)?.contains("no service window was given") == true)
        #expect(service["service_windows"] is NSNull)
        let costsNote = try #require(service["costs_note"] as? String)
        #expect(OperatingCosts.keys.allSatisfy { costsNote.contains($0) } && costsNote.contains("busCosts"))
        let metrics = try #require(json["metrics"] as? [String: Any])
        #expect(metrics["vehicles_total"] is NSNull && metrics["annual_cost_yen_total"] is NSNull)
        let rows = try Self.summaryRows(dir.path("p/summary.csv"))
        #expect(rows.allSatisfy { $0["vehicles"] == "" && $0["annual_cost_yen"] == "" && $0["driver_hours_per_day"] == "" })
    }

    @Test("costs without service windows are bad input naming both settings; overlapping windows set in Swift are caught")
    func costsNeedWindows() throws {
        var request = try Self.request("noto-bus-service.json")
        request.bus.serviceWindows = []
        let error = #expect(throws: ShurakuError.self) { try Planner.plan(request) }
        #expect(error?.failureClass == .badInput)
        #expect(error?.description.contains("busCosts needs busServiceWindows") == true, "\(String(describing: error))")
        request.bus.serviceWindows = [
            try ServiceWindow(startMinute: 420, endMinute: 540), try ServiceWindow(startMinute: 500, endMinute: 600),
        ]
        let overlap = #expect(throws: ShurakuError.self) { try request.validate() }
        #expect(overlap?.description.contains("windows 07:00-09:00 and 08:20-10:00 overlap") == true)
    }
}
