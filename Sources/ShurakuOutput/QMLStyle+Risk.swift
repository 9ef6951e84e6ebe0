/// Styles of the cut-off risk: critical roads graduated by the people they cut off, isolatable
/// settlements ringed in red, drone range rings as dashed outlines.
extension QMLStyle {
    /// Data-defined outline of a settlement marker: thick and red when `isolatable`.
    static let isolatableOutline: [(String, String)] = [
        ("outlineColor", #"CASE WHEN "isolatable" = 1 THEN '200,0,0,255' END"#),
        ("outlineWidth", #"CASE WHEN "isolatable" = 1 THEN 0.9 END"#),
    ]

    /// Upper bounds of the `people_cut_off` classes (the last class is open).
    static let peopleBreaks: [Int64] = [50, 200, 1000]

    /// `critical_roads`: graduated by `people_cut_off`, wider and darker for more people, labelled
    /// with the count.
    func criticalRoads(maxPeople: Int64) -> String {
        let colors: [(r: Int, g: Int, b: Int)] = [(253, 174, 97), (244, 109, 67), (215, 48, 39), (140, 0, 20)]
        let widths = [1.0, 1.6, 2.4, 3.4]
        var lower: Int64 = 0
        var ranges: [String] = []
        var symbols: [String] = []
        for (i, upper) in (Self.peopleBreaks + [max(maxPeople, (Self.peopleBreaks.last ?? 0) + 1)]).enumerated() {
            let label = i == Self.peopleBreaks.count ? "over \(lower) people" : "\(lower + 1)–\(upper) people"
            ranges.append(
                #"      <range render="true" symbol="\#(i)" lower="\#(lower).000000" upper="\#(upper).000000" label="\#(xml(label))"/>"#)
            symbols.append(lineSymbol(name: "\(i)", color: colors[i], width: widths[i]))
            lower = upper
        }
        var renderer =
            #"  <renderer-v2 type="graduatedSymbol" attr="people_cut_off" graduatedMethod="GraduatedColor" forceraster="0" symbollevels="0" enableorderby="0" referencescale="-1">"#
            + "\n"
        renderer += "    <ranges>\n" + ranges.map { $0 + "\n" }.joined() + "    </ranges>\n"
        renderer += "    <symbols>\n" + symbols.joined() + "    </symbols>\n"
        renderer += #"    <mode name="fixed"/>"# + "\n  </renderer-v2>\n"
        return document(
            geometryType: 1, renderer: renderer,
            labeling: labels(expression: #"format_number("people_cut_off", 0) || '人'"#, size: 7.5, bold: true, placement: 2))
    }

    /// `drone_rings`: a dashed outline around each core, no fill.
    func droneRings() -> String {
        let ring = symbol(
            name: "0", type: "fill", alpha: "1", layerClass: "SimpleFill",
            props: [
                ("color", "0,0,0,0"), ("style", "no"), ("outline_color", "30,110,200,255"), ("outline_style", "dash"),
                ("outline_width", "0.5"), ("outline_width_unit", "MM"), ("joinstyle", "round"),
            ], ddSize: nil)
        let renderer =
            #"  <renderer-v2 type="singleSymbol" forceraster="0" symbollevels="0" enableorderby="0" referencescale="-1">"# + "\n"
            + "    <symbols>\n" + ring + "    </symbols>\n  </renderer-v2>\n"
        return document(geometryType: 2, renderer: renderer, labeling: nil)
    }
}
