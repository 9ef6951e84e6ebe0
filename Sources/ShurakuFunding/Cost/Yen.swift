import ShurakuCore

/// Integer yen arithmetic. Every division rounds toward zero (down, for the non-negative amounts
/// used here), so support amounts are never overstated.
public enum Yen {
    /// `amount` with thousands separators, e.g. `12,000,000` (a minus sign when negative).
    public static func format(_ amount: Int) -> String { groupedDigits(Int64(amount)) }

    /// ⌊a × b / c⌋ for non-negative a, b and positive c, exact through a 128-bit intermediate;
    /// nil when the result does not fit in `Int`.
    static func mulDiv(_ a: Int, _ b: Int, _ c: Int) -> Int? {
        guard a >= 0, b >= 0, c > 0 else { return nil }
        let p = UInt(a).multipliedFullWidth(by: UInt(b))
        guard p.high < UInt(c) else { return nil }
        let (q, _) = UInt(c).dividingFullWidth((p.high, p.low))
        return q <= UInt(Int.max) ? Int(q) : nil
    }
}
