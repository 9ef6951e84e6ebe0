import ShurakuCore
import ShurakuGeo

/// Inputs that cannot be used: the library's one error shape, ``/ShurakuCore/ShurakuError``, of
/// class ``/ShurakuCore/FailureClass/badInput`` (exit status 2 on the command line).
public typealias InputError = ShurakuError

/// One thing wrong with an input, located by file, feature, field and value.
public typealias InputProblem = Problem

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
