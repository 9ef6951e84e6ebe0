import Foundation
import ShurakuCore
import ShurakuNetwork
import ShurakuPlan
import ShurakuPlanner
import ShurakuTestSupport
import Testing

@Suite("Plan requests and the settings table")
struct PlanRequestTests {
    @Test("a new request holds every literal default the settings table declares")
    func defaultsInOnePlace() {
        let request = PlanRequest(settlements: "x.geojson")
        for s in PlanSettings.all where s.literalDefault != nil || s.kind == .flag {
            #expect(s.value(in: request) == s.defaultValue, "\(s.key): \(String(describing: s.value(in: request)))")
        }
        #expect(request.output.labelFont == "Noto Sans CJK JP")
        #expect(request.travel.snapToleranceMeters == 1)
        #expect(request.travel.junctions == .vertices)
        #expect(request.travel.gapReportMeters == 25)
    }

    @Test("every setting writes into the request and reads back the same value")
    func roundTrip() throws {
        let samples: [String: SettingValue] = [
            "settlements": .text("a.geojson"), "districts": .text("d.geojson"), "roads": .text("r.geojson"),
            "boundary": .text("b.geojson"), "crs": .text("EPSG:6675"), "sourceCrs": .text("EPSG:4301"),
            "encoding": .text("CP932"), "missingPopulationZero": .flag(true), "populationField": .text("JINKO"),
            "idField": .text("KEY_CODE"), "nameField": .text("S_NAME"), "coreField": .text("core"),
            "coreCandidatesField": .text("cand"), "districtField": .text("name"), "groupBy": .text("city_code"),
            "filter": .text("pref_code=34,35"), "maxTravelMin": .number(25), "maxTravelKm": .number(12.5),
            "detour": .number(1.4), "speedKmh": .number(35), "speedTable": .text("s.json"), "snapTolerance": .number(2),
            "junctions": .text("crossings"), "gapReportM": .number(40),
            "connectorSpeedKmh": .number(15), "maxConnectorM": .number(900), "zones": .text("7"), "minZonePop": .number(800),
            "maxZonePop": .number(5000), "districtMode": .text("whole"), "districtTolerance": .number(50), "seed": .number(9),
            "busMaxLoopMin": .number(45), "busDwellMin": .number(2), "busMaxRideMin": .number(25), "busMinStopPop": .number(10),
            "busCapacity": .number(12),
            "busTripRate": .number(0.05), "funding": .object(Data(#"{"defaults":{"ict":true,"specialistStaff":false}}"#.utf8)),
            "labelFont": .text("IPAGothic"), "force": .flag(true), "facilities": .text("f.geojson"),
            "facilityKindField": .text("type"), "coreScore": .text("population"), "coreRadiusM": .number(800),
            "facilityExclude": .text("subkind=institutional_clinic"), "facilityWeights": .object(Data(#"{"school":3}"#.utf8)),
            "closedRoads": .text("closed.geojson"), "droneRangeKm": .number(15), "droneSpeedKmh": .number(60),
            "droneOverheadMin": .number(5), "busServiceWindows": .text("07:00-09:00,15:00-17:00"), "busTripsPerWindow": .number(2),
            "busLayoverMin": .number(10),
            "busCosts": .object(Data(#"{"days":245,"driver_hour":2500,"vehicle_km":40,"vehicle_year":3000000}"#.utf8)),
            "accessLimitMin": .number(45), "accessThresholdMin": .number(20), "projections": .text("ipss.csv"),
            "municipalityField": .text("city_code"), "municipality": .text("17463"), "previousPopulationField": .text("JINKO2015"),
            "year": .number(2040),
        ]
        #expect(Set(samples.keys) == Set(PlanSettings.all.map(\.key)), "a setting without a sample value")
        var request = PlanRequest(settlements: "x")
        try PlanSettings.apply(samples, to: &request)
        for s in PlanSettings.all { #expect(s.value(in: request) == samples[s.key], "\(s.key)") }
        #expect(request.zoning.zones == .exactly(7))
        #expect(request.zoning.districtMode == .whole)
        #expect(request.fields.filter == SettlementFilter(field: "pref_code", values: ["34", "35"]))
        #expect(request.funding.policy.defaults.ict)
        #expect(request.cores.weights[.school] == 3 && request.cores.weights[.townHall] == FacilityWeights.default[.townHall])
        #expect(request.cores.score == .population)
        #expect(request.risk.drone == PlanRequest.Drone(rangeKm: 15, speedKmh: 60, overheadMin: 5))
        #expect(request.bus.serviceWindows.map(\.lengthMinutes) == [120, 120])
        #expect(request.bus.costs?.daysPerYear == 245 && request.bus.costs?.vehicleYearYen == 3_000_000)
        #expect(request.bus.fleetParameters?.layoverSeconds == 600)
        #expect(request.access.limitMinutes == 45 && request.projection.year == 2040)
    }

    @Test("out-of-range and mistyped values name the setting; unknown keys get a did-you-mean")
    func badValues() {
        var request = PlanRequest(settlements: "x")
        let error = #expect(throws: ShurakuError.self) {
            try PlanSettings.apply(["maxTravelMin": .number(0), "zones": .text("some"), "minZonePopulation": .number(1)], to: &request)
        }
        #expect(error?.problems.count == 3)
        let text = error?.description ?? ""
        #expect(text.contains("maxTravelMin 0 is out of range"))
        #expect(text.contains("zones expected auto, fewest or a whole number"))
        #expect(text.contains("unknown setting (did you mean minZonePop?)"))
    }

    @Test("validation runs before any file is read, and lists every problem")
    func validationFirst() throws {
        let dir = try TempDir()
        // An existing file that is not vector data: reading it would fail with its own message.
        let garbage = try dir.write("s.geojson", bytes: [0x89, 0x50, 0x4E, 0x47])
        var request = PlanRequest(settlements: garbage)
        request.zoning.minZonePopulation = 2000
        request.zoning.maxZonePopulation = 1000
        request.zoning.districtMode = .whole
        request.inputs.roads = dir.path("missing-roads.geojson")
        request.risk.closedRoads = dir.path("missing-closures.geojson")
        request.risk.droneRangeKm = 10
        let error = #expect(throws: ShurakuError.self) { try Planner.plan(request) }
        let text = error?.description ?? ""
        #expect(error?.failureClass == .badInput)
        #expect(text.contains("maxZonePop 1000 is below minZonePop 2000"), "\(text)")
        #expect(text.contains("districtMode whole needs districts"), "\(text)")
        #expect(text.contains("missing-roads.geojson: no such file"), "\(text)")
        #expect(text.contains("missing-closures.geojson: no such file"), "\(text)")
        #expect(text.contains("droneRangeKm also needs droneSpeedKmh and droneOverheadMin"), "\(text)")
        #expect(!text.contains("not a readable vector"), "the settlements file was read: \(text)")
    }

    @Test("setting references render as keys for library users and as flags for the command line")
    func settingNames() {
        let e = ShurakuError.badInput(field: "maxZonePop", "«maxZonePop» 5 is below «minZonePop» 10")
        #expect(e.description == "maxZonePop 5 is below minZonePop 10")
        #expect(e.render { "--" + $0 } == "--maxZonePop 5 is below --minZonePop 10")
        #expect(SettingName.render("a «b c» d", naming: { _ in "X" }) == "a «b c» d")
    }
}
