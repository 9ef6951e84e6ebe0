import ShurakuGeo

/// Reads each facility's kind from whatever the layer offers, resolved once per layer.
///
/// In order, per feature: the kind field (given or detected); 国土数値情報 (KSJ) codes; OSM tags.
/// The first that yields a value decides; a feature where none does is ``FacilityKind/other``.
///
/// KSJ mapping (field names as in the KSJ shapefiles, `P04_001` …, or as in GML-derived
/// files, `medicalInstitutionClassification`, with or without a `P04:` prefix):
/// - P04 医療機関, `P04_001` 医療機関分類: 1 病院 → hospital, 2 診療所 → clinic,
///   3 歯科診療所 → clinic (subkind `dental`). Codes from the KSJ P04 product specification.
/// - P29 学校, `P29_004` 学校分類: 16001 小学校, 16002 中学校, 16003 中等教育学校, 16004 高等学校
///   → school (subkinds `elementary`, `junior_high`, `secondary`, `high`). Other codes
///   (kindergartens, universities, …) → other, unless the name says 義務教育学校.
/// - P30 郵便局: any layer with `P30_` fields holds post offices → post_office.
/// - P05 市町村役場等及び公的集会施設, `P05_002` 施設分類: 1 本庁, 2 支所・出張所・連絡所,
///   3 行政サービス施設 → townhall (subkinds `head_office`, `branch_office`, `service_office`);
///   4 公立公民館, 5 集会施設 → community_centre (subkinds `kominkan`, `assembly_hall`). Codes as
///   the categories of the P05 (2022) QGIS style in the public `babayoshihiko/jpdata` repository.
///
/// OSM tags (fields, or OGR's `other_tags` text): `amenity` = school → school; clinic, doctors,
/// dentist → clinic; hospital; post_office; townhall; community_centre; `shop` = supermarket,
/// convenience, general, department_store → shop; `healthcare` = hospital / clinic, doctor,
/// dentist when `amenity` says nothing. Other values → other.
struct FacilityKindDetector {
    /// Where a kind came from, for notes.
    enum Source: Hashable {
        case field(String)
        case ksj(String)
        case osm
        case none
    }

    struct Result {
        var kind: FacilityKind
        var subkind: String?
        var source: Source
        /// A kind-field value that was not recognised (the kind is then `other`).
        var unknownValue: String?
    }

    let kindField: Int?
    let kindFieldName: String?
    let subkindField: Int?
    let p04: Int?
    let p29: Int?
    let p05: Int?
    let isP30: Bool
    let amenity: Int?
    let shop: Int?
    let healthcare: Int?
    let otherTags: Int?

    /// Field names recognised as a facility kind, in order of preference.
    static let kindFieldCandidates = ["kind", "facility_kind", "種別", "施設種別", "施設分類", "category"]

    init(layer: VectorLayer, kindField: Int?) {
        self.kindField = kindField
        kindFieldName = kindField.map { layer.fields[$0].name }
        subkindField = layer.fieldIndex(FacilityLoader.subkindField)
        let names = layer.fields.map { $0.name.lowercased() }
        func find(_ exact: [String], suffix: String? = nil) -> Int? {
            for e in exact { if let i = names.firstIndex(of: e) { return i } }
            guard let suffix else { return nil }
            return names.firstIndex { $0.hasSuffix(suffix) }
        }
        p04 = find(["p04_001"], suffix: "medicalinstitutionclassification")
        p29 = find(["p29_004"])
        p05 = find(["p05_002"])
        isP30 = names.contains { $0.hasPrefix("p30_") || $0.hasPrefix("p30:") }
        amenity = find(["amenity"])
        shop = find(["shop"])
        healthcare = find(["healthcare"])
        otherTags = find(["other_tags"])
    }

    /// The kinds the layer can tell, for notes ("field kind", "国土数値情報 P04 codes", …).
    func describe(_ s: Source) -> String {
        switch s {
        case .field(let f): "field \(f)"
        case .ksj(let p): "国土数値情報 \(p) codes"
        case .osm: "OSM tags"
        case .none: "no kind information"
        }
    }

