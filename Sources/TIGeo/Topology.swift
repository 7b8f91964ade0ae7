import Foundation

/// Topology of a planar partition given as features made of id rings (outer CCW, holes CW):
/// arcs between junction nodes (vertices where the set of features on either side changes),
/// each stored once, and every feature ring expressed as a sequence of arc uses. Simplifying each
/// arc once keeps shared borders bit-identical between neighbours.
struct Topology {
    /// Arcs as vertex-id sequences; a closed arc starts and ends with the same id.
    var arcs: [[Int32]] = []
    /// feature → polygon → ring → arc uses (arc index, reversed).
    var features: [[[[ArcUse]]]] = []

    struct ArcUse {
        var arc: Int32
        var reversed: Bool
    }

    /// Number of arc pairs merged by the mismatch repair (see below).
    var mergedArcs = 0
    /// Whether an arc has the outside (no feature) on one side.
    var outsideArc: [Bool] = []

    /// - Parameter mergeArea: repair of borders that are not vertex-identical in the source: two
    ///   arcs joining the same two nodes, each between a different feature and the outside, that
    ///   enclose less than `mergeArea` (a small gap or overlap between neighbours) are replaced by
    ///   one shared arc (the first one), so that both neighbours get the same simplified border.
    init(features input: [[[[Int32]]]], coords: [GeoPoint], mergeArea: Double) {
        let vertexCount = coords.count
        // 1. Undirected edges with the feature on each side (forward = lower id → higher id).
        var edgeIndex = [UInt64: Int32]()
        var total = 0
        for f in input { for p in f { for r in p { total += r.count } } }
        edgeIndex.reserveCapacity(total / 2 + 16)
        var edgeA: [Int32] = []
        var edgeB: [Int32] = []
        var left: [Int32] = []
        var right: [Int32] = []
        edgeA.reserveCapacity(total / 2 + 16)
        edgeB.reserveCapacity(total / 2 + 16)
        for (fi, f) in input.enumerated() {
            let feature = Int32(fi)
            for p in f {
                for r in p {
                    var a = r[r.count - 1]
                    for b in r {
                        let key = IdRings.undirectedKey(a, b)
                        let idx: Int32
                        if let i = edgeIndex[key] {
                            idx = i
                        } else {
                            idx = Int32(edgeA.count)
                            edgeIndex[key] = idx
                            edgeA.append(min(a, b))
                            edgeB.append(max(a, b))
                            left.append(-1)
                            right.append(-1)
                        }
                        if a < b { left[Int(idx)] = feature } else { right[Int(idx)] = feature }
                        a = b
                    }
                }
            }
        }
        // 2. Junction nodes.
        var degree = [UInt8](repeating: 0, count: vertexCount)
        var firstEdge = [Int32](repeating: -1, count: vertexCount)
        var isNode = [Bool](repeating: false, count: vertexCount)
        @inline(__always) func samePair(_ e1: Int, _ e2: Int) -> Bool {
            let l1 = left[e1]
            let r1 = right[e1]
            let l2 = left[e2]
            let r2 = right[e2]
            return (l1 == l2 && r1 == r2) || (l1 == r2 && r1 == l2)
        }
        @inline(__always) func visit(_ v: Int, _ e: Int) {
            if degree[v] < 255 { degree[v] += 1 }
            if firstEdge[v] < 0 { firstEdge[v] = Int32(e) } else if !samePair(Int(firstEdge[v]), e) { isNode[v] = true }
        }
        for e in 0..<edgeA.count {
            visit(Int(edgeA[e]), e)
            visit(Int(edgeB[e]), e)
        }
        for v in 0..<vertexCount where degree[v] != 0 && degree[v] != 2 { isNode[v] = true }
        // Rings with no node at all (islands, enclaves): their smallest id becomes the node, the
        // same choice from both sides.
        for f in input {
            for p in f {
                for r in p where !r.contains(where: { isNode[Int($0)] }) {
                    if let m = r.min() { isNode[Int(m)] = true }
                }
            }
        }
        // 3. Arcs.
        var arcOfEdge = [Int32](repeating: -1, count: edgeA.count)
        var arcs: [[Int32]] = []
        var features: [[[[ArcUse]]]] = []
        features.reserveCapacity(input.count)
        var candidate: [Int32] = []
        for f in input {
            var fp: [[[ArcUse]]] = []
            for p in f {
                var pr: [[ArcUse]] = []
                for r in p {
                    let n = r.count
                    guard let k = r.firstIndex(where: { isNode[Int($0)] }) else { continue }
                    var uses: [ArcUse] = []
                    var i = 0
                    while i < n {
                        candidate.removeAll(keepingCapacity: true)
                        candidate.append(r[(k + i) % n])
                        var j = i + 1
                        while true {
                            let v = r[(k + j) % n]
                            candidate.append(v)
                            if isNode[Int(v)] { break }
                            j += 1
                        }
                        let firstKey = IdRings.undirectedKey(candidate[0], candidate[1])
                        let e = Int(edgeIndex[firstKey]!)
                        let existing = arcOfEdge[e]
                        if existing >= 0 {
                            let arc = arcs[Int(existing)]
                            let forward = arc[0] == candidate[0] && arc[1] == candidate[1]
                            uses.append(ArcUse(arc: existing, reversed: !forward))
                        } else {
                            let id = Int32(arcs.count)
                            arcs.append(candidate)
                            arcOfEdge[e] = id
                            let c = candidate.count
                            let lastKey = IdRings.undirectedKey(candidate[c - 2], candidate[c - 1])
                            arcOfEdge[Int(edgeIndex[lastKey]!)] = id
                            uses.append(ArcUse(arc: id, reversed: false))
                        }
                        i = j
                    }
                    pr.append(uses)
                }
                fp.append(pr)
            }
            features.append(fp)
        }
        // 4. Mismatch repair.
        var arcSides: [(Int32, Int32)] = arcs.map { arc in
            let e = Int(edgeIndex[IdRings.undirectedKey(arc[0], arc[1])]!)
            return arc[0] < arc[1] ? (left[e], right[e]) : (right[e], left[e])
        }
        var byEnds: [UInt64: [Int32]] = [:]
        for (i, arc) in arcs.enumerated() where arc.first != arc.last {
            let (l, r) = arcSides[i]
            if (l == -1) != (r == -1) { byEnds[IdRings.undirectedKey(arc.first!, arc.last!), default: []].append(Int32(i)) }
        }
        var replacement = [Int32](repeating: -1, count: arcs.count)
        for key in byEnds.keys.sorted() {
            let group = byEnds[key]!
            if group.count < 2 { continue }
            for (gi, i) in group.enumerated() where replacement[Int(i)] < 0 {
                let fi = max(arcSides[Int(i)].0, arcSides[Int(i)].1)
                for j in group[(gi + 1)...] where replacement[Int(j)] < 0 {
                    let fj = max(arcSides[Int(j)].0, arcSides[Int(j)].1)
                    if fi == fj { continue }
                    let a = arcs[Int(i)]
                    let b = arcs[Int(j)]
                    let loop = a.dropLast() + (a.first == b.first ? b.reversed().dropLast() : b.dropLast())
                    if abs(IdRings.signedArea(Array(loop), coords)) < mergeArea {
                        replacement[Int(j)] = i
                        arcSides[Int(i)] = (fi, fj)
                        mergedArcs += 1
                        break
                    }
                }
            }
        }
        if mergedArcs > 0 {
            for f in features.indices {
                for p in features[f].indices {
                    for r in features[f][p].indices {
                        for u in features[f][p][r].indices {
                            let use = features[f][p][r][u]
                            let target = replacement[Int(use.arc)]
                            if target < 0 { continue }
                            let old = arcs[Int(use.arc)]
                            let start = use.reversed ? old.last! : old.first!
                            features[f][p][r][u] = ArcUse(arc: target, reversed: arcs[Int(target)].first! != start)
                        }
                    }
                }
            }
            for j in replacement.indices where replacement[j] >= 0 { arcs[j] = [] }
        }
        self.arcs = arcs
        self.features = features
        self.outsideArc = arcSides.map { $0.0 == -1 || $0.1 == -1 }
    }

