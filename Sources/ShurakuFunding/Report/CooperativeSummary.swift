extension CooperativeReport {
    /// The summary as ordered (key, label, value) rows: one source for all three formats.
    /// Keys are snake_case (CSV `metric` column and JSON keys); labels are for Markdown.
    var summaryRows: [(key: String, label: String, value: SummaryValue)] {
        let s = schedule
        let p = s.parameters
        let h = p.hoursPerCell
        var rows: [(String, String, SummaryValue)] = [
            ("employer_count", "Employers", .int(s.demand.employers.count)),
            ("worker_count", "Workers", .int(s.workers.count)),
            ("worker_count_choice", "Worker count", .text(workerCountText)),
            ("peak_workers_wanted", "Most workers wanted at once", .int(s.demand.peak)),
            ("hours_per_cell", "Hours per month × half-day", .int(h)),
            ("available_hours", "Hours available", .int(s.availableHours)),
            ("demand_hours", "Hours wanted", .int(s.demandHours)),
            ("worked_hours", "Hours worked", .int(s.workedHours)),
            ("uncovered_hours", "Hours not covered", .int(s.uncoveredHours)),
            ("uncovered_by_rule_hours", "… of which the 80 % rule", .int(uncoveredCells(.eightyPercentRule) * h)),
            ("uncovered_by_capacity_hours", "… of which no free worker", .int(uncoveredCells(.noFreeWorker) * h)),
            ("utilisation", "Utilisation (worked ÷ available)", .ratio(s.workedHours, s.availableHours)),
            ("utilisation_upper_bound", "Utilisation upper bound", .ratio(s.workedHoursUpperBound, s.availableHours)),
            (
                "share_basis", "80 % rule measured on",
                .code(p.shareBasis.rawValue, label: p.shareBasis == .hoursWorked ? "hours worked" : "hours available")
            ),
            ("max_share_at_one_employer", "Largest share at one employer", .ratio(maxShare.num, maxShare.den)),
            ("eighty_percent_rule_bound", "80 % rule bound (left demand uncovered)", .bool(s.eightyPercentRuleBound)),
        ]
        if let c = costs {
            rows += [
                ("workers_cost_yen", "Workers' cost", .yen(c.workersCostYen)),
                ("office_cost_yen", "Office cost", .yen(c.officeCostYen)),
                ("running_cost_yen", "Running cost", .yen(c.runningCostYen)),
                ("per_worker_cap_yen", "Per-worker cap", .yen(c.perWorkerCapYen)),
                ("cap_reduction_rule", "Cap reduction rule", .text(c.capReductionRule)),
                ("cap_reduction_formula", "Cap reduction formula", .text(c.capReductionFormula)),
                ("cap_reduction_applied", "Cap reduced (utilisation below 80 %)", .bool(c.capReductionApplied)),
                ("reduced_per_worker_cap_yen", "Per-worker cap used", .yen(c.reducedPerWorkerCapYen)),
                ("eligible_workers_cost_yen", "Eligible workers' cost", .yen(c.eligibleWorkersCostYen)),
                ("office_cap_yen", "Office cap", .yen(c.officeCapYen)),
                ("eligible_office_cost_yen", "Eligible office cost", .yen(c.eligibleOfficeCostYen)),
                ("eligible_cost_yen", "Eligible cost", .yen(c.eligibleCostYen)),
                ("grant_yen", "Municipal grant (1/2 of eligible)", .yen(c.grantYen)),
                ("national_share_yen", "… national share", .yen(c.nationalShareYen)),
                ("municipal_share_yen", "… municipal share", .yen(c.municipalShareYen)),
                ("special_allocation_tax_yen", "Special allocation tax (特別交付税)", .yen(c.specialAllocationTaxYen)),
                ("municipal_net_yen", "Municipality's net cost", .yen(c.municipalNetYen)),
                ("usage_fees_yen", "Usage fees paid by employers", .yen(c.usageFeesYen)),
            ]
        }
        return rows.map { (key: $0.0, label: $0.1, value: $0.2) }
    }

    private var workerCountText: String {
        let tried = schedule.workerCountsTried
        guard !tried.isEmpty else { return "given" }
        return "automatic: tried "
            + tried.map { "\($0.workers) (\($0.coveredCells * schedule.parameters.hoursPerCell) h)" }
            .joined(separator: ", ")
    }

    private func uncoveredCells(_ reason: UncoveredReason) -> Int {
        schedule.uncovered.filter { $0.reason == reason }.reduce(0) { $0 + $1.workers }
    }

    /// The worker with the largest share at one employer, as cells over the rule's basis.
    var maxShare: (num: Int, den: Int) {
        var best = (num: 0, den: 1)
        for w in schedule.workers {
            let den = schedule.parameters.shareBasis == .hoursWorked ? w.workedCells : Cell.count
            guard den > 0 else { continue }
            if w.maxCellsAtOneEmployer * best.den > best.num * den { best = (w.maxCellsAtOneEmployer, den) }
        }
        return best
    }
}
