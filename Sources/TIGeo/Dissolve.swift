import Foundation

public enum Dissolve {
    /// Union of polygons that share vertex-identical borders, by shared-edge cancellation:
    /// collects the directed ring segments of all parts (outer rings oriented counter-clockwise,
    /// holes clockwise), drops segments present in both directions, chains the rest into rings,
    /// splits rings that revisit a vertex (pinch vertices), drops rings whose absolute area is
    /// below `minRingArea` (in squared input units: for lon/lat input pass ≈ 3.5e-6 deg² for
    /// 0.03 km² in metropolitan France), classifies outer rings and holes by orientation and
    /// assigns each hole to the smallest outer ring containing it.
    ///
    /// Output: outer rings counter-clockwise and holes clockwise (x east, y north), largest
    /// polygon first. Parts that overlap without sharing vertices are not handled (this is not a
    /// general polygon clipper).
    public static func union(_ parts: [MultiPolygon], minRingArea: Double) -> MultiPolygon {
        var interner = PointInterner()
        var rings: [[Int32]] = []
        for part in parts {
            for polygon in part.polygons {
                let ids = polygon.rings.map { ring in ring.map { interner.id($0) } }
                rings.append(contentsOf: DissolveCore.normalized(ids, interner.coords))
            }
        }
        let scratch = VertexScratch(vertexCount: interner.coords.count)
        let polygons = DissolveCore.union(rings, interner.coords, minRingArea: minRingArea, scratch: scratch)
        let coords = interner.coords
        return MultiPolygon(
            polygons: polygons.map { polygon in
                Polygon(rings: polygon.map { ring in ring.map { coords[Int($0)] } })
            })
    }
}

/// Maps exact coordinates to dense vertex ids.
struct PointInterner {
    var index: [GeoPoint: Int32] = [:]
    var coords: [GeoPoint] = []

    init(capacity: Int = 0) {
        index.reserveCapacity(capacity)
        coords.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func id(_ p: GeoPoint) -> Int32 {
        if let i = index[p] { return i }
        let i = Int32(coords.count)
        index[p] = i
        coords.append(p)
        return i
    }
}
