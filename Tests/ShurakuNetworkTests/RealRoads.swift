import ShurakuCore
import ShurakuGeo
import ShurakuNetwork
import ShurakuTestSupport

/// Real road data from `../shared/geodata-real`, projected to the UTM zone of its centre.
enum RealRoads {
    struct Loaded {
        var metric: CRS
        var lines: [RoadLine]
        var places: [XY]
    }

    /// Roads from `roads` and place points from `places` (optionally filtered by a field).
    static func load(
        roads: String, places: String, placeLayer: String? = nil,
        keep: ((VectorLayer, VectorFeature) -> Bool)? = nil
    ) throws -> Loaded {
        let pLayer = try VectorReader.read(SourceSpec(path: SharedData.path(places), layer: placeLayer))
        let env = try requireEnvelope(pLayer)
        let metric = try MetricCRS.utm(forLonLat: env.center)  // the data is lon/lat
        let projected = try pLayer.projected(to: metric)
        var pts: [XY] = []
        for f in projected.features where keep?(projected, f) ?? true {
            if case .point(let p)? = f.geometry { pts.append(p) }
        }
        let lines = try RoadSource.read(SourceSpec(path: SharedData.path(roads)), metric: metric)
        return Loaded(metric: metric, lines: lines, places: pts)
    }

    private static func requireEnvelope(_ l: VectorLayer) throws -> Envelope {
        guard let e = l.envelope else { throw GeoError.emptyLayer(path: l.path, layer: l.name) }
        return e
    }

    static func noto() throws -> Loaded {
        try load(
            roads: "geodata-real/noto-town-ishikawa/roads.geojson",
            places: "geodata-real/noto-town-ishikawa/settlements.geojson")
    }

    static func andorra() throws -> Loaded {
        try load(
            roads: "geodata-real/andorra-osm/andorra.osm.pbf", places: "geodata-real/andorra-osm/andorra.osm.pbf",
            placeLayer: "points"
        ) { layer, f in
            ["town", "village", "hamlet"].contains(layer.value(f, "place").text ?? "")
        }
    }
}
