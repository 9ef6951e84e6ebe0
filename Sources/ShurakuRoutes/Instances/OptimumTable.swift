/// Known optimal costs by instance name, read from lines `name : value` (blank lines skipped).
public struct OptimumTable: Sendable, Equatable {
    public var values: [String: Int64]

    public init(bytes: [UInt8]) throws(InstanceError) {
        values = [:]
        let text = String(decoding: bytes, as: UTF8.self)
        var number = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            number += 1
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty { continue }
            let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw .malformedEntry(line: number) }
            let name = parts[0].trimmingWhitespace()
            guard !name.isEmpty, let value = Int64(parts[1].trimmingWhitespace()) else {
                throw .malformedEntry(line: number)
            }
            values[name] = value
        }
    }

    public subscript(name: String) -> Int64? { values[name] }
}
