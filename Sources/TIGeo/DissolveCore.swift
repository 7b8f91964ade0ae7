import Foundation

/// Reusable scratch arrays indexed by vertex id (kept at -1 between uses).
final class VertexScratch {
    var head: [Int32]
    var pos: [Int32]
    init(vertexCount: Int) {
        head = Array(repeating: -1, count: vertexCount)
        pos = Array(repeating: -1, count: vertexCount)
    }
    func ensure(_ n: Int) {
        if head.count < n {
            head.append(contentsOf: repeatElement(-1, count: n - head.count))
            pos.append(contentsOf: repeatElement(-1, count: n - pos.count))
        }
    }
}

/// Geometry on rings of vertex ids (indexes into a shared coordinate table). Sharing ids makes
/// vertex-identical borders exactly comparable.
enum IdRings {
    @inline(__always)
    static func undirectedKey(_ a: Int32, _ b: Int32) -> UInt64 {
        a < b
            ? UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
            : UInt64(UInt32(bitPattern: b)) << 32 | UInt64(UInt32(bitPattern: a))
    }

    @inline(__always)
    static func directedKey(_ a: Int32, _ b: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
    }

    static func signedArea(_ ring: [Int32], _ coords: [GeoPoint]) -> Double {
        let n = ring.count
        if n < 3 { return 0 }
        return coords.withUnsafeBufferPointer { c in
            let o = c[Int(ring[0])]
            var s = 0.0
            var p = c[Int(ring[n - 1])]
            var px = p.x - o.x
            var py = p.y - o.y
            for id in ring {
                p = c[Int(id)]
                let cx = p.x - o.x
                let cy = p.y - o.y
                s += px * cy - cx * py
                px = cx
                py = cy
            }
            return s / 2
        }
    }

    static func box(_ ring: [Int32], _ coords: [GeoPoint]) -> Planar.Box {
        var b = Planar.Box()
        for id in ring { b.add(coords[Int(id)]) }
        return b
    }

    static func contains(_ ring: [Int32], _ coords: [GeoPoint], _ p: GeoPoint) -> Bool {
        let n = ring.count
        if n < 3 { return false }
        return coords.withUnsafeBufferPointer { c in
            var inside = false
            var b = c[Int(ring[n - 1])]
            for id in ring {
                let a = c[Int(id)]
                if (a.y > p.y) != (b.y > p.y) {
                    let xCross = a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x)
                    if p.x < xCross { inside.toggle() }
                }
                b = a
            }
            return inside
        }
    }

    /// Removes consecutive duplicate ids (cyclically).
    static func dedup(_ ring: [Int32]) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(ring.count)
        for id in ring where out.last != id { out.append(id) }
        while out.count > 1 && out.first == out.last { out.removeLast() }
        return out
    }

    /// A test point for "is this ring inside that one": the midpoint of the ring's longest edge
    /// (never a vertex, so rings touching at vertices are classified correctly).
    static func testPoint(_ ring: [Int32], _ coords: [GeoPoint]) -> GeoPoint {
        var best = -1.0
        var point = coords[Int(ring[0])]
        var prev = coords[Int(ring[ring.count - 1])]
        for id in ring {
            let p = coords[Int(id)]
            let dx = p.x - prev.x
            let dy = p.y - prev.y
            let l = dx * dx + dy * dy
            if l > best {
                best = l
                point = GeoPoint(x: (p.x + prev.x) / 2, y: (p.y + prev.y) / 2)
            }
            prev = p
        }
        return point
    }
}

/// Union by shared-edge cancellation on id rings.
enum DissolveCore {
    struct Ring {
        var ids: [Int32]
        var area: Double
        var box: Planar.Box
    }

    /// Orients a polygon's rings: outer counter-clockwise, holes clockwise (consecutive duplicates removed).
    static func normalized(_ polygon: [[Int32]], _ coords: [GeoPoint]) -> [[Int32]] {
        var out: [[Int32]] = []
        for (i, r) in polygon.enumerated() {
            var ring = IdRings.dedup(r)
            if ring.count < 3 { if i == 0 { return [] } else { continue } }
            let a = IdRings.signedArea(ring, coords)
            if (i == 0 && a < 0) || (i > 0 && a > 0) { ring.reverse() }
            out.append(ring)
        }
        return out
    }

