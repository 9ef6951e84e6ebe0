import ShurakuCore
import ShurakuGeo

/// The three families of simple-feature geometry a layer's role asks for.
public enum GeometryFamily: String, Sendable, Hashable, CaseIterable {
    case point, line, polygon

    /// The family of `geometry`; nil for a mixed collection.
    public init?(_ geometry: Geometry) {
        switch geometry {
        case .point, .multiPoint: self = .point
        case .lineString, .multiLineString: self = .line
        case .polygon, .multiPolygon: self = .polygon
        case .collection: return nil
        }
    }
}

extension VectorLayer {
    /// Throws when no feature of the layer has a geometry of one of `families`: the layer was
    /// given in the wrong role (e.g. a point layer as roads). The message names the file, what
    /// the role needs and the geometry types found.
    ///
    /// - Parameter role: what the layer should hold, e.g. "settlements must be points or polygons".
    public func requireGeometry(_ families: Set<GeometryFamily>, role: String) throws(InputError) {
        var found: [String: Int] = [:]
        for f in features {
            guard let g = f.geometry, !g.isEmpty else { continue }
            if let family = GeometryFamily(g), families.contains(family) { return }
            found[g.typeName, default: 0] += 1
        }
        let list =
            found.isEmpty
            ? "no geometry at all" : found.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
        throw InputError.invalid([InputProblem(file: label, message: "\(role); this layer holds \(list)")])
    }
}
