import Foundation
import ShurakuCore
import ShurakuGeo
import ShurakuOutput
import ShurakuPlan
import ShurakuPlanner
import ShurakuTestSupport
import Testing

/// Reading a plan back (`SavedPlan`), reading the planner's edits (`EditedAssignment`), and
/// `Planner.evaluate` on a small plan.
@Suite("Evaluating edited plans")
struct EvaluateTests {
    /// The shared five-settlement fixture: two zones, 宇出津 (a, d, e) and 小木 (b, c).
    static let csv = FiveSettlements.csv

    /// `parameters` as `plan.json` records them (the writer's conversion of each value).
    static func parametersJSON(_ request: PlanRequest) throws -> [String: Any] {
        var out: [String: Any] = ["zoningRule": "derived, not a setting"]
        for (key, value) in PlanSettings.parameters(of: request) {
            switch value {
            case nil: out[key] = NSNull()
            case .text(let t)?: out[key] = t
            case .number(let d)?: out[key] = d == d.rounded() ? NSNumber(value: Int64(d)) : NSNumber(value: d)
            case .flag(let b)?: out[key] = b
            case .object(let data)?: out[key] = try JSONSerialization.jsonObject(with: data)
            }
        }
        return out
    }

    static func planJSON(parameters: [String: Any], version: String = shurakuVersion) throws -> Data {
        let doc: [String: Any] = [
            "tool": "shuraku", "version": version, "parameters": parameters,
            "inputs": ["settlements": ["path": "s.csv", "sha256": "00"]],
            "zones": [["zone_id": "Z01", "core_id": "a", "members": ["a", "d"]]],
        ]
        return try JSONSerialization.data(withJSONObject: doc)
    }