    /// Cancels shared edges and chains the remaining directed edges into simple rings.
    /// Input rings must be oriented (outer CCW, holes CW). Returns rings with their signed area.
    static func boundaryRings(_ rings: [[Int32]], _ coords: [GeoPoint], scratch: VertexScratch) -> [Ring] {
        var edgeCount = 0
        for r in rings { edgeCount += r.count }
        // Net count per undirected edge: +1 for each min→max occurrence, -1 for each max→min.
        var net = [UInt64: Int32](minimumCapacity: edgeCount)
        for r in rings {
            let n = r.count
            if n < 2 { continue }
            var a = r[n - 1]
            for b in r {
                if a != b { net[IdRings.undirectedKey(a, b), default: 0] += a < b ? 1 : -1 }
                a = b
            }
        }
        var from: [Int32] = []
        var to: [Int32] = []
        from.reserveCapacity(edgeCount / 4)
        to.reserveCapacity(edgeCount / 4)
        for r in rings {
            let n = r.count
            if n < 2 { continue }
            var a = r[n - 1]
            for b in r {
                if a != b {
                    let key = IdRings.undirectedKey(a, b)
                    if let v = net[key] {
                        if a < b && v > 0 {
                            from.append(a)
                            to.append(b)
                            net[key] = v - 1
                        } else if a > b && v < 0 {
                            from.append(a)
                            to.append(b)
                            net[key] = v + 1
                        }
                    }
                }
                a = b
            }
        }
        return chain(from: from, to: to, coords, scratch: scratch)
    }

    static func chain(from: [Int32], to: [Int32], _ coords: [GeoPoint], scratch: VertexScratch) -> [Ring] {
        let e = from.count
        if e == 0 { return [] }
        var next = [Int32](repeating: -1, count: e)
        var used = [Bool](repeating: false, count: e)
        var touched: [Int32] = []
        touched.reserveCapacity(e)
        var result: [Ring] = []
        scratch.head.withUnsafeMutableBufferPointer { head in
            for i in stride(from: e - 1, through: 0, by: -1) {
                let v = Int(from[i])
                if head[v] == -1 { touched.append(from[i]) }
                next[i] = head[v]
                head[v] = Int32(i)
            }
            scratch.pos.withUnsafeMutableBufferPointer { pos in
                var walk: [Int32] = []
                var stack: [Int32] = []
                for e0 in 0..<e where !used[e0] {
                    walk.removeAll(keepingCapacity: true)
                    let start = from[e0]
                    var cur = e0
                    var closed = false
                    while true {
                        used[cur] = true
                        walk.append(from[cur])
                        let v = to[cur]
                        if v == start {
                            closed = true
                            break
                        }
                        var c = head[Int(v)]
                        while c != -1 && used[Int(c)] { c = next[Int(c)] }
                        if c == -1 { break }
                        head[Int(v)] = next[Int(c)]
                        cur = Int(c)
                    }
                    if !closed { continue }  // unbalanced input (open chain): dropped
                    // Split the closed walk at revisited vertices (pinch vertices) into simple rings.
                    stack.removeAll(keepingCapacity: true)
                    for v in walk {
                        let p = pos[Int(v)]
                        if p >= 0 {
                            let ids = Array(stack[Int(p)...])
                            for u in stack[(Int(p) + 1)...] { pos[Int(u)] = -1 }
                            stack.removeSubrange((Int(p) + 1)...)
                            if ids.count >= 3 { result.append(Ring(ids: ids, area: 0, box: Planar.Box())) }
                        } else {
                            pos[Int(v)] = Int32(stack.count)
                            stack.append(v)
                        }
                    }
                    for u in stack { pos[Int(u)] = -1 }
                    if stack.count >= 3 { result.append(Ring(ids: stack, area: 0, box: Planar.Box())) }
                }
            }
            for v in touched { head[Int(v)] = -1 }
        }
        for i in result.indices {
            result[i].area = IdRings.signedArea(result[i].ids, coords)
        }
        return result
    }

    /// Groups outer rings (positive area) and holes (negative area) into polygons; each hole goes
    /// to the smallest outer ring containing it. Holes contained in no outer ring are dropped.
    static func assemble(_ rings: [Ring], _ coords: [GeoPoint]) -> [[[Int32]]] {
        var outers: [Ring] = []
        var holes: [Ring] = []
        for var r in rings {
            r.box = IdRings.box(r.ids, coords)
            if r.area > 0 { outers.append(r) } else if r.area < 0 { holes.append(r) }
        }
        // Largest first: a deterministic, useful order (main land first).
        outers.sort { $0.area > $1.area }
        var polygons: [[[Int32]]] = outers.map { [$0.ids] }
        for h in holes {
            let p = IdRings.testPoint(h.ids, coords)
            var best = -1
            var bestArea = Double.infinity
            for (i, o) in outers.enumerated() where o.area < bestArea && o.area >= -h.area && o.box.contains(h.box) {
                if IdRings.contains(o.ids, coords, p) {
                    best = i
                    bestArea = o.area
                }
            }
            if best >= 0 { polygons[best].append(h.ids) }
        }
        return polygons
    }

    /// Full union of oriented id rings: cancellation, chaining, pinch splitting, sliver removal, assembly.
    static func union(_ rings: [[Int32]], _ coords: [GeoPoint], minRingArea: Double, scratch: VertexScratch) -> [[[Int32]]] {
        let boundary = boundaryRings(rings, coords, scratch: scratch).filter { abs($0.area) >= minRingArea && $0.area != 0 }
        return assemble(boundary, coords)
    }
}
