import Foundation
import ShurakuCore
import ShurakuGeo

extension PlanRequest {
    /// Checks every setting before any file is read: types and ranges (as ``PlanSettings/all``
    /// declares them), settings that need each other, CRS texts, and that every input file
    /// exists. Collects every problem.
    ///
    /// - Throws: ``/ShurakuCore/ShurakuError`` of class ``/ShurakuCore/FailureClass/badInput``
    ///   naming each setting at fault.
    public func validate() throws(ShurakuError) {
        var problems: [Problem] = []
        for s in PlanSettings.all {
            guard let v = s.value(in: self) else { continue }
            do throws(ShurakuError) { try s.check(v) } catch { problems += error.problems }
        }
        func problem(_ key: String, _ message: String) { problems.append(Problem(file: "", field: key, message: message)) }
        if effectiveDistrictMode != .ignore && inputs.districts == nil {
            problem("districtMode", "«districtMode» \(effectiveDistrictMode.rawValue) needs «districts»")
        }
        if let maxPop = zoning.maxZonePopulation, maxPop < zoning.minZonePopulation {
            problem("maxZonePop", "«maxZonePop» \(maxPop) is below «minZonePop» \(zoning.minZonePopulation)")
        }
        problems += riskProblems()
        problems += serviceProblems()
        problems += accessAndProjectionProblems()
        if let c = bus.capacity, c < 1 { problem("busCapacity", "«busCapacity» must be at least 1, got \(c)") }
        for (key, text) in [("crs", inputs.crs), ("sourceCrs", inputs.sourceCRS)] {
            guard let text else { continue }
            do throws(ShurakuError) { _ = try StudyLoading.parseCRS(text, setting: key) } catch { problems += error.problems }
        }
        let files = [
            inputs.settlements, inputs.districts, inputs.roads, inputs.boundary, inputs.speedTable, risk.closedRoads, projection.table,
        ]
        for path in files {
            guard let path else { continue }
            let spec = SourceSpec(parsing: path)
            if !FileManager.default.fileExists(atPath: spec.path) { problems.append(Problem(file: spec.path, message: "no such file")) }
        }
        guard problems.isEmpty else { throw ShurakuError.invalid(problems) }
    }
}
