/// Text renderings of a cooperative report, for the CLI and for files. Every output is a pure
/// function of the report (same report → same bytes) and ends with a newline.
///
/// - Summary: Markdown (a table of measures, then employers, then notes), CSV (`metric,value`
///   rows with the snake_case keys below), JSON (one object: the same keys, plus `employers`).
/// - Employers CSV: `employer,demand_hours,worked_hours,uncovered_hours,usage_fee_yen`.
/// - Schedules: Markdown (one month × am/pm table per worker), CSV (`worker,month,am,pm`, empty
///   = free), JSON (`workers` with `months`, and `uncovered`).
///
/// Summary keys: employer_count, worker_count, worker_count_choice, peak_workers_wanted, hours_per_cell,
/// available_hours, demand_hours, worked_hours, uncovered_hours, uncovered_by_rule_hours,
/// uncovered_by_capacity_hours, utilisation, utilisation_upper_bound, share_basis,
/// max_share_at_one_employer, eighty_percent_rule_bound; with costs also workers_cost_yen,
/// office_cost_yen, running_cost_yen, per_worker_cap_yen, cap_reduction_rule (`proportional` |
/// `none` | `steps`), cap_reduction_formula,
/// cap_reduction_applied, reduced_per_worker_cap_yen, eligible_workers_cost_yen, office_cap_yen,
/// eligible_office_cost_yen, eligible_cost_yen, grant_yen, national_share_yen,
/// municipal_share_yen, special_allocation_tax_yen, municipal_net_yen, usage_fees_yen.
/// Ratios are fractions with four decimals in CSV/JSON and percentages in Markdown; share_basis
/// is `hoursWorked` | `hoursAvailable`.
public enum CooperativeRenderer {
    // MARK: summary

    public static func summaryMarkdown(_ r: CooperativeReport) -> String {
        var out = "## Cooperative staffing summary\n\n| Measure | Value |\n|---|---:|\n"
        for row in r.summaryRows { out += "| \(row.label) | \(row.value.markdown) |\n" }
        out += "\n### Employers\n\n| Employer | Hours wanted | Hours worked | Hours not covered |"
        out += r.costs == nil ? "\n|---|---:|---:|---:|\n" : " Usage fee |\n|---|---:|---:|---:|---:|\n"
        for e in r.employers {
            out +=
                "| \(TextFormat.markdownCell(e.name)) | \(Yen.format(e.demandHours)) | \(Yen.format(e.workedHours)) | \(Yen.format(e.uncoveredHours)) |"
            if let fee = e.usageFeeYen { out += " \(Yen.format(fee)) yen |" }
            out += "\n"
        }
        out += "\n" + notes(r).map { "- " + $0 + "\n" }.joined()
        return out
    }

    public static func summaryCSV(_ r: CooperativeReport) -> String {
        "metric,value\n" + r.summaryRows.map { "\($0.key),\($0.value.csv)\n" }.joined()
    }

    public static func summaryJSON(_ r: CooperativeReport) -> String {
        var out = "{\n"
        for row in r.summaryRows { out += "  \(TextFormat.jsonString(row.key)): \(row.value.json),\n" }
        out += "  \"employers\": ["
        out += r.employers.map { e in
            var o = "\n    {\"employer\": \(TextFormat.jsonString(e.name)), \"demand_hours\": \(e.demandHours), "
            o += "\"worked_hours\": \(e.workedHours), \"uncovered_hours\": \(e.uncoveredHours), "
            o += "\"usage_fee_yen\": \(e.usageFeeYen.map(String.init) ?? "null")}"
            return o
        }.joined(separator: ",")
        out += r.employers.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"notes\": [" + notes(r).map(TextFormat.jsonString).joined(separator: ", ") + "]\n}\n"
        return out
    }

    public static func employersCSV(_ r: CooperativeReport) -> String {
        var out = "employer,demand_hours,worked_hours,uncovered_hours,usage_fee_yen\n"
        for e in r.employers {
            out +=
                "\(TextFormat.csvField(e.name)),\(e.demandHours),\(e.workedHours),\(e.uncoveredHours),\(e.usageFeeYen.map(String.init) ?? "")\n"
        }
        return out
    }

