import Foundation
import ShurakuCore
import ShurakuGeo
import ShurakuInput
import ShurakuNetwork

/// Cut-off risk, study-wide: the road graph split into *pieces* at every settlement's access
/// point, the pieces that «closedRoads» closes, and the bridges of the pieces left open.
///
/// A piece is a stretch of road between two junctions, dead ends or access points, so that the
/// loss of one piece is exactly one way in or out of a settlement; its id (`road_id`, from 1) is
/// its edge index in ``pieces`` plus one, the same with and without closures.
struct CutOffNetwork: Sendable {
    /// Every road piece, open or closed.
    let pieces: RoadGraph
    /// Per study settlement: its access point, a node of ``pieces`` and ``open`` (-1: no road).
    let placeNode: [Int32]
    /// Per study settlement: how it joins the roads (as the travel times see it).
    let links: [PlaceLink]
    let connector: ConnectorOptions
    /// The pieces left open (all of them without closures), on the same nodes.
    let open: RoadGraph
    /// Per edge of ``open``: its edge in ``pieces``.
    let openPiece: [Int32]
    /// Bridges of ``open``.
    let bridges: BridgeTree
    /// Edges of ``pieces`` closed by «closedRoads», ascending; nil without closures.
    let closed: [Int32]?
    /// The road layer the graph came from, for each piece's class and name.
    let roads: VectorLayer
    /// Attribute fields that hold a road's class, in order of preference.
    let classFields: [String]

    /// Attribute fields that hold a road's name or route number, in order of preference.
    static let nameFields = ["name", "route_name", "路線名", "名称", "N13_003", "ref"]

    /// Builds the pieces for `settlements`, then reads and applies the closures, if any.
    static func build(
        graph: RoadGraph, roads: VectorLayer, speeds: SpeedTable, settlements: [Settlement], request: PlanRequest, crs: CRS
    ) throws -> (network: CutOffNetwork, warnings: [String]) {
        let t = request.travel
        let connector = ConnectorOptions(speedKmh: t.connectorSpeedKmh, maxConnectorMeters: t.maxConnectorMeters)
        let joined = try RoutingNetwork(roads: graph, places: settlements.map(\.location), connector: connector)
        let split = try joined.splitGraph()
        var closed: [Int32]? = nil
        var warnings: [String] = []
        var open = split.graph
        var openPiece = (0..<Int32(split.graph.edgeCount)).map { $0 }
        if let path = request.risk.closedRoads {
            let found = try closedPieces(path, pieces: split.graph, request: request, crs: crs)
            closed = found.closed
            warnings += found.warnings
            var removed = [Bool](repeating: false, count: split.graph.edgeCount)
            for e in found.closed { removed[Int(e)] = true }
            (open, openPiece) = try split.graph.removingEdges(removed)
        }
        let network = CutOffNetwork(
            pieces: split.graph, placeNode: split.placeNode, links: joined.places, connector: connector, open: open,
            openPiece: openPiece, bridges: BridgeTree(open), closed: closed, roads: roads, classFields: speeds.classFields)
        return (network, warnings)
    }

