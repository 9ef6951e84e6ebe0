import Foundation
import ShurakuCore
import ShurakuGeo
import ShurakuTestSupport
import Testing

@Suite("GEOS operations on geometry values")
struct GeometryEngineTests {
    static let square = Geometry.polygon([[XY(0, 0), XY(10, 0), XY(10, 10), XY(0, 10), XY(0, 0)]])
    /// A "C": concave, its centroid lies outside it.
    static let cShape = Geometry.polygon([
        [
            XY(0, 0), XY(10, 0), XY(10, 2), XY(2, 2), XY(2, 8), XY(10, 8), XY(10, 10), XY(0, 10), XY(0, 0),
        ]
    ])

    @Test("WKT and WKB round trips keep the geometry")
    func wellKnownRoundTrip() throws {
        let e = try GeometryEngine()
        let gs: [Geometry] = [
            .point(XY(1.5, -2)), .lineString([XY(0, 0), XY(1, 1), XY(2, 0)]), Self.cShape,
            .multiPolygon([[[XY(0, 0), XY(1, 0), XY(1, 1), XY(0, 0)]], [[XY(5, 5), XY(6, 5), XY(6, 6), XY(5, 5)]]]),
            .collection([.point(XY(1, 1)), .lineString([XY(0, 0), XY(3, 4)])]),
        ]
        for g in gs {
            #expect(try e.geometry(wkt: e.wkt(g)) == g)
            #expect(try e.geometry(wkb: e.wkb(g)) == g)
        }
        #expect(try e.wkt(.point(XY(1.5, -2))) == "POINT (1.5 -2)")
        #expect(throws: GeoError.self) { try e.geometry(wkt: "POLYGON ((0 0, 1") }
        #expect(throws: GeoError.self) { try e.geometry(wkb: [1, 2, 3]) }
    }

    @Test("area, length and distance")
    func measures() throws {
        let e = try GeometryEngine()
        #expect(try e.area(Self.square) == 100)
        #expect(try e.area(Self.cShape) == 100 - 8 * 6)
        #expect(try e.length(.lineString([XY(0, 0), XY(3, 4)])) == 5)
        #expect(try e.distance(.point(XY(13, 14)), Self.square) == 5)
        let (a, b) = try e.nearestPoints(.point(XY(13, 14)), Self.square)
        #expect(a == XY(13, 14) && b == XY(10, 10))
    }

    @Test("union dissolves touching squares; intersection clips; difference cuts")
    func overlay() throws {
        let e = try GeometryEngine()
        let right = Geometry.polygon([[XY(10, 0), XY(20, 0), XY(20, 10), XY(10, 10), XY(10, 0)]])
        let u = try e.union([Self.square, right])
        #expect(u.polygonParts.count == 1)
        #expect(try e.area(u) == 200)
        let clip = Geometry.polygon([[XY(5, 5), XY(15, 5), XY(15, 15), XY(5, 15), XY(5, 5)]])
        #expect(try e.area(e.intersection(Self.square, clip)) == 25)
        #expect(try e.area(e.difference(Self.square, clip)) == 75)
    }

    @Test("buffer of a point approximates a circle")
    func buffer() throws {
        let e = try GeometryEngine()
        let a = try e.area(e.buffer(.point(XY(0, 0)), distance: 100, quadrantSegments: 32))
        #expect(abs(a - Double.pi * 10_000) / (Double.pi * 10_000) < 0.002)
    }

    @Test("a self-intersecting bow-tie is invalid and make-valid repairs it keeping its area")
    func makeValid() throws {
        let e = try GeometryEngine()
        let bowtie = Geometry.polygon([[XY(0, 0), XY(10, 10), XY(10, 0), XY(0, 10), XY(0, 0)]])
        let v = try e.validity(bowtie)
        #expect(!v.isValid)
        #expect(v.reason?.contains("Self-intersection") == true)
        let fixed = try e.makeValid(bowtie)
        #expect(try e.validity(fixed).isValid)
        #expect(fixed.polygonParts.count == 2)
        #expect(abs(try e.area(fixed) - 50) < 1e-9)
    }

    @Test("the representative point of a concave polygon lies inside it, unlike its centroid")
    func representativePoint() throws {
        let e = try GeometryEngine()
        let c = try e.centroid(Self.cShape)
        #expect(!(try e.contains(Self.cShape, .point(c))))
        let r = try e.representativePoint(Self.cShape)
        #expect(try e.contains(Self.cShape, .point(r)))
    }

    @Test("Voronoi cells: one per site, each holds its site, together they tile the clip area")
    func voronoi() throws {
        let e = try GeometryEngine()
        var rng = SeededGenerator(seed: 7)
        let sites = (0..<60).map { _ in XY(Double.random(in: 0...100, using: &rng), Double.random(in: 0...100, using: &rng)) }
        let clip = Geometry.polygon([[XY(-5, -5), XY(105, -5), XY(105, 105), XY(-5, 105), XY(-5, -5)]])
        let cells = try e.voronoiCells(sites: sites + [sites[3]], clip: clip)
        #expect(cells.count == 61)
        #expect(cells[60].isEmpty)  // the duplicate of site 3
        for (i, s) in sites.enumerated() {
            #expect(try e.contains(cells[i], .point(s)), "cell \(i) misses its site")
        }
        let total = try cells.reduce(0.0) { $0 + (try e.area($1)) }
        #expect(abs(total - 110 * 110) < 1e-6)
        #expect(abs(try e.area(e.union(cells)) - 110 * 110) < 1e-6)
    }

    @Test("nearest queries through the index agree with brute force")
    func nearestIndex() throws {
        let e = try GeometryEngine()
        var rng = SeededGenerator(seed: 11)
        let lines: [Geometry] = (0..<200).map { _ in
            let a = XY(Double.random(in: 0...1000, using: &rng), Double.random(in: 0...1000, using: &rng))
            let b = XY(a.x + Double.random(in: -50...50, using: &rng), a.y + Double.random(in: -50...50, using: &rng))
            return .lineString([a, b])
        }
        let index = try SpatialIndex(lines)
        for _ in 0..<100 {
            let p = XY(Double.random(in: -100...1100, using: &rng), Double.random(in: -100...1100, using: &rng))
            let brute = try lines.map { try e.distance($0, .point(p)) }.min() ?? .infinity
            let hit = try #require(try index.nearest(to: p))
            #expect(abs(hit.distance - brute) < 1e-9)
        }
        #expect(try index.nearest(to: XY(5000, 5000), maxDistance: 10) == nil)
    }

    @Test("every 能登町 settlement lies in exactly one of the 15 地区 polygons, its own")
    func pointInDistrict() throws {
        let utm = try CRS.epsg(6690)
        let d = try VectorReader.read(SourceSpec(parsing: SharedData.path("geodata-real/noto-town-ishikawa/districts.geojson"))).projected(
            to: utm)
        let s = try VectorReader.read(SourceSpec(parsing: SharedData.path("geodata-real/noto-town-ishikawa/settlements.geojson")))
            .projected(to: utm)
        let index = try SpatialIndex(d.features.map { $0.geometry ?? .empty })
        for f in s.features {
            guard case .point(let p)? = f.geometry else {
                Issue.record("not a point")
                continue
            }
            let hits = try index.covering(p)
            #expect(hits.count == 1)
            if let h = hits.first {
                #expect(d.value(d.features[h], "地区名") == s.value(f, "地区名"))
            }
        }
    }
}
