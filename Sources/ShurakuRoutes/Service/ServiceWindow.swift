import ShurakuCore

/// A time of day during which a zone's bus runs, e.g. 07:00–09:00. Start and end are whole
/// minutes after midnight on one day (00:00 … 23:59); the end is after the start.
public struct ServiceWindow: Sendable, Hashable, CustomStringConvertible {
    /// Minutes after midnight at which the window opens.
    public let startMinute: Int
    /// Minutes after midnight at which the window closes (after ``startMinute``).
    public let endMinute: Int

    /// A window from `startMinute` to `endMinute` (minutes after midnight).
    ///
    /// - Throws: ``BusServiceError`` when a time lies outside 00:00…23:59 or the end is not after the start.
    public init(startMinute: Int, endMinute: Int) throws(BusServiceError) {
        let text = "\(Self.clock(startMinute))-\(Self.clock(endMinute))"
        for m in [startMinute, endMinute] where !(0..<Self.minutesPerDay).contains(m) {
            throw .timeOutOfRange(window: text, reason: "\(Self.clock(m)) is not a time of day (00:00…23:59)")
        }
        guard endMinute > startMinute else { throw .endNotAfterStart(window: text) }
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// The window's length in minutes.
    public var lengthMinutes: Int { endMinute - startMinute }

    /// "07:00-09:00", the form ``parse(_:)`` reads.
    public var description: String { "\(Self.clock(startMinute))-\(Self.clock(endMinute))" }

    /// Whether the two windows share more than an end point.
    public func overlaps(_ other: ServiceWindow) -> Bool {
        startMinute < other.endMinute && other.startMinute < endMinute
    }

    static let minutesPerDay = 24 * 60

    /// "HH:MM" for any whole number of minutes (negative or past midnight shown as computed).
    static func clock(_ minute: Int) -> String {
        let h = minute / 60
        let m = abs(minute % 60)
        return (h < 10 && h >= 0 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }

    /// Reads one window, `HH:MM-HH:MM` (one-digit hours allowed, spaces around the dash ignored).
    ///
    /// - Throws: ``BusServiceError`` naming the text: malformed, hour above 23, minute above 59,
    ///   end not after start.
    public static func parse(_ text: String) throws(BusServiceError) -> ServiceWindow {
        let trimmed = text.trimmingSpaces
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        guard parts.count == 2 else { throw .malformedWindow(window: trimmed) }
        var minutes: [Int] = []
        for part in parts {
            let hm = part.split(separator: ":", omittingEmptySubsequences: false)
            guard hm.count == 2, (1...2).contains(hm[0].count), hm[1].count == 2,
                hm.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), let h = Int(hm[0]), let m = Int(hm[1])
            else { throw .malformedWindow(window: trimmed) }
            guard h <= 23 else { throw .timeOutOfRange(window: trimmed, reason: "hour \(h) is above 23") }
            guard m <= 59 else { throw .timeOutOfRange(window: trimmed, reason: "minute \(m) is above 59") }
            minutes.append(h * 60 + m)
        }
        guard minutes[1] > minutes[0] else { throw .endNotAfterStart(window: trimmed) }
        return try ServiceWindow(startMinute: minutes[0], endMinute: minutes[1])
    }

    /// Reads a comma-separated list of windows, e.g. `07:00-09:00,15:00-17:00`, in the order given.
    ///
    /// - Throws: ``BusServiceError`` for an empty list, any window ``parse(_:)`` refuses, or two
    ///   windows that overlap (touching at an end is allowed).
    public static func parseList(_ text: String) throws(BusServiceError) -> [ServiceWindow] {
        let pieces = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard !text.trimmingSpaces.isEmpty else { throw .noWindows }
        var windows: [ServiceWindow] = []
        for piece in pieces { windows.append(try parse(piece)) }
        try checkNoOverlap(windows)
        return windows
    }

    /// Throws ``BusServiceError/overlappingWindows(_:_:)`` for the first two windows that overlap.
    public static func checkNoOverlap(_ windows: [ServiceWindow]) throws(BusServiceError) {
        for i in windows.indices {
            for j in windows.indices where j > i && windows[i].overlaps(windows[j]) {
                throw .overlappingWindows(windows[i].description, windows[j].description)
            }
        }
    }

    /// The list as ``parseList(_:)`` reads it: `07:00-09:00,15:00-17:00`.
    public static func listText(_ windows: [ServiceWindow]) -> String {
        windows.map(\.description).joined(separator: ",")
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[first...last])
    }
}
