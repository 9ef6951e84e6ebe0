/// OSM layers: OGR keeps most tags in one `other_tags` text field. Spread its keys into fields of
/// their own so that `oneway`, `maxspeed`, `population`… read like any other attribute.
///
/// Fields are dense (one value per feature), and a large extract holds thousands of distinct
/// tags, most on a handful of features: spreading them all would need features × tags values.
/// So the tags named in `always` are spread, and of the others the most frequent, as many as
/// fit `cellBudget` values; the rest stay readable in `other_tags`, and a warning says so.
enum OSMFlattening {
    static func flattenOtherTags(_ layer: inout VectorLayer, always: Set<String> = [], cellBudget: Int = .max) {
        guard let oi = layer.fieldIndex("other_tags") else { return }
        var parsed: [[(String, String)]] = []
        parsed.reserveCapacity(layer.features.count)
        var count: [String: Int] = [:]
        let existing = Set(layer.fields.map(\.name))
        for f in layer.features {
            let pairs = oi < f.values.count ? OSMTags.parse(f.values[oi].text ?? "") : []
            for (k, _) in pairs where !existing.contains(k) { count[k, default: 0] += 1 }
            parsed.append(pairs)
        }
        guard !count.isEmpty else { return }
        let wanted = Set(always.map { $0.lowercased() })
        var keys = count.keys.filter { wanted.contains($0.lowercased()) }
        let byFrequency = count.filter { !wanted.contains($0.key.lowercased()) }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let room = max(0, cellBudget / max(1, layer.features.count) - keys.count)
        keys += byFrequency.prefix(room).map(\.key)
        if byFrequency.count > room {
            layer.warnings.append(
                "\(byFrequency.count - room) of the \(count.count) OSM tags of layer '\(layer.name)' (the rarest) are "
                    + "left in other_tags: too many to give each of the \(layer.features.count) features a field for all")
        }
        keys.sort()
        let base = layer.fields.count
        var position: [String: Int] = [:]
        for (j, k) in keys.enumerated() { position[k] = base + j }
        layer.fields += keys.map { FieldInfo(name: $0, type: .string) }
        for i in layer.features.indices {
            var values = layer.features[i].values
            values += Array(repeating: FieldValue.null, count: keys.count)
            for (k, v) in parsed[i] {
                if let p = position[k] { values[p] = .string(v) }
            }
            layer.features[i].values = values
        }
    }
}
