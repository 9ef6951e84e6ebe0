import Foundation
import ShurakuCore
import ShurakuPlan
import ShurakuRoutes
import Testing

@Suite("Scenario files")
struct ScenarioFileTests {
    @Test("paths in a scenario resolve beside it, by text, staying relative when the scenario's path is")
    func joined() {
        #expect(ScenarioFile.joined("geodata/scenarios", "../noto/roads.geojson") == "geodata/noto/roads.geojson")
        #expect(ScenarioFile.joined("geodata/scenarios", "./a.csv") == "geodata/scenarios/a.csv")
        #expect(ScenarioFile.joined("", "a.csv") == "a.csv")
        #expect(ScenarioFile.joined("a", "../../b.csv") == "../b.csv")
        #expect(ScenarioFile.joined("/data/plans", "../x/y.gpkg") == "/data/x/y.gpkg")
        #expect(ScenarioFile.joined("/", "../y") == "/y")
    }

    @Test("unknown keys get a did-you-mean; wrong types and ranges name the key; every problem is listed")
    func problems() throws {
        let data = Data(#"{"maxTravelMinutes": 30, "minZonePop": "many", "detour": 9, "settlements": "x.geojson"}"#.utf8)
        let error = #expect(throws: ShurakuError.self) { try ScenarioFile.parse(data, path: "/tmp/s.json") }
        let problems = error?.problems ?? []
        #expect(error?.failureClass == .badInput)
        #expect(problems.count == 4)
        #expect(problems.contains { $0.field == "maxTravelMinutes" && $0.message.contains("did you mean maxTravelMin?") })
        #expect(problems.contains { $0.field == "minZonePop" && $0.message.contains("expected a number") })
        #expect(problems.contains { $0.field == "detour" && $0.message.contains("out of range") })
        #expect(problems.contains { $0.field == "settlements" && $0.message.contains("no such file") })
        #expect(problems.allSatisfy { $0.file == "/tmp/s.json" })
    }

    @Test("service windows read from a string or a list of strings; costs from an object, unknown keys with a did-you-mean")
    func listsAndRecords() throws {
        for windows in [#""07:00-09:00,15:00-17:00""#, #"["07:00-09:00", "15:00-17:00"]"#] {
            let data = Data(
                #"{"busServiceWindows": \#(windows), "busCosts": {"vehicle_year": 1, "driver_hour": 2, "vehicle_km": 3, "days": 200}}"#.utf8
            )
            let values = try ScenarioFile.parse(data, path: "/tmp/s.json")
            var request = PlanRequest(settlements: "x")
            try PlanSettings.apply(values, to: &request)
            #expect(ServiceWindow.listText(request.bus.serviceWindows) == "07:00-09:00,15:00-17:00")
            #expect(request.bus.costs?.values == ["vehicle_year": 1, "driver_hour": 2, "vehicle_km": 3, "days": 200])
        }
        let bad = Data(#"{"busServiceWindows": ["07:00-09:00", 9], "busCosts": "vehicle_year=1"}"#.utf8)
        let error = #expect(throws: ShurakuError.self) { try ScenarioFile.parse(bad, path: "/tmp/s.json") }
        #expect(error?.problems.count == 2)
        #expect(error?.problems.contains { $0.field == "busServiceWindows" && $0.message.contains("list of strings") } == true)
        #expect(error?.problems.contains { $0.field == "busCosts" && $0.message.contains("expected an object") } == true)
        let typo = try ScenarioFile.parse(
            Data(#"{"busCosts": {"vehicle_year": 1, "driver_hours": 2, "vehicle_km": 3, "days": 200}}"#.utf8), path: "/tmp/s.json")
        var request = PlanRequest(settlements: "x")
        let unknown = #expect(throws: ShurakuError.self) { try PlanSettings.apply(typo, to: &request, file: "/tmp/s.json") }
        #expect(unknown?.description.contains("busCosts: unknown key 'driver_hours' (did you mean driver_hour?)") == true)
    }
}
