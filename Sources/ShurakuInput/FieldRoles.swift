import Foundation
import ShurakuCore
import ShurakuGeo

/// Which attribute fields of a settlements layer carry which meaning.
///
/// Given names win; otherwise common names are detected, case-insensitively, in the order of
/// ``FieldRoles/candidates``.
public struct FieldRoles: Sendable, Equatable, Codable {
    public var population: String?
    public var id: String?
    public var name: String?
    /// Truthy values mark designated cores (基幹集落).
    public var core: String?
    /// Truthy values mark settlements the solver may choose as cores.
    public var coreCandidate: String?
    /// Groups planned independently (e.g. a municipality code).
    public var group: String?

    public init(
        population: String? = nil, id: String? = nil, name: String? = nil, core: String? = nil,
        coreCandidate: String? = nil, group: String? = nil
    ) {
        self.population = population
        self.id = id
        self.name = name
        self.core = core
        self.coreCandidate = coreCandidate
        self.group = group
    }

    /// Field names recognised for each role, in order of preference.
    public static let candidates: [(role: String, names: [String])] = [
        ("population", ["JINKO", "人口", "人口総数", "総人口", "population", "pop", "POP_TOTAL", "TOTAL_POP"]),
        ("id", ["KEY_CODE", "settlement_id", "id", "code", "集落コード", "osm_id"]),
        ("name", ["S_NAME", "MOJI", "name", "名称", "集落名", "地名"]),
        ("core", ["is_core", "基幹集落"]),
    ]

    /// Detects roles in `fields`, keeping every role `given` names (which must exist).
    public static func detect(in layer: VectorLayer, given: FieldRoles = FieldRoles()) throws(InputError) -> FieldRoles {
        var problems: [InputProblem] = []
        func check(_ name: String?, _ option: String) -> String? {
            guard let name else { return nil }
            guard let i = layer.fieldIndex(name) else {
                problems.append(
                    InputProblem(
                        file: layer.label, field: name,
                        message: "no such field (given by \(option)); fields are: \(layer.fields.map(\.name).joined(separator: ", "))"))
                return nil
            }
            return layer.fields[i].name
        }
        var roles = FieldRoles(
            population: check(given.population, SettingName.ref("populationField")),
            id: check(given.id, SettingName.ref("idField")),
            name: check(given.name, SettingName.ref("nameField")),
            core: check(given.core, SettingName.ref("coreField")),
            coreCandidate: check(given.coreCandidate, SettingName.ref("coreCandidatesField")),
            group: check(given.group, SettingName.ref("groupBy")))
        guard problems.isEmpty else { throw InputError.invalid(problems) }
        let detect = { (role: String) -> String? in
            guard let names = candidates.first(where: { $0.role == role })?.names else { return nil }
            for n in names { if let i = layer.fieldIndex(n) { return layer.fields[i].name } }
            return nil
        }
        if given.population == nil { roles.population = detect("population") }
        if given.id == nil { roles.id = detect("id") }
        if given.name == nil { roles.name = detect("name") }
        if given.core == nil { roles.core = detect("core") }
        return roles
    }

    /// The role a field plays, for `inspect` ("population", "id", …), or nil.
    public func role(of field: String) -> String? {
        let pairs: [(String?, String)] = [
            (population, "population"), (id, "id"), (name, "name"), (core, "core"),
            (coreCandidate, "core candidate"), (group, "group"),
        ]
        return pairs.first(where: { $0.0 == field })?.1
    }

    /// Whether a core / candidate field value means "yes".
    public static func isTruthy(_ v: FieldValue) -> Bool {
        switch v {
        case .null: return false
        case .integer(let i): return i != 0
        case .real(let d): return d != 0 && !d.isNaN
        case .string(let s):
            let t = s.trimmingCharacters(in: .whitespaces).lowercased()
            return ["1", "true", "yes", "y", "t", "○", "◯", "●", "はい", "基幹", "core", "x"].contains(t)
        }
    }
}
