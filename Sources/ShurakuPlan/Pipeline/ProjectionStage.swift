import Foundation
import ShurakuCore
import ShurakuInput
import ShurakuPlanner

/// Population to 2050: the projection table read, each settlement given its municipality, and
/// every municipality's projected totals split among its settlements, year by year.
struct ProjectionStage: Sendable {
    /// The table as read.
    var table: ProjectionTable
    /// Per settlement (study order): its municipality code.
    var municipality: [String]
    /// Per year of ``ProjectionTable/years``, every settlement's population.
    var population: [[Int64]]
    var method: PopulationProjection.Method
    /// How each settlement's municipality was found, in words.
    var municipalitySource: String
    var warnings: [String]
    var notes: [String]

    /// Fields the settlement loader should keep so that municipalities can be found: the given
    /// ones, or every detectable one.
    static func keepFields(_ p: PlanRequest.Projection) -> Set<String> {
        guard p.table != nil else { return [] }
        var names = Set<String>()
        if let f = p.municipalityField { names.insert(f) } else if p.municipality == nil { names.formUnion(detectable) }
        if let f = p.previousPopulationField { names.insert(f) }
        return names
    }

    /// Fields holding a municipality code, in order of preference (KEY_CODE: its first 5 digits).
    static let codeFields = ["muni_code", "city_code", "CITY_CODE", "市区町村コード", "JCODE"]
    static let keyCodeField = "KEY_CODE"
    /// A 2-digit prefecture and a 3-digit city field (as in e-Stat's boundary data).
    static let prefCityFields = (pref: "PREF", city: "CITY")
    static var detectable: [String] { codeFields + [keyCodeField, prefCityFields.pref, prefCityFields.city] }

