import Foundation

public enum Measure {
    /// Area in km² of a lon/lat (degrees, WGS84/GRS80) shape. Exact equal-area computation on the
    /// ellipsoid for edges that are straight in the cylindrical equal-area projection (authalic
    /// latitudes); for administrative outlines the error is far below 0.1 %.
    /// Ring orientation does not matter: outer rings count positive, holes negative.
    public static func areaKm2(_ shape: MultiPolygon) -> Double {
        var total = 0.0
        for polygon in shape.polygons {
            for (i, ring) in polygon.rings.enumerated() {
                let a = abs(ringAreaM2(ring))
                total += i == 0 ? a : -a
            }
        }
        return total / 1_000_000
    }

    static let qp: Double = authalicQ(sinPhi: 1)
    static let rq2: Double = GRS80.a * GRS80.a * qp / 2

    @inline(__always)
    static func authalicQ(sinPhi s: Double) -> Double {
        let e = GRS80.e
        let e2 = GRS80.e2
        return (1 - e2) * (s / (1 - e2 * s * s) - 1 / (2 * e) * log((1 - e * s) / (1 + e * s)))
    }

    /// Signed area in m² (positive counter-clockwise) of a lon/lat ring.
    static func ringAreaM2(_ ring: [GeoPoint]) -> Double {
        let n = ring.count
        if n < 3 { return 0 }
        var sum = 0.0
        var prev = ring[n - 1]
        var prevSinB = authalicQ(sinPhi: sin(prev.y * .pi / 180)) / qp
        for p in ring {
            let sinB = authalicQ(sinPhi: sin(p.y * .pi / 180)) / qp
            var dl = p.x - prev.x
            if dl > 180 { dl -= 360 } else if dl < -180 { dl += 360 }
            sum += dl * .pi / 180 * (sinB + prevSinB)
            prev = p
            prevSinB = sinB
        }
        // Shoelace in (lambda, sin beta) space: -Σ dλ (y1 + y2) / 2 is the CCW-positive area.
        return -sum / 2 * rq2
    }

    /// Area-weighted centroid (lon/lat) of a lon/lat shape. If it falls outside the shape
    /// (e.g. crescent shapes or scattered islands), a point inside the largest polygon is returned.
    /// `nil` for an empty or degenerate shape.
    public static func centroid(_ shape: MultiPolygon) -> GeoPoint? {
        var box = Planar.Box()
        for polygon in shape.polygons { if let outer = polygon.rings.first { for p in outer { box.add(p) } } }
        if box.isEmpty { return nil }
        let lon0 = (box.minX + box.maxX) / 2
        let lat0 = (box.minY + box.maxY) / 2
        let k = cos(lat0 * .pi / 180)
        func local(_ ring: [GeoPoint]) -> [GeoPoint] { ring.map { GeoPoint(x: ($0.x - lon0) * k, y: $0.y - lat0) } }

        var sumA = 0.0
        var sumX = 0.0
        var sumY = 0.0
        var largest: (area: Double, index: Int)? = nil
        for (pi, polygon) in shape.polygons.enumerated() {
            var polyArea = 0.0
            for (ri, ring) in polygon.rings.enumerated() {
                let pts = local(ring)
                let n = pts.count
                if n < 3 { continue }
                var a = 0.0
                var cx = 0.0
                var cy = 0.0
                var prev = pts[n - 1]
                for p in pts {
                    let cross = prev.x * p.y - p.x * prev.y
                    a += cross
                    cx += (prev.x + p.x) * cross
                    cy += (prev.y + p.y) * cross
                    prev = p
                }
                a /= 2
                if a == 0 { continue }
                cx /= 6 * a
                cy /= 6 * a
                let weight = ri == 0 ? abs(a) : -abs(a)
                polyArea += weight
                sumA += weight
                sumX += weight * cx
                sumY += weight * cy
            }
            if largest == nil || polyArea > largest!.area { largest = (polyArea, pi) }
        }
        if sumA > 0 {
            let c = GeoPoint(x: sumX / sumA / k + lon0, y: sumY / sumA + lat0)
            if shape.polygons.contains(where: { Planar.contains($0, c) }) { return c }
        }
        guard let largest else { return nil }
        let polygon = shape.polygons[largest.index]
        // Scan lines in the local metric so that "widest interval" is meaningful.
        guard let p = Planar.interiorPoint(rings: polygon.rings.map(local)) else {
            return polygon.rings.first?.first
        }
        return GeoPoint(x: p.x / k + lon0, y: p.y + lat0)
    }
}
