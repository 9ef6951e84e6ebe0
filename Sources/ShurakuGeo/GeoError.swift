import ShurakuCore

/// What can go wrong in the geometry layer: reading, writing, projecting and geometry operations.
///
/// Every case names the file (and layer) it concerns, so the CLI can print it as it is.
public enum GeoError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist.
    case fileNotFound(path: String)
    /// The file exists but GDAL cannot open it as a vector source.
    case notVector(path: String, reason: String)
    /// The named layer is not in the source.
    case layerNotFound(path: String, layer: String, available: [String])
    /// The source has several layers and none was chosen.
    case ambiguousLayer(path: String, available: [String])
    /// The source or layer has no features.
    case emptyLayer(path: String, layer: String)
    /// Reading failed part-way.
    case readFailed(path: String, reason: String)
    /// Text in the source could not be decoded in the given or detected encoding.
    case encoding(path: String, reason: String)
    /// A CRS could not be understood or a transformation could not be created or applied.
    case crs(String)
    /// A geometry operation failed in GEOS.
    case geometry(operation: String, reason: String)
    /// Writing an output failed.
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .fileNotFound(let p):
            "\(p): no such file"
        case .notVector(let p, let r):
            "\(p): not a readable vector data source (\(r))"
        case .layerNotFound(let p, let l, let a):
            "\(p): no layer '\(l)' (layers: \(a.joined(separator: ", ")))"
        case .ambiguousLayer(let p, let a):
            "\(p): several layers (\(a.joined(separator: ", "))); choose one with \(p):LAYER"
        case .emptyLayer(let p, let l):
            "\(p): layer '\(l)' has no features"
        case .readFailed(let p, let r):
            "\(p): reading failed: \(r)"
        case .encoding(let p, let r):
            "\(p): text encoding problem: \(r)"
        case .crs(let r):
            "coordinate reference system: \(r)"
        case .geometry(let op, let r):
            "geometry operation \(op) failed: \(r)"
        case .writeFailed(let p, let r):
            "\(p): writing failed: \(r)"
        }
    }
}

extension GeoError: ClassifiedError {
    /// A failed write is a failure while running; everything else concerns an input.
    public var failureClass: FailureClass {
        switch self {
        case .writeFailed: .failure
        default: .badInput
        }
    }
}

extension ShurakuError {
    /// A source that could not be read or projected (bad input), or an output that could not be
    /// written (a failure).
    public static func source(_ e: GeoError) -> ShurakuError {
        ShurakuError(e.failureClass, problems: [Problem(file: "", message: e.description)])
    }
}