    /// Plain sentences explaining the numbers: the 80 % rule, the bound, the cap rule.
    static func notes(_ r: CooperativeReport) -> [String] {
        let s = r.schedule
        var n: [String] = []
        let basis = s.parameters.shareBasis == .hoursWorked ? "hours worked" : "hours available"
        n.append("Every worker spends at most 80 % of their \(basis) at one employer.")
        if s.eightyPercentRuleBound {
            n.append("The 80 % rule bound: some demand stayed uncovered although a worker was free in that month and half-day.")
        } else {
            n.append("The 80 % rule did not leave demand uncovered.")
        }
        if s.workedHours == s.workedHoursUpperBound {
            n.append("Utilisation reaches its upper bound for this number of workers, so no schedule covers more.")
        } else {
            let bound = TextFormat.percent(s.workedHoursUpperBound, s.availableHours)
            n.append(
                "Utilisation upper bound (capacity and 80 % rule, from the demand alone): \(bound) %; "
                    + "the schedule is a heuristic and may be below the best possible.")
        }
        if let c = r.costs {
            let state = c.capReductionApplied ? "applied (utilisation below 80 %)" : "not applied (utilisation at least 80 %)"
            n.append("Per-worker cap reduction rule: \(c.capReductionFormula); \(state).")
            n.append(
                "Amounts are whole yen; divisions round down; municipal share = grant − national share; "
                    + "usage fees = running cost − grant; fees are shared by hours received (largest remainder).")
        }
        return n
    }

    // MARK: schedules

    public static func schedulesMarkdown(_ s: Schedule) -> String {
        let h = s.parameters.hoursPerCell
        var out = "## Worker schedules\n"
        for w in s.workers {
            let worked = w.workedCells * h
            let available = s.availableHoursPerWorker
            out += "\n### Worker \(w.number): \(Yen.format(worked)) h worked of \(Yen.format(available))"
            out += " (\(TextFormat.percent(worked, available)) %)\n\n"
            let parts = w.cellsByEmployer.map { part in
                let name = TextFormat.markdownCell(s.demand.employers[part.employer])
                return "\(name) \(Yen.format(part.cells * h)) h (\(TextFormat.percent(part.cells, w.workedCells)) %)"
            }
            if !parts.isEmpty { out += "Employers: " + parts.joined(separator: ", ") + "\n\n" }
            out += "| Month | am | pm |\n|---:|---|---|\n"
            for m in 1...12 {
                let am = name(s, w, m, .am).map(TextFormat.markdownCell) ?? "—"
                let pm = name(s, w, m, .pm).map(TextFormat.markdownCell) ?? "—"
                out += "| \(m) | \(am) | \(pm) |\n"
            }
        }
        if !s.uncovered.isEmpty {
            out += "\n### Not covered\n\n| Employer | Month | Half-day | Workers | Reason |\n|---|---:|---|---:|---|\n"
            for u in s.uncovered {
                let name = TextFormat.markdownCell(s.demand.employers[u.employer])
                out += "| \(name) | \(u.cell.month) | \(u.cell.slot.rawValue) | \(u.workers) | \(reasonText(u.reason)) |\n"
            }
        }
        return out
    }

    public static func schedulesCSV(_ s: Schedule) -> String {
        var out = "worker,month,am,pm\n"
        for w in s.workers {
            for m in 1...12 {
                let am = TextFormat.csvField(name(s, w, m, .am) ?? "")
                let pm = TextFormat.csvField(name(s, w, m, .pm) ?? "")
                out += "\(w.number),\(m),\(am),\(pm)\n"
            }
        }
        return out
    }

    public static func schedulesJSON(_ s: Schedule) -> String {
        func cell(_ w: WorkerSchedule, _ m: Int, _ slot: Slot) -> String {
            name(s, w, m, slot).map(TextFormat.jsonString) ?? "null"
        }
        var out = "{\n  \"hours_per_cell\": \(s.parameters.hoursPerCell),\n"
        out += "  \"share_basis\": \(TextFormat.jsonString(s.parameters.shareBasis.rawValue)),\n  \"workers\": ["
        out += s.workers.map { w in
            var o = "\n    {\"worker\": \(w.number), \"worked_hours\": \(w.workedCells * s.parameters.hoursPerCell), \"months\": ["
            o += (1...12).map { m in "{\"month\": \(m), \"am\": \(cell(w, m, .am)), \"pm\": \(cell(w, m, .pm))}" }.joined(separator: ", ")
            return o + "]}"
        }.joined(separator: ",")
        out += s.workers.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"uncovered\": ["
        out += s.uncovered.map { u in
            "\n    {\"employer\": \(TextFormat.jsonString(s.demand.employers[u.employer])), \"month\": \(u.cell.month), "
                + "\"slot\": \"\(u.cell.slot.rawValue)\", \"workers\": \(u.workers), \"reason\": \"\(u.reason.rawValue)\"}"
        }.joined(separator: ",")
        out += s.uncovered.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    /// The employer's name in a worker's cell, nil when the worker is free.
    private static func name(_ s: Schedule, _ w: WorkerSchedule, _ month: Int, _ slot: Slot) -> String? {
        guard let c = Cell(month: month, slot: slot), let e = w.employer(in: c) else { return nil }
        return s.demand.employers[e]
    }

    private static func reasonText(_ r: UncoveredReason) -> String {
        switch r {
        case .noFreeWorker: "no free worker"
        case .eightyPercentRule: "80 % rule"
        }
    }
}
