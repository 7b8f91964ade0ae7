import Fluent
import Foundation
import TIDomain
import TIPersistence
import Testing
import VaporTesting

@testable import TIWeb

extension AppTests {
    @Suite("API")
    struct APITests {
        @Test(
            "INSEE resolution: communes, Corsica, arrondissements, delegated communes",
            arguments: [
                ("2A004", "2A004", "commune", "94"),
                ("2b033", "2B033", "commune", "94"),
                ("69383", "69123", "arrondissement municipal", "84"),
                ("75101", "75056", "arrondissement municipal", "11"),
                ("13201", "13055", "arrondissement municipal", "93"),
                ("01015", "01015", "commune", "84"),  // a COM and a COMD share this code: the COM wins
                ("01340", "01015", "commune déléguée", "84"),  // Saint-Bois, delegated commune of Arboys en Bugey
            ])
        func resolvesCodes(requested: String, commune: String, matchedAs: String, region: String) async throws {
            try await withTestApp(territories: true) { app in
                try await app.testing().test(.GET, "/api/v1/communes/\(requested)") { res in
                    #expect(res.status == .ok)
                    let body = try res.content.decode(CommuneResolution.self, using: snakeDecoder)
                    #expect(body.commune.code == commune)
                    #expect(body.matchedAs == matchedAs)
                    #expect(body.region.code == region)
                    #expect(body.fragile == false)
                }
            }
        }

        @Test func resolutionCarriesEpciTerritoryAndDepartement() async throws {
            try await withTestApp(territories: true) { app in
                try await app.testing().test(.GET, "/api/v1/communes/69383") { res in
                    let body = try res.content.decode(CommuneResolution.self, using: snakeDecoder)
                    #expect(body.epci?.siren == "200046977")
                    #expect(body.territories.map(\.id) == ["TI-LYON"])
                    #expect(body.departement.code == "69")
                    #expect(body.matchedName == "Lyon 3e Arrondissement")
                    #expect(res.text.contains("\"matched_as\""))  // snake_case keys, as documented
                }
                try await app.testing().test(.GET, "/api/v1/communes/29083") { res in
                    let body = try res.content.decode(CommuneResolution.self, using: snakeDecoder)
                    #expect(body.epci == nil)  // Île-de-Sein: no EPCI
                    #expect(body.territories.isEmpty)
                }
            }
        }

        @Test(
            "Bad codes are the client's mistake",
            arguments: [
                ("/api/v1/communes/123", 400, "insee_invalide"),
                ("/api/v1/communes/2C004", 400, "insee_invalide"),
                ("/api/v1/communes/99999", 404, "introuvable"),
                ("/api/v1/regions/999999", 400, "code_invalide"),
                ("/api/v1/regions/00", 400, "code_invalide"),
                ("/api/v1/territories/a%20b", 400, "id_invalide"),
                ("/api/v1/territories/INCONNU", 404, "introuvable"),
                ("/api/v1/nothing-here", 404, "introuvable"),
            ])
        func errors(path: String, status: Int, code: String) async throws {
            try await withTestApp { app in
                try await app.testing().test(.GET, path) { res in
                    #expect(res.status.code == UInt(status))
                    #expect(res.headers.contentType == .json)
                    let body = try JSONDecoder().decode(ErrorBody.self, from: res.body)
                    #expect(body.error.code == code)
                    #expect(!body.error.message.isEmpty)
                }
            }
        }

