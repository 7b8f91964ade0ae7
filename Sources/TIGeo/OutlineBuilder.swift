import Foundation

/// Builds the projected, simplified outlines of départements, régions and EPCI from commune geometries.
public enum OutlineBuilder {
    public struct CommuneInput: Sendable {
        public var code: String
        public var departement: String
        public var region: String
        public var epci: String?
        /// lon/lat (WGS84) geometry, `nil` when the source has none.
        public var geometry: MultiPolygon?

        public init(code: String, departement: String, region: String, epci: String?, geometry: MultiPolygon?) {
            self.code = code
            self.departement = departement
            self.region = region
            self.epci = epci
            self.geometry = geometry
        }
    }

    public enum Detail: String, Sendable, CaseIterable, Codable {
        /// National maps: Douglas–Peucker tolerance 1 000 m.
        case coarse
        /// A région map: tolerance 200 m.
        case fine

        /// Simplification tolerance in metres.
        public var tolerance: Double {
            switch self {
            case .coarse: 1_000
            case .fine: 200
            }
        }

        /// Islands and holes smaller than this (m²) are dropped after simplification (a feature
        /// always keeps its largest polygon): 0.5 km² at coarse detail, 0.03 km² at fine detail.
        public var dropArea: Double { max(tolerance * tolerance / 2, OutlineBuilder.minRingAreaM2) }
    }

    public struct Result: Sendable {
        public var regions: [String: [Detail: ProjectedShape]]
        public var departements: [String: [Detail: ProjectedShape]]
        public var epcis: [String: [Detail: ProjectedShape]]
        /// How many gaps of the commune mosaic were filled from cantons.
        public var gapFillers: Int
        /// Human-readable steps with counts and timings.
        public var log: [String]

        public init(
            regions: [String: [Detail: ProjectedShape]], departements: [String: [Detail: ProjectedShape]],
            epcis: [String: [Detail: ProjectedShape]], gapFillers: Int, log: [String]
        ) {
            self.regions = regions
            self.departements = departements
            self.epcis = epcis
            self.gapFillers = gapFillers
            self.log = log
        }
    }

    /// Sliver islands and holes below this area (m², projected) are dropped from every output.
    public static let minRingAreaM2 = 30_000.0

    /// Two arcs between the same nodes enclosing less than this (m²) are one border (see `Topology`).
    static let mismatchMergeArea = 100_000.0

    /// Per-frame working state: interned vertices and commune polygons as id rings.
    final class FrameWork {
        let frame: MapFrame
        var lonLat: [GeoPoint] = []
        var coords: [GeoPoint] = []
        /// Indexes into the input array.
        var communes: [Int] = []
        /// Per local commune: polygons (outer CCW first, holes CW) as id rings.
        var polygons: [[[[Int32]]]] = []
        let scratch: VertexScratch
        init(frame: MapFrame) {
            self.frame = frame
            scratch = VertexScratch(vertexCount: 0)
        }
    }

