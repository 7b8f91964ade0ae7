import Fluent
import Foundation
import TIDomain
import TIPersistence
import Testing
import VaporTesting

@testable import TIWeb

extension AppTests {
    @Suite("Dashboards and map")
    struct DashboardTests {
        @Test func dashboardsShowFiguresWithCoverageChartsAndData() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                _ = try await f.application(to: .laureate)
                let visitor = Browser(app)
                let page = try await visitor.get("/indicateurs")
                #expect(page.status == .ok)
                #expect(page.text.contains("Indicateurs — France entière"))
                #expect(page.text.contains(">1</p><p class=\"ti-figure__label\">lauréats"))
                #expect(page.text.contains("taille connue pour le seul lauréat"))
                #expect(page.text.contains("<svg") && page.text.contains("Voir les données du graphique"))
                #expect(page.text.contains("/indicateurs/laureates.count.csv"))
                #expect(!page.text.contains("style=\""))
                let home = try await visitor.get("/")
                #expect(home.text.contains("projets lauréats du fonds d’accélération"))
                let corse = try await visitor.get("/indicateurs?region=94")
                #expect(corse.text.contains("Indicateurs — Corse"))
                #expect(try await visitor.get("/indicateurs?region=99").status == .badRequest)
                #expect(try await visitor.get("/indicateurs?as_of=demain").status == .badRequest)
                let before = try await visitor.get("/indicateurs?as_of=2000-01-01")
                #expect(before.text.contains(">0</p><p class=\"ti-figure__label\">lauréats"))
                // Région and TI pages carry their own dashboard.
                #expect(try await visitor.get("/regions/94").text.contains("Le fonds d’accélération dans la région"))
                #expect(try await visitor.get("/territoires/TI-AJACCIO").text.contains("Le fonds d’accélération dans le territoire"))
                let csv = try await visitor.get("/indicateurs/laureates.count.csv?breakdown=region")
                #expect(csv.text.contains("laureates.count;France entière"))
                #expect(try await visitor.get("/indicateurs/inconnu.csv").status == .notFound)
            }
        }

        /// Editing a call changes no counted row; the figures still follow it (the data version).
        @Test func aCallEditShowsInTheFigures() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                _ = try await f.application(to: .laureate)
                let browser = Browser(app)
                func collaborative() async throws -> Double? {
                    let body = try await browser.get("/api/v1/indicators/laureates.collaborative.count?as_of=2021-09-24").body
                    let json = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]
                    return (json?["result"] as? [String: Any])?["value"] as? Double
                }
                #expect(try await collaborative() == 0)
                var draft = CallService.Draft(f.call)
                draft.collaborative = true
                _ = try await CallService.save(draft, existing: f.call, actor: .system(at: FundFixture.now), on: app.db)
                #expect(try await collaborative() == 1)
            }
        }

        /// More laureates than dots can show: circles per commune, a page that stays light, the count still exact.
        @Test func mapGroupsLaureatesBeyondTheLimit() async throws {
            try await withTestApp(territories: true) { app in
                let count = LaureateMarkers.limit + 1
                try await BenchPopulation.generate(total: count, laureates: count, on: app.db) { _ in }
                let map = try await Browser(app).get("/carte")
                #expect(map.status == .ok)
                #expect(map.text.contains("\(FrenchNumber.grouped(count)) lauréats au"))
                #expect(map.text.contains("les lauréats sont regroupés par commune"))
                #expect(map.text.contains("lauréats, dont") && map.text.contains("href=\"/departements/"))
                #expect(!map.text.contains("href=\"/laureats/"))
                let communes = try await Commune.query(on: app.db).count()
                #expect(map.text.components(separatedBy: "<circle").count - 1 <= 2 * communes)
                #expect(map.body.readableBytes < 300_000)
                // Hiding the laureates hides the circles and the sentence.
                let hidden = try await Browser(app).get("/carte?points=non")
                #expect(!hidden.text.contains("<circle") && !hidden.text.contains("regroupés"))
            }
        }

        /// A département lists its laureates of today (the map's circles lead there), 50 a page.
        @Test func departementListsItsLaureatesPageByPage() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                let laureate = try await f.application(to: .laureate)
                _ = try await f.application(to: .underReview)
                let browser = Browser(app)
                let page = try await browser.get("/departements/2A")
                #expect(page.status == .ok)
                #expect(page.text.contains("Lauréats du fonds d’accélération") && page.text.contains("1 lauréat au"))
                #expect(page.text.contains("href=\"/laureats/\(laureate.id!.uuidString)\"") && page.text.contains("Ateliers d’Ajaccio"))
                #expect(
                    try await browser.get("/departements/2B").text.contains("Aucun lauréat du fonds d’accélération dans ce département"))
                #expect(try await browser.get("/departements/2A?page=abc").text.contains("Ateliers d’Ajaccio"))
                #expect(try await browser.get("/departements/2A?page=0").status == .badRequest)
                #expect(try await browser.get("/departements/2A?page=99999999999999999999").text.contains("Ateliers d’Ajaccio"))
                let past = try await browser.get("/departements/2A?page=2")
                #expect(past.status == .ok && past.text.contains("Cette page est vide : le département compte 1 lauréat sur 1 page."))
            }
        }

        /// 600 laureates over the fixture communes: the busiest département's pages follow their own links.
        @Test func departementLaureatesFollowTheirPagination() async throws {
            try await withTestApp(territories: true) { app in
                try await BenchPopulation.generate(total: 600, laureates: 600, on: app.db) { _ in }
                let browser = Browser(app)
                let counts = Dictionary(grouping: try await FundApplication.query(on: app.db).all(), by: { $0.departementCode ?? "" })
                let busiest = try #require(counts.max { $0.value.count < $1.value.count }?.key)
                var seen = Set<String>()
                var path: String? = "/departements/\(busiest)"
                var total = 0
                while let current = path {
                    let body = try await browser.get(current).text
                    let ids = body.components(separatedBy: "href=\"/laureats/").dropFirst().map { String($0.prefix(36)) }
                    #expect(ids.count <= DepartementController.pageSize)
                    seen.formUnion(ids)
                    if total == 0, let range = body.range(of: #"[0-9 ]+ lauréats au"#, options: .regularExpression) {
                        total = Int(body[range].filter(\.isNumber)) ?? 0
                    }
                    path = body.range(
                        of: #"href="(/departements/[0-9AB]+\?page=[0-9]+#laureats)">Page suivante"#, options: .regularExpression
                    )
                    .map { String(body[$0].dropFirst(6).prefix { $0 != "\"" }) }
                }
                #expect(total > DepartementController.pageSize && seen.count == total)
            }
        }

        @Test func mapShowsChoroplethPointsAndDownloads() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                let laureate = try await f.application(to: .laureate)
                let pending = try await f.application(to: .underReview, content: FundFixture.content(commune: "2B033"))
                let browser = Browser(app)
                let map = try await browser.get("/carte?mesure=aide&niveau=departement")
                #expect(map.status == .ok)
                #expect(map.text.contains("Aide accordée par département"))
                #expect(map.text.contains("/laureats/\(laureate.id!.uuidString)"))
                #expect(map.text.contains("1 lauréat au"))
                #expect(map.text.contains("Corse-du-Sud"))
                let perInhabitant = try await browser.get("/carte?mesure=laureats&par_habitant=oui")
                #expect(perInhabitant.text.contains("/ 10 000 hab."))
                let points = try await browser.get("/carte/laureats.geojson")
                let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: points.body)) as? [String: Any])
                #expect((json["features"] as? [Any])?.count == 1)
                #expect(points.headers.contentType?.subType == "geo+json")
                // At a date: the day before the two-key decision there is no laureate yet.
                func count(_ date: String) async throws -> Int? {
                    let body = try await browser.get("/carte/laureats.geojson?as_of=\(date)").body
                    return ((try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])?["features"] as? [Any])?.count
                }
                #expect(try await count("2021-03-14") == 0)
                #expect(try await count(FundFixture.today.iso) == 1)
                let zones = try await browser.get("/carte/zones.geojson?niveau=region")
                #expect(zones.text.contains("\"type\":\"MultiPolygon\"") && zones.text.contains("Corse"))
                #expect(try await browser.get("/carte/territoires.geojson").text.contains("TI-AJACCIO"))
                #expect(try await browser.get("/carte/zones.csv").text.contains("Corse;1"))
                #expect(try await browser.get("/carte/inconnu.txt").status == .notFound)
                // A laureate's public page; nothing for an application under review.
                let page = try await browser.get("/laureats/\(laureate.id!.uuidString)")
                #expect(page.status == .ok && page.text.contains("Ateliers d’Ajaccio") && page.text.contains("Pays ajaccien"))
                #expect(!page.text.contains("Avis technique"))
                // Without the applicant's consent, neither the title nor the confidential description.
                #expect(!page.text.contains("Installation d’une ligne d’usinage") && !page.text.contains("Nouvelle ligne d’usinage"))
                #expect(page.text.contains("le porteur n’a pas demandé la publication"))
                laureate.publicationConsent = true
                laureate.publicSummary = "Une ligne d’usinage moderne pour la filière mécanique corse."
                try await laureate.save(on: app.db)
                let published = try await browser.get("/laureats/\(laureate.id!.uuidString)").text
                #expect(published.contains("Nouvelle ligne d’usinage") && published.contains("Une ligne d’usinage moderne"))
                #expect(!published.contains("Installation d’une ligne d’usinage"))
                #expect(try await browser.get("/laureats/\(pending.id!.uuidString)").status == .notFound)
            }
        }
    }
}
