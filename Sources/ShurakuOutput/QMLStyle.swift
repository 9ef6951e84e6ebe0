/// QGIS layer styles (QML) for the plan layers: zones categorised by zone with labels,
/// settlements coloured by zone and sized by population with unserved ones as red crosses,
/// cores as labelled stars, routes as lines in their zone's colour.
///
/// The same text goes into `<layer>.qml` beside each GeoJSON and into the GeoPackage's
/// `layer_styles` table as the layer's default style.
struct QMLStyle {
    /// One category per zone, in output order.
    struct Category {
        let zoneID: String
        let label: String
    }

    /// The categories the styles draw: one per zone, or, for plans of more than
    /// ``maxZoneCategories`` zones (a national run), one per colour of the palette, chosen by
    /// the zone number, so that QGIS gets a style it can draw.
    let categories: [Category]
    /// The attribute (or QGIS expression) the zone categories are keyed on.
    let categoryAttribute: String
    let fontFamily: String

    /// Above this many zones, zones share the palette's colours by number.
    static let maxZoneCategories = 256

    init(zones: [Category], fontFamily: String) {
        self.fontFamily = fontFamily
        guard zones.count > QMLStyle.maxZoneCategories else {
            categories = zones
            categoryAttribute = "zone_id"
            return
        }
        let colours = ZonePalette.baseCount
        categories = (0..<colours).map { i in
            Category(zoneID: String(i), label: "zones numbered \(i + 1), \(i + 1 + colours), \(i + 1 + 2 * colours), …")
        }
        categoryAttribute = #"to_string((to_int(regexp_substr("zone_id", '(\\d+)$')) - 1) % \#(colours))"#
    }

    // MARK: - Layers

    func zones() -> String {
        let symbols = categories.indices.map { i in
            fillSymbol(name: "\(i)", color: ZonePalette.color(i), outline: ZonePalette.dark(i))
        }
        return document(
            geometryType: 2,
            renderer: categorized(attr: categoryAttribute, categories: categoryRows(), symbols: symbols),
            labeling: labels(
                expression: #""zone_id" || ' ' || "core_name" || '\n' || format_number("population", 0) || '人'"#,
                size: 10, bold: true, placement: 1))
    }

