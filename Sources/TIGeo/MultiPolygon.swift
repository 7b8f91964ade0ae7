public struct MultiPolygon: Sendable, Equatable {
    public var polygons: [Polygon]
    public init(polygons: [Polygon]) { self.polygons = polygons }
    public var isEmpty: Bool { polygons.isEmpty }
}
