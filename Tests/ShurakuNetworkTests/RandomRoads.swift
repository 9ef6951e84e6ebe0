import ShurakuCore

@testable import ShurakuNetwork

/// A seeded random town: a jittered grid of streets with mixed classes, shape points and some
/// one-way streets, plus random places.
enum RandomRoads {
    static func make(seed: UInt64, size: Int = 12, places: Int = 60) -> (lines: [RoadLine], places: [XY]) {
        var rng = SeededGenerator(seed: seed)
        let spacing = 400.0
        var grid: [[XY]] = []
        for r in 0..<size {
            grid.append(
                (0..<size).map { c in
                    XY(
                        Double(c) * spacing + Double.random(in: -80...80, using: &rng),
                        Double(r) * spacing + Double.random(in: -80...80, using: &rng))
                })
        }
        let classes = ["国道", "都道府県道", "市区町村道", "residential"]
        var lines: [RoadLine] = []
        func link(_ a: XY, _ b: XY) {
            guard Double.random(in: 0..<1, using: &rng) < 0.8 else { return }
            let mid = XY(
                (a.x + b.x) / 2 + Double.random(in: -40...40, using: &rng),
                (a.y + b.y) / 2 + Double.random(in: -40...40, using: &rng))
            let cls = classes[rng.index(below: classes.count)]
            var props = [cls == "residential" ? "highway" : "road_class": cls]
            let u = Double.random(in: 0..<1, using: &rng)
            if u < 0.1 { props["oneway"] = "yes" } else if u < 0.15 { props["oneway"] = "-1" }
            lines.append(RoadLine(points: [a, mid, b], properties: props))
        }
        for r in 0..<size {
            for c in 0..<size {
                if c + 1 < size { link(grid[r][c], grid[r][c + 1]) }
                if r + 1 < size { link(grid[r][c], grid[r + 1][c]) }
            }
        }
        let extent = Double(size - 1) * spacing
        let pts = (0..<places).map { _ in
            XY(Double.random(in: -200...(extent + 200), using: &rng), Double.random(in: -200...(extent + 200), using: &rng))
        }
        return (lines, pts)
    }
}
