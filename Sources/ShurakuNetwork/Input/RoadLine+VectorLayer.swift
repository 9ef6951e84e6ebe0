import ShurakuCore
import ShurakuGeo

extension RoadLine {
    /// Attribute names the builder reads besides the speed table's class fields.
    public static let directionAndSpeedKeys = ["highway", "oneway", "junction", "maxspeed"] + AccessTags.keys

    /// Every attribute the graph builder reads with `speeds`: its class fields and
    /// ``directionAndSpeedKeys`` and the grade-separation tags ``GradeSeparation/keys`` (an OSM
    /// reader spreads these tags into fields).
    public static func attributeKeys(for speeds: SpeedTable) -> [String] {
        speeds.classFields + directionAndSpeedKeys + GradeSeparation.keys
    }

    /// Fields that name a line in reports, the first found of each list: an id, then a name.
    public static let labelFields = (id: ["osm_id", "id", "ID", "fid"], name: ["name", "route_name", "名称", "路線名"])

    /// Road lines from a layer already in a metric CRS: one line per (Multi)LineString part, with
    /// the attributes the builder reads (`keys`, by default ``attributeKeys(for:)``) as text, and
    /// a label from ``labelFields`` (else the feature's fid). Features without line geometry are
    /// skipped.
    public static func lines(from layer: VectorLayer, keys: [String]? = nil, speeds: SpeedTable = .standard)
        throws(NetworkError) -> [RoadLine]
    {
        if let crs = layer.crs, !crs.isMetric {
            throw .invalidOption(name: "roads", reason: "\(layer.path): layer '\(layer.name)' is not in a metric CRS (\(crs))")
        }
        let wanted = keys ?? attributeKeys(for: speeds)
        let columns: [(String, Int)] = Array(Set(wanted)).sorted().compactMap { k in layer.fieldIndex(k).map { (k, $0) } }
        let idField = labelFields.id.first { layer.fieldIndex($0) != nil }
        let nameField = labelFields.name.first { layer.fieldIndex($0) != nil }
        var out: [RoadLine] = []
        out.reserveCapacity(layer.features.count)
        for f in layer.features {
            guard let g = f.geometry else { continue }
            let parts = g.lineParts
            if parts.isEmpty { continue }
            var props: [String: String] = [:]
            for (k, i) in columns where i < f.values.count {
                if let t = f.values[i].text { props[k] = t }
            }
            var label = idField.flatMap { k in layer.value(f, k).text.map { "\(k) \($0)" } } ?? "fid \(f.fid)"
            if let k = nameField, let name = layer.value(f, k).text, !name.isEmpty { label += " (\(name))" }
            for p in parts where !p.isEmpty { out.append(RoadLine(points: p, properties: props, label: label)) }
        }
        return out
    }
}

/// Reading a road layer from any source OGR reads (GeoJSON, GeoPackage, Shapefile, OSM PBF…).
public enum RoadSource {
    /// Read `spec` (the `lines` layer of a multi-layer source such as OSM PBF unless one is named),
    /// project it to `metric`, and turn it into road lines.
    public static func read(
        _ spec: SourceSpec, metric: CRS, speeds: SpeedTable = .standard,
        options: ReadOptions = ReadOptions(defaultLayer: "lines")
    ) throws(NetworkError) -> [RoadLine] {
        let layer: VectorLayer
        var options = options
        options.osmKeys.formUnion(RoadLine.attributeKeys(for: speeds))
        do {
            layer = try VectorReader.read(spec, options: options).projected(to: metric)
        } catch {
            throw .source(error)
        }
        return try RoadLine.lines(from: layer, speeds: speeds)
    }
}
