import ShurakuGeo

/// One thing wrong with an input, located as precisely as the data allows.
public struct InputProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file (and layer) the problem is in.
    public var file: String
    /// The feature, e.g. "feature 12 (KEY_CODE 174630010)"; nil for file-level problems.
    public var feature: String?
    /// The field, e.g. "JINKO"; nil when no single field is at fault.
    public var field: String?
    public var message: String

    public init(file: String, feature: String? = nil, field: String? = nil, message: String) {
        self.file = file
        self.feature = feature
        self.field = field
        self.message = message
    }

    public var description: String {
        var s = file
        if let feature { s += ": \(feature)" }
        if let field { s += ": field \(field)" }
        return s + ": " + message
    }
}

/// Why inputs cannot be used. The CLI prints it and exits with status 2.
public enum InputError: Error, Sendable, CustomStringConvertible {
    /// A source could not be read or projected.
    case source(GeoError)
    /// The data was read but is not usable; every problem found is listed.
    case invalid([InputProblem])

    public var description: String {
        switch self {
        case .source(let e):
            return e.description
        case .invalid(let ps):
            let shown = ps.prefix(20).map { "  \($0)" }
            let more = ps.count > 20 ? ["  … and \(ps.count - 20) more"] : []
            let head = ps.count == 1 ? "1 problem in the input:" : "\(ps.count) problems in the input:"
            return ([head] + shown + more).joined(separator: "\n")
        }
    }

    /// The problems as a list (a source error becomes one problem).
    public var problems: [InputProblem] {
        switch self {
        case .source(let e): [InputProblem(file: "", message: e.description)]
        case .invalid(let ps): ps
        }
    }
}

extension VectorLayer {
    /// "path" or "path:layer" for messages about a multi-layer source.
    var label: String {
        ["GPKG", "OSM", "SQLite"].contains(driver) ? "\(path):\(name)" : path
    }

    /// "feature 12 (KEY_CODE 174630010)": 1-based position, plus the id value when known.
    func featureLabel(_ index: Int, idField: String?) -> String {
        var s = "feature \(index + 1)"
        if let idField, index < features.count, let v = value(features[index], idField).text, !v.isEmpty {
            s += " (\(idField) \(v))"
        }
        return s
    }
}
