import Foundation
import ShurakuCore
import ShurakuPlan
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
}