    @Test("every setting recorded in plan.json reads back into the same request")
    func parametersRoundTrip() throws {
        var request = PlanRequest(settlements: "s.csv")
        let values: [String: SettingValue] = [
            "districts": .text("d.geojson"), "roads": .text("r.geojson"), "maxTravelMin": .number(25), "maxTravelKm": .number(12.5),
            "zones": .text("7"), "minZonePop": .number(800), "maxZonePop": .number(5000), "districtMode": .text("whole"),
            "seed": .number(9), "busMaxRideMin": .number(25), "busCapacity": .number(12), "busTripRate": .number(0.05),
            "funding": .object(Data(#"{"defaults":{"ict":true,"specialistStaff":false}}"#.utf8)), "force": .flag(true),
            "facilityWeights": .object(Data(#"{"school":3}"#.utf8)), "busServiceWindows": .text("07:00-09:00,15:00-17:00"),
            "busCosts": .object(Data(#"{"days":245,"driver_hour":2500,"vehicle_km":40,"vehicle_year":3000000}"#.utf8)),
            "droneRangeKm": .number(15), "droneSpeedKmh": .number(60), "droneOverheadMin": .number(5), "junctions": .text("crossings"),
            "filter": .text("pref_code=34,35"), "coreScore": .text("population"), "labelFont": .text("IPAGothic"),
        ]
        try PlanSettings.apply(values, to: &request)
        let data = try Self.planJSON(parameters: try Self.parametersJSON(request))
        let saved = try SavedPlan.parse(data, path: "p/plan.json")
        for ((k, a), (_, b)) in zip(PlanSettings.parameters(of: request), PlanSettings.parameters(of: saved.request)) {
            #expect(a == b, "\(k): \(String(describing: a)) ≠ \(String(describing: b))")
        }
        #expect(saved.zones == [SavedPlan.Zone(zoneID: "Z01", coreID: "a", members: ["a", "d"])])
        #expect(saved.inputs == [SavedPlan.Input(role: "settlements", path: "s.csv", sha256: "00")])
    }

    @Test("plan.json from another version, or without what evaluate needs, is bad input naming the file and field")
    func incompatible() throws {
        let params = try Self.parametersJSON(PlanRequest(settlements: "s.csv"))
        func expectBad(_ data: Data, _ mentions: [String], sourceLocation: SourceLocation = #_sourceLocation) {
            do {
                _ = try SavedPlan.parse(data, path: "p/plan.json")
                Issue.record("no error", sourceLocation: sourceLocation)
            } catch {
                #expect(error.failureClass == .badInput, sourceLocation: sourceLocation)
                for m in mentions { #expect("\(error)".contains(m), "\(error)", sourceLocation: sourceLocation) }
            }
        }
        expectBad(try Self.planJSON(parameters: params, version: "9.0.0"), ["p/plan.json", "version", "written by shuraku 9.0.0"])
        expectBad(Data("{not json".utf8), ["p/plan.json", "not valid JSON"])
        expectBad(Data(#"{"tool": "other"}"#.utf8), ["not a plan.json written by 'shuraku plan'"])
        var unknown = params
        unknown["maxTravelHours"] = 2
        expectBad(try Self.planJSON(parameters: unknown), ["maxTravelHours", "unknown setting"])
        var wrong = params
        wrong["maxTravelMin"] = "thirty"
        expectBad(try Self.planJSON(parameters: wrong), ["maxTravelMin", "wrong type"])
        let noZones = try JSONSerialization.data(withJSONObject: [
            "tool": "shuraku", "version": shurakuVersion, "parameters": params, "inputs": [:],
        ])
        expectBad(noZones, ["zones"])
    }

    static func layer(_ rows: [[FieldValue]], fields: [String] = ["settlement_id", "zone_id", "is_core"], types: [FieldType]? = nil)
        -> VectorLayer
    {
        let infos = fields.enumerated().map { i, f in FieldInfo(name: f, type: types?[i] ?? .string) }
        let features = rows.enumerated().map { i, r in VectorFeature(fid: Int64(i + 1), geometry: .point(XY(137, 37)), values: r) }
        return VectorLayer(
            path: "e.geojson", name: "e", driver: "GeoJSON", crs: .lonLat, fields: infos, features: features,
            declaredGeometryType: "Point")
    }

    @Test("edited layers: zone ids as text or unambiguous whole numbers, is_core as flag, 0/1 or words; the rest is bad input")
    func editedValues() throws {
        let zones = ["Z01", "Z02"]
        let ok = try EditedAssignment.parse(
            Self.layer([
                [.string("a"), .string("Z01"), .integer(1)], [.string("b"), .string(" "), .string("false")],
                [.string("c"), .integer(7), .real(0)], [.string("d"), .null, .null], [.integer(17), .real(12), .string("yes")],
            ]), source: "e.geojson", planZones: zones)
        #expect(ok.entries.map(\.zoneID) == ["Z01", nil, "7", nil, "12"])
        #expect(ok.entries.map(\.isCore) == [true, false, false, false, true])
        #expect(ok.entries.map(\.settlementID) == ["a", "b", "c", "d", "17"])

        func expectBad(_ layer: VectorLayer, _ mentions: [String], sourceLocation: SourceLocation = #_sourceLocation) {
            do {
                _ = try EditedAssignment.parse(layer, source: "e.geojson", planZones: zones)
                Issue.record("no error", sourceLocation: sourceLocation)
            } catch {
                #expect(error.failureClass == .badInput, sourceLocation: sourceLocation)
                for m in mentions { #expect("\(error)".contains(m), "\(error)", sourceLocation: sourceLocation) }
            }
        }
        expectBad(Self.layer([[.string("a"), .integer(2), .integer(0)]]), ["feature 1 (settlement_id a)", "zone_id", "Z02", "as text"])
        expectBad(Self.layer([[.string("a"), .real(1.5), .integer(0)]]), ["feature 1 (settlement_id a)", "zone_id", "not a zone id"])
        expectBad(Self.layer([[.string("a"), .string("Z01"), .string("maybe")]]), ["feature 1 (settlement_id a)", "is_core", "maybe"])
        expectBad(Self.layer([[.string("a"), .string("Z01"), .integer(2)]]), ["is_core"])
        expectBad(
            Self.layer([[.string("a"), .string("Z01"), .integer(0)], [.string("a"), .string("Z02"), .integer(0)]]),
            ["feature 2 (settlement_id a)", "duplicate settlement_id 'a' (also feature 1)"])
        expectBad(Self.layer([[.null, .string("Z01"), .integer(0)]]), ["feature 1", "settlement_id is missing"])
        expectBad(Self.layer([[.string("a"), .string("Z01")]], fields: ["settlement_id", "zone"]), ["e.geojson", "zone_id", "is_core"])
    }

    /// The small plan, and its own assignment as edits.
    static func smallPlan(in dir: TempDir) throws -> (saved: SavedPlan, plan: Plan, edits: [EditedAssignment.Entry]) {
        let request = PlanRequest(settlements: try dir.write("s.csv", csv))
        let plan = try Planner.plan(request)
        try PlanWriter(plan).write(toFolder: dir.path("plan"))
        let saved = try SavedPlan.read(folder: dir.path("plan"))
        let edits = plan.settlements.map {
            EditedAssignment.Entry(
                settlementID: $0.id, zoneID: $0.zoneID, isCore: $0.isCore, reason: $0.reason?.description, feature: $0.id)
        }
        return (saved, plan, edits)
    }

    @Test("the unedited assignment evaluates to the same zones, travel times and loops, with no change and no violation")
    func unedited() throws {
        let dir = try TempDir()
        let (saved, plan, edits) = try Self.smallPlan(in: dir)
        #expect(try saved.checkInputs().isEmpty)
        let again = try Planner.evaluate(saved, edited: EditedAssignment(source: "e", entries: edits))
        #expect(again.zones.map(\.zoneID) == plan.zones.map(\.zoneID))
        #expect(again.zones.map(\.population) == plan.zones.map(\.population))
        #expect(again.zones.map(\.coreReason) == plan.zones.map(\.coreReason))
        #expect(again.settlements.map(\.travelMin) == plan.settlements.map(\.travelMin))
        #expect(again.routes.map(\.stops) == plan.routes.map(\.stops))
        #expect(again.routes.map(\.durationMin) == plan.routes.map(\.durationMin))
        let e = try #require(again.evaluation)
        #expect(e.changes.isEmpty && e.violations.isEmpty && e.edits.isEmpty)
    }

    @Test("a move recomputes both zones; a new zone id, a zone without a core and an emptied zone_id are completed with notes")
    func edits() throws {
        let dir = try TempDir()
        let (saved, plan, base) = try Self.smallPlan(in: dir)
        let zoneOf = Dictionary(uniqueKeysWithValues: plan.settlements.map { ($0.id, $0.zoneID) })
        #expect(zoneOf["d"] == "Z01" && zoneOf["c"] == "Z02")
        func evaluate(_ change: (inout [EditedAssignment.Entry]) -> Void) throws -> Plan {
            var entries = base
            change(&entries)
            return try Planner.evaluate(saved, edited: EditedAssignment(source: "e", entries: entries))
        }
        func set(_ entries: inout [EditedAssignment.Entry], _ id: String, zone: String?, core: Bool = false) {
            if let i = entries.firstIndex(where: { $0.settlementID == id }) {
                entries[i].zoneID = zone
                entries[i].isCore = core
            }
        }
        // d (柳田, 300) from 宇出津's zone to 小木's.
        let moved = try evaluate { set(&$0, "d", zone: "Z02") }
        #expect(moved.zones.map(\.population) == [1400, 1700])
        let d = try #require(moved.settlements.first { $0.id == "d" })
        #expect(d.zoneID == "Z02" && d.coreID == "b" && (d.travelMin ?? 0) > 0)
        let change = try #require(moved.evaluation?.changes.first)
        #expect(moved.evaluation?.changes.count == 1)
        #expect(change.settlementID == "d" && change.oldZoneID == "Z01" && change.newZoneID == "Z02" && change.kind == "moved")
        #expect(change.oldTravelMin == plan.settlements.first { $0.id == "d" }?.travelMin)
        #expect(moved.evaluation?.zoneChanges["Z01"]?.old?.population == 1700)
        #expect(moved.evaluation?.zoneChanges["Z01"]?.new?.population == 1400)

        // A zone id the plan does not have: a new zone around the one settlement.
        let fresh = try evaluate { set(&$0, "e", zone: "Z09") }
        #expect(fresh.zones.map(\.zoneID) == ["Z01", "Z02", "Z09"])
        #expect(fresh.zones.last?.coreID == "e")
        #expect(fresh.evaluation?.edits.contains { $0.contains("zone Z09 is not in the plan") } == true)
        #expect(fresh.evaluation?.violations.contains { $0.code == .belowMinPopulation && $0.zoneID == "Z09" } == true)

        // No core marked in Z01: the best-scored member; two marked in Z02: the better of them.
        let coreless = try evaluate {
            set(&$0, "a", zone: "Z01")
            set(&$0, "c", zone: "Z02", core: true)
        }
        #expect(coreless.zones.map(\.coreID) == ["a", "b"])
        #expect(coreless.evaluation?.edits.filter { $0.contains("is its core") }.count == 2)
        #expect(coreless.zones.first?.coreReason.hasPrefix("core chosen by evaluate") == true)

        // An empty zone id: unserved, removed by the planner.
        let removed = try evaluate { set(&$0, "e", zone: nil) }
        let e = try #require(removed.settlements.first { $0.id == "e" })
        #expect(e.status == .unserved && e.reason == .removedByPlanner)
        #expect(removed.evaluation?.changes.first?.kind == "removed")
    }

    @Test("an id the inputs do not have, or a settlement left out of the edits, is bad input naming the file and feature")
    func unknownAndMissing() throws {
        let dir = try TempDir()
        let (saved, _, base) = try Self.smallPlan(in: dir)
        var unknown = base
        unknown.append(EditedAssignment.Entry(settlementID: "zz", zoneID: "Z01", isCore: false, feature: "feature 6 (settlement_id zz)"))
        #expect {
            try Planner.evaluate(saved, edited: EditedAssignment(source: "e.gpkg:settlements", entries: unknown))
        } throws: { e in
            "\(e)".contains("e.gpkg:settlements: feature 6 (settlement_id zz)") && "\(e)".contains("no settlement of the plan has this id")
        }
        #expect {
            try Planner.evaluate(saved, edited: EditedAssignment(source: "e.gpkg", entries: Array(base.dropLast())))
        } throws: { e in
            "\(e)".contains("settlement e (鵜川) of the plan is missing")
        }
    }
}
