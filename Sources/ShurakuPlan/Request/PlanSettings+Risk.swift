extension PlanSettings {
    static let risk = "Cut-off risk"

    static let riskSettings: [PlanSetting] = [
        PlanSetting(
            "closedRoads", .path, "SRC",
            "Lines or polygons (e.g. landslide warning areas): every road piece they touch (lines: within «snapTolerance») "
                + "is closed; the zones are planned on the open roads, then members with no road left to their core are unserved.",
            group: risk,
            read: { opt($0.risk.closedRoads) }, write: { r, v in r.risk.closedRoads = text(v) }),
        PlanSetting(
            "droneRangeKm", .number(0.1...1000), "KM",
            "Drone reach from each core (drone_min, range rings): one-way range. No default: no published drone specification is assumed, so give all three drone settings from your drone's data sheet.",
            group: risk,
            read: { $0.risk.droneRangeKm.map(num) }, write: { r, v in r.risk.droneRangeKm = number(v) }),
        PlanSetting(
            "droneSpeedKmh", .number(1...500), "KMH", "Drone cruise speed. No default.", group: risk,
            read: { $0.risk.droneSpeedKmh.map(num) }, write: { r, v in r.risk.droneSpeedKmh = number(v) }),
        PlanSetting(
            "droneOverheadMin", .number(0...600), "MIN", "Minutes of take-off, landing and hand-over per flight. No default.",
            group: risk,
            read: { $0.risk.droneOverheadMin.map(num) }, write: { r, v in r.risk.droneOverheadMin = number(v) }),
    ]
}
