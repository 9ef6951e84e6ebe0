/// Whether OSM access tags let a private car drive a way.
///
/// The most specific of `motorcar`, `motor_vehicle`, `vehicle` and `access` that is present
/// decides (so `access=no` with `motor_vehicle=yes` is open). Ways that are `no`, `private`,
/// reserved to farm, forestry, emergency or public-service vehicles, or military are closed, as
/// in common car routing profiles; `destination`, `delivery`, `customers`, `permissive` and
/// `designated` stay open. Of a `;` list the first value counts; `:conditional` tags are not read.
enum AccessTags {
    /// Tags read, most specific first.
    static let keys = ["motorcar", "motor_vehicle", "vehicle", "access"]
    static let closedValues: Set<String> = ["no", "private", "agricultural", "forestry", "emergency", "psv", "bus", "military"]

    /// False when the tags close the way to cars; true when they allow it or say nothing.
    static func openToCars(_ p: [String: String]) -> Bool {
        for key in keys {
            guard let raw = p[key] else { continue }
            let value = raw.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
            let v = value.trimmingCharacters(in: .whitespaces).lowercased()
            if v.isEmpty { continue }
            return !closedValues.contains(v)
        }
        return true
    }
}
