/// OSM layers: OGR keeps most tags in one `other_tags` text field. Spread its keys into fields of
/// their own so that `oneway`, `maxspeed`, `population`… read like any other attribute.
enum OSMFlattening {
    static func flattenOtherTags(_ layer: inout VectorLayer) {
        guard let oi = layer.fieldIndex("other_tags") else { return }
        var parsed: [[(String, String)]] = []
        parsed.reserveCapacity(layer.features.count)
        var newKeys: [String] = []
        var seen = Set(layer.fields.map(\.name))
        for f in layer.features {
            let pairs = oi < f.values.count ? OSMTags.parse(f.values[oi].text ?? "") : []
            for (k, _) in pairs where !seen.contains(k) {
                seen.insert(k)
                newKeys.append(k)
            }
            parsed.append(pairs)
        }
        guard !newKeys.isEmpty else { return }
        newKeys.sort()
        let base = layer.fields.count
        var position: [String: Int] = [:]
        for (j, k) in newKeys.enumerated() { position[k] = base + j }
        layer.fields += newKeys.map { FieldInfo(name: $0, type: .string) }
        for i in layer.features.indices {
            var values = layer.features[i].values
            values += Array(repeating: FieldValue.null, count: newKeys.count)
            for (k, v) in parsed[i] {
                if let p = position[k] { values[p] = .string(v) }
            }
            layer.features[i].values = values
        }
    }
}
