import ShurakuGeo
import ShurakuInput
import ShurakuPlan

/// Access to services and population to 2050 in the layers: fields that appear only when the
/// plan has facilities (access) or projections, so that other plans keep their exact fields.
extension PlanLayers {
    /// Settlements: `access_<kind>_min` per kind, `access_beyond`, `muui_chiku`, `beyond_500m_shop`.
    static func settlementAccessFields(_ r: Plan) -> [FieldInfo] {
        guard let a = r.access else { return [] }
        var fields = a.kinds.map { FieldInfo(name: "access_\($0.rawValue)_min", type: .real) }
        fields += [FieldInfo(name: "access_beyond", type: .string), FieldInfo(name: "muui_chiku", type: .boolean)]
        if a.hasShops { fields.append(FieldInfo(name: "beyond_500m_shop", type: .boolean)) }
        return fields
    }

    static func accessValues(_ s: Plan.SettlementRow, _ r: Plan) -> [FieldValue] {
        guard let a = r.access else { return [] }
        var v: [FieldValue] = a.kinds.map { k in s.accessMin[k].map { real($0, 2) } ?? .null }
        v.append(.string(a.kinds.filter { s.accessMin[$0] == nil }.map(\.rawValue).joined(separator: ",")))
        v.append(s.muuiChiku.map { .integer($0 ? 1 : 0) } ?? .null)
        if a.hasShops { v.append(s.beyond500mShop.map { .integer($0 ? 1 : 0) } ?? .null) }
        return v
    }

    /// Zones: `pop_beyond_<kind>`, `worst_<kind>`, `worst_<kind>_min` per kind,
    /// `muui_chiku_settlements`, `pop_beyond_500m_shop`.
    static func zoneAccessFields(_ r: Plan) -> [FieldInfo] {
        guard let a = r.access else { return [] }
        var fields: [FieldInfo] = []
        for k in a.kinds {
            fields += [
                FieldInfo(name: "pop_beyond_\(k.rawValue)", type: .integer), FieldInfo(name: "worst_\(k.rawValue)", type: .string),
                FieldInfo(name: "worst_\(k.rawValue)_min", type: .real),
            ]
        }
        fields.append(FieldInfo(name: "muui_chiku_settlements", type: .integer))
        if a.hasShops { fields.append(FieldInfo(name: "pop_beyond_500m_shop", type: .integer)) }
        return fields
    }

    static func accessValues(_ z: Plan.ZoneRow, _ r: Plan) -> [FieldValue] {
        guard let a = r.access else { return [] }
        var v: [FieldValue] = []
        for k in a.kinds {
            let w = z.worstServed[k]
            v += [
                .integer(z.beyondPopulation[k] ?? 0), w.map { .string($0.settlementID) } ?? .null,
                w?.minutes.map { real($0, 2) } ?? .null,
            ]
        }
        v.append(.integer(Int64(z.muuiChikuSettlements ?? 0)))
        if a.hasShops { v.append(.integer(z.beyond500mShopPopulation ?? 0)) }
        return v
    }

    /// The projection years shown as fields: those after the base year.
    static var projectionYears: [(year: Int, index: Int)] {
        ProjectionTable.years.enumerated().filter { $0.element > ProjectionTable.baseYear }.map { ($0.element, $0.offset) }
    }

    /// Settlements: `muni_code`, `pop_2025` … `pop_2050`.
    static func settlementProjectionFields(_ r: Plan) -> [FieldInfo] {
        guard r.projection != nil else { return [] }
        return [FieldInfo(name: "muni_code", type: .string)] + projectionYears.map { FieldInfo(name: "pop_\($0.year)", type: .integer) }
    }

    static func projectionValues(_ s: Plan.SettlementRow, _ r: Plan) -> [FieldValue] {
        guard r.projection != nil else { return [] }
        return [s.municipality.map(FieldValue.string) ?? .null]
            + projectionYears.map { $0.index < s.projected.count ? .integer(s.projected[$0.index]) : .null }
    }

    /// Zones: `pop_2025` … `pop_2050`, `viable_until`, `muni_aged65_share_2050`.
    static func zoneProjectionFields(_ r: Plan) -> [FieldInfo] {
        guard r.projection != nil else { return [] }
        return projectionYears.map { FieldInfo(name: "pop_\($0.year)", type: .integer) } + [
            FieldInfo(name: "viable_until", type: .integer), FieldInfo(name: "muni_aged65_share_2050", type: .real),
        ]
    }

    static func projectionValues(_ z: Plan.ZoneRow, _ r: Plan) -> [FieldValue] {
        guard r.projection != nil else { return [] }
        return projectionYears.map { $0.index < z.projected.count ? .integer(z.projected[$0.index]) : .null } + [
            z.viableUntil.map { .integer(Int64($0)) } ?? .null, z.muniAged65Share2050.map { real($0, 3) } ?? .null,
        ]
    }
}
