import ShurakuRoutes
import Testing

@Suite("Operating costs")
struct OperatingCostsTests {
    @Test("the text form and the values form read the same costs; the annual sum follows the formula")
    func forms() throws {
        let text = try OperatingCosts.parse("vehicle_year=3000000, driver_hour=2500,vehicle_km=40.5,days=245")
        let values = try OperatingCosts(values: ["vehicle_year": 3_000_000, "driver_hour": 2500, "vehicle_km": 40.5, "days": 245])
        #expect(text == values)
        #expect(text.text == "vehicle_year=3000000,driver_hour=2500,vehicle_km=40.5,days=245")
        #expect(text.json == #"{"days":245,"driver_hour":2500,"vehicle_km":40.5,"vehicle_year":3000000}"#)
        // 2 × 3,000,000 + 4.5 h × 245 × 2,500 + 100.25 km × 245 × 40.5 = 6,000,000 + 2,756,250 + 994,730.625
        #expect(text.annualYen(vehicles: 2, driverHoursPerDay: 4.5, vehicleKmPerDay: 100.25) == 9_750_981)
        #expect(text.annualYen(vehicles: 0, driverHoursPerDay: 0, vehicleKmPerDay: 0) == 0)
    }

    @Test(
        "unknown keys (with a did-you-mean), missing keys, negative rates, days outside 1…366 and non-numbers are refused",
        arguments: [
            ("vehicle_yr=1,driver_hour=2,vehicle_km=3,days=4", "unknown key 'vehicle_yr' (did you mean vehicle_km or vehicle_year?)"),
            ("vehicle_year=1,driver_hour=2", "missing 'vehicle_km', 'days'"),
            ("vehicle_year=-1,driver_hour=2,vehicle_km=3,days=4", "'vehicle_year': -1 is out of range"),
            ("vehicle_year=1,driver_hour=2,vehicle_km=3,days=0", "'days': 0 is not a whole number of days in 1…366"),
            ("vehicle_year=1,driver_hour=2,vehicle_km=3,days=367", "'days': 367 is not a whole number of days in 1…366"),
            ("vehicle_year=1,driver_hour=2,vehicle_km=3,days=2.5", "'days': 2.5 is not a whole number"),
            ("vehicle_year=1,driver_hour=lots,vehicle_km=3,days=4", "'driver_hour': 'lots' is not a number"),
            ("vehicle_year=1,driver_hour=nan,vehicle_km=3,days=4", "'driver_hour': nan is out of range"),
            ("vehicle_year=1,vehicle_year=2,driver_hour=2,vehicle_km=3,days=4", "key 'vehicle_year' is given twice"),
            ("cheap", "'cheap' is not key=number"),
        ])
    func refuses(text: String, message: String) {
        let error = #expect(throws: BusServiceError.self) { try OperatingCosts.parse(text) }
        #expect(error?.description.contains(message) == true, "\(String(describing: error))")
    }
}
