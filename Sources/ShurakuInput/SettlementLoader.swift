import Foundation
import ShurakuGeo

/// How to read settlements.
public struct SettlementOptions: Sendable {
    /// Field names given by the user; missing roles are detected.
    public var roles: FieldRoles
    /// Treat a missing (null or empty) population as 0 with a warning, instead of failing.
    public var missingPopulationAsZero: Bool
    /// Keep only the features whose `field` has one of `values` (as text); nil keeps all.
    public var filter: (field: String, values: Set<String>)?

    public init(
        roles: FieldRoles = FieldRoles(), missingPopulationAsZero: Bool = false,
        filter: (field: String, values: Set<String>)? = nil
    ) {
        self.roles = roles
        self.missingPopulationAsZero = missingPopulationAsZero
        self.filter = filter
    }

    /// Every field name the loader may read: the given roles, the detectable names and the
    /// filter's field (so that an OSM source spreads these tags into fields).
    public var fieldNames: Set<String> {
        var names = Set(FieldRoles.candidates.flatMap(\.names))
        for n in [roles.population, roles.id, roles.name, roles.core, roles.coreCandidate, roles.group] { if let n { names.insert(n) } }
        if let f = filter?.field { names.insert(f) }
        return names
    }
}

/// Settlements as read: the values, the roles used and what the user should be told.
public struct LoadedSettlements: Sendable {
    public var settlements: [Settlement]
    public var roles: FieldRoles
    public var warnings: [String]
    /// Whether the settlements came as polygons (zone shapes then use them).
    public var hasPolygons: Bool
}

