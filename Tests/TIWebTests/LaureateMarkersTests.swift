import Foundation
import TIDomain
import TIGeo
import Testing

@testable import TIPersistence
@testable import TIWeb

/// The laureates' markers on `/carte`: a dot each while readable, else circles per commune, then per département.
@Suite struct LaureateMarkersTests {
    static func laureate(_ commune: String, _ departement: String, inside: Bool, lon: Double, lat: Double) -> LaureatePoint {
        LaureatePoint(
            id: UUID(), name: "Usine <\(commune)>", commune: commune, communeName: "Commune \(commune)", departement: departement,
            territory: inside ? "TI-X" : nil, lon: lon, lat: lat, investment: .zero, aid: .zero, jobs: 0, decided: nil)
    }

    /// Ajaccio ×3 (2 inside), Bastia ×1 (outside): two communes of two départements.
    static let corsica = [
        laureate("2A004", "2A", inside: true, lon: 8.74, lat: 41.93), laureate("2A004", "2A", inside: true, lon: 8.74, lat: 41.93),
        laureate("2A004", "2A", inside: false, lon: 8.74, lat: 41.93), laureate("2B033", "2B", inside: false, lon: 9.45, lat: 42.70),
    ]

    @Test func aDotPerLaureateWhileTheyStayReadable() {
        let points = LaureateMarkers(Self.corsica, limit: 4) { $0 }
        #expect(points.grouping == .none && points.groups == 4 && points.explanation == nil)
        #expect(points.markers.map(\.fill) == ["#f3b824", "#f3b824", "#e1000f", "#e1000f"])
        #expect(points.markers.allSatisfy { $0.radius == 2.2 && $0.href?.hasPrefix("/laureats/") == true })
    }

    @Test func beyondTheLimitOneCirclePerCommuneWithAreasProportionalToTheCounts() throws {
        let points = LaureateMarkers(Self.corsica, limit: 3) { "Dép. \($0)" }
        #expect(points.grouping == .commune && points.groups == 2)
        // Ajaccio: red disc for its 3, yellow disc on top for its 2 inside; Bastia: red disc for its 1.
        #expect(points.markers.map(\.fill) == ["#e1000f", "#f3b824", "#e1000f"])
        let (all, inside, bastia) = (points.markers[0], points.markers[1], points.markers[2])
        #expect(all.radius == 9)
        #expect(abs(inside.radius - 9 * (2.0 / 3).squareRoot()) < 0.06)
        #expect(abs(bastia.radius - 9 * (1.0 / 3).squareRoot()) < 0.06)
        #expect(all.title == "Commune 2A004 (2A004) : 3 lauréats, dont 2 dans un Territoire d’industrie")
        #expect(bastia.title == "Commune 2B033 (2B033) : 1 lauréat, dont 0 dans un Territoire d’industrie")
        #expect(all.href == "/departements/2A" && bastia.href == "/departements/2B")
        #expect(all.position == inside.position && all.position != bastia.position)
        #expect(try #require(points.explanation).contains("regroupés par commune (2 communes)"))
    }

    @Test func beyondTheLimitInCommunesOneCirclePerDepartementAtTheirMeanPosition() throws {
        let ajaccio = MapFrame.metropole.project(GeoPoint(x: 8.74, y: 41.93))
        let porto = MapFrame.metropole.project(GeoPoint(x: 8.70, y: 42.26))
        let laureates = Self.corsica + [Self.laureate("2A249", "2A", inside: true, lon: 8.70, lat: 42.26)]
        let points = LaureateMarkers(laureates, limit: 2) { ["2A": "Corse-du-Sud", "2B": "Haute-Corse"][$0] ?? $0 }
        #expect(points.grouping == .departement && points.groups == 2)
        #expect(points.markers.count == 3)
        #expect(points.markers[0].title == "Corse-du-Sud : 4 lauréats, dont 3 dans un Territoire d’industrie")
        #expect(points.markers[0].radius == 18)
        let mean = points.markers[0].position
        #expect(abs(mean.x - (3 * ajaccio.x + porto.x) / 4) < 0.01 && abs(mean.y - (3 * ajaccio.y + porto.y) / 4) < 0.01)
        #expect(points.markers[2].title == "Haute-Corse : 1 lauréat, dont 0 dans un Territoire d’industrie")
        #expect(points.markers[2].radius == 9)
        #expect(try #require(points.explanation).contains("regroupés par département (2 départements)"))
    }

    /// Every laureate of a group inside a TI: one yellow disc, no red ring under it.
    @Test func aGroupAllInsideIsOneYellowDisc() {
        let laureates = (0..<3).map { _ in Self.laureate("2A004", "2A", inside: true, lon: 8.74, lat: 41.93) }
        let points = LaureateMarkers(laureates, limit: 2) { $0 }
        #expect(points.markers.map(\.fill) == ["#f3b824"] && points.markers[0].radius == 9)
    }
}
