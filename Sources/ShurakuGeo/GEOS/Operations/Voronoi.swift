import CGEOS

extension GeometryEngine {
    /// One Voronoi cell per site, in site order, clipped to `clip` when given (else to the sites'
    /// envelope grown by half its size). Sites at identical coordinates share one cell: the
    /// first of them gets it, the others get an empty geometry.
    public func voronoiCells(sites: [XY], clip: Geometry? = nil) throws(GeoError) -> [Geometry] {
        guard let siteEnv = Envelope(covering: sites) else { return [] }
        var frame = siteEnv
        if let c = clip?.envelope { frame.expand(toInclude: c) }
        let margin = max(frame.width, frame.height, 1) * 0.5
        frame = frame.expanded(by: margin)
        let frameGeom = Geometry.polygon([
            [
                XY(frame.minX, frame.minY), XY(frame.maxX, frame.minY), XY(frame.maxX, frame.maxY),
                XY(frame.minX, frame.maxY), XY(frame.minX, frame.minY),
            ]
        ])

        // Distinct sites, first occurrence wins.
        var firstIndex: [XY: Int] = [:]
        var distinct: [Int] = []
        for (i, s) in sites.enumerated() where firstIndex[s] == nil {
            firstIndex[s] = i
            distinct.append(i)
        }
        var cells = [Geometry](repeating: .empty, count: sites.count)
        if distinct.count == 1 {
            cells[distinct[0]] = clip ?? frameGeom
            return try clipped(cells, clip)
        }

        let mp = try Geometry.multiPoint(distinct.map { sites[$0] }).makeGEOS(context)
        let env = try frameGeom.makeGEOS(context)
        let diagram = try GEOSGeom.wrap(
            GEOSVoronoiDiagram_r(context.handle, mp.handle, env.handle, 0, 0), context, "Voronoi diagram")
        let polys = try Geometry.fromGEOS(diagram.handle, context).polygonParts.map { Geometry.polygon($0) }

        // GEOS 3.11 does not keep site order: find the site inside each cell.
        let index = try SpatialIndex(polys)
        for i in distinct {
            let hits = try index.covering(sites[i])
            if let c = hits.first { cells[i] = polys[c] }
        }
        return try clipped(cells, clip)
    }

    private func clipped(_ cells: [Geometry], _ clip: Geometry?) throws(GeoError) -> [Geometry] {
        guard let clip else { return cells }
        return try cells.map { (c: Geometry) throws(GeoError) -> Geometry in
            c.isEmpty ? c : GeometryEngine.polygonal(try intersection(c, clip))
        }
    }
}
