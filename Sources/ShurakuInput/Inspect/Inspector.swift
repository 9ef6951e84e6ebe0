import ShurakuGeo

/// Builds an ``Inspection`` of any vector source.
public enum Inspector {
    /// Reads every layer of `path` (or the one `path:layer` names) and reports on it.
    /// Throws for a missing or unreadable file, and when there is nothing at all to inspect.
    /// `roadCheck` is asked about every layer holding lines (the road-data check lives with the
    /// road graph, which this module does not see).
    public static func inspect(
        _ spec: SourceSpec, options: ReadOptions = ReadOptions(), roles given: FieldRoles = FieldRoles(),
        roadCheck: (VectorLayer) throws(InputError) -> Inspection.RoadData? = { _ in nil }
    ) throws(InputError) -> Inspection {
        let layers: [VectorLayer]
        do {
            if spec.layer != nil {
                layers = [try VectorReader.read(spec, options: options, allowEmpty: true)]
            } else {
                layers = try VectorReader.readAll(spec.path, options: options)
            }
        } catch {
            throw InputError.source(error)
        }
        if layers.isEmpty || layers.allSatisfy({ $0.features.isEmpty }) {
            throw InputError.source(.emptyLayer(path: spec.path, layer: layers.map(\.name).joined(separator: ", ")))
        }
        var out: [Inspection.Layer] = []
        for l in layers {
            var layer = try inspectLayer(l, given: given)
            if layer.geometryTypes.keys.contains(where: { $0.contains("LineString") }) { layer.roads = try roadCheck(l) }
            out.append(layer)
        }
        return Inspection(path: spec.description, layers: out)
    }

    private static func inspectLayer(_ l: VectorLayer, given: FieldRoles) throws(InputError) -> Inspection.Layer {
        let roles = try FieldRoles.detect(in: l, given: given)
        var problems: [String] = []
        var types: [String: Int] = [:]
        let engine: GeometryEngine
        do { engine = try GeometryEngine() } catch { throw InputError.source(error) }

        var nullGeoms: [String] = []
        var emptyGeoms: [String] = []
        var invalid: [String] = []
        for (i, f) in l.features.enumerated() {
            guard let g = f.geometry else {
                nullGeoms.append(l.featureLabel(i, idField: roles.id) + (l.geometryNotes[i].map { ": \($0)" } ?? ""))
                continue
            }
            types[g.typeName, default: 0] += 1
            if g.isEmpty {
                emptyGeoms.append(l.featureLabel(i, idField: roles.id))
            } else if g.isPolygonal, let v = try? engine.validity(g), !v.isValid {
                invalid.append("\(l.featureLabel(i, idField: roles.id)): \(v.reason ?? "invalid")")
            }
        }
        if l.features.isEmpty { problems.append("the layer is empty") }
        problems += nullGeoms.map { "\($0): no geometry" }
        problems += emptyGeoms.map { "\($0): empty geometry" }
        problems += invalid.map { "\($0) (repairable: plan repairs it with a warning)" }

        if let idf = roles.id {
            var seen: [String: Int] = [:]
            for (i, f) in l.features.enumerated() {
                guard let v = l.value(f, idf).text else {
                    problems.append("\(l.featureLabel(i, idField: nil)): field \(idf): id is missing")
                    continue
                }
                if let first = seen[v] {
                    problems.append("\(l.featureLabel(i, idField: idf)): field \(idf): duplicate id (also feature \(first + 1))")
                } else {
                    seen[v] = i
                }
            }
        }
        var total: Double? = nil
        if let pf = roles.population {
            var sum = 0.0
            for (i, f) in l.features.enumerated() {
                let v = l.value(f, pf)
                let label = l.featureLabel(i, idField: roles.id)
                if v.isNull || v.text?.isEmpty == true {
                    problems.append("\(label): field \(pf): population is missing")
                } else if let n = v.number, n.isFinite {
                    if n < 0 { problems.append("\(label): field \(pf): population is negative (\(v))") } else { sum += n }
                } else {
                    problems.append("\(label): field \(pf): population is not a number ('\(v)')")
                }
            }
            total = sum
        }

        var extent: [Double]? = nil
        if let crs = l.crs, let env = l.envelope {
            if let t = try? CoordinateTransformer(from: crs, to: .lonLat),
                let a = try? t.apply(XY(env.minX, env.minY)), let b = try? t.apply(XY(env.maxX, env.maxY))
            {
                extent = [min(a.x, b.x), min(a.y, b.y), max(a.x, b.x), max(a.y, b.y)]
            }
        }
        let fields = l.fields.map { Inspection.Field(name: $0.name, type: $0.type.rawValue, role: roles.role(of: $0.name)) }
        return Inspection.Layer(
            name: l.name, driver: l.driver, geometryTypes: types, crs: l.crs?.description, encoding: l.encoding,
            featureCount: l.features.count, extentLonLat: extent, fields: fields, populationField: roles.population,
            populationTotal: total, problems: problems, notes: l.warnings)
    }
}