    /// Full pipeline.
    ///
    /// 1. Project every commune into its frame (Lambert-93 or the overseas UTM zone) and intern
    ///    vertices (identical lon/lat → identical id).
    /// 2. Gaps: holes of the union of all communes of a frame that are covered by a canton are gaps
    ///    of the (older) geometry. Cantons share the communes' vertices, so the gap polygon is the hole
    ///    ring itself (the canton is used to tell gaps from real enclaves such as Llívia). Each gap is
    ///    attached to the commune sharing the longest border with it (ties: first in input order), so
    ///    that every level includes it. Small interior rings (< 0.1 km²) made of the borders of
    ///    several communes (tiny gaps not covered by cantons, overlaps) are repaired the same way:
    ///    the reversed ring is added to the commune with the longest border along it, which makes
    ///    its border follow its neighbour's exactly.
    /// 3. Départements: dissolve, then topological simplification at each detail.
    /// 4. Régions: dissolve of the simplified départements (borders are bit-identical).
    /// 5. EPCI: dissolve of communes, then topological simplification (communes without EPCI take
    ///    part in the topology as their own features but are not returned).
    public static func build(communes: [CommuneInput], cantons: [MultiPolygon], progress: (String) -> Void) -> Result {
        var log: [String] = []
        let started = ContinuousClock.now
        var stepStart = started
        func step(_ text: String) {
            let now = ContinuousClock.now
            func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
            let line = String(format: "%@ [%.2f s, total %.2f s]", text, seconds(now - stepStart), seconds(now - started))
            log.append(line)
            progress(line)
            stepStart = now
        }

        // 1. Project and intern.
        var works: [MapFrame: FrameWork] = [:]
        var missing: [String] = []
        for (i, c) in communes.enumerated() {
            guard let g = c.geometry, !g.polygons.isEmpty else {
                missing.append(c.code)
                continue
            }
            let frame = MapFrame.forDepartement(c.departement)
            let w = works[frame] ?? FrameWork(frame: frame)
            works[frame] = w
            w.communes.append(i)
            _ = g
        }
        let frames = MapFrame.allCases.filter { works[$0] != nil }
        var vertexTotal = 0
        for frame in frames {
            let w = works[frame]!
            var estimate = 0
            for i in w.communes { for p in communes[i].geometry!.polygons { for r in p.rings { estimate += r.count } } }
            var interner = PointInterner(capacity: estimate / 2)
            var idPolygons: [[[[Int32]]]] = []
            idPolygons.reserveCapacity(w.communes.count)
            for i in w.communes {
                idPolygons.append(communes[i].geometry!.polygons.map { p in p.rings.map { r in r.map { interner.id($0) } } })
            }
            w.lonLat = interner.coords
            w.coords = interner.coords.map { frame.project($0) }
            w.polygons = idPolygons.map { polys in polys.map { DissolveCore.normalized($0, w.coords) }.filter { !$0.isEmpty } }
            w.scratch.ensure(w.coords.count)
            vertexTotal += w.coords.count
        }
        step(
            "1. projection: \(communes.count - missing.count) communes with geometry in \(frames.count) frames, "
                + "\(vertexTotal) distinct vertices; \(missing.count) without geometry"
                + (missing.isEmpty ? "" : " (\(missing.prefix(12).joined(separator: ", "))\(missing.count > 12 ? ", …" : ""))"))

        // 2. Gaps.
        let cantonBoxes: [Planar.Box] = cantons.map { m in
            var b = Planar.Box()
            for p in m.polygons { if let o = p.rings.first { for q in o { b.add(q) } } }
            return b
        }
        var gapFillers = 0
        var gapArea = 0.0
        var enclaves: [String] = []
        var repairs = 0
        for frame in frames {
            let w = works[frame]!
            var all: [[Int32]] = []
            for polys in w.polygons { for p in polys { all.append(contentsOf: p) } }
            // No sliver threshold here: even tiny gaps get attributed to a commune.
            let union = DissolveCore.union(all, w.coords, minRingArea: 0, scratch: w.scratch)
            // Interior rings of the union: holes, and outer rings nested inside another polygon
            // (overlaps between communes whose borders are not vertex-identical).
            var candidates: [(ring: [Int32], isHole: Bool)] = []
            for p in union { for hole in p.dropFirst() { candidates.append((hole, true)) } }
            let outerBoxes = union.map { IdRings.box($0[0], w.coords) }
            for i in union.indices.dropFirst() {
                let o = union[i][0]
                if IdRings.signedArea(o, w.coords) >= mismatchMergeArea { continue }
                let tp = IdRings.testPoint(o, w.coords)
                for j in 0..<i where outerBoxes[j].contains(outerBoxes[i]) && IdRings.contains(union[j][0], w.coords, tp) {
                    if !union[j].dropFirst().contains(where: { IdRings.contains($0, w.coords, tp) }) {
                        candidates.append((o, false))
                        break
                    }
                }
            }
            if candidates.isEmpty { continue }
            // Border length shared with each commune (edges keep their direction in the union).
            var edgeToCandidate: [UInt64: Int] = [:]
            for (k, c) in candidates.enumerated() {
                var a = c.ring[c.ring.count - 1]
                for b in c.ring {
                    edgeToCandidate[IdRings.directedKey(a, b)] = k
                    a = b
                }
            }
            var score = [[Int: Double]](repeating: [:], count: candidates.count)
            for (ci, polys) in w.polygons.enumerated() {
                for p in polys {
                    for r in p {
                        var a = r[r.count - 1]
                        for b in r {
                            if let k = edgeToCandidate[IdRings.directedKey(a, b)] {
                                let pa = w.coords[Int(a)]
                                let pb = w.coords[Int(b)]
                                score[k][ci, default: 0] += ((pa.x - pb.x) * (pa.x - pb.x) + (pa.y - pb.y) * (pa.y - pb.y)).squareRoot()
                            }
                            a = b
                        }
                    }
                }
            }
            for (k, c) in candidates.enumerated() {
                // Longest shared border; ties: first commune in input order.
                guard let owner = score[k].max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key else {
                    continue
                }
                let area = abs(IdRings.signedArea(c.ring, w.coords))
                var covered = false
                var inside: GeoPoint? = nil
                if c.isHole {
                    inside = Planar.interiorPoint(rings: [c.ring.map { w.lonLat[Int($0)] }])
                    if let inside {
                        for (ci, b) in cantonBoxes.enumerated() where b.contains(inside) {
                            if cantons[ci].polygons.contains(where: { Planar.contains($0, inside) }) {
                                covered = true
                                break
                            }
                        }
                    }
                }
                if covered {
                    // A gap: the filler is the hole itself, minus any island of the union inside it.
                    var filler: [[Int32]] = [Array(c.ring.reversed())]
                    let gbox = IdRings.box(c.ring, w.coords)
                    for (oi, p) in union.enumerated() where gbox.contains(outerBoxes[oi]) && p[0] != c.ring {
                        if IdRings.contains(c.ring, w.coords, IdRings.testPoint(p[0], w.coords)) { filler.append(Array(p[0].reversed())) }
                    }
                    w.polygons[owner].append(filler)
                    gapFillers += 1
                    gapArea += area / 1e6
                } else if area < mismatchMergeArea && score[k].count >= 2 {
                    // A small gap or overlap between neighbours whose borders differ: adding the
                    // reversed ring to one of them makes its border follow the other's exactly
                    // (edge algebra: its own edges cancel, the neighbour's are added reversed).
                    w.polygons[owner].append([Array(c.ring.reversed())])
                    repairs += 1
                } else if c.isHole {
                    let at = inside ?? w.lonLat[Int(c.ring[0])]
                    enclaves.append(String(format: "%.2f km² at %.4f,%.4f", area / 1e6, at.x, at.y))
                }
            }
        }
        step(
            String(
                format:
                    "2. gaps: %d filled from cantons (%.0f km²); %d small gaps/overlaps between neighbours repaired; %d holes kept as enclaves%@",
                gapFillers, gapArea, repairs, enclaves.count, enclaves.isEmpty ? "" : " (" + enclaves.joined(separator: "; ") + ")"))

        // 3–4. Départements.
        var depRegion: [String: String] = [:]
        for frame in frames {
            for ci in works[frame]!.communes {
                depRegion[communes[ci].departement] = depRegion[communes[ci].departement] ?? communes[ci].region
            }
        }
        let depGroups = dissolve(frames.map { works[$0]! }, communes) { $0.departement }
        step("3. départements dissolved: \(depRegion.count) départements, \(depGroups.pieces) polygons")
        var departements: [String: [Detail: ProjectedShape]] = [:]
        let depStats = simplify(depGroups.features, into: &departements)
        step("4. départements simplified: " + depStats.description)

        // 5. Régions.
        var regions: [String: [Detail: ProjectedShape]] = [:]
        var regionDeps: [String: [String]] = [:]
        for (dep, region) in depRegion { regionDeps[region, default: []].append(dep) }
        for (region, deps) in regionDeps {
            for detail in Detail.allCases {
                let shapes = deps.sorted().compactMap { departements[$0]?[detail] }
                // Rings under 3 × dropArea are dropped: the smallest real holes of a région are Llívia
                // and the Hautes-Pyrénées enclaves (> 10 km²); smaller ones are data artefacts.
                regions[region, default: [:]][detail] = dissolveProjected(shapes, minRingArea: 3 * detail.dropArea)
            }
        }
        step(
            "5. régions dissolved from simplified départements: \(regions.count) régions, "
                + Detail.allCases.map { d in "\(d.rawValue) \(regions.values.reduce(0) { $0 + ($1[d]?.pointCount ?? 0) }) points" }.joined(
                    separator: ", "))

        // 6–7. EPCI. Communes outside any EPCI are features of their own, in the topology but not returned.
        let epciGroups = dissolve(frames.map { works[$0]! }, communes) { $0.epci ?? "\u{0}" + $0.code }
        step(
            "6. EPCI dissolved: \(epciGroups.features.reduce(0) { $0 + $1.keys.filter { !$0.hasPrefix("\u{0}") }.count }) EPCI, \(epciGroups.pieces) polygons"
        )
        var epcis: [String: [Detail: ProjectedShape]] = [:]
        let epciStats = simplify(epciGroups.features, keep: { !$0.hasPrefix("\u{0}") }, into: &epcis)
        step("7. EPCI simplified: " + epciStats.description)

        return Result(regions: regions, departements: departements, epcis: epcis, gapFillers: gapFillers, log: log)
    }

