/// The 集落ネットワーク圏形成支援事業 grant cap rule (総務省): 15,000,000 yen per project, plus
/// 5,000,000 with specialist staff (専門人材), 10,000,000 with ICT, 15,000,000 with both.
public enum GrantRule {
    /// Cap of a project that uses neither specialist staff nor ICT.
    public static let baseYen = 15_000_000
    /// Addition when the project uses specialist staff only.
    public static let specialistStaffAdditionYen = 5_000_000
    /// Addition when the project uses ICT only.
    public static let ictAdditionYen = 10_000_000
    /// Addition when the project uses both (not the sum of the two single additions).
    public static let bothAdditionYen = 15_000_000

    /// The addition for a combination of features.
    public static func additionYen(specialistStaff: Bool, ict: Bool) -> Int {
        switch (specialistStaff, ict) {
        case (false, false): 0
        case (true, false): specialistStaffAdditionYen
        case (false, true): ictAdditionYen
        case (true, true): bothAdditionYen
        }
    }
}
