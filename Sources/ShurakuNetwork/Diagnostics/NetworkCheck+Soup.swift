import ShurakuCore

extension NetworkCheck {
    /// Finds the crossings of `soup` (the lines noded at identical vertices, before any other
    /// join) and joins them when `rule` says so; the gaps and dangles are added by
    /// ``recordEnds(_:)`` once every join is made.
    static func crossings(
        in soup: inout SegmentSoup, lines: [RoadLine], rule: JunctionRule, gapReportMeters: Double
    ) -> NetworkCheck {
        var check = NetworkCheck(gapReportMeters: gapReportMeters)
        // Levels are read only for the few lines that cross.
        let found = CrossingFinder.find(soup) { GradeSeparation.Level(lines[Int($0)].properties) }
        for c in found {
            let pair = [Int(soup.segLine[Int(c.segments.0)]), Int(soup.segLine[Int(c.segments.1)])].sorted()
            if c.gradeSeparated {
                check.gradeSeparations += 1
                check.separations.append(NetworkIssue(kind: .crossing, lines: pair, point: c.point, distanceMeters: 0, joined: false))
                continue
            }
            check.crossings += 1
            check.issues.append(
                NetworkIssue(kind: .crossing, lines: pair, point: c.point, distanceMeters: 0, joined: rule == .crossings))
        }
        if rule == .crossings { check.crossingsJoined = CrossingJoiner.join(&soup, found) }
        return check
    }

    /// Adds the gaps and the dangle count of `soup` after every join.
    mutating func recordEnds(_ soup: SegmentSoup) {
        for end in EndCheck.find(soup, reportMeters: gapReportMeters) {
            guard let target = end.target else {
                dangles += 1
                continue
            }
            gaps += 1
            let lines = Set([Int(soup.segLine[Int(end.segment)]), Int(soup.segLine[Int(target.segment)])]).sorted()
            issues.append(
                NetworkIssue(
                    kind: .gap, lines: lines, point: soup.vertexXY[Int(end.vertex)], distanceMeters: target.distance, joined: false))
        }
    }
}
