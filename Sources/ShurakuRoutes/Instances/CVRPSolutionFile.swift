/// A CVRPLIB solution file (`.sol`): lines `Route #k: c1 c2 …` (customers numbered from 1,
/// the depot excluded) and a final `Cost N`.
public struct CVRPSolutionFile: Sendable, Equatable {
    public var routes: [[Int]]
    public var cost: Int64

    public init(bytes: [UInt8]) throws(InstanceError) {
        routes = []
        var cost: Int64?
        let text = String(decoding: bytes, as: UTF8.self)
        var number = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            number += 1
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("Route") {
                guard let colon = trimmed.firstIndex(of: ":") else { throw .malformedEntry(line: number) }
                var route: [Int] = []
                for t in trimmed[trimmed.index(after: colon)...].split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                    guard let c = Int(t), c >= 1 else { throw .malformedEntry(line: number) }
                    route.append(c)
                }
                routes.append(route)
            } else if trimmed.hasPrefix("Cost") {
                let rest = trimmed.dropFirst(4).trimmingWhitespace()
                if let v = Int64(rest) {
                    cost = v
                } else if let d = Double(rest), d.isFinite, abs(d) < 1e18 {
                    cost = Int64(d.rounded())
                } else {
                    throw .malformedEntry(line: number)
                }
            }
        }
        guard let cost else { throw .missingCost }
        self.cost = cost
    }
}
