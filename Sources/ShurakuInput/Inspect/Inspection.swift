import Foundation
import ShurakuGeo

/// What `shuraku inspect` finds in a source: per layer, its shape, fields with detected roles,
/// population total and the problems a plan would trip over.
public struct Inspection: Sendable, Codable, Equatable {
    public struct Field: Sendable, Codable, Equatable {
        public var name: String
        public var type: String
        /// "population", "id", "name", "core", or nil.
        public var role: String?
    }

    /// What a road-data check found on a line layer (see `RoadGraphBuilder`): the same counts
    /// as a plan's `network_issues`.
    public struct RoadData: Sendable, Codable, Equatable {
        /// Crossings without a shared vertex that are not grade separations.
        public var crossings: Int
        /// Crossings the data marks as bridges, tunnels or different layers.
        public var gradeSeparations: Int
        /// Line ends within `gapReportM` of another line, not joined by `snapToleranceM`.
        public var gaps: Int
        /// Line ends farther than `gapReportM` from any other line.
        public var dangles: Int
        /// Connected pieces of the road graph.
        public var components: Int
        /// Lines that became road, of the lines read.
        public var roadLines: Int
        public var gapReportM: Double
        public var snapToleranceM: Double

        public init(
            crossings: Int, gradeSeparations: Int, gaps: Int, dangles: Int, components: Int, roadLines: Int, gapReportM: Double,
            snapToleranceM: Double
        ) {
            self.crossings = crossings
            self.gradeSeparations = gradeSeparations
            self.gaps = gaps
            self.dangles = dangles
            self.components = components
            self.roadLines = roadLines
            self.gapReportM = gapReportM
            self.snapToleranceM = snapToleranceM
        }
    }

    public struct Layer: Sendable, Codable, Equatable {
        public var name: String
        public var driver: String
        /// Geometry types found, with counts, e.g. ["Point": 195].
        public var geometryTypes: [String: Int]
        public var crs: String?
        public var encoding: String?
        public var featureCount: Int
        /// lon/lat extent [minLon, minLat, maxLon, maxLat] when the CRS allows.
        public var extentLonLat: [Double]?
        public var fields: [Field]
        public var populationField: String?
        public var populationTotal: Double?
        public var problems: [String]
        public var notes: [String]
        /// The road-data check, for a line layer when asked for.
        public var roads: RoadData? = nil
    }

    public var path: String
    public var layers: [Layer]

    /// Readable text for the terminal.
    public func renderText() -> String {
        var out = [path]
        for l in layers {
            let types = l.geometryTypes.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            out.append("  layer \(l.name) (\(l.driver)): \(l.featureCount) features\(types.isEmpty ? "" : ", \(types)")")
            out.append("    CRS: \(l.crs ?? "none declared")")
            if let e = l.extentLonLat, e.count == 4 {
                out.append(String(format: "    extent (lon/lat): %.6f, %.6f – %.6f, %.6f", e[0], e[1], e[2], e[3]))
            }
            if let enc = l.encoding { out.append("    text encoding: \(enc)") }
            out.append("    fields:")
            let width = min(24, l.fields.map { Inspection.displayWidth($0.name) }.max() ?? 0)
            for f in l.fields {
                let pad = String(repeating: " ", count: max(0, width - Inspection.displayWidth(f.name)))
                out.append("      \(f.name)\(pad)  \(f.role == nil ? f.type : f.type.padded(to: 8))\(f.role.map { "← \($0)" } ?? "")")
            }
            if let pf = l.populationField, let t = l.populationTotal {
                out.append("    population total: \(Inspection.grouped(t)) (\(pf))")
            }
            for n in l.notes { out.append("    note: \(n)") }
            if let r = l.roads {
                out.append(
                    "    road data: \(r.roadLines) road lines in \(r.components) connected pieces; \(r.crossings) crossings without a "
                        + "shared vertex, \(r.gradeSeparations) grade separations (bridge, tunnel, layer), \(r.gaps) gaps within "
                        + "\(String(format: "%g", r.gapReportM)) m not joined by a \(String(format: "%g", r.snapToleranceM)) m snap "
                        + "tolerance, \(r.dangles) dead ends")
            }
            if l.problems.isEmpty {
                out.append("    problems: none found")
            } else {
                out.append("    problems (\(l.problems.count)):")
                for p in l.problems.prefix(30) { out.append("      - \(p)") }
                if l.problems.count > 30 { out.append("      - … and \(l.problems.count - 30) more") }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// JSON, keys sorted, for scripts.
    public func renderJSON() -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? enc.encode(self) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Terminal columns a text takes: CJK and full-width characters take two.
    static func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { w, u in
            let v = u.value
            let wide =
                (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return w + (wide ? 2 : 1)
        }
    }

    /// 15687 → "15,687"; keeps decimals when there are any.
    static func grouped(_ v: Double) -> String {
        if v != v.rounded() { return String(format: "%.2f", v) }
        let digits = String(Int64(v).magnitude)
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (v < 0 ? "-" : "") + String(out.reversed())
    }
}

extension String {
    fileprivate func padded(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