    func settlements(maxPopulation: Int64) -> String {
        let maxPop = max(1, maxPopulation)
        let size = "coalesce(scale_exp(\"population\", 0, \(maxPop), 1.2, 7, 0.57), 1.2)"
        var symbols = categories.indices.map { i in
            markerSymbol(
                name: "\(i)", shape: "circle", color: ZonePalette.color(i), outline: ZonePalette.dark(i), size: 2, sizeExpression: size,
                expressions: Self.isolatableOutline)
        }
        symbols.append(
            markerSymbol(
                name: "\(categories.count)", shape: "cross2", color: (220, 20, 20), outline: (220, 20, 20), size: 3.6, sizeExpression: nil,
                outlineWidth: 0.8))
        var rows = categoryRows()
        rows.append(categoryXML(value: "", label: "unserved (未カバー)", symbol: categories.count))
        return document(
            geometryType: 0, renderer: categorized(attr: categoryAttribute, categories: rows, symbols: symbols),
            labeling: labels(expression: #"CASE WHEN "status" = 'unserved' THEN "name" END"#, size: 7.5, bold: false, placement: 6))
    }

    func cores() -> String {
        let symbols = categories.indices.map { i in
            markerSymbol(
                name: "\(i)", shape: "star", color: ZonePalette.color(i), outline: (0, 0, 0), size: 5.5, sizeExpression: nil,
                outlineWidth: 0.4)
        }
        return document(
            geometryType: 0, renderer: categorized(attr: categoryAttribute, categories: categoryRows(), symbols: symbols),
            labeling: labels(expression: #""core_name""#, size: 9, bold: true, placement: 6))
    }

    /// Facilities categorised by kind, one symbol each.
    func facilities() -> String {
        let kinds: [(kind: String, label: String, shape: String, color: (r: Int, g: Int, b: Int))] = [
            ("townhall", "役場", "pentagon", (120, 60, 160)), ("hospital", "病院", "cross_fill", (200, 30, 45)),
            ("school", "学校", "square", (30, 90, 200)), ("clinic", "診療所", "cross_fill", (240, 120, 120)),
            ("post_office", "郵便局", "diamond", (230, 60, 30)), ("shop", "店舗", "triangle", (20, 150, 70)),
            ("community_centre", "公民館・集会所", "circle", (170, 120, 40)), ("other", "その他", "circle", (130, 130, 130)),
        ]
        let symbols = kinds.enumerated().map { i, k in
            markerSymbol(name: "\(i)", shape: k.shape, color: k.color, outline: (40, 40, 40), size: 3.2, sizeExpression: nil)
        }
        let rows = kinds.enumerated().map { i, k in categoryXML(value: k.kind, label: k.label, symbol: i) }
        return document(
            geometryType: 0, renderer: categorized(attr: "kind", categories: rows, symbols: symbols), labeling: nil)
    }

    /// Road-data issues categorised by kind: crossings as magenta X marks, gaps as orange
    /// triangles, labelled with the gap's length; visible over an aerial photo.
    func networkIssues() -> String {
        let kinds: [(kind: String, label: String, shape: String, color: (r: Int, g: Int, b: Int), size: Double)] = [
            ("crossing", "crossing without a junction (交差・結節点なし)", "cross2", (230, 0, 200), 4.2),
            ("gap", "gap: road end short of a road (途切れ)", "triangle", (255, 140, 0), 3.6),
        ]
        let symbols = kinds.enumerated().map { i, k in
            markerSymbol(
                name: "\(i)", shape: k.shape, color: k.color, outline: (255, 255, 255), size: k.size, sizeExpression: nil, outlineWidth: 0.5
            )
        }
        let rows = kinds.enumerated().map { i, k in categoryXML(value: k.kind, label: k.label, symbol: i) }
        return document(
            geometryType: 0, renderer: categorized(attr: "kind", categories: rows, symbols: symbols),
            labeling: labels(
                expression: #"CASE WHEN "kind" = 'gap' THEN format_number("distance_m", 1) || ' m' END"#, size: 7.5, bold: false,
                placement: 6))
    }

    func routes() -> String {
        let symbols = categories.indices.map { i in lineSymbol(name: "\(i)", color: ZonePalette.dark(i), width: 0.9) }
        return document(
            geometryType: 1, renderer: categorized(attr: categoryAttribute, categories: categoryRows(), symbols: symbols), labeling: nil)
    }

    // MARK: - Pieces

    private func categoryRows() -> [String] {
        categories.enumerated().map { i, c in categoryXML(value: c.zoneID, label: c.label, symbol: i) }
    }

    func categoryXML(value: String, label: String, symbol: Int) -> String {
        #"<category render="true" symbol="\#(symbol)" value="\#(xml(value))" label="\#(xml(label))" type="string"/>"#
    }

    func document(geometryType: Int, renderer: String, labeling: String?) -> String {
        var s = """
            <!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
            <qgis version="3.22.0" styleCategories="Symbology|Labeling">

            """
        s += renderer
        if let labeling {
            s += labeling + "  <labelsEnabled>1</labelsEnabled>\n"
        }
        s += "  <layerGeometryType>\(geometryType)</layerGeometryType>\n</qgis>\n"
        return s
    }

    private func categorized(attr: String, categories rows: [String], symbols: [String]) -> String {
        var s =
            #"  <renderer-v2 type="categorizedSymbol" attr="\#(xml(attr))" forceraster="0" symbollevels="0" enableorderby="0" referencescale="-1">"#
            + "\n"
        s += "    <categories>\n" + rows.map { "      \($0)\n" }.joined() + "    </categories>\n"
        s += "    <symbols>\n" + symbols.joined() + "    </symbols>\n"
        s += "  </renderer-v2>\n"
        return s
    }

    func fillSymbol(name: String, color: (r: Int, g: Int, b: Int), outline: (r: Int, g: Int, b: Int)) -> String {
        symbol(
            name: name, type: "fill", alpha: "0.6", layerClass: "SimpleFill",
            props: [
                ("color", ZonePalette.rgba(color)), ("style", "solid"), ("outline_color", ZonePalette.rgba(outline)),
                ("outline_style", "solid"), ("outline_width", "0.5"), ("outline_width_unit", "MM"), ("joinstyle", "bevel"),
            ], ddSize: nil)
    }

    func markerSymbol(
        name: String, shape: String, color: (r: Int, g: Int, b: Int), outline: (r: Int, g: Int, b: Int), size: Double,
        sizeExpression: String?, outlineWidth: Double = 0.2, expressions: [(String, String)] = []
    ) -> String {
        symbol(
            name: name, type: "marker", alpha: "1", layerClass: "SimpleMarker",
            props: [
                ("name", shape), ("color", ZonePalette.rgba(color)), ("outline_color", ZonePalette.rgba(outline)),
                ("outline_style", "solid"), ("outline_width", "\(outlineWidth)"), ("outline_width_unit", "MM"),
                ("size", "\(size)"), ("size_unit", "MM"), ("scale_method", "diameter"), ("angle", "0"),
            ], ddSize: sizeExpression, expressions: expressions)
    }

    func lineSymbol(name: String, color: (r: Int, g: Int, b: Int), width: Double) -> String {
        symbol(
            name: name, type: "line", alpha: "0.9", layerClass: "SimpleLine",
            props: [
                ("line_color", ZonePalette.rgba(color)), ("line_style", "solid"), ("line_width", "\(width)"),
                ("line_width_unit", "MM"), ("capstyle", "round"), ("joinstyle", "round"),
            ], ddSize: nil)
    }

    func symbol(
        name: String, type: String, alpha: String, layerClass: String, props: [(String, String)], ddSize: String?,
        expressions: [(String, String)] = []
    ) -> String {
        var s = #"      <symbol name="\#(name)" type="\#(type)" alpha="\#(alpha)" clip_to_extent="1" force_rhr="0">"# + "\n"
        s += #"        <layer class="\#(layerClass)" enabled="1" pass="0" locked="0">"# + "\n"
        for (k, v) in props { s += #"          <prop k="\#(k)" v="\#(xml(v))"/>"# + "\n" }
        let defined = (ddSize.map { [("size", $0)] } ?? []) + expressions
        if !defined.isEmpty {
            s += """
                          <data_defined_properties>
                            <Option type="Map">
                              <Option name="name" value="" type="QString"/>
                              <Option name="properties" type="Map">

                """
            for (property, expression) in defined {
                s += """
                                    <Option name="\(property)" type="Map">
                                      <Option name="active" value="true" type="bool"/>
                                      <Option name="expression" value="\(xml(expression))" type="QString"/>
                                      <Option name="type" value="3" type="int"/>
                                    </Option>

                    """
            }
            s += """
                              </Option>
                              <Option name="type" value="collection" type="QString"/>
                            </Option>
                          </data_defined_properties>

                """
        }
        s += "        </layer>\n      </symbol>\n"
        return s
    }

    /// Simple labelling: `placement` follows QgsPalLayerSettings (1 over point / centroid,
    /// 6 cartographic around point).
    func labels(expression: String, size: Double, bold: Bool, placement: Int) -> String {
        """
          <labeling type="simple">
            <settings calloutType="simple">
              <text-style fieldName="\(xml(expression))" isExpression="1" fontFamily="\(xml(fontFamily))" fontSize="\(size)" fontSizeUnit="Point" fontWeight="\(bold ? 75 : 50)" fontItalic="0" fontUnderline="0" fontStrikeout="0" textColor="25,25,25,255" textOpacity="1" multilineHeight="1" allowHtml="0" capitalization="0" blendMode="0" previewBkgrdColor="255,255,255,255" useSubstitutions="0" fontKerning="1" textOrientation="horizontal">
                <text-buffer bufferDraw="1" bufferSize="0.8" bufferSizeUnits="MM" bufferColor="255,255,255,255" bufferOpacity="0.85" bufferNoFill="1" bufferJoinStyle="128" bufferBlendMode="0"/>
              </text-style>
              <text-format multilineAlign="1" wrapChar="" addDirectionSymbol="0" formatNumbers="0" plussign="0" reverseDirectionSymbol="0" placeDirectionSymbol="0" leftDirectionSymbol="&lt;" rightDirectionSymbol="&gt;" decimals="3" autoWrapLength="0" useMaxLineLengthForAutoWrap="1"/>
              <placement placement="\(placement)" dist="1" distUnits="MM" offsetType="0" quadOffset="4" priority="5" fitInPolygonOnly="0" centroidInside="1" centroidWhole="0" placementFlags="10" xOffset="0" yOffset="0" offsetUnits="MM" rotationAngle="0" maxCurvedCharAngleIn="25" maxCurvedCharAngleOut="-25" repeatDistance="0" overrunDistance="0" lineAnchorPercent="0.5" predefinedPositionOrder="TR,TL,BR,BL,R,L,TSR,BSR" polygonPlacementFlags="2"/>
              <rendering drawLabels="1" obstacle="1" obstacleFactor="1" obstacleType="1" displayAll="0" upsidedownLabels="0" limitNumLabels="0" maxNumLabels="2000" minFeatureSize="0" fontLimitPixelSize="0" fontMinPixelSize="3" fontMaxPixelSize="10000" scaleVisibility="0" labelPerPart="0" mergeLines="0" zIndex="0" unplacedVisibility="0"/>
            </settings>
          </labeling>

        """
    }

    func xml(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#xa;"
            default: out.append(c)
            }
        }
        return out
    }
}
