/// A polygon: `rings[0]` is the outer ring, the other rings are holes.
/// Rings do NOT repeat their first point at the end.
public struct Polygon: Sendable, Equatable {
    public var rings: [[GeoPoint]]
    public init(rings: [[GeoPoint]]) { self.rings = rings }
}
