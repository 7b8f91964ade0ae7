import Foundation
import Testing

@testable import TIGeo

@Suite struct OutlineTests {
    /// Two communes in different départements sharing a wiggly border (±50 m wiggles, well under
    /// both tolerances), in lon/lat around 46.5° N.
    func wigglyPair() -> [OutlineBuilder.CommuneInput] {
        var border: [GeoPoint] = []
        for i in 0...200 {
            let y = 46.0 + Double(i) * 0.005
            border.append(pt(3.0 + (i % 2 == 0 ? 0.0006 : -0.0006) + sin(Double(i) / 7) * 0.01, y))
        }
        let west = [pt(2.5, 46.0)] + border + [pt(2.5, 47.0)]
        let east = [pt(3.5, 46.0), pt(3.5, 47.0)] + border.reversed()
        return [
            .init(code: "01001", departement: "01", region: "R1", epci: "E1", geometry: MultiPolygon(polygons: [Polygon(rings: [west])])),
            .init(code: "02001", departement: "02", region: "R1", epci: "E2", geometry: MultiPolygon(polygons: [Polygon(rings: [east])])),
        ]
    }

    /// Two projected squares sharing a border that wiggles by 3 m every 10 m, and an island of 4 m².
    @Test func simplifiedAgainForASmallerMapNeighboursStillShareTheirBorder() throws {
        let border = (0...100).map { IntPoint(x: 1_000 + ($0 % 2 == 0 ? 3 : -3), y: Int32($0 * 10)) }
        let west = [IntPoint(x: 0, y: 0)] + border + [IntPoint(x: 0, y: 1_000)]
        let east = [IntPoint(x: 2_000, y: 0), IntPoint(x: 2_000, y: 1_000)] + border.reversed()
        let island = [IntPoint(x: 3_000, y: 0), IntPoint(x: 3_002, y: 0), IntPoint(x: 3_002, y: 2), IntPoint(x: 3_000, y: 2)]
        let shapes = [
            ProjectedShape(frame: .metropole, polygons: [[west], [island]]),
            ProjectedShape(frame: .metropole, polygons: [[east]]),
        ]
        let simplified = OutlineBuilder.simplify(shapes, tolerance: 20)
        let a = simplified[0].polygons
        let b = simplified[1].polygons
        // The wiggles are gone (the border keeps one point between its ends: three borders join
        // the same two corners, and would collapse onto each other), the island too (under 20² / 2 m²) …
        #expect(a.count == 1 && a[0][0].count == 5 && b.count == 1 && b[0][0].count == 5, "\(a) \(b)")
        // … and the two squares still meet on one border: merged, they are one ring of 6 points.
        #expect(Set(a[0][0]).intersection(b[0][0]).count == 3)
        let merged = OutlineBuilder.merge(simplified)
        #expect(merged.polygons.count == 1 && merged.polygons[0].count == 1 && merged.polygons[0][0].count == 6)
        // No tolerance: as they were.
        #expect(OutlineBuilder.simplify(shapes, tolerance: 0) == shapes)
    }

    @Test func neighboursStayBitIdentical() throws {
        let result = OutlineBuilder.build(communes: wigglyPair(), cantons: []) { _ in }
        for detail in OutlineBuilder.Detail.allCases {
            let a = try #require(result.departements["01"]?[detail])
            let b = try #require(result.departements["02"]?[detail])
            #expect(a.polygons.count == 1 && b.polygons.count == 1)
            // The shared border was simplified (fewer than the 201 source points) …
            let shared = Set(a.polygons[0][0]).intersection(b.polygons[0][0])
            #expect(shared.count >= 2 && shared.count < 100)
            // … identically on both sides: every A vertex strictly east of the western edge that is
            // not a corner is also a B vertex, and merging leaves one simple ring.
            let merged = OutlineBuilder.merge([a, b])
            #expect(merged.polygons.count == 1)
            #expect(merged.polygons[0].count == 1)
            #expect(merged.polygons[0][0].count == 6, "\(merged.polygons[0][0])")  // 4 corners + 2 border ends
            // Régions (R1 = both) and EPCI are consistent too.
            #expect(result.regions["R1"]?[detail]?.polygons.first?.count == 1)
            #expect(result.epcis["E1"]?[detail]?.polygons.first?.first == a.polygons[0][0])
        }
        #expect(result.departements["01"]![.fine]!.pointCount > result.departements["01"]![.coarse]!.pointCount)
    }

