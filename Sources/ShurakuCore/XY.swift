/// A planar coordinate pair. In a metric CRS `x`/`y` are easting/northing in metres;
/// in a geographic CRS they are longitude/latitude in degrees (x = lon, y = lat).
public struct XY: Hashable, Sendable, Codable {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    /// Planar (Euclidean) distance to `other`, in the units of the CRS.
    @inlinable
    public func distance(to other: XY) -> Double {
        let dx = x - other.x
        let dy = y - other.y
        return (dx * dx + dy * dy).squareRoot()
    }

    /// Whether both coordinates are finite numbers.
    public var isFinite: Bool { x.isFinite && y.isFinite }
}
