import ShurakuCore
import ShurakuRoutes
import Testing

@Suite("Fleet schedule: vehicles, drivers and vehicle-km over service windows")
struct FleetScheduleTests {
    static func windows(_ text: String) throws -> [ServiceWindow] { try ServiceWindow.parseList(text) }

    @Test("loops of 50, 45 and 20 min in a 2 h window with a 5 min layover: two vehicles, chains within the window")
    func handExample() throws {
        let p = FleetParameters(windows: try Self.windows("07:00-09:00,15:00-17:00"), tripsPerWindow: 1, layoverSeconds: 300)
        let s = FleetScheduler.schedule(loopSeconds: [3000, 2700, 1200], loopMeters: [20_000, 18_000, 9_000], parameters: p)
        #expect(s.windows.count == 2)
        for w in s.windows {
            // 50 + 5 + 45 + 5 + 20 = 125 > 120: not one vehicle; 50 + 5 + 45 = 100 and 20 fit two.
            #expect(w.vehicles.count == 2)
            #expect(w.lowerBound == 1)  // ⌈115 / 120⌉
            #expect(w.vehicles.allSatisfy { $0.seconds <= 7200 && !$0.overruns })
            #expect(w.driverSeconds == 3000 + 2700 + 1200 + 300)
        }
        #expect(s.vehicles == 2 && s.lowerBound == 1)
        #expect(s.driverSecondsPerDay == 2 * 7200)
        #expect(s.metersPerDay == 2 * 47_000)
        #expect(s.provenFewest)
    }

    @Test("a trip longer than its window gets a vehicle of its own and is counted; the bound counts it too")
    func oversizedTrip() throws {
        let p = FleetParameters(windows: try Self.windows("07:00-08:00"), tripsPerWindow: 2, layoverSeconds: 0)
        let s = FleetScheduler.schedule(loopSeconds: [4000, 600], loopMeters: [30_000, 5_000], parameters: p)
        let w = try #require(s.windows.first)
        #expect(w.trips.count == 4)
        #expect(w.oversizedTrips.count == 2 && w.oversizedTrips.allSatisfy { w.trips[$0].loop == 0 })
        // Two overrunning vehicles, and one for the two 10-minute trips.
        #expect(w.vehicles.count == 3)
        #expect(w.lowerBound == 3)
        #expect(s.oversizedTrips == 2)
        #expect(w.vehicles.filter(\.overruns).allSatisfy { $0.seconds == 4000 && $0.trips.count == 1 })
        #expect(s.driverSecondsPerDay == 4000 * 2 + 1200)
    }

    @Test("vehicles are the most over windows (reused); trips per window repeat every loop; no windows, no vehicles")
    func windowsAndRepeats() throws {
        let p = FleetParameters(windows: try Self.windows("06:30-07:00,07:00-10:00"), tripsPerWindow: 3, layoverSeconds: 120)
        let s = FleetScheduler.schedule(loopSeconds: [1500], loopMeters: [12_000], parameters: p)
        #expect(s.windows.map(\.trips.count) == [3, 3])
        #expect(s.windows.map(\.vehicles.count) == [3, 1])  // 25-min trips: one per 30-min window each; 3 × 25 + 2 × 2 ≤ 180
        #expect(s.vehicles == 3)
        #expect(s.metersPerDay == 6 * 12_000)
        let none = FleetScheduler.schedule(loopSeconds: [1500], loopMeters: [12_000], parameters: FleetParameters(windows: []))
        #expect(none.vehicles == 0 && none.windows.isEmpty)
    }

    @Test("random zones: every chain fits its window, vehicles ≥ the bound, never more than first fit; same input, same schedule")
    func randomZones() throws {
        var rng = SeededGenerator(seed: 99)
        let windows = try Self.windows("07:00-09:00,12:00-12:45,15:00-17:00")
        for _ in 0..<150 {
            let n = Int.random(in: 0...6, using: &rng)
            let seconds = (0..<n).map { _ in Int.random(in: 300...3600, using: &rng) }
            let meters = seconds.map { Double($0) * 8 }
            let p = FleetParameters(
                windows: windows, tripsPerWindow: Int.random(in: 1...3, using: &rng), layoverSeconds: Int.random(in: 0...600, using: &rng))
            let s = FleetScheduler.schedule(loopSeconds: seconds, loopMeters: meters, parameters: p)
            #expect(s == FleetScheduler.schedule(loopSeconds: seconds, loopMeters: meters, parameters: p))
            for w in s.windows {
                let length = w.window.lengthMinutes * 60
                #expect(w.vehicles.flatMap(\.trips).sorted() == Array(w.trips.indices))
                for v in w.vehicles {
                    let expected = v.trips.reduce(0) { $0 + w.trips[$1].seconds } + p.layoverSeconds * (v.trips.count - 1)
                    #expect(v.seconds == expected)
                    #expect(v.overruns ? v.trips.count == 1 && v.seconds > length : v.seconds <= length)
                }
                #expect(w.vehicles.count >= w.lowerBound)
                #expect(w.vehicles.count <= w.firstFitVehicles)
                #expect(w.provenFewest)
            }
        }
    }
}
