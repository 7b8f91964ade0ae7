import Foundation

/// Small planar helpers shared by the module.
enum Planar {
    /// Signed area (shoelace) of a ring, positive when counter-clockwise (x east, y north).
    @inline(__always)
    static func signedArea(_ ring: [GeoPoint]) -> Double {
        let n = ring.count
        if n < 3 { return 0 }
        var s = 0.0
        // Offset by the first point to limit cancellation on large coordinates.
        let ox = ring[0].x
        let oy = ring[0].y
        var px = ring[n - 1].x - ox
        var py = ring[n - 1].y - oy
        for p in ring {
            let cx = p.x - ox
            let cy = p.y - oy
            s += px * cy - cx * py
            px = cx
            py = cy
        }
        return s / 2
    }

    /// Even-odd point-in-ring test (boundary points give an arbitrary answer).
    @inline(__always)
    static func contains(_ ring: [GeoPoint], _ p: GeoPoint) -> Bool {
        var inside = false
        let n = ring.count
        if n < 3 { return false }
        var j = n - 1
        for i in 0..<n {
            let a = ring[i]
            let b = ring[j]
            if (a.y > p.y) != (b.y > p.y) {
                let xCross = a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x)
                if p.x < xCross { inside.toggle() }
            }
            j = i
        }
        return inside
    }

    static func contains(_ polygon: Polygon, _ p: GeoPoint) -> Bool {
        guard let outer = polygon.rings.first, contains(outer, p) else { return false }
        for hole in polygon.rings.dropFirst() where contains(hole, p) { return false }
        return true
    }

    struct Box {
        var minX = Double.infinity, minY = Double.infinity
        var maxX = -Double.infinity, maxY = -Double.infinity
        init() {}
        init(_ ring: [GeoPoint]) { for p in ring { add(p) } }
        @inline(__always) mutating func add(_ p: GeoPoint) {
            if p.x < minX { minX = p.x }
            if p.x > maxX { maxX = p.x }
            if p.y < minY { minY = p.y }
            if p.y > maxY { maxY = p.y }
        }
        mutating func add(_ b: Box) {
            minX = Swift.min(minX, b.minX)
            minY = Swift.min(minY, b.minY)
            maxX = Swift.max(maxX, b.maxX)
            maxY = Swift.max(maxY, b.maxY)
        }
        var isEmpty: Bool { minX > maxX }
        func contains(_ p: GeoPoint) -> Bool { p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY }
        func contains(_ b: Box) -> Bool { b.minX >= minX && b.maxX <= maxX && b.minY >= minY && b.maxY <= maxY }
        func intersects(_ b: Box) -> Bool { b.minX <= maxX && b.maxX >= minX && b.minY <= maxY && b.maxY >= minY }
        var area: Double { isEmpty ? 0 : (maxX - minX) * (maxY - minY) }
    }

    /// A point strictly inside a ring-bounded region (outer ring minus holes), found with a
    /// horizontal scan line: the midpoint of the widest inside interval over a few scan lines.
    static func interiorPoint(rings: [[GeoPoint]]) -> GeoPoint? {
        guard let outer = rings.first, outer.count >= 3 else { return nil }
        let box = Box(outer)
        var best: (width: Double, point: GeoPoint)? = nil
        let fractions = [0.5, 0.3, 0.7, 0.15, 0.85, 0.41, 0.59]
        for f in fractions {
            var y = box.minY + (box.maxY - box.minY) * f
            // Nudge the scan line off vertices.
            var attempts = 0
            while attempts < 4 && rings.contains(where: { $0.contains(where: { $0.y == y }) }) {
                y += (box.maxY - box.minY) * 1e-7
                attempts += 1
            }
            var xs: [Double] = []
            for ring in rings {
                let n = ring.count
                var j = n - 1
                for i in 0..<n {
                    let a = ring[i]
                    let b = ring[j]
                    if (a.y > y) != (b.y > y) {
                        xs.append(a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x))
                    }
                    j = i
                }
            }
            xs.sort()
            var k = 0
            while k + 1 < xs.count {
                let w = xs[k + 1] - xs[k]
                if w > 0 && (best == nil || w > best!.width) {
                    best = (w, GeoPoint(x: (xs[k] + xs[k + 1]) / 2, y: y))
                }
                k += 2
            }
        }
        return best?.point
    }
}
