import ShurakuCore

/// What running a zone's buses costs: yen per vehicle and year, per driver hour and per
/// vehicle-km, and the operating days per year. There are no defaults: no verified public figure
/// is assumed, so every rate comes from the user.
///
/// Text form (command line): `vehicle_year=3000000,driver_hour=2500,vehicle_km=40,days=245`;
/// object form (scenario file): the same keys with numbers.
public struct OperatingCosts: Sendable, Hashable {
    /// Yen per vehicle and year (purchase spread over its life, insurance, upkeep).
    public let vehicleYearYen: Double
    /// Yen per driver hour.
    public let driverHourYen: Double
    /// Yen per vehicle-km (fuel, wear).
    public let vehicleKmYen: Double
    /// Operating days per year, 1…366.
    public let daysPerYear: Int

    /// The keys of both forms, in this order.
    public static let keys = ["vehicle_year", "driver_hour", "vehicle_km", "days"]

    /// Rates in yen and the days per year.
    ///
    /// - Throws: ``BusServiceError/invalidCost(key:reason:)`` for a rate outside 0…10¹² yen, or
    ///   days outside 1…366.
    public init(vehicleYearYen: Double, driverHourYen: Double, vehicleKmYen: Double, daysPerYear: Int) throws(BusServiceError) {
        for (key, v) in zip(Self.keys, [vehicleYearYen, driverHourYen, vehicleKmYen]) {
            guard v.isFinite, v >= 0, v <= Self.maxRateYen else {
                throw .invalidCost(key: key, reason: "\(Self.number(v)) is out of range (0…1e12 yen)")
            }
        }
        guard (1...366).contains(daysPerYear) else { throw .invalidCost(key: "days", reason: "\(daysPerYear) is out of range (1…366)") }
        self.vehicleYearYen = vehicleYearYen
        self.driverHourYen = driverHourYen
        self.vehicleKmYen = vehicleKmYen
        self.daysPerYear = daysPerYear
    }

    /// Costs from `values` keyed by ``keys``: every key required, no other key allowed.
    ///
    /// - Throws: ``BusServiceError``: an unknown key (with a "did you mean"), missing keys, a
    ///   value out of range, days that are not a whole number.
    public init(values: [String: Double]) throws(BusServiceError) {
        let unknown = UnknownKeys(given: values.keys, known: Self.keys)
        if let k = unknown.unknown.first { throw .unknownCostKey(key: k, hint: unknown.hint(k)) }
        let missing = Self.keys.filter { values[$0] == nil }
        guard missing.isEmpty, let vy = values["vehicle_year"], let dh = values["driver_hour"], let vk = values["vehicle_km"],
            let days = values["days"]
        else { throw .missingCostKeys(missing) }
        guard days.isFinite, days == days.rounded(), (1...366).contains(days) else {
            throw .invalidCost(key: "days", reason: "\(Self.number(days)) is not a whole number of days in 1…366")
        }
        try self.init(vehicleYearYen: vy, driverHourYen: dh, vehicleKmYen: vk, daysPerYear: Int(days))
    }

    /// Reads the text form `key=number,…`.
    ///
    /// - Throws: ``BusServiceError`` naming the entry or key at fault.
    public static func parse(_ text: String) throws(BusServiceError) -> OperatingCosts {
        var values: [String: Double] = [:]
        for entry in text.split(separator: ",", omittingEmptySubsequences: false).map({ String($0).trimmingSpaces }) {
            let kv = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            guard kv.count == 2, !kv[0].isEmpty else { throw .malformedCost(entry: entry) }
            guard let v = Double(kv[1]) else {
                throw .invalidCost(key: kv[0], reason: "'\(kv[1])' is not a number")
            }
            guard values[kv[0]] == nil else { throw .duplicateCostKey(key: kv[0]) }
            values[kv[0]] = v
        }
        return try OperatingCosts(values: values)
    }

    /// The values by key, as ``init(values:)`` reads them.
    public var values: [String: Double] {
        ["vehicle_year": vehicleYearYen, "driver_hour": driverHourYen, "vehicle_km": vehicleKmYen, "days": Double(daysPerYear)]
    }

    /// The text form, keys in ``keys`` order: `vehicle_year=3000000,driver_hour=2500,vehicle_km=40,days=245`.
    public var text: String {
        Self.keys.compactMap { k in values[k].map { "\(k)=\(Self.number($0))" } }.joined(separator: ",")
    }

    /// Canonical JSON of the object form (keys sorted, whole numbers without a fraction).
    public var json: String {
        "{" + Self.keys.sorted().compactMap { k in values[k].map { "\"\(k)\":\(Self.number($0))" } }.joined(separator: ",") + "}"
    }

    /// The yen of one year: vehicles × vehicle_year + driver hours per day × days × driver_hour +
    /// vehicle-km per day × days × vehicle_km, rounded to whole yen.
    public func annualYen(vehicles: Int, driverHoursPerDay: Double, vehicleKmPerDay: Double) -> Int64 {
        let days = Double(daysPerYear)
        let yen = Double(vehicles) * vehicleYearYen + driverHoursPerDay * days * driverHourYen + vehicleKmPerDay * days * vehicleKmYen
        return yen < 9e18 ? Int64(yen.rounded()) : Int64.max
    }

    /// The largest rate accepted, yen (far above any real one; keeps every annual sum exact in `Int64`).
    static let maxRateYen = 1e12

    /// A number as text: whole numbers without a fraction, others in their shortest exact form.
    static func number(_ d: Double) -> String {
        d.isFinite && d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)"
    }
}