    func detect(_ f: VectorFeature, name: String) -> Result {
        func text(_ i: Int?) -> String? {
            guard let i, i < f.values.count, let t = f.values[i].text?.trimmingCharacters(in: .whitespaces), !t.isEmpty
            else { return nil }
            return t
        }
        let subkind = text(subkindField)
        var unknown: String? = nil
        if let raw = text(kindField), let field = kindFieldName {
            if let k = FacilityKind(parsing: raw) {
                return Result(kind: k, subkind: subkind ?? Self.subkind(fromKindValue: raw, kind: k), source: .field(field))
            }
            unknown = raw
        }
        if var r = ksj(text) {
            if r.source == .ksj("P29"), r.kind == .other, name.contains("義務教育学校") { r = (.school, "compulsory", r.source) }
            return Result(kind: r.kind, subkind: subkind ?? r.subkind, source: r.source, unknownValue: unknown)
        }
        var tags: [String: String] = [:]
        if let t = text(otherTags) {
            for (k, v) in OSMTags.parse(t) { tags[k.lowercased()] = v }
        }
        if let v = text(amenity) { tags["amenity"] = v }
        if let v = text(shop) { tags["shop"] = v }
        if let v = text(healthcare) { tags["healthcare"] = v }
        if let r = Self.osm(tags) { return Result(kind: r.0, subkind: subkind ?? r.1, source: .osm, unknownValue: unknown) }
        if isP30 { return Result(kind: .postOffice, subkind: subkind, source: .ksj("P30"), unknownValue: unknown) }
        return Result(
            kind: .other, subkind: subkind ?? unknown, source: unknown == nil ? .none : .field(kindFieldName ?? ""),
            unknownValue: unknown)
    }

    /// A subkind implied by a kind-field value that is more specific than the kind ("doctors",
    /// "小学校"); nil when the value is the kind's own name.
    static func subkind(fromKindValue raw: String, kind: FacilityKind) -> String? {
        let t = raw.trimmingCharacters(in: .whitespaces)
        return t.lowercased() == kind.rawValue ? nil : t
    }

    private func ksj(_ text: (Int?) -> String?) -> (kind: FacilityKind, subkind: String?, source: Source)? {
        if let v = text(p04) {
            switch v {
            case "1": return (.hospital, nil, .ksj("P04"))
            case "2": return (.clinic, nil, .ksj("P04"))
            case "3": return (.clinic, "dental", .ksj("P04"))
            default:
                if v.contains("歯科") { return (.clinic, "dental", .ksj("P04")) }
                if let k = FacilityKind(parsing: v), k == .hospital || k == .clinic { return (k, nil, .ksj("P04")) }
                return (.other, "P04 \(v)", .ksj("P04"))
            }
        }
        if let v = text(p29) {
            switch v {
            case "16001": return (.school, "elementary", .ksj("P29"))
            case "16002": return (.school, "junior_high", .ksj("P29"))
            case "16003": return (.school, "secondary", .ksj("P29"))
            case "16004": return (.school, "high", .ksj("P29"))
            default: return (.other, "P29 \(v)", .ksj("P29"))
            }
        }
        if let v = text(p05) {
            switch v {
            case "1": return (.townHall, "head_office", .ksj("P05"))
            case "2": return (.townHall, "branch_office", .ksj("P05"))
            case "3": return (.townHall, "service_office", .ksj("P05"))
            case "4": return (.communityCentre, "kominkan", .ksj("P05"))
            case "5": return (.communityCentre, "assembly_hall", .ksj("P05"))
            default: return (.other, "P05 \(v)", .ksj("P05"))
            }
        }
        return nil
    }

    /// The kind OSM tags give, with the tag value as subkind; nil when no tag says.
    static func osm(_ tags: [String: String]) -> (FacilityKind, String?)? {
        if let a = tags["amenity"]?.lowercased() {
            switch a {
            case "school": return (.school, nil)
            case "clinic", "doctors": return (.clinic, a == "clinic" ? nil : a)
            case "dentist": return (.clinic, "dental")
            case "hospital": return (.hospital, nil)
            case "post_office": return (.postOffice, nil)
            case "townhall": return (.townHall, tags["townhall:type"])
            case "community_centre": return (.communityCentre, nil)
            default: break
            }
        }
        if let s = tags["shop"]?.lowercased() {
            switch s {
            case "supermarket", "convenience", "general", "department_store": return (.shop, s)
            default: break
            }
        }
        if let h = tags["healthcare"]?.lowercased() {
            switch h {
            case "hospital": return (.hospital, nil)
            case "clinic", "doctor": return (.clinic, h == "clinic" ? nil : h)
            case "dentist": return (.clinic, "dental")
            default: break
            }
        }
        if let a = tags["amenity"] { return (.other, a) }
        if let s = tags["shop"] { return (.other, "shop=\(s)") }
        return nil
    }
}