    /// Reads the table and projects `settlements` (their populations are today's, of the table's base year).
    static func run(
        _ request: PlanRequest, settlements loaded: LoadedSettlements, file: String
    ) throws(ShurakuError) -> ProjectionStage? {
        let p = request.projection
        guard let path = p.table else { return nil }
        let table = try ProjectionTable.read(path)
        let settlements = loaded.settlements
        let idField = loaded.roles.id
        func feature(_ s: Settlement) -> String {
            "feature \(s.sourceIndex + 1)" + (idField.map { " (\($0) \(s.id))" } ?? "")
        }
        func has(_ name: String) -> String? {
            loaded.fieldNames.first { $0 == name } ?? loaded.fieldNames.first { $0.lowercased() == name.lowercased() }
        }
        var problems: [Problem] = []

        // Each settlement's municipality code.
        var codes = [String](repeating: "", count: settlements.count)
        var source: String
        if let code = p.municipality {
            let c = ProjectionTable.normalisedCode(code) ?? code
            guard table.municipalities[c] != nil else {
                throw .badInput(field: "municipality", "«municipality» \(c) is not in the projection table \(path)")
            }
            codes = [String](repeating: c, count: settlements.count)
            source = "«municipality» \(c)"
        } else {
            let reader: (Settlement) -> String?
            if let f = p.municipalityField {
                guard has(f) != nil else {
                    throw .badInput(
                        file: file, field: f,
                        "no such field (given by «municipalityField»); fields are: \(loaded.fieldNames.joined(separator: ", "))")
                }
                reader = { s in s.attributes[f].flatMap(code) }
                source = "field \(f)"
            } else if let f = codeFields.first(where: { has($0) != nil }) {
                reader = { s in s.attributes[f].flatMap(code) }
                source = "field \(has(f) ?? f)"
            } else if let f = has(keyCodeField) {
                reader = { s in s.attributes[keyCodeField].flatMap(code) }
                source = "the first 5 digits of \(f)"
            } else if let pf = has(prefCityFields.pref), let cf = has(prefCityFields.city) {
                reader = { s in
                    guard let pref = s.attributes[prefCityFields.pref], let city = s.attributes[prefCityFields.city],
                        pref.count <= 2, city.count == 3, (pref + city).allSatisfy({ $0.isASCII && $0.isNumber })
                    else { return s.attributes[prefCityFields.city].flatMap(code) }
                    return String(repeating: "0", count: 2 - pref.count) + pref + city
                }
                source = "fields \(pf) + \(cf)"
            } else {
                throw .badInput(
                    file: file, field: "municipalityField",
                    "cannot tell each settlement's municipality: no field \(detectable.joined(separator: ", ")); "
                        + "name it with «municipalityField», or give «municipality»")
            }
            let field = p.municipalityField ?? codeFields.first(where: { has($0) != nil }) ?? has(keyCodeField) ?? prefCityFields.city
            for (i, s) in settlements.enumerated() {
                guard let c = reader(s) else {
                    problems.append(Problem(file: file, feature: feature(s), field: field, message: "no municipality code"))
                    continue
                }
                guard table.municipalities[c] != nil else {
                    problems.append(
                        Problem(
                            file: file, feature: feature(s), field: field, value: c,
                            message: "municipality \(c) is not in the projection table \(path)"))
                    continue
                }
                codes[i] = c
            }
        }

        // Earlier counts for the trend method.
        var previous: [Int64?]? = nil
        var unknownPrevious = 0
        if let f = p.previousPopulationField {
            guard has(f) != nil else {
                throw .badInput(
                    file: file, field: f,
                    "no such field (given by «previousPopulationField»); fields are: \(loaded.fieldNames.joined(separator: ", "))")
            }
            var values: [Int64?] = []
            for s in settlements {
                guard let raw = s.attributes[f] else {
                    values.append(nil)
                    unknownPrevious += 1
                    continue
                }
                let n = Double(raw.replacingOccurrences(of: ",", with: ""))
                guard let n, n.isFinite, n >= 0, n <= 1e12 else {
                    let why = n.map { $0 < 0 ? "a population cannot be negative" : "not a finite number" } ?? "not a number"
                    problems.append(Problem(file: file, feature: feature(s), field: f, value: raw, message: "earlier count: \(why)"))
                    values.append(nil)
                    continue
                }
                values.append(Int64(n.rounded()))
            }
            previous = values
        }
        guard problems.isEmpty else { throw .invalid(problems) }

        let order = Array(Set(codes)).sorted()
        let index = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        let totals = order.map { table.municipalities[$0]?.population ?? [] }
        let steps = ProjectionTable.years.map { ($0 - ProjectionTable.baseYear) / 5 }
        let population = PopulationProjection.project(
            base: settlements.map(\.population), previous: previous, municipality: codes.map { index[$0] ?? -1 }, totals: totals,
            steps: steps)

        var warnings: [String] = []
        for code in order {
            guard let m = table.municipalities[code], let base = m.population.first, base > 0 else { continue }
            let input = zip(codes, settlements).reduce(Int64(0)) { $0 + ($1.0 == code ? $1.1.population : 0) }
            let ratio = Double(input) / Double(base)
            if ratio < 0.9 || ratio > 1.1 {
                warnings.append(
                    "projections: the settlements of municipality \(code)\(m.name.map { " (\($0))" } ?? "") hold \(input) people, "
                        + "the table's \(ProjectionTable.baseYear) population is \(base): the whole municipality's projection is "
                        + "split among these settlements (are some settlements missing, or is the population of another year?)")
            }
        }
        var notes: [String] = []
        let method: PopulationProjection.Method = previous == nil ? .share : .trend
        if unknownPrevious > 0, let f = p.previousPopulationField {
            notes.append("projections: \(unknownPrevious) settlements without an earlier count (\(f)) follow their municipality's trend")
        }
        return ProjectionStage(
            table: table, municipality: codes, population: population, method: method, municipalitySource: source,
            warnings: warnings, notes: notes)
    }

    /// A municipality code from a field's text: 4 to 6 digits (see
    /// ``/ShurakuInput/ProjectionTable/normalisedCode(_:)``), or the first 5 digits of a longer
    /// code such as KEY_CODE.
    static func code(_ raw: String) -> String? {
        let t = raw.trimmingCharacters(in: .whitespaces)
        if let c = ProjectionTable.normalisedCode(t) { return c }
        guard t.count >= 9, t.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return String(t.prefix(5))
    }

    /// The index of `year` in ``ProjectionTable/years``.
    static func yearIndex(_ year: Int) -> Int? { ProjectionTable.years.firstIndex(of: year) }

    /// The words `plan.json` and the README use for the method.
    var methodText: String {
        switch method {
        case .share:
            "share: each settlement keeps today's share of its municipality (its population ÷ the municipality's input "
                + "population × the municipal projection of each year), rounded by largest remainder so that municipal totals are exact"
        case .trend:
            "trend: each settlement's own 5-year growth ratio (population ÷ the earlier count, kept within "
                + "\(PopulationProjection.growthBounds.lowerBound)–\(PopulationProjection.growthBounds.upperBound)) applied per "
                + "5 years, calibrated to the municipal projection of each year, rounded by largest remainder so that municipal totals are exact"
        }
    }
}
