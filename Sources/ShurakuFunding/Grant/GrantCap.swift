/// One zone's grant cap with the reason for it.
public struct GrantCap: Sendable, Hashable, Codable {
    /// The zone's core settlement id.
    public let coreID: String
    /// Whether the project counts as using specialist staff (専門人材).
    public let specialistStaff: Bool
    /// Whether the project counts as using ICT (from settings or an app-booked bus).
    public let ict: Bool
    /// True when ICT is counted only because the zone's plan has an app-booked demand bus.
    public let ictFromAppBookedBus: Bool
    /// True when the features came from a per-zone override rather than the defaults.
    public let fromZoneOverride: Bool
    /// The base cap (``GrantRule/baseYen``).
    public let baseYen: Int
    /// The addition for specialist staff and/or ICT.
    public let additionYen: Int
    /// The cap: base + addition.
    public var capYen: Int { baseYen + additionYen }

    /// One line for people, e.g.
    /// `base 15,000,000 + specialist staff and ICT 15,000,000 = 30,000,000 yen (zone setting)`.
    public var reason: String {
        var what: String
        switch (specialistStaff, ict) {
        case (false, false): what = ""
        case (true, false): what = "specialist staff"
        case (false, true): what = "ICT"
        case (true, true): what = "specialist staff and ICT"
        }
        if ictFromAppBookedBus { what += " (ICT: app-booked demand bus)" }
        let source = fromZoneOverride ? "zone setting" : "default setting"
        if additionYen == 0 {
            return "base \(Yen.format(baseYen)) = \(Yen.format(capYen)) yen (\(source))"
        }
        return "base \(Yen.format(baseYen)) + \(what) \(Yen.format(additionYen)) = \(Yen.format(capYen)) yen (\(source))"
    }
}

extension GrantPolicy {
    /// The grant cap of the zone whose core settlement is `coreID`.
    ///
    /// - Parameters:
    ///   - coreID: the core settlement's id, which per-zone settings are keyed by.
    ///   - hasAppBookedBus: whether the zone's plan includes a demand bus booked through an app; it
    ///     makes the zone count as using ICT only when ``appBookedBusCountsAsICT`` is set.
    public func cap(coreID: String, hasAppBookedBus: Bool) -> GrantCap {
        let (f, overridden) = features(coreID: coreID)
        let busICT = appBookedBusCountsAsICT && hasAppBookedBus
        let ict = f.ict || busICT
        return GrantCap(
            coreID: coreID,
            specialistStaff: f.specialistStaff,
            ict: ict,
            ictFromAppBookedBus: busICT && !f.ict,
            fromZoneOverride: overridden,
            baseYen: GrantRule.baseYen,
            additionYen: GrantRule.additionYen(specialistStaff: f.specialistStaff, ict: ict)
        )
    }
}

/// Plan-wide sums over zones' grant caps (`grant_cap_yen_total` in plan.json).
public struct GrantTotals: Sendable, Hashable, Codable {
    public var zones = 0
    public var baseYen = 0
    public var additionYen = 0
    public var zonesWithSpecialistStaff = 0
    public var zonesWithICT = 0
    /// Sum of the zones' caps.
    public var capYen: Int { baseYen + additionYen }

    public init() {}

    /// The totals over `caps`.
    public init(_ caps: some Sequence<GrantCap>) {
        for c in caps {
            zones += 1
            baseYen += c.baseYen
            additionYen += c.additionYen
            if c.specialistStaff { zonesWithSpecialistStaff += 1 }
            if c.ict { zonesWithICT += 1 }
        }
    }
}
