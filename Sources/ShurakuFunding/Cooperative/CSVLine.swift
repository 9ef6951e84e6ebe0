/// Splits one CSV line (without its line break) into fields.
///
/// RFC 4180 quoting within the line: a field that starts with `"` (after blanks) runs to the
/// closing `"`, with `""` standing for one `"`; only blanks may follow the closing quote.
/// Unquoted fields are trimmed of blanks (including the ideographic space U+3000). A quoted
/// field cannot span lines.
enum CSVLine {
    enum Problem: Error, Equatable {
        /// 1-based field number where the problem is.
        case unterminatedQuote(field: Int)
        case textAfterQuote(field: Int)
    }

    static func split(_ line: String) throws(Problem) -> [String] {
        var fields: [String] = []
        var scalars = Substring(line).unicodeScalars[...]
        while true {
            let fieldNumber = fields.count + 1
            while let f = scalars.first, isBlank(f) { scalars.removeFirst() }
            if scalars.first == "\"" {
                scalars.removeFirst()
                var value = String.UnicodeScalarView()
                var closed = false
                while let s = scalars.first {
                    scalars.removeFirst()
                    if s == "\"" {
                        if scalars.first == "\"" {
                            scalars.removeFirst()
                            value.append("\"")
                        } else {
                            closed = true
                            break
                        }
                    } else {
                        value.append(s)
                    }
                }
                guard closed else { throw .unterminatedQuote(field: fieldNumber) }
                while let f = scalars.first, isBlank(f) { scalars.removeFirst() }
                fields.append(String(value))
                if scalars.isEmpty { return fields }
                guard scalars.first == "," else { throw .textAfterQuote(field: fieldNumber) }
                scalars.removeFirst()
            } else {
                var value = String.UnicodeScalarView()
                while let s = scalars.first, s != "," {
                    scalars.removeFirst()
                    value.append(s)
                }
                fields.append(trimmed(value))
                if scalars.isEmpty { return fields }
                scalars.removeFirst()  // the comma
            }
        }
    }

    static func isBlank(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{3000}"
    }

    private static func trimmed(_ v: String.UnicodeScalarView) -> String {
        var v = Substring.UnicodeScalarView(v)
        while let f = v.first, isBlank(f) { v.removeFirst() }
        while let l = v.last, isBlank(l) { v.removeLast() }
        return String(String.UnicodeScalarView(v))
    }
}