    @Test func gapsAreFilledFromCantonsButEnclavesStay() {
        // 3 × 3 communes of 0.1°, the centre one missing (a gap); a canton covers the whole block.
        func cell(_ x: Int, _ y: Int) -> MultiPolygon { square(2 + Double(x) * 0.1, 46 + Double(y) * 0.1, 0.1) }
        var communes: [OutlineBuilder.CommuneInput] = []
        for x in 0..<3 {
            for y in 0..<3 where !(x == 1 && y == 1) {
                communes.append(
                    .init(code: "c\(x)\(y)", departement: x < 2 ? "01" : "02", region: "R", epci: "E\(x)", geometry: cell(x, y)))
            }
        }
        let canton = square(2, 46, 0.3)
        let filled = OutlineBuilder.build(communes: communes, cantons: [canton]) { _ in }
        #expect(filled.gapFillers == 1)
        #expect(filled.regions["R"]?[.fine]?.polygons.map(\.count) == [1])
        #expect(filled.departements["01"]?[.fine]?.polygons.map(\.count) == [1])
        // The filler goes to the neighbour with the longest shared border: a west or east
        // neighbour (0.1° of latitude is longer than 0.1° of longitude), never E1 (north/south),
        // whose two communes therefore stay apart.
        #expect(filled.epcis["E1"]?[.fine]?.polygons.map(\.count) == [1, 1])
        let e0 = filled.epcis["E0"]![.fine]!.areaKm2
        let e2 = filled.epcis["E2"]![.fine]!.areaKm2
        #expect(abs(e0 - e2) > 0.5 * e0 / 3)  // one of them got the gap (a fourth of its size)
        // Without a canton covering it, the hole is a real enclave and stays.
        let enclave = OutlineBuilder.build(communes: communes, cantons: []) { _ in }
        #expect(enclave.gapFillers == 0)
        #expect(enclave.regions["R"]?[.fine]?.polygons.map(\.count) == [2])
    }

    @Test func overseasFramesAndLog() throws {
        var communes = wigglyPair()
        communes.append(.init(code: "97411", departement: "974", region: "04", epci: "E974", geometry: square(55.4, -21.2, 0.1)))
        var lines: [String] = []
        let r = OutlineBuilder.build(communes: communes, cantons: []) { lines.append($0) }
        #expect(r.departements["974"]?[.coarse]?.frame == .reunion)
        #expect(r.departements["01"]?[.coarse]?.frame == .metropole)
        #expect(lines.count == r.log.count && lines.count >= 7)
        let b = try #require(r.departements["974"]?[.fine]).bounds
        #expect(b.minX > 300_000 && b.maxX < 400_000 && b.minY > 7_600_000 && b.maxY < 7_700_000)
    }

    @Test func projectedShapeRoundTrip() throws {
        let s = ProjectedShape(
            frame: .guyane,
            polygons: [
                [
                    [IntPoint(x: 100, y: 200), IntPoint(x: -5, y: 7_000_000), IntPoint(x: 1_300_000, y: 6_100_000)],
                    [IntPoint(x: 10, y: 20), IntPoint(x: 11, y: 21), IntPoint(x: 12, y: 19)],
                ],
                [[IntPoint(x: Int32.max, y: Int32.min), IntPoint(x: 0, y: 0), IntPoint(x: 1, y: 1)]],
            ])
        let bytes = s.encoded()
        #expect(bytes[0] == ProjectedShape.formatVersion)
        #expect(try ProjectedShape(decoding: bytes) == s)
        #expect(throws: ProjectedShapeError.self) { try ProjectedShape(decoding: Array(bytes.dropLast())) }
        #expect(throws: ProjectedShapeError.self) { try ProjectedShape(decoding: [9, 0, 0]) }
        #expect(try ProjectedShape(decoding: ProjectedShape(frame: .metropole, polygons: []).encoded()).isEmpty)
        let b = s.bounds
        #expect(b.minX == -5 && b.maxX == Double(Int32.max) && b.minY == Double(Int32.min) && b.maxY == 7_000_000)
        // Varint deltas keep typical outlines compact: ≤ 2 bytes per coordinate for steps < 8 km.
        let ring = (0..<100).map { IntPoint(x: 700_000 + Int32($0) * 1000, y: 6_600_000 + Int32($0 % 7) * 900) }
        let compact = ProjectedShape(frame: .metropole, polygons: [[ring]]).encoded()
        #expect(compact.count < 100 * 4 + 12)
        #expect(try ProjectedShape(decoding: compact).polygons == [[ring]])
    }
}
