import ShurakuGeo

/// A point of service (school, clinic, town hall, …) in the study's metric CRS.
public struct Facility: Sendable, Hashable {
    /// Position in the input layer (0-based), for messages and stable ordering.
    public var sourceIndex: Int
    public var id: String
    public var name: String
    public var kind: FacilityKind
    /// A finer kind when the data gives one (e.g. `dental`, `institutional_clinic`, `elementary`).
    public var subkind: String?
    /// The point itself, or the representative point of its polygon.
    public var location: XY
    /// Longitude/latitude of `location` (WGS 84), for outputs.
    public var lonLat: XY
    /// The attribute values later filters and outputs read (kind, subkind, closed, the fields
    /// of ``FacilityOptions/keepFields`` and of the exclusions), as text, keyed by field name.
    public var attributes: [String: String]

    public init(
        sourceIndex: Int, id: String, name: String, kind: FacilityKind, subkind: String? = nil, location: XY,
        lonLat: XY, attributes: [String: String] = [:]
    ) {
        self.sourceIndex = sourceIndex
        self.id = id
        self.name = name
        self.kind = kind
        self.subkind = subkind
        self.location = location
        self.lonLat = lonLat
        self.attributes = attributes
    }

    /// The word for this facility in reasons: the kind's label, or 小学校 / 中学校 / 高校 … for a
    /// school when the subkind or the name says which.
    public var label: String {
        kind == .school ? FacilityKind.schoolLabel(subkind: subkind, name: name) : kind.label
    }
}

/// Leave out facilities whose `field` has one of `values` (e.g. `subkind=institutional_clinic`
/// for clinics inside care homes, which are not open to the public).
public struct FacilityExclusion: Sendable, Hashable, CustomStringConvertible {
    public var field: String
    public var values: Set<String>

    public init(field: String, values: Set<String>) {
        self.field = field
        self.values = values
    }

    /// Parses `FIELD=V1,V2`; nil when there is no `=`, no field or no value.
    public init?(parsing text: String) {
        guard let eq = text.firstIndex(of: "=") else { return nil }
        let f = text[..<eq].trimmingCharacters(in: .whitespaces)
        let vs = text[text.index(after: eq)...].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard !f.isEmpty, !vs.isEmpty else { return nil }
        self.init(field: f, values: Set(vs))
    }

    public var description: String { "\(field)=\(values.sorted().joined(separator: ","))" }
}

/// How to read facilities.
public struct FacilityOptions: Sendable {
    /// The field holding each facility's kind (`--facility-kind-field`); detected when nil.
    public var kindField: String?
    /// The field holding each facility's name; detected when nil.
    public var nameField: String?
    /// Facilities to leave out besides closed ones (`--facility-exclude FIELD=V1,V2`).
    public var exclusions: [FacilityExclusion]
    /// Further fields whose values each ``Facility`` keeps in ``Facility/attributes``.
    public var keepFields: Set<String>

    public init(
        kindField: String? = nil, nameField: String? = nil, exclusions: [FacilityExclusion] = [],
        keepFields: Set<String> = []
    ) {
        self.kindField = kindField
        self.nameField = nameField
        self.exclusions = exclusions
        self.keepFields = keepFields
    }

    /// Every field name the loader may read, so that an OSM source spreads these tags into fields.
    public var fieldNames: Set<String> {
        var names = Set(FacilityLoader.kindFieldCandidates + FacilityLoader.nameCandidates + FacilityLoader.idCandidates)
        names.formUnion(FacilityLoader.osmKeys + [FacilityLoader.subkindField, FacilityLoader.closedField])
        names.formUnion(keepFields)
        names.formUnion(exclusions.map(\.field))
        for n in [kindField, nameField] { if let n { names.insert(n) } }
        return names
    }
}

/// A facility that was read but not counted, and why.
public struct LeftOutFacility: Sendable, Hashable {
    public var sourceIndex: Int
    public var name: String
    /// Its kind as read (before being left out).
    public var kind: FacilityKind
    /// Why: "closed", or the exclusion that matched (e.g. "subkind=institutional_clinic").
    public var reason: String

    public init(sourceIndex: Int, name: String, kind: FacilityKind, reason: String) {
        self.sourceIndex = sourceIndex
        self.name = name
        self.kind = kind
        self.reason = reason
    }
}

/// Facilities as read: those that count, those left out, and what the user should be told.
public struct LoadedFacilities: Sendable {
    public var facilities: [Facility]
    /// Closed facilities (a truthy `closed` field, or a name beginning with 旧 or holding 跡).
    public var closed: [LeftOutFacility]
    /// Facilities left out by ``FacilityOptions/exclusions``.
    public var excluded: [LeftOutFacility]
    /// How kinds were read, e.g. "field kind", "国土数値情報 P04 codes", "OSM tags".
    public var kindSources: [String]
    /// What was done with the data (facilities left out, unknown kinds counted as other).
    public var notes: [String]
    /// Things noticed while reading that may need attention (assumed CRS, repaired polygons).
    public var warnings: [String]

    public init(
        facilities: [Facility], closed: [LeftOutFacility] = [], excluded: [LeftOutFacility] = [],
        kindSources: [String] = [], notes: [String] = [], warnings: [String] = []
    ) {
        self.facilities = facilities
        self.closed = closed
        self.excluded = excluded
        self.kindSources = kindSources
        self.notes = notes
        self.warnings = warnings
    }

    /// How many facilities of each kind are counted (kinds without any are absent).
    public var countsByKind: [FacilityKind: Int] {
        facilities.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 }
    }
}