    /// The pieces that the lines or polygons at `path` touch: polygons when they intersect a
    /// piece, lines when they come within «snapTolerance» of it.
    static func closedPieces(_ path: String, pieces: RoadGraph, request: PlanRequest, crs: CRS) throws -> (
        closed: [Int32], warnings: [String]
    ) {
        let spec = SourceSpec(parsing: path)
        var options = ReadOptions(encoding: request.inputs.encoding)
        options.defaultLayer = "multipolygons"
        options.assumedCRS = try request.inputs.sourceCRS.map { t throws(ShurakuError) in
            try StudyLoading.parseCRS(t, setting: "sourceCrs")
        }
        let layer = try VectorReader.read(spec, options: options, allowEmpty: true).projected(to: crs)
        let tolerance = request.travel.snapToleranceMeters
        let lines = (0..<pieces.edgeCount).map { Geometry.lineString(piece($0, of: pieces)) }
        let index = try SpatialIndex(lines)
        let engine = try GeometryEngine()
        var hit = [Bool](repeating: false, count: pieces.edgeCount)
        var idle = 0
        for (k, f) in layer.features.enumerated() {
            guard let g = f.geometry, let box = g.envelope else { continue }
            let isArea = !g.polygonParts.isEmpty
            guard isArea || !g.lineParts.isEmpty else {
                throw ShurakuError.invalid([
                    Problem(
                        file: spec.path, feature: "feature \(k + 1)", message: "closed roads must be lines or polygons, got \(g.typeName)")
                ])
            }
            var touched = false
            for i in try index.candidates(isArea ? box : box.expanded(by: tolerance)) {
                let touches = isArea ? try engine.intersects(g, lines[i]) : try engine.distance(g, lines[i]) <= tolerance
                if touches {
                    hit[i] = true
                    touched = true
                }
            }
            if !touched { idle += 1 }
        }
        let closed = hit.indices.filter { hit[$0] }.map(Int32.init)
        var warnings: [String] = []
        if closed.isEmpty {
            warnings.append("«closedRoads» \(spec.path): its \(layer.features.count) features touch no road; nothing is closed")
        } else if idle > 0 {
            warnings.append("«closedRoads» \(spec.path): \(idle) of \(layer.features.count) features touch no road")
        }
        return (closed, warnings)
    }

    /// The geometry of piece `e` (metric CRS).
    static func piece(_ e: Int, of g: RoadGraph) -> [XY] {
        let s = g.edgeSpan[e]
        return g.lines.slice(Int(s.line), from: s.from, to: s.to)
    }

    /// The network each group's closure check runs on: its members at their access points on the
    /// open pieces.
    func routing(members: [Int]) throws -> RoutingNetwork {
        try RoutingNetwork(
            roads: open, placesAtNodes: members.map { placeNode[$0] }, links: members.map { links[$0] }, connector: connector)
    }

    /// The bridges between settlements `a` and `b` (study indices) as piece ids (edges of
    /// ``pieces``), from `a`'s side; nil when either has no road or no road joins them.
    func cutRoads(between a: Int, and b: Int) -> [Int32]? {
        let u = placeNode[a]
        let v = placeNode[b]
        guard u >= 0, v >= 0, let path = bridges.bridges(between: Int(u), and: Int(v)) else { return nil }
        return path.map { openPiece[Int($0)] }
    }

    /// Rows for pieces `ids` (edges of ``pieces``) in lon/lat, with the class and name of the
    /// input line each lies on (the line nearest to the piece's middle, within a metre).
    func rows(_ ids: [Int32], back: CoordinateTransformer) throws -> [Int32: Plan.RoadPieceRow] {
        guard !ids.isEmpty else { return [:] }
        let geometries = roads.features.map { $0.geometry ?? .empty }
        let index = try SpatialIndex(geometries)
        let classColumns = classFields.compactMap { roads.fieldIndex($0) }
        let nameColumns = Self.nameFields.compactMap { roads.fieldIndex($0) }
        func first(_ columns: [Int], _ f: VectorFeature) -> String? {
            for c in columns where c < f.values.count {
                if let t = f.values[c].text, !t.isEmpty { return t }
            }
            return nil
        }
        var out: [Int32: Plan.RoadPieceRow] = [:]
        for e in ids {
            let line = Self.piece(Int(e), of: pieces)
            let span = pieces.edgeSpan[Int(e)]
            let middle = pieces.lines.point(Int(span.line), at: (span.from + span.to) / 2)
            let source = try index.nearest(to: middle, maxDistance: 1).map { roads.features[$0.index] }
            out[e] = Plan.RoadPieceRow(
                roadID: Int(e) + 1, roadClass: source.flatMap { first(classColumns, $0) },
                roadName: source.flatMap { first(nameColumns, $0) },
                lengthKm: (pieces.lines.meters(Int(span.line), at: span.to) - pieces.lines.meters(Int(span.line), at: span.from)) / 1000,
                line: try back.apply(.lineString(line)).coordinates)
        }
        return out
    }
}
