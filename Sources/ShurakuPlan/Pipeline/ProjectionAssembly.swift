import Foundation
import ShurakuCore
import ShurakuInput

/// Population to 2050 in the plan: each settlement's projected population and municipality,
/// each zone's totals per year, `viable_until` and its core municipality's 65+ share in 2050.
enum ProjectionAssembly {
    static func add(to plan: inout Plan, stage: ProjectionStage, request: PlanRequest) throws {
        let years = ProjectionTable.years
        guard plan.settlements.count == stage.municipality.count else {
            throw ShurakuError.bug("plan rows (\(plan.settlements.count)) do not match the projected settlements")
        }
        var unserved = [Int64](repeating: 0, count: years.count)
        var zoneIndex: [String: Int] = [:]
        for (zi, z) in plan.zones.enumerated() {
            zoneIndex[z.zoneID] = zi
            plan.zones[zi].projected = [Int64](repeating: 0, count: years.count)
        }
        var coreRow: [String: Int] = [:]
        for i in plan.settlements.indices {
            let values = years.indices.map { stage.population[$0][i] }
            plan.settlements[i].projected = values
            plan.settlements[i].municipality = stage.municipality[i]
            if plan.settlements[i].isCore, let z = plan.settlements[i].zoneID { coreRow[z] = i }
            if let z = plan.settlements[i].zoneID, let zi = zoneIndex[z] {
                for y in years.indices { plan.zones[zi].projected[y] += values[y] }
            } else {
                for y in years.indices { unserved[y] += values[y] }
            }
        }
        let minimum = request.zoning.minZonePopulation
        for zi in plan.zones.indices {
            plan.zones[zi].viableUntil = viableUntil(plan.zones[zi].projected, minimum: minimum)
            if let c = coreRow[plan.zones[zi].zoneID] {
                plan.zones[zi].muniAged65Share2050 = stage.table.municipalities[stage.municipality[c]]?.aged65Share2050
            }
        }
        let codes = Array(Set(stage.municipality)).sorted()
        plan.projection = Plan.ProjectionReport(
            table: stage.table.file, method: stage.method.rawValue, methodText: stage.methodText, year: request.projection.year,
            municipalitySource: stage.municipalitySource,
            municipalities: codes.compactMap { code in
                stage.table.municipalities[code].map {
                    Plan.ProjectedMunicipality(code: code, name: $0.name, population: $0.population, aged65Share2050: $0.aged65Share2050)
                }
            },
            unserved: unserved)
    }

    /// The last projection year (after the base year) up to which `projected` (per year of
    /// ``/ShurakuInput/ProjectionTable/years``) meets `minimum` in every projection year; nil when
    /// it does not even in the first.
    static func viableUntil(_ projected: [Int64], minimum: Int64) -> Int? {
        var last: Int? = nil
        for (k, y) in ProjectionTable.years.enumerated() where y > ProjectionTable.baseYear {
            guard k < projected.count, projected[k] >= minimum else { break }
            last = y
        }
        return last
    }
}
