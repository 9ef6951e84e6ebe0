import Foundation
import ShurakuGeo

/// Districts as read, with what the user should be told.
public struct LoadedDistricts: Sendable {
    public var districts: [District]
    /// The field that names each district.
    public var nameField: String?
    public var warnings: [String]
}

/// Reads district polygons: repairs invalid ones (with a warning), rejects missing geometry.
public enum DistrictLoader {
    /// Field names recognised as a district's name, in order of preference.
    public static let nameCandidates = ["地区名", "district", "name", "名称", "学校区", "校区", "A32_008", "A27_004", "N03_004"]

    public static func load(_ layer: VectorLayer, into metric: CRS, nameField: String? = nil) throws(InputError) -> LoadedDistricts {
        let file = layer.label
        var chosen: String? = nil
        if let nameField {
            guard let i = layer.fieldIndex(nameField) else {
                throw InputError.invalid([
                    InputProblem(
                        file: file, field: nameField,
                        message: "no such field (given by «districtField»); fields are: \(layer.fields.map(\.name).joined(separator: ", "))"
                    )
                ])
            }
            chosen = layer.fields[i].name
        } else {
            chosen =
                nameCandidates.lazy.compactMap { layer.fieldIndex($0) }.first.map { layer.fields[$0].name }
                ?? layer.fields.first(where: { $0.type == .string })?.name
        }
        let projected: VectorLayer
        do { projected = try layer.projected(to: metric) } catch { throw InputError.source(error) }
        let engine: GeometryEngine
        do { engine = try GeometryEngine() } catch { throw InputError.source(error) }

        var problems: [InputProblem] = []
        var warnings = layer.warnings
        var out: [District] = []
        var names: [String: Int] = [:]
        for (i, f) in projected.features.enumerated() {
            let label = projected.featureLabel(i, idField: chosen)
            guard let g = f.geometry, !g.isEmpty else {
                problems.append(InputProblem(file: file, feature: label, message: f.geometry == nil ? "no geometry" : "empty geometry"))
                continue
            }
            guard g.isPolygonal else {
                problems.append(InputProblem(file: file, feature: label, message: "a district must be a polygon, not a \(g.typeName)"))
                continue
            }
            var area = g
            do {
                let v = try engine.validity(g)
                if !v.isValid {
                    area = GeometryEngine.polygonal(try engine.makeValid(g))
                    let at = v.location.map { String(format: " near %.0f, %.0f", $0.x, $0.y) } ?? ""
                    warnings.append("\(file): \(label): invalid polygon (\(v.reason ?? "invalid")\(at)) repaired")
                }
            } catch {
                problems.append(InputProblem(file: file, feature: label, message: "unusable polygon: \(error)"))
                continue
            }
            var name = chosen.flatMap { projected.value(f, $0).text }.flatMap { $0.isEmpty ? nil : $0 } ?? "district \(i + 1)"
            // Several features with one name (a district in parts) stay separate but keep the name;
            // equal names are how `within` and `whole` group them.
            if names[name] != nil, chosen == nil { name += " (\(i + 1))" }
            names[name, default: 0] += 1
            out.append(District(sourceIndex: i, name: name, area: area))
        }
        guard problems.isEmpty else { throw InputError.invalid(problems) }
        return LoadedDistricts(districts: out, nameField: chosen, warnings: warnings)
    }
}
