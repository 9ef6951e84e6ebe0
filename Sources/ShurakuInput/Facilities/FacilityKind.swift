/// What a facility offers, as far as choosing a 基幹集落 is concerned.
///
/// The raw value is the stable name used in outputs and scenario files (snake_case, as in the
/// shared facility data); ``label`` is the Japanese word used in reasons.
public enum FacilityKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// 役場: the town hall, its 支所・出張所 and other administrative service offices.
    case townHall = "townhall"
    case hospital
    /// 小学校, 中学校, 高校 and the like (not nurseries or kindergartens).
    case school
    /// 診療所: clinics, doctors' and dentists' practices.
    case clinic
    case postOffice = "post_office"
    /// Daily shopping: supermarkets, convenience and general stores.
    case shop
    /// 公民館, 集会所, community and exchange centres.
    case communityCentre = "community_centre"
    /// Anything else, and kinds that were not recognised.
    case other

    /// The Japanese word used in reasons, e.g. "診療所".
    public var label: String {
        switch self {
        case .townHall: "役場"
        case .hospital: "病院"
        case .clinic: "診療所"
        case .school: "学校"
        case .postOffice: "郵便局"
        case .shop: "店舗"
        case .communityCentre: "公民館・集会所"
        case .other: "その他"
        }
    }

    /// Other kinds a facility of this kind also provides: a hospital serves as a clinic too.
    ///
    /// Scoring counts a kind that is provided by another kind present only once, and access
    /// times to a kind may use any facility that provides it.
    public var alsoProvides: Set<FacilityKind> {
        switch self {
        case .hospital: [.clinic]
        default: []
        }
    }

    /// Whether a facility of this kind serves a need for `kind` (itself, or ``alsoProvides``).
    public func provides(_ kind: FacilityKind) -> Bool {
        self == kind || alsoProvides.contains(kind)
    }

    /// Declaration order: the order kinds are listed in outputs.
    public static func < (a: FacilityKind, b: FacilityKind) -> Bool {
        order(a) < order(b)
    }

    private static func order(_ k: FacilityKind) -> Int { allCases.firstIndex(of: k) ?? allCases.count }

    /// Reads a kind from a `kind` field value: the raw values, common English and OSM words
    /// (`doctors`, `town_hall`, `supermarket`, …) and Japanese words (病院, 小学校, 公民館, …).
    /// Nil when the text names none of them (the caller then counts it as ``other``).
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            .replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        guard !t.isEmpty else { return nil }
        if let k = FacilityKind(rawValue: t) {
            self = k
            return
        }
        if let k = FacilityKind.englishAliases[t] {
            self = k
            return
        }
        for (words, kind) in FacilityKind.japaneseWords where words.contains(where: { t.contains($0) }) {
            self = kind
            return
        }
        return nil
    }

    /// English and OSM words for each kind (lower case, `_` for spaces).
    static let englishAliases: [String: FacilityKind] = [
        "town_hall": .townHall, "city_hall": .townHall, "municipal_office": .townHall, "branch_office": .townHall,
        "government": .townHall,
        "doctors": .clinic, "doctor": .clinic, "dentist": .clinic, "dental": .clinic, "medical_clinic": .clinic,
        "schools": .school, "primary_school": .school, "elementary_school": .school, "junior_high_school": .school,
        "high_school": .school,
        "post": .postOffice, "postoffice": .postOffice,
        "supermarket": .shop, "convenience": .shop, "convenience_store": .shop, "grocery": .shop, "store": .shop,
        "community_center": .communityCentre, "community_hall": .communityCentre, "village_hall": .communityCentre,
        "kominkan": .communityCentre,
    ]

    /// Japanese words, tried in order (a word in the text is enough): hospital before clinic,
    /// because 病院 names never mean a clinic while 医院 does.
    static let japaneseWords: [([String], FacilityKind)] = [
        (["役場", "役所", "支所", "出張所", "連絡所", "行政センター", "庁舎"], .townHall),
        (["病院"], .hospital),
        (["診療所", "医院", "クリニック", "歯科"], .clinic),
        (["小学校", "中学校", "義務教育学校", "中等教育学校", "高等学校", "高校", "学校"], .school),
        (["郵便局"], .postOffice),
        (["スーパー", "コンビニ", "商店", "店舗", "売店", "購買"], .shop),
        (["公民館", "集会所", "集会施設", "集会場", "コミュニティ", "交流センター", "会館"], .communityCentre),
    ]
}

extension FacilityKind {
    /// The word for a school in reasons: 小学校, 中学校, 小中学校, 高校 … from the subkind or
    /// the name; "学校" when neither says.
    public static func schoolLabel(subkind: String?, name: String?) -> String {
        let sub = subkind?.lowercased() ?? ""
        switch sub {
        case "elementary", "elementary_school", "primary", "primary_school", "小学校": return "小学校"
        case "junior_high", "junior_high_school", "middle_school", "lower_secondary", "中学校": return "中学校"
        case "compulsory", "compulsory_education_school", "義務教育学校", "小中学校": return "小中学校"
        case "secondary", "secondary_school", "中等教育学校": return "中等教育学校"
        case "high", "high_school", "upper_secondary", "高等学校", "高校": return "高校"
        default: break
        }
        let n = name ?? ""
        if n.contains("義務教育学校") || n.contains("小中学校") || n.contains("小・中学校") { return "小中学校" }
        if n.contains("小学校") || n.contains("小学") { return "小学校" }
        if n.contains("中学校") || n.contains("中学") || n.contains("中等教育学校") { return "中学校" }
        if n.contains("高等学校") || n.contains("高校") { return "高校" }
        if n.contains("大学") { return "大学" }
        return FacilityKind.school.label
    }
}
