import ShurakuInput

/// Facilities counted per zone, by kind.
public enum FacilityTally {
    /// Counts by kind per zone: `zoneOf[i]` is facility `i`'s zone in `0..<zoneCount`, or nil
    /// when it is in none (such facilities, and out-of-range zones, are not counted).
    public static func byZone(_ facilities: [Facility], zoneOf: [Int?], zoneCount: Int) -> [[FacilityKind: Int]] {
        var out = Array(repeating: [FacilityKind: Int](), count: max(0, zoneCount))
        for (i, f) in facilities.enumerated() where i < zoneOf.count {
            guard let z = zoneOf[i], z >= 0, z < out.count else { continue }
            out[z][f.kind, default: 0] += 1
        }
        return out
    }

    /// The counts in words, in kind order: "学校 2, 診療所 3, 公民館・集会所 12"; empty when none.
    public static func summary(_ counts: [FacilityKind: Int]) -> String {
        FacilityKind.allCases.compactMap { k in
            guard let n = counts[k], n > 0 else { return nil }
            return "\(k.label) \(n)"
        }.joined(separator: ", ")
    }
}