/// Turns a settlements layer into validated ``Settlement`` values in a metric CRS.
public enum SettlementLoader {
    /// Validates every feature and collects every problem before failing, so the user can fix
    /// the data in one pass.
    public static func load(_ layer: VectorLayer, into metric: CRS, options: SettlementOptions = SettlementOptions())
        throws(InputError) -> LoadedSettlements
    {
        let roles = try FieldRoles.detect(in: layer, given: options.roles)
        var layer = layer
        if let filter = options.filter {
            guard let fi = layer.fieldIndex(filter.field) else {
                throw InputError.invalid([InputProblem(
                    file: layer.label, field: filter.field,
                    message: "no such field (given by «filter»); fields are: \(layer.fields.map(\.name).joined(separator: ", "))")])
            }
            var kept: [VectorFeature] = []
            var notes: [Int: String] = [:]
            for (i, f) in layer.features.enumerated() where fi < f.values.count {
                guard let t = f.values[fi].text, filter.values.contains(t) else { continue }
                if let n = layer.geometryNotes[i] { notes[kept.count] = n }
                kept.append(f)
            }
            guard !kept.isEmpty else {
                throw InputError.invalid([InputProblem(
                    file: layer.label, field: filter.field,
                    message: "no settlement has \(filter.field) = \(filter.values.sorted().joined(separator: " or "))")])
            }
            layer.features = kept
            layer.geometryNotes = notes
        }
        let projected: VectorLayer
        do {
            projected = try layer.projected(to: metric)
        } catch {
            throw InputError.source(error)
        }
        var problems: [InputProblem] = []
        var warnings = layer.warnings
        let file = layer.label
        if roles.population == nil {
            let looked = FieldRoles.candidates.first { $0.role == "population" }?.names.joined(separator: ", ") ?? ""
            problems.append(InputProblem(
                file: file, message: "no population field found (looked for \(looked)); name it with «populationField»"))
        }
        let engine: GeometryEngine
        do { engine = try GeometryEngine() } catch { throw InputError.source(error) }

        var out: [Settlement] = []
        out.reserveCapacity(projected.features.count)
        var firstSeen: [String: Int] = [:]
        var missingAsZero = 0, rounded = 0, repaired = 0
        var hasPolygons = false

        for (i, f) in projected.features.enumerated() {
            let featureName = projected.featureLabel(i, idField: roles.id)
            func problem(_ field: String?, _ message: String) {
                problems.append(InputProblem(file: file, feature: featureName, field: field, message: message))
            }

            // Location.
            var location: XY? = nil
            var area: Geometry? = nil
            switch f.geometry {
            case nil:
                problem(nil, layer.geometryNotes[i] ?? "no geometry")
            case let g? where g.isEmpty:
                problem(nil, "empty geometry")
            case .point(let p)?:
                location = p
            case let g? where g.isPolygonal:
                hasPolygons = true
                do {
                    var poly = g
                    if !(try engine.validity(poly).isValid) {
                        poly = GeometryEngine.polygonal(try engine.makeValid(poly))
                        repaired += 1
                    }
                    location = try engine.representativePoint(poly)
                    area = poly
                } catch {
                    problem(nil, "unusable polygon: \(error)")
                }
            case .multiPoint(let ps)? where !ps.isEmpty:
                location = ps[0]
                if ps.count > 1 { warnings.append("\(featureName): multipoint, its first point is used") }
            case let g?:
                problem(nil, "a settlement must be a point or a polygon, not a \(g.typeName)")
            }

            // Population.
            var population: Int64 = 0
            if let pf = roles.population {
                let v = projected.value(f, pf)
                if v.isNull || v.text?.trimmingCharacters(in: .whitespaces).isEmpty == true {
                    if options.missingPopulationAsZero {
                        missingAsZero += 1
                    } else {
                        problem(pf, "population is missing (use «missingPopulationZero» to count it as 0)")
                    }
                } else if let n = v.number {
                    if !n.isFinite {
                        problem(pf, "population is not a finite number (\(v))")
                    } else if n < 0 {
                        problem(pf, "population is negative (\(v))")
                    } else if n > 1e12 {
                        problem(pf, "population is implausibly large (\(v))")
                    } else {
                        if n != n.rounded() { rounded += 1 }
                        population = Int64(n.rounded())
                    }
                } else {
                    problem(pf, "population is not a number ('\(v)')")
                }
            }

            // Identity.
            var id = String(i + 1)
            if let idf = roles.id {
                if let t = projected.value(f, idf).text?.trimmingCharacters(in: .whitespaces), !t.isEmpty {
                    id = t
                } else {
                    problem(idf, "id is missing")
                }
            }
            if let first = firstSeen[id] {
                problem(roles.id, "duplicate id '\(id)' (also feature \(first + 1))")
            } else {
                firstSeen[id] = i
            }
            let name = roles.name.flatMap { projected.value(f, $0).text }.flatMap { $0.isEmpty ? nil : $0 } ?? id
            let isCore = roles.core.map { FieldRoles.isTruthy(projected.value(f, $0)) } ?? false
            let isCandidate = roles.coreCandidate.map { FieldRoles.isTruthy(projected.value(f, $0)) } ?? true
            let group = roles.group.flatMap { projected.value(f, $0).text }

            if let location {
                out.append(Settlement(
                    sourceIndex: i, id: id, name: name, population: population, location: location, lonLat: location,
                    area: area, isDesignatedCore: isCore, isCoreCandidate: isCandidate || isCore, group: group))
            }
        }
        guard problems.isEmpty else { throw InputError.invalid(problems) }

        // Longitude/latitude of every location, in one PROJ call.
        do {
            var lonLat = out.map(\.location)
            try CoordinateTransformer(from: metric, to: .lonLat).apply(&lonLat)
            for i in out.indices { out[i].lonLat = lonLat[i] }
        } catch {
            throw InputError.source(error)
        }
        if missingAsZero > 0 { warnings.append("\(file): \(missingAsZero) settlements without population counted as 0") }
        if rounded > 0 { warnings.append("\(file): \(rounded) non-integer populations rounded") }
        if repaired > 0 { warnings.append("\(file): \(repaired) invalid settlement polygons repaired") }
        return LoadedSettlements(settlements: out, roles: roles, warnings: warnings, hasPolygons: hasPolygons)
    }
}
