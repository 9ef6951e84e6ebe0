@testable import ShurakuCLI
import Testing

@Suite("Scenario paths")
struct ScenarioPathTests {
    @Test("paths in a scenario resolve beside it, by text, staying relative when the scenario's path is")
    func joined() {
        #expect(Scenario.joined("geodata/scenarios", "../noto/roads.geojson") == "geodata/noto/roads.geojson")
        #expect(Scenario.joined("geodata/scenarios", "./a.csv") == "geodata/scenarios/a.csv")
        #expect(Scenario.joined("", "a.csv") == "a.csv")
        #expect(Scenario.joined("a", "../../b.csv") == "../b.csv")
        #expect(Scenario.joined("/data/plans", "../x/y.gpkg") == "/data/x/y.gpkg")
        #expect(Scenario.joined("/", "../y") == "/y")
    }
}
