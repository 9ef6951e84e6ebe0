import Foundation

/// A vector source as the user names it: a path, optionally followed by `:layer`
/// (e.g. `plan.gpkg:zones`).
public struct SourceSpec: Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var layer: String?

    public init(path: String, layer: String? = nil) {
        self.path = path
        self.layer = layer
    }

    /// Splits `path:layer` when the part before the last colon is an existing file and the whole
    /// string is not; otherwise the whole string is the path.
    public init(parsing text: String) {
        let fm = FileManager.default
        if !fm.fileExists(atPath: text), let colon = text.lastIndex(of: ":") {
            let p = String(text[..<colon])
            let l = String(text[text.index(after: colon)...])
            if !p.isEmpty, !l.isEmpty, fm.fileExists(atPath: p) {
                self.init(path: p, layer: l)
                return
            }
        }
        self.init(path: text, layer: nil)
    }

    public var description: String { layer.map { "\(path):\($0)" } ?? path }
}

/// How to read a source.
public struct ReadOptions: Sendable {
    /// Force the text encoding of attributes (e.g. "CP932", "UTF-8"); nil = honour `.cpg`, detect.
    public var encoding: String?
    /// The layer to take from a multi-layer source when none is named (e.g. "lines" for OSM roads,
    /// "points" for OSM places).
    public var defaultLayer: String?
    /// The CRS to assume when the source declares none.
    public var assumedCRS: CRS?
    /// CSV: names of the longitude/x and latitude/y columns; detected when nil.
    public var xField: String?
    public var yField: String?
    /// OSM sources: tags always spread from `other_tags` into fields of their own (matched
    /// case-insensitively), besides the most frequent tags that fit ``osmCellBudget``.
    public var osmKeys: Set<String> = []
    /// OSM sources: at most this many feature × field cells for the other spread tags. The rarer
    /// tags of a large extract stay in `other_tags` (with a warning), so memory stays bounded.
    public var osmCellBudget = 5_000_000

    public init(
        encoding: String? = nil, defaultLayer: String? = nil, assumedCRS: CRS? = nil, xField: String? = nil,
        yField: String? = nil
    ) {
        self.encoding = encoding
        self.defaultLayer = defaultLayer
        self.assumedCRS = assumedCRS
        self.xField = xField
        self.yField = yField
    }
}
