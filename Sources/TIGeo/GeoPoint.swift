/// A 2-D point: longitude/latitude in degrees (x = lon, y = lat) or projected metres (x east, y north).
public struct GeoPoint: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}