    /// Douglas–Peucker on every arc (endpoints fixed), keeping at least 3 points on closed arcs and
    /// on arcs parallel to another one (same end nodes) so that rings do not collapse.
    func simplified(coords: [GeoPoint], tolerance: Double) -> [[Int32]] {
        let tol2 = tolerance * tolerance
        // Parallel arcs (same two end nodes) must keep an interior point, or they collapse onto each other.
        var endpointCount: [UInt64: Int32] = [:]
        for a in arcs where !a.isEmpty && a.first != a.last {
            endpointCount[IdRings.undirectedKey(a.first!, a.last!), default: 0] += 1
        }
        var result: [[Int32]] = []
        result.reserveCapacity(arcs.count)
        var keep: [Bool] = []
        var stack: [(Int, Int)] = []
        coords.withUnsafeBufferPointer { c in
            @inline(__always) func dist2(_ p: GeoPoint, _ a: GeoPoint, _ b: GeoPoint) -> Double {
                let dx = b.x - a.x
                let dy = b.y - a.y
                let l2 = dx * dx + dy * dy
                var t = l2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2 : 0
                t = t < 0 ? 0 : (t > 1 ? 1 : t)
                let ex = a.x + t * dx - p.x
                let ey = a.y + t * dy - p.y
                return ex * ex + ey * ey
            }
            for arc in arcs {
                let n = arc.count
                if n <= 2 {
                    result.append(arc)
                    continue
                }  // also merged (empty) arcs
                keep.removeAll(keepingCapacity: true)
                keep.append(contentsOf: repeatElement(false, count: n))
                keep[0] = true
                keep[n - 1] = true
                func farthest(_ lo: Int, _ hi: Int) -> (Int, Double) {
                    let a = c[Int(arc[lo])]
                    let b = c[Int(arc[hi])]
                    var best = -1
                    var bestD = -1.0
                    var i = lo + 1
                    while i < hi {
                        let d = dist2(c[Int(arc[i])], a, b)
                        if d > bestD {
                            bestD = d
                            best = i
                        }
                        i += 1
                    }
                    return (best, bestD)
                }
                let closed = arc[0] == arc[n - 1]
                var minKept = 2
                if closed {
                    minKept = 4
                } else if endpointCount[IdRings.undirectedKey(arc[0], arc[n - 1]), default: 0] > 1 {
                    minKept = 3
                }
                stack.removeAll(keepingCapacity: true)
                if closed {
                    let (f, _) = farthest(0, n - 1)
                    keep[f] = true
                    stack.append((0, f))
                    stack.append((f, n - 1))
                } else {
                    stack.append((0, n - 1))
                }
                var kept = closed ? 3 : 2
                while let (lo, hi) = stack.popLast() {
                    if hi - lo < 2 { continue }
                    let (f, d) = farthest(lo, hi)
                    if d > tol2 {
                        keep[f] = true
                        kept += 1
                        stack.append((lo, f))
                        stack.append((f, hi))
                    }
                }
                if kept < minKept {
                    // Add the farthest remaining points from their kept neighbours.
                    var ranges: [(Int, Int)] = []
                    var last = 0
                    for i in 1..<n where keep[i] {
                        ranges.append((last, i))
                        last = i
                    }
                    var candidates: [(Int, Double)] = ranges.map { farthest($0.0, $0.1) }.filter { $0.0 >= 0 }
                    candidates.sort { $0.1 > $1.1 }
                    for (i, _) in candidates.prefix(minKept - kept) { keep[i] = true }
                }
                var out: [Int32] = []
                out.reserveCapacity(kept + 2)
                for i in 0..<n where keep[i] { out.append(arc[i]) }
                result.append(out)
            }
        }
        return result
    }

