extension PlanSettings {
    static let accessGroup = "Access to services"
    static let projectionGroup = "Population projection"

    /// Whether `key` belongs to a group whose input `request` does not give (the access settings
    /// without «facilities», the projection settings without «projections»): `plan.json` leaves
    /// such settings out, so that a plan without them keeps the bytes it had before they existed.
    public static func isUnused(_ key: String, in request: PlanRequest) -> Bool {
        guard let s = setting(key: key) else { return false }
        switch s.group {
        case accessGroup: return request.inputs.facilities == nil
        case projectionGroup: return request.projection.table == nil
        default: return false
        }
    }

    /// Travel times to the nearest facility of each kind, and the population to 2050.
    static let accessSettings: [PlanSetting] = [
        PlanSetting(
            "accessLimitMin", .number(1...600), "MIN",
            "With «facilities»: each settlement's travel time to the nearest facility of each kind is searched up to this; "
                + "farther is marked beyond (access_beyond).",
            default: "60", group: accessGroup,
            read: { num($0.access.limitMinutes) }, write: { r, v in r.access.limitMinutes = number(v) ?? 60 }),
        PlanSetting(
            "accessThresholdMin", .number(1...600), "MIN",
            "People farther than this from a kind count as beyond it (pop_beyond_<kind>, population_beyond_<T>min_<kind>).",
            default: "30", group: accessGroup,
            read: { num($0.access.thresholdMinutes) }, write: { r, v in r.access.thresholdMinutes = number(v) ?? 30 }),
        PlanSetting(
            "projections", .path, "FILE.csv",
            "Municipal population projection (IPSS style: muni_code, pop2020 … pop2050, elderly2050): pop_2025 … pop_2050 "
                + "and viable_until per zone.",
            group: projectionGroup,
            read: { opt($0.projection.table) }, write: { r, v in r.projection.table = text(v) }),
        PlanSetting(
            "municipalityField", .text, "FIELD", "Settlement field with the municipality code.",
            note: "detected: muni_code, city_code, KEY_CODE (first 5 digits), PREF+CITY", group: projectionGroup,
            read: { opt($0.projection.municipalityField) }, write: { r, v in r.projection.municipalityField = text(v) }),
        PlanSetting(
            "municipality", .text, "CODE", "One municipality code (e.g. 17463) for every settlement.", group: projectionGroup,
            read: { opt($0.projection.municipality) }, write: { r, v in r.projection.municipality = text(v) }),
        PlanSetting(
            "previousPopulationField", .text, "FIELD",
            "Settlement field with the census count five years before the population: each settlement follows its own trend "
                + "(calibrated to the municipal totals) instead of keeping today's share.",
            group: projectionGroup,
            read: { opt($0.projection.previousPopulationField) }, write: { r, v in r.projection.previousPopulationField = text(v) }),
        PlanSetting(
            "year", .integer(2020...2050), "YEAR", "Plan with the projected population of this year (2020, 2025, … 2050).",
            group: projectionGroup,
            read: { $0.projection.year.map { .number(Double($0)) } },
            write: { r, v in r.projection.year = number(v).map { Int($0.rounded()) } }),
    ]
}
