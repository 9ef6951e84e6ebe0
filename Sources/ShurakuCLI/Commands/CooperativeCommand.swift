import Foundation
import ShurakuCore
import ShurakuFunding
import ShurakuGeo

/// `shuraku cooperative FILE.csv`: year-round worker schedules for a 特定地域づくり事業協同組合
/// from employers' seasonal demand, with running costs and the public support split.
struct CooperativeCommand: Command {
    static let spec = CommandSpec(
        name: "cooperative",
        abstract: "Staff a 特定地域づくり事業協同組合 from seasonal demand: schedules, costs, support split.",
        usage:
            "FILE.csv [--settings FILE.json] [--workers N] [--cost-per-worker YEN | --workers-cost YEN] [--office-cost YEN] [--format md|csv|json]",
        discussion: """
            FILE.csv lists employers' labour demand by month and half-day (columns employer, month,
            slot, workers; see geodata/cooperative/README.md). Workers are scheduled year-round so
            that no worker spends more than 80 % of their hours at one employer, covering as much
            demand as possible. With costs, the report gives the running cost, the eligible costs
            (4,000,000 yen per worker, reduced when utilisation is below 80 % by the rule named in
            the output; 6,000,000 yen office), the grant (up to 1/2), its national and municipal
            halves, the special allocation tax and the employers' usage fees.
            """,
        positionals: ("FILE.csv", "Labour demand by employer, month and half-day.", 1, 1),
        options: [
            OptionSpec("--settings", "FILE.json", "Schedule, cost and support-rule settings (keys: schedule, costs, supportRules)."),
            OptionSpec("--workers", "N", "Number of workers (default: chosen to cover the most demand with the best utilisation)."),
            OptionSpec("--cost-per-worker", "YEN", "Yearly cost of one dispatched worker."),
            OptionSpec("--workers-cost", "YEN", "Yearly cost of all workers together."),
            OptionSpec("--office-cost", "YEN", "Yearly office cost.", default: "0"),
            OptionSpec(
                "--cap-reduction", "RULE", "Per-worker cap below 80 % utilisation: proportional, none, or steps:70=90,60=75.",
                default: "proportional"),
            OptionSpec("--schedules", nil, "Also print each worker's month-by-month schedule."),
            OptionSpec("--format", "md|csv|json", "Output format.", default: "md"),
            OptionSpec("--seed", "N", "Seed of the schedule search.", default: "1"),
        ],
        examples: [
            "shuraku cooperative geodata/cooperative/seasonal-example.csv --workers-cost 20000000 --office-cost 4000000",
            "shuraku cooperative demand.csv --cost-per-worker 3500000 --office-cost 5000000 --schedules --format csv",
        ])

    let file: String
    let settings: CooperativeSettings
    let format: String
    let schedules: Bool

    init(_ args: ParsedArgs) throws {
        file = args.positionals[0]
        format = try args.choice("--format", ["md", "csv", "json"]) ?? "md"
        schedules = args.has("--schedules")
        var s = CooperativeSettings()
        if let path = args.value("--settings") {
            guard let data = FileManager.default.contents(atPath: path) else { throw ShurakuError.source(.fileNotFound(path: path)) }
            do { s = try CooperativeSettings.decode(from: data) } catch { throw ShurakuError.badInput(file: path, "\(error)") }
        }
        if let w = try args.int("--workers", in: 1...ScheduleParameters.maxWorkers) { s.schedule.workers = w }
        if let seed = try args.int("--seed", in: 0...Int.max) { s.schedule.seed = UInt64(seed) }
        let perWorker = try args.int("--cost-per-worker", in: 0...CostInputs.maxYen)
        let allWorkers = try args.int("--workers-cost", in: 0...CostInputs.maxYen)
        let office = try args.int("--office-cost", in: 0...CostInputs.maxYen)
        if perWorker != nil && allWorkers != nil { throw UsageError("give --cost-per-worker or --workers-cost, not both") }
        if let perWorker {
            s.costs = CostInputs(workerCost: .perWorker(perWorker), officeCostYen: office ?? s.costs?.officeCostYen ?? 0)
        } else if let allWorkers {
            s.costs = CostInputs(workerCost: .total(allWorkers), officeCostYen: office ?? s.costs?.officeCostYen ?? 0)
        } else if let office {
            guard let c = s.costs else { throw UsageError("--office-cost needs --cost-per-worker or --workers-cost") }
            s.costs = CostInputs(workerCost: c.workerCost, officeCostYen: office)
        }
        if let rule = args.value("--cap-reduction") {
            do { s.supportRules.capReduction = try CapReductionRule(argument: rule) } catch {
                throw UsageError("--cap-reduction: \(error)")
            }
        }
        settings = s
    }

    func run(_ console: Console) throws -> Int32 {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ShurakuError.source(.fileNotFound(path: file))
        }
        let demand: LabourDemand
        do { demand = try DemandCSV.parse(data) } catch { throw ShurakuError.badInput(file: file, "\(error)") }
        let report = try CooperativeReport.make(demand: demand, settings: settings)
        switch format {
        case "json":
            console.out(CooperativeRenderer.summaryJSON(report))
            if schedules { console.out(CooperativeRenderer.schedulesJSON(report.schedule)) }
        case "csv":
            console.out(CooperativeRenderer.summaryCSV(report))
            console.out("\n" + CooperativeRenderer.employersCSV(report))
            if schedules { console.out("\n" + CooperativeRenderer.schedulesCSV(report.schedule)) }
        default:
            console.out(CooperativeRenderer.summaryMarkdown(report))
            if schedules { console.out("\n" + CooperativeRenderer.schedulesMarkdown(report.schedule)) }
        }
        return ExitCode.success
    }
}