    /// Reassembles features from simplified arcs, in integer metres. Rings with fewer than 3
    /// distinct points, and islands and voids (rings touching the outside) under `dropArea` (m²)
    /// are dropped (outer rings with their holes); a feature always keeps at least
    /// its largest polygon.
    func assemble(simplifiedArcs: [[Int32]], coords: [GeoPoint], dropArea: Double, frame: MapFrame) -> [ProjectedShape] {
        var shapes: [ProjectedShape] = []
        shapes.reserveCapacity(features.count)
        var ids: [Int32] = []
        for f in features {
            var polygons: [[[IntPoint]]] = []
            var fallback: (area: Double, ring: [IntPoint])? = nil
            for p in f {
                var rings: [[IntPoint]] = []
                for (ri, r) in p.enumerated() {
                    ids.removeAll(keepingCapacity: true)
                    for use in r {
                        let arc = simplifiedArcs[Int(use.arc)]
                        if use.reversed {
                            for i in stride(from: arc.count - 1, to: 0, by: -1) { ids.append(arc[i]) }
                        } else {
                            for i in 0..<(arc.count - 1) { ids.append(arc[i]) }
                        }
                    }
                    let ring = Self.cleanRing(ids.map { IntPoint(rounding: coords[Int($0)]) })
                    let area = ring.count >= 3 ? Planar.signedArea(ring.map(\.geoPoint)) : 0
                    if ri == 0 {
                        if area > 0 && (fallback == nil || area > fallback!.area) { fallback = (area, ring) }
                        // Small islands go; small exclaves surrounded by other features stay
                        // (dropping them would leave a hole between the neighbours).
                        if area <= 0 || (area < dropArea && r.contains(where: { outsideArc[Int($0.arc)] })) { break }
                    } else if area >= 0 || (area > -dropArea && r.contains(where: { outsideArc[Int($0.arc)] })) {
                        // Small voids go; small holes filled by another feature's exclave stay.
                        continue
                    }
                    rings.append(ring)
                }
                if !rings.isEmpty { polygons.append(rings) }
            }
            if polygons.isEmpty, let fallback { polygons = [[fallback.ring]] }
            shapes.append(ProjectedShape(frame: frame, polygons: polygons))
        }
        return shapes
    }

    /// Removes consecutive duplicates and back-and-forth spikes (a, b, a) cyclically.
    static func cleanRing(_ ring: [IntPoint]) -> [IntPoint] {
        var out: [IntPoint] = []
        out.reserveCapacity(ring.count)
        for p in ring {
            if out.last == p { continue }
            if out.count >= 2 && out[out.count - 2] == p {
                out.removeLast()
                continue
            }
            out.append(p)
        }
        // Cyclic clean-up at the seam.
        var changed = true
        while changed && out.count >= 3 {
            changed = false
            if out.first == out.last {
                out.removeLast()
                changed = true
                continue
            }
            if out[out.count - 2] == out[0] {
                out.removeLast()
                changed = true
                continue
            }
            if out[out.count - 1] == out[1] {
                out.removeFirst()
                changed = true
                continue
            }
        }
        return out.count >= 3 ? out : []
    }
}
