import ShurakuCore

/// The road lines broken into straight segments between merged vertices: the builder's working
/// form before near-miss joins and chain contraction.
struct SegmentSoup {
    var vertexXY: [XY] = []
    var segA: [Int32] = []
    var segB: [Int32] = []
    /// Speed in m/s.
    var segSpeed: [Double] = []
    /// Bit 0: drivable a→b; bit 1: drivable b→a.
    var segFlags: [UInt8] = []
    /// The input line each segment comes from (index into the builder's lines).
    var segLine: [Int32] = []

    var segmentCount: Int { segA.count }

    /// Classify and node the lines: vertices with identical coordinates become one vertex.
    static func make(_ lines: [RoadLine], classifier: RoadClassifier, report: inout BuildReport) -> SegmentSoup {
        var soup = SegmentSoup()
        let total = lines.reduce(0) { $0 + $1.points.count }
        var index = CoordinateIndex(expected: total)
        var rules: [[String: String]: LineRule] = [:]
        soup.vertexXY.reserveCapacity(total)
        soup.segA.reserveCapacity(total)
        soup.segB.reserveCapacity(total)
        soup.segSpeed.reserveCapacity(total)
        soup.segFlags.reserveCapacity(total)
        soup.segLine.reserveCapacity(total)
        report.linesRead = lines.count
        var ids: [Int32] = []
        for (lineIndex, line) in lines.enumerated() {
            let rule: LineRule
            if let known = rules[line.properties] {
                rule = known
            } else {
                rule = classifier.rule(for: line.properties)
                if rules.count < 4096 { rules[line.properties] = rule }
            }
            switch rule.kind {
            case .excludedClass:
                report.linesExcluded += 1
                continue
            case .notARoad:
                report.linesNotRoads += 1
                continue
            case .closedToCars:
                report.linesClosedToCars += 1
                continue
            case .road: break
            }
            ids.removeAll(keepingCapacity: true)
            var finite = true
            for p in line.points {
                // Metric coordinates beyond ±1e9 m are not on Earth: treat the line as invalid.
                guard p.isFinite, abs(p.x) < 1e9, abs(p.y) < 1e9 else {
                    finite = false
                    break
                }
                let (id, inserted) = index.idOrInsert(p, newID: Int32(soup.vertexXY.count))
                if inserted { soup.vertexXY.append(p) }
                if ids.last != id { ids.append(id) }
            }
            guard finite, ids.count >= 2 else {
                report.linesInvalid += 1
                continue
            }
            report.linesUsed += 1
            if rule.direction != .both { report.linesOneWay += 1 }
            if rule.usedMaxspeed { report.linesWithMaxspeed += 1 }
            if let u = rule.unknownClass { report.unknownClasses[u, default: 0] += 1 }
            let speed = rule.speedKmh / 3.6
            let flags: UInt8 = (rule.direction.allowsForward ? 1 : 0) | (rule.direction.allowsBackward ? 2 : 0)
            for k in 0..<(ids.count - 1) {
                soup.segA.append(ids[k])
                soup.segB.append(ids[k + 1])
                soup.segSpeed.append(speed)
                soup.segFlags.append(flags)
                soup.segLine.append(Int32(lineIndex))
            }
        }
        report.vertices = soup.vertexXY.count
        return soup
    }

    /// Appends a segment with the speed, directions and line of segment `like`.
    mutating func appendSegment(_ a: Int32, _ b: Int32, like s: Int) {
        segA.append(a)
        segB.append(b)
        segSpeed.append(segSpeed[s])
        segFlags.append(segFlags[s])
        segLine.append(segLine[s])
    }

    /// Splits segments at new vertices lying on them: each split is a segment, the fraction
    /// along it, and the vertex there. The first piece keeps the segment's id.
    mutating func split(_ splits: [(segment: Int32, t: Double, vertex: Int32)]) {
        let sorted = splits.sorted { $0.segment != $1.segment ? $0.segment < $1.segment : $0.t < $1.t }
        var i = 0
        while i < sorted.count {
            let s = Int(sorted[i].segment)
            var j = i
            while j < sorted.count, sorted[j].segment == sorted[i].segment { j += 1 }
            let b = segB[s]
            var prev = sorted[i].vertex
            segB[s] = prev
            for k in (i + 1)..<j where sorted[k].vertex != prev {
                appendSegment(prev, sorted[k].vertex, like: s)
                prev = sorted[k].vertex
            }
            if prev != b { appendSegment(prev, b, like: s) }
            i = j
        }
    }

    /// Per vertex, the incident segments (CSR): `incidence[start[v]..<start[v+1]]`.
    func incidence() -> (start: [Int32], segs: [Int32]) {
        let n = vertexXY.count
        var start = [Int32](repeating: 0, count: n + 1)
        for s in 0..<segmentCount {
            start[Int(segA[s]) + 1] += 1
            start[Int(segB[s]) + 1] += 1
        }
        for v in 0..<n { start[v + 1] += start[v] }
        var fill = start
        var segs = [Int32](repeating: 0, count: Int(start[n]))
        for s in 0..<segmentCount {
            let a = Int(segA[s])
            let b = Int(segB[s])
            segs[Int(fill[a])] = Int32(s)
            fill[a] += 1
            segs[Int(fill[b])] = Int32(s)
            fill[b] += 1
        }
        return (start, segs)
    }
}
