import Foundation
import ShurakuGeo
import ShurakuInput

/// Zone polygons: the members' own polygons when settlements came as polygons, otherwise their
/// Voronoi cells (among the settlements of their own district when districts are given),
/// clipped to the study area or district, dissolved per zone, repaired and cleaned of slivers.
public enum ZoneShapes {
    /// The area zone shapes are clipped to: the boundary, else the union of the districts, else
    /// the settlements' convex hull grown by `margin` metres.
    public static func studyArea(
        boundary: Geometry?, districts: [District]?, points: [XY], margin: Double = 1_500, engine: GeometryEngine
    ) throws(GeoError) -> Geometry {
        if let boundary, !boundary.isEmpty { return boundary }
        if let districts, !districts.isEmpty { return GeometryEngine.polygonal(try engine.union(districts.map(\.area))) }
        let hull = try engine.convexHull(.multiPoint(points))
        return GeometryEngine.polygonal(try engine.buffer(hull, distance: margin, quadrantSegments: 8))
    }

    /// One shape per zone (metric, MultiPolygon), for `zoneOf[settlement]` (nil = unserved).
    ///
    /// With `regionOf` (each settlement's district name) and `regions` (district polygons), cells
    /// are Voronoi cells among the settlements of the same district, clipped to that district:
    /// every district is then covered whole by its own settlements' cells, and zones follow
    /// district lines exactly. Settlements without a region share Voronoi cells clipped to the
    /// study area.
    public static func build(
        settlements: [Settlement], zoneOf: [Int?], zoneCount: Int, studyArea: Geometry, regionOf: [String?]? = nil,
        regions: [String: Geometry] = [:], engine: GeometryEngine
    ) throws(GeoError) -> [Geometry] {
        var cells: [Geometry]
        if settlements.allSatisfy({ $0.area != nil }) {
            cells = settlements.map { $0.area ?? .empty }
        } else {
            cells = [Geometry](repeating: .empty, count: settlements.count)
            var groups: [String: [Int]] = [:]
            var loose: [Int] = []
            for i in settlements.indices {
                if let r = regionOf?[i], regions[r] != nil { groups[r, default: []].append(i) } else { loose.append(i) }
            }
            var batches: [([Int], Geometry)] = groups.keys.sorted().compactMap { r in
                guard let members = groups[r], let area = regions[r] else { return nil }
                return (members, area)
            }
            if !loose.isEmpty { batches.append((loose, studyArea)) }
            for (members, clip) in batches {
                let sites = members.map { settlements[$0].location }
                var part = try engine.voronoiCells(sites: sites, clip: clip)
                // Settlements at the same spot share one cell: give it to each of them.
                var cellAt: [XY: Geometry] = [:]
                for (k, site) in sites.enumerated() where !part[k].isEmpty { cellAt[site] = part[k] }
                for (k, site) in sites.enumerated() where part[k].isEmpty { part[k] = cellAt[site] ?? .empty }
                for (k, i) in members.enumerated() { cells[i] = part[k] }
            }
        }
        var members = [[Geometry]](repeating: [], count: zoneCount)
        for (i, z) in zoneOf.enumerated() {
            if let z, z >= 0, z < zoneCount, !cells[i].isEmpty { members[z].append(cells[i]) }
        }
        return try members.map { (parts: [Geometry]) throws(GeoError) -> Geometry in
            try clean(try engine.union(parts), engine: engine)
        }
    }

    /// Closes hairline gaps between neighbouring cells, repairs, and drops parts and holes
    /// smaller than `minArea` m².
    static func clean(_ g: Geometry, engine: GeometryEngine, minArea: Double = 100) throws(GeoError) -> Geometry {
        if g.isEmpty { return .multiPolygon([]) }
        var shape = GeometryEngine.polygonal(g)
        shape = GeometryEngine.polygonal(try engine.buffer(shape, distance: 0.5, quadrantSegments: 2))
        shape = GeometryEngine.polygonal(try engine.buffer(shape, distance: -0.5, quadrantSegments: 2))
        if !(try engine.validity(shape).isValid) { shape = GeometryEngine.polygonal(try engine.makeValid(shape)) }
        var kept: [[[XY]]] = []
        for poly in shape.polygonParts {
            guard let shell = poly.first, try engine.area(.polygon([shell])) >= minArea else { continue }
            var rings = [shell]
            for hole in poly.dropFirst() where try engine.area(.polygon([hole])) >= minArea { rings.append(hole) }
            kept.append(rings)
        }
        return .multiPolygon(kept)
    }
}
