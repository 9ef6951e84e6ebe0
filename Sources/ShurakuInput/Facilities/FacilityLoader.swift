import Foundation
import ShurakuGeo

/// Turns a layer of facilities (points of services) into ``Facility`` values in a metric CRS.
///
/// Kinds come from a kind field, 国土数値情報 codes or OSM tags (see the detector's notes in
/// `FacilityKindDetector.swift`); unrecognised kinds count as ``FacilityKind/other``. Closed
/// facilities (a truthy `closed` field, or a name beginning with 旧 or holding 跡) and those an
/// exclusion matches are left out, and a note says which.
public enum FacilityLoader {
    /// Field names recognised as a facility's kind, in order of preference.
    public static let kindFieldCandidates = FacilityKindDetector.kindFieldCandidates
    /// Field names recognised as a facility's name, in order of preference.
    public static let nameCandidates = [
        "name", "名称", "施設名", "施設・場所名", "P04_002", "medicalInstitutionName", "P04:medicalInstitutionName",
    ]
    /// Field names recognised as a facility's id, in order of preference.
    public static let idCandidates = ["id", "facility_id", "source_id", "osm_id", "gml_id"]
    /// OSM keys the kind detection reads.
    public static let osmKeys = ["amenity", "shop", "healthcare", "townhall:type"]
    /// The field giving a finer kind.
    public static let subkindField = "subkind"
    /// The field whose truthy values mark closed facilities.
    public static let closedField = "closed"

    /// Reads `source` and loads its facilities. Without a layer name, an OSM source's `points`
    /// and `multipolygons` layers are both read (schools and hospitals are often mapped as areas).
    public static func load(
        _ source: SourceSpec, into metric: CRS, options: FacilityOptions = FacilityOptions(),
        read: ReadOptions = ReadOptions()
    ) throws(InputError) -> LoadedFacilities {
        var o = read
        o.defaultLayer = o.defaultLayer ?? "points"
        o.osmKeys.formUnion(options.fieldNames)
        do {
            let names = try VectorReader.layerNames(source.path, options: o)
            if source.layer == nil, names.contains("points"), names.contains("multipolygons") {
                let points = try VectorReader.read(SourceSpec(path: source.path, layer: "points"), options: o, allowEmpty: true)
                let areas = try VectorReader.read(
                    SourceSpec(path: source.path, layer: "multipolygons"), options: o, allowEmpty: true)
                guard !points.features.isEmpty || !areas.features.isEmpty else {
                    throw InputError.source(GeoError.emptyLayer(path: source.path, layer: "points, multipolygons"))
                }
                var merged = LoadedFacilities(facilities: [])
                var offset = 0
                for layer in [points, areas] where !layer.features.isEmpty {
                    var part = try load(layer, into: metric, options: options)
                    for i in part.facilities.indices { part.facilities[i].sourceIndex += offset }
                    for i in part.closed.indices { part.closed[i].sourceIndex += offset }
                    for i in part.excluded.indices { part.excluded[i].sourceIndex += offset }
                    offset += layer.features.count
                    merged.facilities += part.facilities
                    merged.closed += part.closed
                    merged.excluded += part.excluded
                    merged.kindSources += part.kindSources.filter { !merged.kindSources.contains($0) }
                    merged.notes += part.notes
                    merged.warnings += part.warnings
                }
                return merged
            }
            return try load(try VectorReader.read(source, options: o), into: metric, options: options)
        } catch let e as InputError {
            throw e
        } catch let e as GeoError {
            throw InputError.source(e)
        } catch {
            throw InputError.invalid([InputProblem(file: source.path, message: "\(error)")])
        }
    }