    /// One frame's features: the group keys, in order, and each group's dissolved rings.
    struct FrameFeatures {
        let work: FrameWork
        let keys: [String]
        let rings: [[[[Int32]]]]
    }

    /// The communes of each frame grouped by `key`, each group dissolved into one feature. Only
    /// degenerate rings are dropped here: slivers are dropped after simplification, where islands
    /// can be told from exclaves.
    static func dissolve(
        _ works: [FrameWork], _ communes: [CommuneInput], key: (CommuneInput) -> String
    ) -> (features: [FrameFeatures], pieces: Int) {
        var pieces = 0
        let features = works.map { w in
            var groups: [String: [Int]] = [:]
            for (li, ci) in w.communes.enumerated() { groups[key(communes[ci]), default: []].append(li) }
            let keys = groups.keys.sorted()
            let rings = keys.map { k in
                var rings: [[Int32]] = []
                for li in groups[k]! { for p in w.polygons[li] { rings.append(contentsOf: p) } }
                let u = DissolveCore.union(rings, w.coords, minRingArea: 1, scratch: w.scratch)
                pieces += u.count
                return u
            }
            return FrameFeatures(work: w, keys: keys, rings: rings)
        }
        return (features, pieces)
    }

    /// What a simplification did, for the progress log.
    struct SimplifyStats: CustomStringConvertible {
        var arcs = 0
        var merged = 0
        var points: [Detail: Int] = [:]
        var description: String {
            "\(arcs) arcs, \(merged) mismatched border pairs merged; "
                + Detail.allCases.map { "\($0.rawValue) \(points[$0] ?? 0) points" }.joined(separator: ", ")
        }
    }

