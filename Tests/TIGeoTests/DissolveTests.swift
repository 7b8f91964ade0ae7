import Testing

@testable import TIGeo

@Suite struct DissolveTests {
    @Test func gridOfFourIsOneSquare() {
        let u = Dissolve.union([square(0, 0), square(1, 0), square(0, 1), square(1, 1)], minRingArea: 0.01)
        #expect(u.polygons.count == 1)
        #expect(u.polygons[0].rings.count == 1)
        let expected = [pt(0, 0), pt(1, 0), pt(2, 0), pt(2, 1), pt(2, 2), pt(1, 2), pt(0, 2), pt(0, 1)]
        #expect(sameRing(expected, u.polygons[0].rings[0]), "\(u)")
    }

    @Test func lShape() {
        let u = Dissolve.union([square(0, 0), square(1, 0), square(0, 1)], minRingArea: 0.01)
        let expected = [pt(0, 0), pt(1, 0), pt(2, 0), pt(2, 1), pt(1, 1), pt(1, 2), pt(0, 2), pt(0, 1)]
        #expect(u.polygons.count == 1 && u.polygons[0].rings.count == 1)
        #expect(sameRing(expected, u.polygons[0].rings[0]), "\(u)")
    }

    @Test func ringOfEightHasAHole() {
        var parts: [MultiPolygon] = []
        for x in 0..<3 { for y in 0..<3 where !(x == 1 && y == 1) { parts.append(square(Double(x), Double(y))) } }
        let u = Dissolve.union(parts, minRingArea: 0.01)
        #expect(u.polygons.count == 1)
        #expect(u.polygons[0].rings.count == 2)
        let outer = [
            pt(0, 0), pt(1, 0), pt(2, 0), pt(3, 0), pt(3, 1), pt(3, 2), pt(3, 3), pt(2, 3), pt(1, 3), pt(0, 3), pt(0, 2), pt(0, 1),
        ]
        let hole = [pt(1, 1), pt(1, 2), pt(2, 2), pt(2, 1)]  // clockwise
        #expect(sameRing(outer, u.polygons[0].rings[0]))
        #expect(sameRing(hole, u.polygons[0].rings[1]))
        // Adding the centre fills it.
        let full = Dissolve.union(parts + [square(1, 1)], minRingArea: 0.01)
        #expect(full.polygons.count == 1 && full.polygons[0].rings.count == 1 && full.polygons[0].rings[0].count == 12)
    }

    @Test func pinchGivesTwoPolygons() {
        let u = Dissolve.union([square(0, 0), square(1, 1)], minRingArea: 0.01)
        #expect(u.polygons.count == 2)
        let rings = u.polygons.map { $0.rings[0] }
        #expect(rings.contains { sameRing([pt(0, 0), pt(1, 0), pt(1, 1), pt(0, 1)], $0) })
        #expect(rings.contains { sameRing([pt(1, 1), pt(2, 1), pt(2, 2), pt(1, 2)], $0) })
    }

    @Test func pinchedHoleIsSplitFromOuterRing() {
        // A 3×3 block of squares minus the centre and minus one corner square touching the centre
        // diagonally at (2, 2)... here: an outer ring touched by a hole at one vertex.
        var parts: [MultiPolygon] = []
        for x in 0..<3 { for y in 0..<3 where !(x == 1 && y == 1) && !(x == 2 && y == 2) { parts.append(square(Double(x), Double(y))) } }
        // The centre hole touches the notch at (2, 2): the notch is outside, the centre is outside
        // too, so this is one polygon whose boundary passes twice through (2, 2).
        let u = Dissolve.union(parts, minRingArea: 0.01)
        let area = u.polygons.reduce(0.0) { s, p in
            s + p.rings.enumerated().reduce(0.0) { $0 + ($1.offset == 0 ? 1 : -1) * abs(Planar.signedArea($1.element)) }
        }
        #expect(abs(area - 7) < 1e-9)
        for p in u.polygons { for r in p.rings { #expect(Set(r).count == r.count) } }  // simple rings
    }

    @Test func sliverRingDropped() {
        let sliver = MultiPolygon(polygons: [Polygon(rings: [[pt(5, 5), pt(6, 5), pt(5.5, 5.0001)]])])
        let u = Dissolve.union([square(0, 0), sliver], minRingArea: 0.01)
        #expect(u.polygons.count == 1)
        #expect(sameRing([pt(0, 0), pt(1, 0), pt(1, 1), pt(0, 1)], u.polygons[0].rings[0]))
        // A sliver hole between two parts is dropped (filled) too.
        let a = MultiPolygon(polygons: [Polygon(rings: [[pt(0, 0), pt(2, 0), pt(2, 1), pt(1.5, 1), pt(1, 1.0001), pt(0.5, 1), pt(0, 1)]])])
        let b = MultiPolygon(polygons: [Polygon(rings: [[pt(0, 1), pt(0.5, 1), pt(1.5, 1), pt(2, 1), pt(2, 2), pt(0, 2)]])])
        let ab = Dissolve.union([a, b], minRingArea: 0.01)
        #expect(ab.polygons.count == 1 && ab.polygons[0].rings.count == 1)
    }

    @Test func enclaveStaysAHole() {
        // Outer territory with a hole, and the enclave belonging to someone else.
        let ring = [pt(0, 0), pt(4, 0), pt(4, 1), pt(4, 4), pt(0, 4)]  // vertex-identical with the neighbour
        let enclave = [pt(1, 1), pt(2, 1), pt(2, 2), pt(1, 2)]
        let host = MultiPolygon(polygons: [Polygon(rings: [ring, enclave])])
        let neighbour = square(4, 0)
        let u = Dissolve.union([host, neighbour], minRingArea: 0.01)
        #expect(u.polygons.count == 1)
        #expect(u.polygons[0].rings.count == 2)
        #expect(Planar.signedArea(u.polygons[0].rings[0]) > 0)
        #expect(Planar.signedArea(u.polygons[0].rings[1]) < 0)
    }
}