    /// Validates every feature and collects every problem before failing.
    public static func load(_ layer: VectorLayer, into metric: CRS, options: FacilityOptions = FacilityOptions())
        throws(InputError) -> LoadedFacilities
    {
        let file = layer.label
        var problems: [InputProblem] = []
        func given(_ name: String?, _ option: String) -> Int? {
            guard let name else { return nil }
            guard let i = layer.fieldIndex(name) else {
                problems.append(
                    InputProblem(
                        file: file, field: name,
                        message: "no such field (given by \(option)); fields are: \(layer.fields.map(\.name).joined(separator: ", "))"))
                return nil
            }
            return i
        }
        let kindIndex =
            options.kindField == nil
            ? kindFieldCandidates.lazy.compactMap { layer.fieldIndex($0) }.first
            : given(options.kindField, "--facility-kind-field")
        let nameIndex =
            options.nameField == nil
            ? nameCandidates.lazy.compactMap { layer.fieldIndex($0) }.first
            : given(options.nameField, "--facility-name-field")
        let exclusionIndex = options.exclusions.map { given($0.field, "--facility-exclude") }
        guard problems.isEmpty else { throw InputError.invalid(problems) }
        let idIndex = idCandidates.lazy.compactMap { layer.fieldIndex($0) }.first
        let closedIndex = layer.fieldIndex(closedField)
        let idField = idIndex.map { layer.fields[$0].name }

        try layer.requireGeometry([.point, .polygon], role: "facilities must be points or polygons")

        // Projected feature by feature: an OSM layer's untagged features are skipped unprojected.
        guard let sourceCRS = layer.crs else {
            throw InputError.source(GeoError.crs("\(layer.path): layer '\(layer.name)' has no CRS; give one (e.g. --source-crs EPSG:6674)"))
        }
        let transformer: CoordinateTransformer?
        do {
            transformer = sourceCRS == metric ? nil : try CoordinateTransformer(from: sourceCRS, to: metric)
        } catch {
            throw InputError.source(error)
        }
        let engine: GeometryEngine
        do { engine = try GeometryEngine() } catch { throw InputError.source(error) }

        let detector = FacilityKindDetector(layer: layer, kindField: kindIndex)
        var keep: [(name: String, index: Int)] = []
        var keepNames = options.keepFields.union(options.exclusions.map(\.field))
        keepNames.formUnion([subkindField, closedField] + osmKeys)
        if let kindIndex { keepNames.insert(layer.fields[kindIndex].name) }
        for n in keepNames.sorted() {
            if let i = layer.fieldIndex(n) { keep.append((layer.fields[i].name, i)) }
        }

        var out: [Facility] = []
        var closed: [LeftOutFacility] = []
        var excluded: [LeftOutFacility] = []
        var warnings = layer.warnings
        var sources: [FacilityKindDetector.Source: Int] = [:]
        var unknown: [String: Int] = [:]
        var repaired = 0
        var polygons = 0
        var recognised = 0
        var firstUnknown: String?
        let isOSM = layer.driver == "OSM"
        var untagged = 0
        for (i, f) in layer.features.enumerated() {
            let label = layer.featureLabel(i, idField: idField)
            func text(_ index: Int?) -> String? {
                guard let index, index < f.values.count,
                    let t = f.values[index].text?.trimmingCharacters(in: .whitespaces), !t.isEmpty
                else { return nil }
                return t
            }
            let id = text(idIndex) ?? String(i + 1)
            let rawName = text(nameIndex)
            let found = detector.detect(f, name: rawName ?? "")
            // An OSM layer holds every tagged node or area: only those with a service tag are facilities.
            if isOSM, found.source == .none {
                untagged += 1
                continue
            }
            var geometry = f.geometry
            if let transformer, let g = geometry {
                do {
                    geometry = try transformer.apply(g)
                } catch {
                    problems.append(InputProblem(file: file, feature: label, message: "cannot be projected: \(error)"))
                    continue
                }
            }
            var location: XY? = nil
            switch geometry {
            case nil:
                problems.append(InputProblem(file: file, feature: label, message: layer.geometryNotes[i] ?? "no geometry"))
            case let g? where g.isEmpty:
                problems.append(InputProblem(file: file, feature: label, message: "empty geometry"))
            case .point(let p)?:
                location = p
            case .multiPoint(let ps)?:
                location = ps.first
                if ps.count > 1 { warnings.append("\(file): \(label): multipoint, its first point is used") }
            case let g? where g.isPolygonal:
                do {
                    var poly = g
                    if !(try engine.validity(poly).isValid) {
                        poly = GeometryEngine.polygonal(try engine.makeValid(poly))
                        repaired += 1
                    }
                    location = try engine.representativePoint(poly)
                    polygons += 1
                } catch {
                    problems.append(InputProblem(file: file, feature: label, message: "unusable polygon: \(error)"))
                }
            case let g?:
                problems.append(
                    InputProblem(
                        file: file, feature: label, message: "a facility must be a point or a polygon, not a \(g.typeName)"))
            }
            guard let location else { continue }

            let name = rawName ?? "\(found.kind.label) \(id)"
            sources[found.source, default: 0] += 1
            if let u = found.unknownValue {
                unknown[u, default: 0] += 1
                if firstUnknown == nil { firstUnknown = label }
            }
            if found.kind != .other { recognised += 1 }

            let isClosed = closedIndex.map { FieldRoles.isTruthy(f.values.indices.contains($0) ? f.values[$0] : .null) } ?? false
            if isClosed || Self.nameMeansClosed(rawName) {
                closed.append(LeftOutFacility(sourceIndex: i, name: name, kind: found.kind, reason: "closed"))
                continue
            }
            if let hit = options.exclusions.indices.first(where: { j in
                text(exclusionIndex[j]).map { options.exclusions[j].values.contains($0) } ?? false
            }) {
                let rule = options.exclusions[hit]
                let value = text(exclusionIndex[hit]) ?? ""
                excluded.append(LeftOutFacility(sourceIndex: i, name: name, kind: found.kind, reason: "\(rule.field)=\(value)"))
                continue
            }
            var attributes: [String: String] = [:]
            for (n, j) in keep { if let t = text(j) { attributes[n] = t } }
            out.append(
                Facility(
                    sourceIndex: i, id: id, name: name, kind: found.kind, subkind: found.subkind, location: location,
                    lonLat: location, attributes: attributes))
        }
        // A kind field none of whose values is a kind is the wrong field (or a code list), not a
        // layer of "other" facilities: refuse it rather than score every core without services.
        if let kindIndex, recognised == 0, !unknown.isEmpty {
            let field = layer.fields[kindIndex]
            let values = unknown.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(5).map(\.key)
            let numeric = field.type == .integer || field.type == .real
            problems.append(
                InputProblem(
                    file: file, feature: firstUnknown, field: field.name,
                    message: "no value is a facility kind (\(values.joined(separator: ", "))\(unknown.count > 5 ? ", …" : ""))"
                        + (numeric ? "; the field is numeric (\(field.type.rawValue)), a code list?" : "")
                        + "; kinds are \(FacilityKind.allCases.filter { $0 != .other }.map(\.rawValue).joined(separator: ", ")) "
                        + "or their Japanese names; name the text field with --facility-kind-field"))
        }
        guard problems.isEmpty else { throw InputError.invalid(problems) }

        do {
            var lonLat = out.map(\.location)
            try CoordinateTransformer(from: metric, to: .lonLat).apply(&lonLat)
            for i in out.indices { out[i].lonLat = lonLat[i] }
        } catch {
            throw InputError.source(error)
        }

        var notes: [String] = []
        if !closed.isEmpty {
            notes.append(
                "\(file): \(closed.count) closed \(closed.count == 1 ? "facility" : "facilities") left out "
                    + "(field \(closedField), or a name with 旧 or 跡): \(listed(closed.map(\.name)))")
        }
        for rule in options.exclusions {
            let hits = excluded.filter { $0.reason.hasPrefix(rule.field + "=") }
            guard !hits.isEmpty else { continue }
            notes.append(
                "\(file): \(hits.count) \(hits.count == 1 ? "facility" : "facilities") left out by \(rule): "
                    + listed(hits.map(\.name)))
        }
        if !unknown.isEmpty {
            let values = unknown.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\($0.key) (\($0.value))" }
            notes.append("\(file): kinds not recognised, counted as other: \(listed(values))")
        }
        if sources[.none] == out.count + closed.count + excluded.count, !out.isEmpty {
            warnings.append(
                "\(file): no kind field (looked for \(kindFieldCandidates.joined(separator: ", "))), "
                    + "国土数値情報 codes or OSM tags: every facility counts as other; name the field with --facility-kind-field")
        }
        if untagged > 0 {
            notes.append("\(file): \(untagged) OSM features without an amenity, shop or healthcare tag skipped")
        }
        if polygons > 0 {
            notes.append("\(file): \(polygons) \(polygons == 1 ? "polygon" : "polygons") reduced to a point inside each")
        }
        if repaired > 0 { warnings.append("\(file): \(repaired) invalid facility polygons repaired") }
        let kindSources = sources.keys.filter { $0 != .none }.map(detector.describe).sorted()
        return LoadedFacilities(
            facilities: out, closed: closed, excluded: excluded, kindSources: kindSources, notes: notes, warnings: warnings)
    }

    /// Whether a name says the facility is gone: it begins with 旧 (former) or holds 跡 (site of).
    public static func nameMeansClosed(_ name: String?) -> Bool {
        guard let n = name?.trimmingCharacters(in: .whitespaces) else { return false }
        return n.hasPrefix("旧") || n.contains("跡")
    }

    private static func listed(_ names: [String], limit: Int = 10) -> String {
        let shown = names.prefix(limit).joined(separator: ", ")
        return names.count > limit ? "\(shown), … and \(names.count - limit) more" : shown
    }
}
