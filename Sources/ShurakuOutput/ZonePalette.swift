/// Colours for zones: a qualitative palette of 12, darkened on each further round so that
/// neighbouring zone ids stay distinguishable. Shared by the QGIS styles and `map.svg`.
enum ZonePalette {
    private static let base: [(Int, Int, Int)] = [
        (141, 211, 199), (255, 237, 111), (190, 186, 218), (251, 128, 114), (128, 177, 211), (253, 180, 98),
        (179, 222, 105), (252, 205, 229), (188, 128, 189), (204, 235, 197), (217, 217, 217), (255, 255, 179),
    ]

    /// How many distinct hues the palette has.
    static var baseCount: Int { base.count }

    /// The colour of the zone at `index` (0-based, in output order).
    static func color(_ index: Int) -> (r: Int, g: Int, b: Int) {
        let (r, g, b) = base[index % base.count]
        let round = index / base.count
        let f = max(0.45, 1.0 - 0.18 * Double(round))
        return (Int(Double(r) * f), Int(Double(g) * f), Int(Double(b) * f))
    }

    /// A darker shade for lines and outlines.
    static func dark(_ index: Int) -> (r: Int, g: Int, b: Int) {
        let c = color(index)
        return (c.r * 55 / 100, c.g * 55 / 100, c.b * 55 / 100)
    }

    static func rgba(_ c: (r: Int, g: Int, b: Int), alpha: Int = 255) -> String { "\(c.r),\(c.g),\(c.b),\(alpha)" }
    static func hex(_ c: (r: Int, g: Int, b: Int)) -> String {
        func h(_ v: Int) -> String {
            let s = String(max(0, min(255, v)), radix: 16)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + h(c.r) + h(c.g) + h(c.b)
    }
}
