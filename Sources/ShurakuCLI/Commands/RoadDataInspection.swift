import ShurakuGeo
import ShurakuInput
import ShurakuNetwork

/// The road-data check of `inspect`: a line layer projected to a metric CRS chosen for it, built
/// into a road graph as `plan` would, and the check's counts.
enum RoadDataInspection {
    static func check(_ layer: VectorLayer, options: RoadGraphOptions) throws(InputError) -> Inspection.RoadData? {
        guard layer.crs != nil else { return nil }
        do {
            let metric = try StudyInputs.chooseCRS(for: layer)
            let lines = try RoadLine.lines(from: layer.projected(to: metric), speeds: options.speeds)
            let (graph, report) = try RoadGraphBuilder.build(lines, options: options)
            guard report.linesUsed > 0, let c = report.check else { return nil }
            return Inspection.RoadData(
                crossings: c.crossings, gradeSeparations: c.gradeSeparations, gaps: c.gaps, dangles: c.dangles,
                components: graph.components.components.count, roadLines: report.linesUsed, gapReportM: c.gapReportMeters,
                snapToleranceM: options.snapToleranceMeters)
        } catch let e as GeoError {
            throw .source(e)
        } catch {
            return nil
        }
    }
}
