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
    /// Further fields whose text each ``Settlement`` keeps in ``Settlement/attributes``, keyed by
    /// the name asked for (those the layer has, matched as ``/ShurakuGeo/VectorLayer/fieldIndex(_:)``
    /// does; e.g. a municipality code for population projections).
    public var keepFields: Set<String> = []

    public init(
        roles: FieldRoles = FieldRoles(), missingPopulationAsZero: Bool = false,
        filter: (field: String, values: Set<String>)? = nil, keepFields: Set<String> = []
    ) {
        self.roles = roles
        self.missingPopulationAsZero = missingPopulationAsZero
        self.filter = filter
        self.keepFields = keepFields
    }

    /// Every field name the loader may read: the given roles, the detectable names and the
    /// filter's field (so that an OSM source spreads these tags into fields).
    public var fieldNames: Set<String> {
        var names = Set(FieldRoles.candidates.flatMap(\.names))
        for n in [roles.population, roles.id, roles.name, roles.core, roles.coreCandidate, roles.group] { if let n { names.insert(n) } }
        if let f = filter?.field { names.insert(f) }
        names.formUnion(keepFields)
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
    /// The layer's field names, as spelt there.
    public var fieldNames: [String] = []
}

/// Turns a settlements layer into validated ``Settlement`` values in a metric CRS.
///
/// The steps: detect the field roles; keep the filtered features; project; read each feature's
/// location, population and identity (collecting every problem); add lon/lat; summarise what
/// was assumed in warnings.
public enum SettlementLoader {
    /// Validates every feature and collects every problem before failing, so the user can fix
    /// the data in one pass.
    public static func load(_ layer: VectorLayer, into metric: CRS, options: SettlementOptions = SettlementOptions())
        throws(InputError) -> LoadedSettlements
    {
        let roles = try FieldRoles.detect(in: layer, given: options.roles)
        let layer = try filtered(layer, by: options.filter)
        let projected: VectorLayer
        do { projected = try layer.projected(to: metric) } catch { throw InputError.source(error) }
        var reader = try SettlementFeatureReader(layer: projected, roles: roles, missingPopulationAsZero: options.missingPopulationAsZero)
        reader.keep = options.keepFields.compactMap { name in projected.fieldIndex(name).map { (name, $0) } }.sorted { $0.0 < $1.0 }
        if roles.population == nil {
            let looked = FieldRoles.candidates.first { $0.role == "population" }?.names.joined(separator: ", ") ?? ""
            reader.problems.append(
                InputProblem(
                    file: layer.label, message: "no population field found (looked for \(looked)); name it with «populationField»"))
        }
        var out: [Settlement] = []
        out.reserveCapacity(projected.features.count)
        for i in projected.features.indices {
            if let s = reader.settlement(at: i, notes: layer.geometryNotes) { out.append(s) }
        }
        guard reader.problems.isEmpty else { throw InputError.invalid(reader.problems) }
        try addLonLat(&out, from: metric)
        return LoadedSettlements(
            settlements: out, roles: roles, warnings: layer.warnings + reader.warnings + reader.summary(file: layer.label),
            hasPolygons: reader.hasPolygons, fieldNames: layer.fields.map(\.name))
    }

    /// The layer with only the features whose filter field has one of the values (all without a filter).
    static func filtered(_ layer: VectorLayer, by filter: (field: String, values: Set<String>)?) throws(InputError) -> VectorLayer {
        guard let filter else { return layer }
        guard let fi = layer.fieldIndex(filter.field) else {
            throw InputError.invalid([
                InputProblem(
                    file: layer.label, field: filter.field,
                    message: "no such field (given by «filter»); fields are: \(layer.fields.map(\.name).joined(separator: ", "))")
            ])
        }
        var layer = layer
        var kept: [VectorFeature] = []
        var notes: [Int: String] = [:]
        for (i, f) in layer.features.enumerated() where fi < f.values.count {
            guard let t = f.values[fi].text, filter.values.contains(t) else { continue }
            if let n = layer.geometryNotes[i] { notes[kept.count] = n }
            kept.append(f)
        }
        guard !kept.isEmpty else {
            throw InputError.invalid([
                InputProblem(
                    file: layer.label, field: filter.field,
                    message: "no settlement has \(filter.field) = \(filter.values.sorted().joined(separator: " or "))")
            ])
        }
        layer.features = kept
        layer.geometryNotes = notes
        return layer
    }

    /// Longitude/latitude of every location, in one PROJ call.
    static func addLonLat(_ settlements: inout [Settlement], from metric: CRS) throws(InputError) {
        do {
            var lonLat = settlements.map(\.location)
            try CoordinateTransformer(from: metric, to: .lonLat).apply(&lonLat)
            for i in settlements.indices { settlements[i].lonLat = lonLat[i] }
        } catch {
            throw InputError.source(error)
        }
    }
}

/// Reads one feature of a projected settlements layer at a time: its location, population and
/// identity, collecting problems and counting what it assumed.
struct SettlementFeatureReader {
    let layer: VectorLayer
    let roles: FieldRoles
    let missingPopulationAsZero: Bool
    let engine: GeometryEngine
    var problems: [InputProblem] = []
    var warnings: [String] = []
    var hasPolygons = false
    /// Fields to keep as attributes: name and index.
    var keep: [(String, Int)] = []
    private var firstSeen: [String: Int] = [:]
    private var missingAsZero = 0, rounded = 0, repaired = 0

