import Foundation
import ShurakuCore
import ShurakuFunding
import ShurakuGeo
import ShurakuInput
import ShurakuNetwork
import ShurakuPlanner
import ShurakuRoutes

/// Everything the groups of one plan share, read-only, while they are planned in parallel.
struct PlanContext: Sendable {
    let request: PlanRequest
    let settlements: [Settlement]
    let crs: CRS
    let graph: RoadGraph?
    let districts: LoadedDistricts?
    /// District polygons dissolved by name, for clipping cells.
    let districtAreas: [String: Geometry]
    let boundary: Geometry?
    let districtFile: String
    let roadsFile: String?
    /// The metric CRS's scale factor at each settlement (straight-line distances), else nil.
    let scale: [Double]?
    /// The sources read, by role.
    let sources: [String: SourceSpec]
    /// The service points kept (closed and excluded ones left out), when given.
    let facilities: [Facility]?
    /// What the facility loader left out and why.
    let facilityNotes: [String]
    /// Road pieces, closures and bridges for the cut-off risk (with roads).
    let cutOff: CutOffNetwork?

    init(request: PlanRequest, study: StudyLoading, graph: RoadGraph?, cutOff: CutOffNetwork? = nil) throws {
        let inputs = study.inputs
        var districtAreas: [String: Geometry] = [:]
        if let d = inputs.districts {
            let engine = try GeometryEngine()
            var parts: [String: [Geometry]] = [:]
            for x in d.districts { parts[x.name, default: []].append(x.area) }
            for (name, ps) in parts { districtAreas[name] = ps.count == 1 ? ps[0] : GeometryEngine.polygonal(try engine.union(ps)) }
        }
        let settlements = inputs.settlements.settlements
        self.request = request
        self.settlements = settlements
        self.crs = inputs.crs
        self.graph = graph
        self.districts = inputs.districts
        self.districtAreas = districtAreas
        self.boundary = inputs.boundary
        self.districtFile = inputs.sources["districts"]?.description ?? "districts"
        self.roadsFile = inputs.sources["roads"]?.description
        self.scale = graph == nil ? try ScaleFactor.pointScale(of: inputs.crs, at: settlements.map(\.lonLat)) : nil
        self.sources = inputs.sources
        self.facilities = inputs.facilities?.facilities
        self.facilityNotes = inputs.facilities?.notes ?? []
        self.cutOff = cutOff
    }

    /// The groups to plan: one per `groupBy` value (sorted), or the whole study.
    func groups() -> [PlanGroup] {
        guard request.fields.groupBy != nil else { return [PlanGroup(name: nil, members: Array(settlements.indices))] }
        var byKey: [String: [Int]] = [:]
        for (i, s) in settlements.enumerated() { byKey[s.group ?? "", default: []].append(i) }
        return byKey.keys.sorted().map { PlanGroup(name: $0, members: byKey[$0] ?? []) }
    }
}

/// Settlements planned together: the whole study, or one `groupBy` value.
struct PlanGroup: Sendable {
    /// The group's value, nil for the whole study.
    var name: String?
    /// Indices into the study's settlements.
    var members: [Int]
}

/// One group's finished plan, in metric coordinates and settlement indices of the whole study.
struct GroupOutcome: Sendable {
    struct ZoneOut: Sendable {
        var zone: Zoning.Zone
        var shape: Geometry
        var loops: [BusLoop]
        var grant: GrantCap
    }

    var group: String?
    /// Global settlement indices of this group, in group order.
    var members: [Int]
    var zoning: Zoning
    var zones: [ZoneOut]
    /// Each member's core score (group order), nil with `coreScore` none.
    var coreScores: [CoreScore]?
    var districtOf: [String?]
    var notes: [String]
    var warnings: [String]
    var travelModel: TravelModel
    /// Members cut off by closed roads → the core they lost (group indices).
    var lostCore: [Int: Int] = [:]
    /// How the bus loops travelled (the open roads when roads are closed).
    var loopTravel: LoopTravel? = nil
    /// The zones' ids when given (an evaluated plan keeps the planner's), else numbered.
    var zoneIDs: [String]? = nil
    /// Per zone, why its core is the core when the planner's edits decided it (evaluated plans).
    var coreNotes: [String?]? = nil
    /// The plan's own zones re-measured (evaluated plans).
    var baseline: GroupBaseline? = nil
}
