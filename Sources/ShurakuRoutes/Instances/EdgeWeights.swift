import Foundation

/// TSPLIB distance functions and explicit weight layouts, producing a dense `Int32` matrix.
enum EdgeWeights {
    static let coordinateTypes: Set<String> = ["EUC_2D", "CEIL_2D", "ATT", "GEO"]

    /// The row-major `n × n` matrix for `text`'s `EDGE_WEIGHT_TYPE`.
    static func matrix(_ text: TSPLIBText, n: Int) throws(InstanceError) -> [Int32] {
        guard let type = text.fields["EDGE_WEIGHT_TYPE"]?.uppercased() else {
            throw .missingField("EDGE_WEIGHT_TYPE")
        }
        if type == "EXPLICIT" { return try explicit(text, n: n) }
        guard coordinateTypes.contains(type) else { throw .unsupported(field: "EDGE_WEIGHT_TYPE", value: type) }
        let xy = try text.nodeTable("NODE_COORD_SECTION", n: n, width: 2)
        var out = [Int32](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n where j != i {
                let value: Double
                switch type {
                case "EUC_2D": value = (euclid(xy[i], xy[j]) + 0.5).rounded(.down)
                case "CEIL_2D": value = euclid(xy[i], xy[j]).rounded(.up)
                case "ATT": value = pseudoEuclid(xy[i], xy[j])
                default: value = geo(xy[i], xy[j])
                }
                guard value.isFinite, value >= 0, value <= Double(Int32.max - 1) else {
                    throw .distanceOutOfRange(from: i + 1, to: j + 1)
                }
                out[i * n + j] = Int32(value)
            }
        }
        return out
    }

    static func euclid(_ a: [Double], _ b: [Double]) -> Double {
        let dx = a[0] - b[0]
        let dy = a[1] - b[1]
        return (dx * dx + dy * dy).squareRoot()
    }

    /// TSPLIB `ATT`: pseudo-Euclidean distance, rounded up when rounding to nearest falls short.
    static func pseudoEuclid(_ a: [Double], _ b: [Double]) -> Double {
        let dx = a[0] - b[0]
        let dy = a[1] - b[1]
        let r = ((dx * dx + dy * dy) / 10).squareRoot()
        let t = (r + 0.5).rounded(.down)
        return t < r ? t + 1 : t
    }

    /// TSPLIB `GEO`: coordinates are DDD.MM (degrees and minutes); great-circle distance in km
    /// on the TSPLIB sphere, truncated after adding 1.
    static func geo(_ a: [Double], _ b: [Double]) -> Double {
        func radians(_ x: Double) -> Double {
            let pi = 3.141592
            let degrees = x.rounded(.towardZero)
            let minutes = x - degrees
            return pi * (degrees + 5 * minutes / 3) / 180
        }
        let latA = radians(a[0])
        let lonA = radians(a[1])
        let latB = radians(b[0])
        let lonB = radians(b[1])
        let q1 = cos(lonA - lonB)
        let q2 = cos(latA - latB)
        let q3 = cos(latA + latB)
        let arg = max(-1, min(1, 0.5 * ((1 + q1) * q2 - (1 - q1) * q3)))
        return (6378.388 * acos(arg) + 1).rounded(.towardZero)
    }

    /// `EXPLICIT` weights in one of the TSPLIB row/column layouts.
    static func explicit(_ text: TSPLIBText, n: Int) throws(InstanceError) -> [Int32] {
        let format = text.fields["EDGE_WEIGHT_FORMAT"]?.uppercased() ?? "FULL_MATRIX"
        // Column layouts of one triangle are the row layouts of the other.
        let rowFormat: String
        switch format {
        case "UPPER_COL": rowFormat = "LOWER_ROW"
        case "LOWER_COL": rowFormat = "UPPER_ROW"
        case "UPPER_DIAG_COL": rowFormat = "LOWER_DIAG_ROW"
        case "LOWER_DIAG_COL": rowFormat = "UPPER_DIAG_ROW"
        default: rowFormat = format
        }
        // Which cells of row i the layout lists, in order.
        let columns: (Int) -> Range<Int>
        switch rowFormat {
        case "FULL_MATRIX": columns = { _ in 0..<n }
        case "UPPER_ROW": columns = { i in (i + 1)..<max(i + 1, n) }
        case "LOWER_ROW": columns = { i in 0..<i }
        case "UPPER_DIAG_ROW": columns = { i in i..<n }
        case "LOWER_DIAG_ROW": columns = { i in 0..<(i + 1) }
        default: throw .unsupported(field: "EDGE_WEIGHT_FORMAT", value: format)
        }
        let expected = (0..<n).reduce(0) { $0 + columns($1).count }
        let values = try text.numbers("EDGE_WEIGHT_SECTION", limit: expected)
        guard values.count == expected else { throw .incompleteSection("EDGE_WEIGHT_SECTION") }
        var out = [Int32](repeating: 0, count: n * n)
        var k = 0
        for i in 0..<n {
            for j in columns(i) {
                let v = values[k].rounded()
                k += 1
                guard v >= 0, v <= Double(Int32.max - 1) else { throw .distanceOutOfRange(from: i + 1, to: j + 1) }
                out[i * n + j] = Int32(v)
                if rowFormat != "FULL_MATRIX" { out[j * n + i] = Int32(v) }
            }
        }
        return out
    }
}