    init(layer: VectorLayer, roles: FieldRoles, missingPopulationAsZero: Bool) throws(InputError) {
        self.layer = layer
        self.roles = roles
        self.missingPopulationAsZero = missingPopulationAsZero
        do { engine = try GeometryEngine() } catch { throw InputError.source(error) }
    }

    /// The settlement of feature `i`, or nil when it has no usable location (a problem is recorded).
    mutating func settlement(at i: Int, notes: [Int: String]) -> Settlement? {
        let f = layer.features[i]
        let label = layer.featureLabel(i, idField: roles.id)
        let (location, area) = self.location(f.geometry, note: notes[i], label: label)
        let population = self.population(f, label: label)
        let id = identity(f, index: i, label: label)
        let name = roles.name.flatMap { layer.value(f, $0).text }.flatMap { $0.isEmpty ? nil : $0 } ?? id
        let isCore = roles.core.map { FieldRoles.isTruthy(layer.value(f, $0)) } ?? false
        let isCandidate = roles.coreCandidate.map { FieldRoles.isTruthy(layer.value(f, $0)) } ?? true
        let group = roles.group.flatMap { layer.value(f, $0).text }
        guard let location else { return nil }
        var attributes: [String: String] = [:]
        for (name, k) in keep where k < f.values.count {
            if let t = f.values[k].text?.trimmingCharacters(in: .whitespaces), !t.isEmpty { attributes[name] = t }
        }
        return Settlement(
            sourceIndex: i, id: id, name: name, population: population, location: location, lonLat: location, area: area,
            isDesignatedCore: isCore, isCoreCandidate: isCandidate || isCore, group: group, attributes: attributes)
    }

    private mutating func problem(_ label: String, _ field: String?, _ message: String) {
        problems.append(InputProblem(file: layer.label, feature: label, field: field, message: message))
    }

    /// A point, a polygon's representative point (the polygon repaired when invalid), or a
    /// multipoint's first point.
    mutating func location(_ geometry: Geometry?, note: String?, label: String) -> (XY?, Geometry?) {
        switch geometry {
        case nil:
            problem(label, nil, note ?? "no geometry")
        case let g? where g.isEmpty:
            problem(label, nil, "empty geometry")
        case .point(let p)?:
            return (p, nil)
        case let g? where g.isPolygonal:
            hasPolygons = true
            do {
                var poly = g
                if !(try engine.validity(poly).isValid) {
                    poly = GeometryEngine.polygonal(try engine.makeValid(poly))
                    repaired += 1
                }
                return (try engine.representativePoint(poly), poly)
            } catch {
                problem(label, nil, "unusable polygon: \(error)")
            }
        case .multiPoint(let ps)? where !ps.isEmpty:
            if ps.count > 1 { warnings.append("\(label): multipoint, its first point is used") }
            return (ps[0], nil)
        case let g?:
            problem(label, nil, "a settlement must be a point or a polygon, not a \(g.typeName)")
        }
        return (nil, nil)
    }

    /// A whole, non-negative, finite population (rounded when fractional; 0 when missing and allowed).
    mutating func population(_ f: VectorFeature, label: String) -> Int64 {
        guard let pf = roles.population else { return 0 }
        let v = layer.value(f, pf)
        if v.isNull || v.text?.trimmingCharacters(in: .whitespaces).isEmpty == true {
            if missingPopulationAsZero {
                missingAsZero += 1
            } else {
                problem(label, pf, "population is missing (use «missingPopulationZero» to count it as 0)")
            }
            return 0
        }
        guard let n = v.number else {
            problem(label, pf, "population is not a number ('\(v)')")
            return 0
        }
        if !n.isFinite {
            problem(label, pf, "population is not a finite number (\(v))")
        } else if n < 0 {
            problem(label, pf, "population is negative (\(v))")
        } else if n > 1e12 {
            problem(label, pf, "population is implausibly large (\(v))")
        } else {
            if n != n.rounded() { rounded += 1 }
            return Int64(n.rounded())
        }
        return 0
    }

    /// The id field's value (the 1-based position without an id field), checked to be present and unique.
    mutating func identity(_ f: VectorFeature, index i: Int, label: String) -> String {
        var id = String(i + 1)
        if let idf = roles.id {
            if let t = layer.value(f, idf).text?.trimmingCharacters(in: .whitespaces), !t.isEmpty {
                id = t
            } else {
                problem(label, idf, "id is missing")
            }
        }
        if let first = firstSeen[id] {
            problem(label, roles.id, "duplicate id '\(id)' (also feature \(first + 1))")
        } else {
            firstSeen[id] = i
        }
        return id
    }

    /// Warnings for what was assumed across the layer.
    func summary(file: String) -> [String] {
        var out: [String] = []
        if missingAsZero > 0 { out.append("\(file): \(missingAsZero) settlements without population counted as 0") }
        if rounded > 0 { out.append("\(file): \(rounded) non-integer populations rounded") }
        if repaired > 0 { out.append("\(file): \(repaired) invalid settlement polygons repaired") }
        return out
    }
}
