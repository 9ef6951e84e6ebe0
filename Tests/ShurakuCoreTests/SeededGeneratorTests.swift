import ShurakuCore
import Testing

@Test("same seed gives the same sequence, different seeds differ")
func seededGeneratorRepeats() {
    var a = SeededGenerator(seed: 42)
    var b = SeededGenerator(seed: 42)
    var c = SeededGenerator(seed: 43)
    let sa = (0..<100).map { _ in a.next() }
    let sb = (0..<100).map { _ in b.next() }
    let sc = (0..<100).map { _ in c.next() }
    #expect(sa == sb)
    #expect(sa != sc)
}

@Test("envelope covers its points")
func envelopeCovers() throws {
    let pts = [XY(1, 2), XY(-3, 5), XY(4, -1)]
    let e = try #require(Envelope(covering: pts))
    #expect(e == Envelope(minX: -3, minY: -1, maxX: 4, maxY: 5))
    #expect(pts.allSatisfy(e.contains))
}
