/// Whole numbers with their digits grouped by thousands, "12,000,000", whatever the locale: how
/// reports print yen and people.
public func groupedDigits(_ n: Int64) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return n < 0 ? "-" + out : out
}
