/// A simple-features geometry as a plain value.
///
/// Coordinates are in whatever CRS the owner says (see `CRS` in ShurakuGeo); polygons list their exterior
/// ring first, then holes, each ring closed (first point repeated at the end).
public enum Geometry: Hashable, Sendable {
    case point(XY)
    case lineString([XY])
    case polygon([[XY]])
    case multiPoint([XY])
    case multiLineString([[XY]])
    case multiPolygon([[[XY]]])
    case collection([Geometry])

    /// The empty geometry (an empty collection).
    public static let empty = Geometry.collection([])

    /// OGC type name, as `inspect` and error messages print it.
    public var typeName: String {
        switch self {
        case .point: "Point"
        case .lineString: "LineString"
        case .polygon: "Polygon"
        case .multiPoint: "MultiPoint"
        case .multiLineString: "MultiLineString"
        case .multiPolygon: "MultiPolygon"
        case .collection: "GeometryCollection"
        }
    }

    /// Whether the geometry holds no coordinates at all.
    public var isEmpty: Bool {
        switch self {
        case .point: false
        case .lineString(let c), .multiPoint(let c): c.isEmpty
        case .polygon(let rings): rings.first?.isEmpty ?? true
        case .multiLineString(let ls): ls.allSatisfy(\.isEmpty)
        case .multiPolygon(let ps): ps.allSatisfy { $0.first?.isEmpty ?? true }
        case .collection(let gs): gs.allSatisfy(\.isEmpty)
        }
    }

    /// Every coordinate, in order.
    public var coordinates: [XY] {
        switch self {
        case .point(let p): [p]
        case .lineString(let c), .multiPoint(let c): c
        case .polygon(let rings): rings.flatMap { $0 }
        case .multiLineString(let ls): ls.flatMap { $0 }
        case .multiPolygon(let ps): ps.flatMap { $0.flatMap { $0 } }
        case .collection(let gs): gs.flatMap(\.coordinates)
        }
    }

    /// The bounding box, or nil when empty.
    public var envelope: Envelope? { Envelope(covering: coordinates) }

    /// Whether the geometry is areal (Polygon or MultiPolygon).
    public var isPolygonal: Bool {
        switch self {
        case .polygon, .multiPolygon: true
        default: false
        }
    }

    /// The line parts of a (Multi)LineString (or of the lines inside a collection).
    public var lineParts: [[XY]] {
        switch self {
        case .lineString(let c): [c]
        case .multiLineString(let ls): ls
        case .collection(let gs): gs.flatMap(\.lineParts)
        default: []
        }
    }

    /// The polygons of a (Multi)Polygon (or of the polygons inside a collection).
    public var polygonParts: [[[XY]]] {
        switch self {
        case .polygon(let rings): [rings]
        case .multiPolygon(let ps): ps
        case .collection(let gs): gs.flatMap(\.polygonParts)
        default: []
        }
    }

    /// The same geometry with every coordinate passed through `f`.
    public func mapCoordinates(_ f: (XY) throws -> XY) rethrows -> Geometry {
        switch self {
        case .point(let p): return .point(try f(p))
        case .lineString(let c): return .lineString(try c.map(f))
        case .multiPoint(let c): return .multiPoint(try c.map(f))
        case .polygon(let rings): return .polygon(try rings.map { try $0.map(f) })
        case .multiLineString(let ls): return .multiLineString(try ls.map { try $0.map(f) })
        case .multiPolygon(let ps): return .multiPolygon(try ps.map { try $0.map { try $0.map(f) } })
        case .collection(let gs): return .collection(try gs.map { try $0.mapCoordinates(f) })
        }
    }
}
