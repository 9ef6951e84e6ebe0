import Foundation
import ShurakuGeo
import ShurakuInput

/// Which district each settlement is in, by point-in-polygon.
///
/// District features that share a name are one district (a district drawn in several parts).
/// A settlement just outside every district (within `toleranceMeters`) joins the nearest one
/// with a warning; farther out, or inside two differently named districts, it is a problem.
public struct DistrictMembership: Sendable {
    /// District names, in order of first appearance.
    public let names: [String]
    /// For each settlement, the index into `names`.
    public let district: [Int]
    public let warnings: [String]

    public static func assign(
        _ settlements: [Settlement], to districts: LoadedDistricts, file: String, toleranceMeters: Double
    ) throws(InputError) -> DistrictMembership {
        var names: [String] = []
        var nameIndex: [String: Int] = [:]
        let featureName: [Int] = districts.districts.map { d in
            if let i = nameIndex[d.name] { return i }
            nameIndex[d.name] = names.count
            names.append(d.name)
            return names.count - 1
        }
        let index: SpatialIndex
        do { index = try SpatialIndex(districts.districts.map(\.area)) } catch { throw InputError.source(error) }
        var out = [Int](repeating: -1, count: settlements.count)
        var problems: [InputProblem] = []
        var warnings: [String] = []
        for (i, s) in settlements.enumerated() {
            let label = "settlement \(s.id) (\(s.name))"
            do {
                let hits = Set(try index.covering(s.location).map { featureName[$0] })
                if hits.count == 1, let d = hits.first {
                    out[i] = d
                } else if hits.count > 1 {
                    let ds = hits.sorted().map { names[$0] }.joined(separator: ", ")
                    problems.append(InputProblem(file: file, feature: label, message: "lies in overlapping districts: \(ds)"))
                } else if let near = try index.nearest(to: s.location, maxDistance: toleranceMeters) {
                    out[i] = featureName[near.index]
                    warnings.append(
                        String(
                            format: "%@ is %.0f m outside every district: joined the nearest, %@", label, near.distance,
                            names[featureName[near.index]]))
                } else {
                    let near = try index.nearest(to: s.location)
                    let hint = near.map { String(format: " (nearest: %@, %.0f m away)", names[featureName[$0.index]], $0.distance) } ?? ""
                    problems.append(
                        InputProblem(
                            file: file, feature: label,
                            message: "lies outside every district\(hint); raise «districtTolerance» or fix the districts"))
                }
            } catch {
                throw InputError.source(error)
            }
        }
        guard problems.isEmpty else { throw InputError.invalid(problems) }
        return DistrictMembership(names: names, district: out, warnings: warnings)
    }
}