        @Test func regionsAndTerritories() async throws {
            try await withTestApp(territories: true) { app in
                try await app.testing().test(.GET, "/api/v1/regions") { res in
                    #expect(res.status == .ok)
                    let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [String: Any])
                    #expect(json["count"] as? Int == 18)
                    let items = try #require(json["items"] as? [[String: Any]])
                    let corse = try #require(items.first { $0["code"] as? String == "94" })
                    #expect(corse["territory_count"] as? Int == 2)
                    #expect(corse["commune_count"] as? Int == 15)
                    #expect((corse["departements"] as? [[String: Any]])?.count == 2)
                }
                try await app.testing().test(.GET, "/api/v1/regions/94") { res in
                    #expect(res.status == .ok)
                    #expect(res.text.contains("\"TI-AJACCIO\"") && res.text.contains("\"TI-MIXTE\""))
                    #expect(!res.text.contains("\"TI-LYON\""))
                }
                try await app.testing().test(.GET, "/api/v1/territories?region=84") { res in
                    let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [String: Any])
                    let ids = (json["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
                    #expect(ids?.sorted() == ["TI-LYON", "TI-MIXTE"])
                }
                try await app.testing().test(.GET, "/api/v1/territories?q=AJACC") { res in
                    #expect(res.text.contains("\"count\":1"))
                }
                try await app.testing().test(.GET, "/api/v1/territories/TI-AJACCIO") { res in
                    #expect(res.status == .ok)
                    let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [String: Any])
                    #expect((json["communes"] as? [Any])?.count == 10)
                    #expect((json["elected_official"] as? [String: Any])?["name"] as? String == "Mme Maria Santini")
                    #expect(json["label_date"] as? String == "2018-11-22")
                    #expect((json["territory"] as? [String: Any])?["project_lead_funded_by_state"] as? Bool == true)
                }
            }
        }

