/// Upper bounds on how much demand any schedule with a given number of workers can cover.
///
/// Two necessary conditions, each giving a bound (the reported bound is the smaller):
/// - **Capacity**: a worker is in one place per cell, so cell `c` gets at most
///   `min(D_c, W)` workers: `Σ_c min(D_c, W)`.
/// - **80 % rule**, ``ShareBasis/hoursWorked``: summing `a_w ≤ 4 · b_w` over workers (`a` =
///   cells at employer `e`, `b` = cells elsewhere) gives covered(e) ≤ 4 · covered(others),
///   hence for every employer `e`: total ≤ others_e + min(D_e, 4 · others_e), where `D_e` is
///   e's demand and `others_e` everyone else's; the bound is the minimum over `e`.
///   ``ShareBasis/hoursAvailable``: no worker spends more than ⌊0.8 · 24⌋ = 19 cells at one
///   employer, so covered(e) ≤ min(D_e, 19 · W), summed over employers.
///
/// Utilisation upper bound = bound / (W · 24). It ignores how the two conditions interact,
/// so the true optimum may lie below it; a schedule that reaches it is optimal.
public enum CoverageBound {
    /// Bound by capacity alone, in worker-cells.
    public static func capacity(_ d: LabourDemand, workers: Int) -> Int {
        (0..<Cell.count).reduce(0) { $0 + min(d.cellTotal($1), workers) }
    }

    /// Bound by the 80 % rule alone, in worker-cells.
    public static func shareRule(_ d: LabourDemand, workers: Int, basis: ShareBasis) -> Int {
        let totals = d.employers.indices.map { d.total(employer: $0) }
        let all = totals.reduce(0, +)
        switch basis {
        case .hoursWorked:
            var bound = all
            for de in totals {
                let others = all - de
                bound = min(bound, others + min(de, ShareRule.numerator * others))
            }
            return bound
        case .hoursAvailable:
            let perWorker = ShareRule.numerator * Cell.count / ShareRule.denominator
            return totals.reduce(0) { $0 + min($1, perWorker * workers) }
        }
    }

    /// The smaller of the two bounds, in worker-cells.
    public static func coverage(_ d: LabourDemand, workers: Int, basis: ShareBasis) -> Int {
        min(capacity(d, workers: workers), shareRule(d, workers: workers, basis: basis))
    }
}
