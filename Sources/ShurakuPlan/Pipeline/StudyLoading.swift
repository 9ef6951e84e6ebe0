import Foundation
import ShurakuCore
import ShurakuGeo
import ShurakuInput
import ShurakuNetwork

/// Load & project: every input of a request read, validated and projected into one metric CRS,
/// with the road speeds to use.
struct StudyLoading: Sendable {
    var inputs: StudyInputs
    var speeds: SpeedTable

    /// Reads the speed table (when given) and every source of `request`.
    static func load(_ request: PlanRequest) throws -> StudyLoading {
        let speeds = try speedTable(request.inputs.speedTable)
        var spec = try inputSpec(request)
        spec.roadTags = Set(RoadLine.attributeKeys(for: speeds))
        return StudyLoading(inputs: try StudyInputs.load(spec), speeds: speeds)
    }

    /// Checks the settings that depend on the data: the minimum zone population against the
    /// total population (one plan), the zone count against the settlements.
    func checkAgainstData(_ request: PlanRequest) throws(ShurakuError) {
        let settlements = inputs.settlements.settlements
        let total = settlements.reduce(Int64(0)) { $0 + $1.population }
        if request.fields.groupBy == nil && request.zoning.minZonePopulation > total {
            throw .badInput(
                field: "minZonePop", "«minZonePop» \(request.zoning.minZonePopulation) is above the total population, \(total)")
        }
        if case .exactly(let k) = request.zoning.zones, k > settlements.count {
            throw .badInput(field: "zones", "«zones» \(k) is more than the \(settlements.count) settlements")
        }
    }

    /// The input specification for ``StudyInputs/load(_:)``.
    static func inputSpec(_ request: PlanRequest) throws(ShurakuError) -> InputSpec {
        let f = request.fields
        let roles = FieldRoles(
            population: f.population, id: f.id, name: f.name, core: f.core, coreCandidate: f.coreCandidates, group: f.groupBy)
        var read = ReadOptions(encoding: request.inputs.encoding)
        read.assumedCRS = try request.inputs.sourceCRS.map { t throws(ShurakuError) in try parseCRS(t, setting: "sourceCrs") }
        let crs = try request.inputs.crs.map { t throws(ShurakuError) in try parseCRS(t, setting: "crs") }
        return InputSpec(
            settlements: SourceSpec(parsing: request.inputs.settlements),
            districts: request.inputs.districts.map { SourceSpec(parsing: $0) },
            roads: request.inputs.roads.map { SourceSpec(parsing: $0) },
            boundary: request.inputs.boundary.map { SourceSpec(parsing: $0) },
            settlementOptions: SettlementOptions(
                roles: roles, missingPopulationAsZero: request.inputs.missingPopulationAsZero,
                filter: f.filter.map { ($0.field, Set($0.values)) }, keepFields: ProjectionStage.keepFields(request.projection)),
            districtNameField: f.district, crs: crs, read: read,
            facilities: request.inputs.facilities.map { SourceSpec(parsing: $0) },
            facilityOptions: FacilityOptions(kindField: f.facilityKind, exclusions: request.cores.exclude.map { [$0] } ?? []))
    }

    static func parseCRS(_ text: String, setting: String) throws(ShurakuError) -> CRS {
        do {
            return try CRS.parse(text)
        } catch {
            throw .badInput(field: setting, "«\(setting)»: \(error)")
        }
    }

    /// The speed table at `path`, else the standard one.
    static func speedTable(_ path: String?) throws(ShurakuError) -> SpeedTable {
        guard let path else { return .standard }
        guard let data = FileManager.default.contents(atPath: path) else { throw .source(.fileNotFound(path: path)) }
        do {
            return try SpeedTable.parse(json: data)
        } catch {
            throw .invalid([Problem(file: path, message: "\(error)")])
        }
    }
}
