import ShurakuCore
import ShurakuInput
import ShurakuPlan

/// Access to services and population to 2050 in `plan.json`: metrics, each zone's figures, and
/// the `access` and `projection` members saying how they were computed. Nothing is added to a
/// plan without facilities or projections.
extension PlanWriter {
    /// The 無医地区 rule as the plan applies it, and what it leaves to the planner.
    static let muuiDefinition =
        "muui_chiku (無医地区-style): at least 50 people live within 4 km (straight line, geodesic) of the settlement, "
        + "itself included, and no clinic or hospital (dental clinics not counted) lies within 4 km. MHLW's definition also "
        + "requires that a medical institution cannot easily be reached by public transport: check that part by hand"

    static let shopDefinition =
        "beyond_500m_shop / population_beyond_500m_shop: people whose settlement point is farther than 500 m (straight line) "
        + "from the nearest shop, MAFF's 食料品アクセス distance. An upper bound of the people with poor food access: "
        + "the data has no ages or car ownership, and a settlement's people are placed at its point"

    /// `metrics` entries: per kind the people beyond the threshold, the 無医地区 counts and the shop figure.
    static func accessMetrics(_ plan: Plan) -> [String: JSONValue] {
        var o: [String: JSONValue] = [:]
        if let a = plan.access {
            for k in a.kinds {
                let beyond = plan.settlements.reduce(Int64(0)) {
                    $0 + ((($1.accessMin[k] ?? .infinity) > a.thresholdMinutes) ? $1.population : 0)
                }
                o[a.metricKey(k)] = .int(beyond)
            }
            let muui = plan.settlements.filter { $0.muuiChiku == true }
            o["muui_chiku_settlements"] = .int(Int64(muui.count))
            o["muui_chiku_population"] = .int(muui.reduce(0) { $0 + $1.population })
            if a.hasShops {
                o["population_beyond_500m_shop"] = .int(plan.settlements.reduce(0) { $0 + ($1.beyond500mShop == true ? $1.population : 0) })
            }
        }
        if plan.projection != nil, let last = ProjectionTable.years.last {
            o["zones_viable_until_\(last)"] = .int(Int64(plan.zones.filter { $0.viableUntil == last }.count))
        }
        return o
    }

    /// A zone's access and projection figures for `plan.json`'s `zones`.
    static func accessJSON(_ z: Plan.ZoneRow, _ plan: Plan) -> [String: JSONValue] {
        var o: [String: JSONValue] = [:]
        if let a = plan.access {
            var kinds: [String: JSONValue] = [:]
            for k in a.kinds {
                let w = z.worstServed[k]
                kinds[k.rawValue] = .object([
                    "pop_beyond": .int(z.beyondPopulation[k] ?? 0),
                    "worst": w.map { .object(["settlement_id": .string($0.settlementID), "name": .string($0.name)]) } ?? .null,
                    "worst_min": w?.minutes.map { .rounded($0, 2) } ?? .null,
                ])
            }
            o["access"] = .object(kinds)
            o["muui_chiku_settlements"] = .int(Int64(z.muuiChikuSettlements ?? 0))
            if a.hasShops { o["pop_beyond_500m_shop"] = .int(z.beyond500mShopPopulation ?? 0) }
        }
        if plan.projection != nil {
            for (year, k) in PlanLayers.projectionYears where k < z.projected.count { o["pop_\(year)"] = .int(z.projected[k]) }
            o["viable_until"] = z.viableUntil.map { .int(Int64($0)) } ?? .null
            o["muni_aged65_share_2050"] = z.muniAged65Share2050.map { .rounded($0, 3) } ?? .null
        }
        return o
    }

    /// `plan.json`'s `access` member (nil without facilities).
    static func accessReportJSON(_ plan: Plan) -> JSONValue? {
        guard let a = plan.access else { return nil }
        return .object([
            "kinds": .array(a.kinds.map { .string($0.rawValue) }), "limit_min": .rounded(a.limitMinutes, 3),
            "threshold_min": .rounded(a.thresholdMinutes, 3), "travel_model": .string(a.travelModel.description),
            "note": .string(
                "access_<kind>_min: minutes from each settlement to the nearest facility of the kind, with the plan's travel model "
                    + "(facilities join the roads as settlements do; roads as given, closures not applied); a hospital counts as a "
                    + "clinic too. Null, and the kind listed in access_beyond, when none is within limit_min. pop_beyond_<kind> and "
                    + "population_beyond_\(PlanSetting.format(a.thresholdMinutes))min_<kind> count people more than threshold_min away, or beyond the limit. "
                    + "worst_<kind>: the member with people farthest from the kind (beyond the limit first)"),
            "muui_chiku": .string(muuiDefinition),
            "shop_500m": a.hasShops ? .string(shopDefinition) : .string("no shop in the facility layer: not computed"),
            "facilities_off_network": .array(a.facilitiesFarFromRoad.map(JSONValue.string)),
        ])
    }

    /// `plan.json`'s `projection` member (nil without projections).
    static func projectionJSON(_ plan: Plan) -> JSONValue? {
        guard let p = plan.projection else { return nil }
        let years = ProjectionTable.years
        return .object([
            "table": .string(p.table), "method": .string(p.method), "method_note": .string(p.methodText),
            "year": p.year.map { .int(Int64($0)) } ?? .null, "base_year": .int(Int64(ProjectionTable.baseYear)),
            "municipality_from": .string(p.municipalitySource),
            "municipalities": .array(
                p.municipalities.map { m in
                    .object([
                        "muni_code": .string(m.code), "name": m.name.map(JSONValue.string) ?? .null,
                        "population": .object(Dictionary(uniqueKeysWithValues: zip(years, m.population).map { ("\($0)", .int($1)) })),
                        "aged65_share_2050": m.aged65Share2050.map { .rounded($0, 3) } ?? .null,
                    ])
                }),
            "unserved_population": .object(Dictionary(uniqueKeysWithValues: zip(years, p.unserved).map { ("\($0)", .int($1)) })),
            "viable_until_note": .string(
                "viable_until: the last projection year up to which the zone's projected population meets minZonePop in every "
                    + "projection year from \(years.dropFirst().first ?? 0); null when it does not even then"),
            "aged65_note": .string("muni_aged65_share_2050 is the municipal figure of the core's municipality, not the zone's own"),
        ])
    }
}
