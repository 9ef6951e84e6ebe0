import ShurakuRoutes
import Testing

@Suite("Service windows")
struct ServiceWindowTests {
    @Test("a list reads in the order given and writes back the same text")
    func parsesList() throws {
        let w = try ServiceWindow.parseList("07:00-09:00, 15:00 - 17:30")
        #expect(w.map(\.startMinute) == [420, 900])
        #expect(w.map(\.lengthMinutes) == [120, 150])
        #expect(ServiceWindow.listText(w) == "07:00-09:00,15:00-17:30")
        #expect(try ServiceWindow.parseList("7:05-9:00").first?.description == "07:05-09:00")
        // Touching windows do not overlap.
        #expect(try ServiceWindow.parseList("07:00-09:00,09:00-10:00").count == 2)
    }

    @Test(
        "malformed times, hours above 23, minutes above 59, an end not after the start and overlaps are refused",
        arguments: [
            ("", BusServiceError.noWindows),
            ("7-9", .malformedWindow(window: "7-9")),
            ("07:00", .malformedWindow(window: "07:00")),
            ("07:00-09:00-10:00", .malformedWindow(window: "07:00-09:00-10:00")),
            ("07:0-09:00", .malformedWindow(window: "07:0-09:00")),
            ("-1:00-09:00", .malformedWindow(window: "-1:00-09:00")),
            ("07:00-09:00,", .malformedWindow(window: "")),
            ("24:00-25:00", .timeOutOfRange(window: "24:00-25:00", reason: "hour 24 is above 23")),
            ("07:60-08:00", .timeOutOfRange(window: "07:60-08:00", reason: "minute 60 is above 59")),
            ("09:00-07:00", .endNotAfterStart(window: "09:00-07:00")),
            ("09:00-09:00", .endNotAfterStart(window: "09:00-09:00")),
            ("07:00-09:00,08:30-10:00", .overlappingWindows("07:00-09:00", "08:30-10:00")),
            ("15:00-17:00,07:00-09:00,06:00-16:00", .overlappingWindows("15:00-17:00", "06:00-16:00")),
        ])
    func refuses(text: String, error: BusServiceError) {
        #expect(throws: error) { try ServiceWindow.parseList(text) }
    }

    @Test("a window built from minutes is checked too")
    func checkedInit() {
        #expect(throws: BusServiceError.self) { try ServiceWindow(startMinute: 600, endMinute: 600) }
        #expect(throws: BusServiceError.self) { try ServiceWindow(startMinute: -5, endMinute: 60) }
        #expect(throws: BusServiceError.self) { try ServiceWindow(startMinute: 0, endMinute: 1440) }
        #expect((try? ServiceWindow(startMinute: 0, endMinute: 1439))?.description == "00:00-23:59")
    }
}
