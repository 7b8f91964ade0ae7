import Foundation
import Testing

@testable import TIGeo

@Suite struct ProjectionTests {
    @Test func lambert93Origin() {
        let p = MapFrame.metropole.project(pt(3, 46.5))
        #expect(abs(p.x - 700_000) < 0.001)
        #expect(abs(p.y - 6_600_000) < 0.001)
    }

    /// The hard-coded IGN constants agree with the defining parameters (GRS80, standard
    /// parallels 44° and 49°, origin 46°30' N, false northing 6 600 000 m).
    @Test func lambert93ConstantsFromDefinition() {
        let e = GRS80.e
        let a = GRS80.a
        func m(_ phi: Double) -> Double { cos(phi) / (1 - e * e * sin(phi) * sin(phi)).squareRoot() }
        func t(_ phi: Double) -> Double { tan(.pi / 4 - phi / 2) / pow((1 - e * sin(phi)) / (1 + e * sin(phi)), e / 2) }
        let p1 = 44.0 * .pi / 180
        let p2 = 49.0 * .pi / 180
        let p0 = 46.5 * .pi / 180
        let n = (log(m(p1)) - log(m(p2))) / (log(t(p1)) - log(t(p2)))
        let c = a * m(p1) / (n * pow(t(p1), n))
        #expect(abs(n - Lambert93.n) < 1e-12)
        #expect(abs(c - Lambert93.c) < 1e-5)
        #expect(abs(6_600_000 + c * pow(t(p0), n) - Lambert93.ys) < 1e-5)
    }

    @Test func roundTrips() {
        let samples: [(MapFrame, GeoPoint)] = [
            (.metropole, pt(2.3488, 48.8534)), (.metropole, pt(9.45, 42.7)), (.metropole, pt(-4.77, 48.4)),
            (.guadeloupe, pt(-61.55, 16.25)), (.martinique, pt(-61.02, 14.64)), (.guyane, pt(-53.1, 4.0)),
            (.reunion, pt(55.53, -21.11)), (.mayotte, pt(45.14, -12.8)),
        ]
        for (frame, p) in samples {
            let q = frame.unproject(frame.project(p))
            #expect(abs(q.x - p.x) < 1e-8 && abs(q.y - p.y) < 1e-8, "\(frame) \(p) → \(q)")
        }
    }

    @Test func utmAxes() {
        // On the central meridian at the equator: (500 000, 0) north, (500 000, 10 000 000) south.
        let g = MapFrame.guyane.project(pt(-51, 0))
        #expect(abs(g.x - 500_000) < 1e-6 && abs(g.y) < 1e-6)
        let r = MapFrame.reunion.project(pt(57, 0))
        #expect(abs(r.x - 500_000) < 1e-6 && abs(r.y - 10_000_000) < 1e-6)
        // One degree of latitude along the central meridian near the equator: k0 × 110 574 m (≈ 110 530 m).
        let d = MapFrame.guyane.project(pt(-51, 1)).y - g.y
        #expect(abs(d - 0.9996 * 110_574.4) < 2)
    }

    @Test func frames() {
        #expect(MapFrame.forDepartement("971") == .guadeloupe)
        #expect(MapFrame.forDepartement("976") == .mayotte)
        #expect(MapFrame.forDepartement("2A") == .metropole)
        #expect(MapFrame.forDepartement("75") == .metropole)
        #expect(MapFrame.reunion.label == "La Réunion")
        #expect(MapFrame.metropole.label == "France métropolitaine")
    }
}

@Suite struct MeasureTests {
    @Test func area() {
        // 1° × 1° cell at the equator on GRS80: ≈ 12 308 km².
        let a = Measure.areaKm2(square(0, 0))
        #expect(abs(a - 12_308) / 12_308 < 0.005)
        // Orientation does not matter and holes are subtracted.
        let withHole = MultiPolygon(polygons: [
            Polygon(rings: [
                [pt(0, 0), pt(1, 0), pt(1, 1), pt(0, 1)], [pt(0.25, 0.25), pt(0.25, 0.75), pt(0.75, 0.75), pt(0.75, 0.25)],
            ])
        ])
        #expect(abs(Measure.areaKm2(withHole) - 0.75 * a) / a < 0.002)
    }

    @Test func centroid() throws {
        let c = try #require(Measure.centroid(square(2, 46)))
        #expect(abs(c.x - 2.5) < 1e-3 && abs(c.y - 46.5) < 2e-3)
        // A U shape: the centroid falls in the notch, so a point inside is returned.
        let u = MultiPolygon(polygons: [
            Polygon(rings: [
                [
                    pt(0, 45), pt(3, 45), pt(3, 48), pt(2, 48), pt(2, 46), pt(1, 46), pt(1, 48), pt(0, 48),
                ]
            ])
        ])
        let cu = try #require(Measure.centroid(u))
        #expect(Planar.contains(u.polygons[0], cu))
        #expect(Measure.centroid(MultiPolygon(polygons: [])) == nil)
    }
}