    /// Each frame's features simplified at every detail through one topology, so that shared
    /// borders are simplified once and stay bit-identical; the shapes whose key `keep`s go to `shapes`.
    static func simplify(
        _ features: [FrameFeatures], keep: (String) -> Bool = { _ in true }, into shapes: inout [String: [Detail: ProjectedShape]]
    ) -> SimplifyStats {
        var stats = SimplifyStats()
        for f in features {
            let w = f.work
            let topo = Topology(features: f.rings, coords: w.coords, mergeArea: mismatchMergeArea)
            stats.merged += topo.mergedArcs
            stats.arcs += topo.arcs.count
            for detail in Detail.allCases {
                let arcs = topo.simplified(coords: w.coords, tolerance: detail.tolerance)
                let assembled = topo.assemble(simplifiedArcs: arcs, coords: w.coords, dropArea: detail.dropArea, frame: w.frame)
                for (key, shape) in zip(f.keys, assembled) where keep(key) {
                    shapes[key, default: [:]][detail] = shape
                    stats.points[detail, default: 0] += shape.pointCount
                }
            }
        }
        return stats
    }

    /// Outline of a group of EPCI (a Territoire d'industrie) from stored outlines of one detail:
    /// dissolve in projected space (shared borders are bit-identical after topological
    /// simplification). Shapes outside the majority frame are ignored.
    public static func merge(_ shapes: [ProjectedShape]) -> ProjectedShape {
        dissolveProjected(shapes, minRingArea: 1)
    }