        @Test func healthReportsDatabaseAndCounts() async throws {
            try await withTestApp(territories: true) { app in
                // Not ready before the figures are loaded; the first probe starts loading them.
                let first = try await app.testing().sendRequest(.GET, "/healthz/ready")
                #expect(first.status == .serviceUnavailable && first.text.contains("\"status\":\"chargement_des_donnees\""))
                for _ in 0..<100 where app.indicatorCache.loads.full == 0 { try await Task.sleep(for: .milliseconds(50)) }
                try await app.testing().test(.GET, "/healthz") { res in
                    #expect(res.status == .ok)
                    let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [String: Any])
                    let database = json["database"] as? [String: Any]
                    #expect(database?["reachable"] as? Bool == true)
                    #expect(database?["kind"] as? String == app.config.database.kind)
                    let counts = json["counts"] as? [String: Any]
                    #expect(counts?["communes"] as? Int == 25)
                    #expect(counts?["territories"] as? Int == 3)
                    #expect((json["geography"] as? [String: Any])?["population_vintage"] as? Int == 2017)
                    #expect(json["ready"] as? Bool == true && (json["migrations"] as? [String: Any])?["pending"] as? [String] == [])
                }
                #expect(try await app.testing().sendRequest(.GET, "/healthz/live").status == .ok)
                let ready = try await app.testing().sendRequest(.GET, "/healthz/ready")
                #expect(ready.status == .ok)
                // A probe within the second answers the same, from the kept answer (a 503 is never kept).
                #expect(app.healthProbes.hits == 0)
                let again = try await app.testing().sendRequest(.GET, "/healthz/ready")
                #expect(again.status == .ok && again.text == ready.text && app.healthProbes.hits == 1)
                #expect(again.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(again.headers.first(name: .cacheControl) == "no-store")
                #expect(again.headers.first(name: "X-Request-Id") != ready.headers.first(name: "X-Request-Id"))
            }
        }

        @Test func notReadyWithoutGeographyOrWithPendingMigrations() async throws {
            try await withTestApp(geo: false) { app in
                let response = try await app.testing().sendRequest(.GET, "/healthz/ready")
                #expect(response.status == .serviceUnavailable && response.text.contains("\"status\":\"geographie_absente\""))
                #expect(try await app.testing().sendRequest(.GET, "/healthz/live").status == .ok)
                try await app.autoRevert()
                let reverted = try await app.testing().sendRequest(.GET, "/healthz/ready")
                #expect(reverted.status == .serviceUnavailable)
                #expect(app.healthProbes.hits == 0)
            }
        }

        @Test func healthIs503WhenTheDatabaseIsUnreachable() async throws {
            let app = try await Application.make(.testing)
            do {
                // Nothing listens on port 1.
                let config = AppConfig(
                    database: .postgres(url: "postgres://nobody@127.0.0.1:1/none"),
                    geoSourceDirectory: "/", publicDirectory: "/nonexistent/")
                try await configure(app, config: config)
                try await app.testing().test(.GET, "/healthz") { res in
                    #expect(res.status == .serviceUnavailable)
                    #expect(res.text.contains("\"reachable\":false"))
                }
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            try await app.asyncShutdown()
        }

        @Test func openAPIDocumentsEveryAPIRoute() async throws {
            try await withTestApp(geo: false) { app in
                let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
                #expect(document["openapi"] as? String == "3.1.0")
                let paths = try #require(document["paths"] as? [String: [String: Any]])
                var documented: Set<String> = []
                for (path, operations) in paths {
                    for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
                }
                let registered = Set(
                    app.routes.all
                        .filter { $0.path.first?.description == "api" && $0.path.count > 1 }  // not the reference page, /api
                        .map { route in
                            "\(route.method.rawValue) /"
                                + route.path.map { component -> String in
                                    if case .parameter(let name) = component { return "{\(name)}" }
                                    return component.description
                                }.joined(separator: "/")
                        })
                #expect(registered == documented)
                try await app.testing().test(.GET, "/api/v1/openapi.json") { res in
                    #expect(res.status == .ok)
                    #expect(res.headers.contentType == .json)
                    // Every operation documents the answers any request can get.
                    let served = try #require(try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [String: Any])
                    for (path, item) in try #require(served["paths"] as? [String: [String: [String: Any]]]) {
                        for (method, operation) in item {
                            let statuses = Set((operation["responses"] as? [String: Any] ?? [:]).keys)
                            #expect(statuses.isSuperset(of: ["401", "429"]), "\(method) \(path): \(statuses)")
                            if operation["security"] != nil { #expect(statuses.contains("403"), "\(method) \(path)") }
                            if operation["parameters"] != nil { #expect(statuses.isSuperset(of: ["400", "422"]), "\(method) \(path)") }
                        }
                    }
                }
            }
        }

        /// The server enforces the document: what it calls invalid is a 400 naming the parameter;
        /// what it calls valid but the rules refuse is a 422; an undeclared method is a 405 with `Allow`.
        @Test func theServerEnforcesItsOpenAPIDocument() async throws {
            try await withTestApp(geo: false) { app in
                let client = Browser(app)
                for (path, code) in [
                    ("/api/v1/sites?procedures=AAA", "procedures_invalide"),
                    ("/api/v1/report?as_of=", "as_of_invalide"),
                    ("/api/v1/report?as_of=24/09/2021", "as_of_invalide"),
                    ("/api/v1/indicators?region=%C3%91", "region_invalide"),
                    ("/api/v1/actions?page=10001", "page_invalide"),
                    ("/api/v1/sites?page=1&page=2", "page_invalide"),
                ] {
                    let response = try await client.get(path)
                    #expect(response.status == .badRequest, "\(path)")
                    #expect(try response.content.decode(ErrorBody.self).error.code == code, "\(path)")
                }
                // A real date the service does not cover: valid for the document, refused by the rules.
                #expect(try await client.get("/api/v1/report?as_of=4646-01-10").status == .unprocessableEntity)
                try await app.testing().test(.TRACE, "/api/v1/regions") { res in
                    #expect(res.status == .methodNotAllowed)
                    #expect(res.headers.first(name: .allow) == "GET, HEAD")
                    #expect(res.headers.contentType == .json)
                }
                try await app.testing().test(.DELETE, "/connexion") { res in
                    #expect(res.status == .methodNotAllowed)
                    #expect(res.headers.first(name: .allow) == "GET, HEAD, POST")
                }
            }
        }
    }
}