    /// Stored outlines of one frame simplified again, together, for a map that draws them smaller
    /// than their detail was made for: Douglas–Peucker at `tolerance` metres through one topology,
    /// so that a border two shapes share stays shared (no gap, no overlap); islands and voids
    /// under `tolerance² / 2` go, and every shape keeps at least its largest polygon. Shapes of
    /// another frame than the first non-empty one come back as they were.
    public static func simplify(_ shapes: [ProjectedShape], tolerance: Double) -> [ProjectedShape] {
        guard tolerance > 0, let frame = shapes.first(where: { !$0.isEmpty })?.frame else { return shapes }
        var ids = PointIds()
        var members: [Int] = []
        var features: [[[[Int32]]]] = []
        for (i, shape) in shapes.enumerated() where shape.frame == frame && !shape.isEmpty {
            members.append(i)
            features.append(shape.polygons.map { polygon in polygon.map { ring in ring.map { ids.id($0) } } })
        }
        let topology = Topology(features: features, coords: ids.coords, mergeArea: 0)
        let arcs = topology.simplified(coords: ids.coords, tolerance: tolerance)
        let simplified = topology.assemble(
            simplifiedArcs: arcs, coords: ids.coords, dropArea: tolerance * tolerance / 2, frame: frame)
        var result = shapes
        for (i, shape) in zip(members, simplified) { result[i] = shape }
        return result
    }

    static func dissolveProjected(_ shapes: [ProjectedShape], minRingArea: Double) -> ProjectedShape {
        var counts: [MapFrame: Int] = [:]
        for s in shapes where !s.isEmpty { counts[s.frame, default: 0] += 1 }
        guard let frame = MapFrame.allCases.max(by: { (counts[$0] ?? 0) < (counts[$1] ?? 0) }), (counts[frame] ?? 0) > 0 else {
            return ProjectedShape(frame: shapes.first?.frame ?? .metropole, polygons: [])
        }
        var ids = PointIds()
        var rings: [[Int32]] = []
        for s in shapes where s.frame == frame {
            for polygon in s.polygons {
                let polygonIds = polygon.map { ring in ring.map { ids.id($0) } }
                rings.append(contentsOf: DissolveCore.normalized(polygonIds, ids.coords))
            }
        }
        let scratch = VertexScratch(vertexCount: ids.coords.count)
        let polygons = DissolveCore.union(rings, ids.coords, minRingArea: minRingArea, scratch: scratch)
        return ProjectedShape(frame: frame, polygons: polygons.map { $0.map { $0.map { ids.points[Int($0)] } } })
    }

    /// Integer points numbered in order of first sight, for the id-ring algorithms (dissolve, topology).
    struct PointIds {
        private var index: [IntPoint: Int32] = [:]
        private(set) var points: [IntPoint] = []
        private(set) var coords: [GeoPoint] = []

        mutating func id(_ p: IntPoint) -> Int32 {
            if let id = index[p] { return id }
            let id = Int32(points.count)
            index[p] = id
            points.append(p)
            coords.append(p.geoPoint)
            return id
        }
    }
}
