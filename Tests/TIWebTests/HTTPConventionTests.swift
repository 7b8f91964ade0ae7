import Foundation
import TIDomain
import TIPersistence
import Testing
import VaporTesting

@testable import TIWeb

extension AppTests {
    @Suite("HTTP conventions: validators, 304, caching, CORS, pagination links")
    struct HTTPConventionTests {
        static func get(_ app: Application, _ path: String, _ headers: [(String, String)] = []) async throws -> TestingHTTPResponse {
            try await app.testing().sendRequest(.GET, path, headers: HTTPHeaders(headers))
        }

        /// A burst of writes that keeps every connection busy past the pool's wait used to give a
        /// 500 « Erreur inattendue »: nothing was written, so it says so and asks to retry.
        @Test func aBusyDatabasePoolAnswers503WithRetryAfter() async throws {
            try await withTestApp(geo: false) { app in
                app.get("pool-busy") { _ -> String in throw ConnectionPoolTimeoutError.connectionRequestTimeout }
                app.get("api", "v1", "pool-busy") { _ -> String in throw ConnectionPoolTimeoutError.connectionRequestTimeout }
                let page = try await Self.get(app, "/pool-busy")
                #expect(page.status == .serviceUnavailable && page.headers.first(name: .retryAfter) == "2")
                #expect(page.text.contains("Service momentanément surchargé") && page.text.contains("n’a rien enregistré"))
                let api = try await Self.get(app, "/api/v1/pool-busy")
                #expect(api.status == .serviceUnavailable && api.headers.first(name: .retryAfter) == "2")
                #expect(api.text.contains("\"code\":\"surcharge\""))
            }
        }

        @Test func aPublicAnswerIsRevalidatedWithItsETagUntilTheDataChanges() async throws {
            try await withTestApp(territories: true) { app in
                let first = try await Self.get(app, "/api/v1/calls")
                let tag = try #require(first.headers.first(name: .eTag))
                #expect(tag.hasPrefix("W/\"") && tag.count == 36)
                #expect(first.headers.first(name: .cacheControl) == "public, no-cache")
                #expect(first.headers.first(name: .lastModified) != nil)

                let again = try await Self.get(app, "/api/v1/calls", [("If-None-Match", tag)])
                #expect(again.status == .notModified && again.body.readableBytes == 0)
                #expect(again.headers.first(name: .eTag) == tag)
                #expect(
                    try await Self.get(app, "/api/v1/calls", [("If-None-Match", "\"autre\", \(tag.dropFirst(2))")]).status == .notModified)
                #expect(try await Self.get(app, "/api/v1/calls", [("If-None-Match", "\"autre\"")]).status == .ok)

                _ = try await FundFixture.make(app)  // a new call
                let changed = try await Self.get(app, "/api/v1/calls", [("If-None-Match", tag)])
                #expect(changed.status == .ok && changed.headers.first(name: .eTag) != tag)
                #expect(changed.text.contains("appel 2021"))
            }
        }

        @Test func pagesWithoutAFormSetNoCookieAndSignedInPagesAreNeverStored() async throws {
            try await withTestApp(territories: true) { app in
                let home = try await Self.get(app, "/")
                #expect(home.headers[.setCookie].isEmpty && home.headers.first(name: .eTag) != nil)
                #expect(home.headers.first(name: .vary) == "Accept-Encoding, Cookie")
                let signIn = try await Self.get(app, "/connexion")
                #expect(signIn.headers.first(name: .setCookie)?.hasPrefix("ti_csrf=") == true)
                #expect(signIn.headers.first(name: .cacheControl) == "private, no-cache")

                let user = try await Accounts.make(.viewer, on: app)
                let browser = Browser(app)
                try await browser.signIn(user.email, Accounts.password)
                let page = try await browser.get("/")
                #expect(page.headers.first(name: .cacheControl) == "private, no-store" && page.headers.first(name: .eTag) == nil)
            }
        }

        @Test func corsOnlyOnThePublicAPIAndNeverWithCredentials() async throws {
            try await withTestApp(territories: true) { app in
                let open = try await Self.get(app, "/api/v1/regions", [("Origin", "https://exemple.org")])
                #expect(open.headers.first(name: .accessControlAllowOrigin) == "*")
                #expect(open.headers.first(name: .accessControlExpose)?.contains("ETag") == true)
                #expect(open.headers.first(name: .accessControlAllowCredentials) == nil)
                let closed = try await Self.get(app, "/api/v1/applications", [("Origin", "https://exemple.org")])
                #expect(closed.status == .unauthorized && closed.headers.first(name: .accessControlAllowOrigin) == nil)
                #expect(try await Self.get(app, "/territoires").headers.first(name: .accessControlAllowOrigin) == nil)

                let preflight = [("Origin", "https://exemple.org"), ("Access-Control-Request-Method", "GET")]
                let allowed = try await app.testing().sendRequest(.OPTIONS, "/api/v1/regions/84", headers: HTTPHeaders(preflight))
                #expect(allowed.status == .noContent && allowed.headers.first(name: .accessControlAllowMethods) == "GET, HEAD")
                let refused = try await app.testing().sendRequest(.OPTIONS, "/api/v1/applications", headers: HTTPHeaders(preflight))
                #expect(refused.headers.first(name: .accessControlAllowOrigin) == nil)
            }
        }

        @Test func pagesLinkToTheirNeighbours() async throws {
            try await withTestApp { app in
                func page(_ url: String, count: Int) throws -> APIPage<Int> {
                    let request = Request(application: app, url: URI(string: url), on: app.eventLoopGroup.next())
                    let query = try request.query.decode([String: String].self)
                    return APIPage(request, try Pagination(page: query["page"].flatMap(Int.init), size: 100), count: count, items: [])
                }
                let first = try page("/api/v1/actions?region=84", count: 250)
                #expect(first.next == "/api/v1/actions?region=84&page=2" && first.previous == nil)
                let middle = try page("/api/v1/actions?page=2&region=84", count: 250)
                #expect(middle.next == "/api/v1/actions?region=84&page=3" && middle.previous == "/api/v1/actions?region=84&page=1")
                let beyond = try page("/api/v1/actions?page=9", count: 250)
                #expect(beyond.next == nil && beyond.previous == "/api/v1/actions?page=3")
                #expect(try page("/api/v1/actions", count: 0).next == nil)

                let response = try await app.testing().sendRequest(.GET, "/api/v1/actions?page=2")
                #expect(response.headers.first(name: .link) == "</api/v1/actions?page=1>; rel=\"prev\"")
                #expect(response.text.contains("\"previous\":\"/api/v1/actions?page=1\""))
            }
        }
    }
}

extension AppTests.HTTPConventionTests {
    @Test func theAPIReferenceShowsEveryOperationOfTheContract() async throws {
        try await withTestApp { app in
            let page = try await Browser(app).get("/api")
            #expect(page.status == .ok)
            var count = 0
            for (path, item) in APIContract.shared.document["paths"]?.object ?? [:] {
                for (method, operation) in item.object ?? [:] {
                    count += 1
                    let id = try #require(operation["operationId"]?.string)
                    #expect(page.text.contains("id=\"\(id)\""), "\(method) \(path) is not on /api")
                }
            }
            #expect(count > 20)
            #expect(page.text.contains("/compte/jetons") && page.text.contains("If-None-Match"))
            #expect(page.text.contains("curl -H \"Authorization: Bearer $TI_JETON\""))
            #expect(page.text.contains("href=\"#groupe-geographie\"") && page.text.contains("id=\"groupe-geographie\""))
            #expect(!page.text.contains("<script src=\"http"))
        }
    }
}

extension AppTests.HTTPConventionTests {
    @Test func everyAnswerCarriesTheRequestIdTheProxyGaveOrANewOne() async throws {
        try await withTestApp { app in
            let given = try await Self.get(app, "/", [("X-Request-Id", "nginx-4f2a.17")])
            #expect(given.headers.first(name: "X-Request-Id") == "nginx-4f2a.17")
            let refused = try await Self.get(app, "/nexiste-pas", [("X-Request-Id", "<script>\u{0001}")])
            #expect(refused.status == .notFound)
            let generated = try #require(refused.headers.first(name: "X-Request-Id"))
            #expect(!generated.isEmpty && !generated.contains("<"))
            #expect(try await Self.get(app, "/").headers.first(name: "X-Request-Id") != generated)
        }
    }
}

extension AppTests.HTTPConventionTests {
    @Test(
        "The client's address behind trusted proxies",
        arguments: [
            ("10.0.0.9", ["203.0.113.7"], "10.0.0.9"),  // not a proxy: its header is ignored
            ("127.0.0.1", ["203.0.113.7"], "203.0.113.7"),
            ("127.0.0.1", ["1.2.3.4, 203.0.113.7"], "203.0.113.7"),  // the left-most entry is the client's to invent
            ("127.0.0.1", ["203.0.113.7, 127.0.0.1"], "203.0.113.7"),
            ("127.0.0.1", [], "127.0.0.1"),
        ])
    func clientAddress(_ peer: String, _ forwarded: [String], _ expected: String) {
        #expect(Request.clientAddress(peer: peer, forwardedFor: forwarded, trusted: ["127.0.0.1"]) == expected)
    }

    @Test func forwardedHTTPSIsBelievedOnlyFromATrustedProxy() async throws {
        for trusted in [true, false] {
            try await withTestApp { app in
                app.config.trustedProxies = trusted ? ["127.0.0.1"] : []
                try await app.testing(method: .running(hostname: "127.0.0.1", port: 0)).test(
                    .GET, "/connexion", headers: ["X-Forwarded-Proto": "https"]
                ) { response in
                    let cookie = try #require(response.headers.first(name: .setCookie))
                    #expect(cookie.contains("Secure") == trusted)
                    #expect((response.headers.first(name: .strictTransportSecurity) != nil) == trusted)
                }
            }
        }
    }
}

extension AppTests.HTTPConventionTests {
    @Test func metricsCountRequestsByRouteTemplateForAdministratorsOnly() async throws {
        try await withTestApp(territories: true) { app in
            _ = try await Self.get(app, "/territoires/TI-AJACCIO")
            _ = try await Self.get(app, "/territoires/TI-AJACCIO")
            _ = try await Self.get(app, "/adresse-inventee-\(UUID())")
            let admin = try await Accounts.make(.admin, on: app)
            let browser = Browser(app)
            _ = try await browser.get("/mot-de-passe-oublie")
            _ = try await browser.post("/mot-de-passe-oublie", ["email": admin.email])  // one mail
            #expect(try await browser.get("/metrics").status == .seeOther)  // anonymous: to the sign-in page
            try await browser.signIn(admin.email, Accounts.password)
            // The kept page asked for again is compressed in brotli, in the background.
            for _ in 0..<100 where app.pageCache.counters.brotli == 0 { try await Task.sleep(for: .milliseconds(20)) }
            let metrics = try await browser.get("/metrics")
            #expect(metrics.status == .ok && metrics.headers.contentType?.subType == "plain")
            // French help texts: a browser must read them as UTF-8.
            #expect(metrics.headers.first(name: .contentType)?.contains("charset=utf-8") == true)
            #expect(metrics.text.contains(#"ti_http_requests_total{method="GET",route="/territoires/:id",status="200"} 2"#))
            #expect(metrics.text.contains(#"route="unmatched",status="404""#) && !metrics.text.contains("adresse-inventee"))
            #expect(
                metrics.text.contains(
                    #"ti_http_request_duration_seconds_bucket{method="GET",route="/territoires/:id",status="200",le="+Inf"} 2"#))
            #expect(metrics.text.contains("ti_data_version "))
            // The second visit was served from the kept pages, and counted under its route all the same.
            #expect(metrics.text.contains(#"ti_page_cache_requests_total{result="hit"} 1"#))
            #expect(metrics.text.contains("ti_page_cache_brotli_entries 1\n"))
            #expect(metrics.text.contains(#"ti_mails_total{result="sent"} 1"#))
            #expect(metrics.text.contains(#"ti_mails_total{result="failed"} 0"#))
            #expect(metrics.text.contains(#"ti_dataset_loads_total{kind="full"} 1"#))
            #expect(metrics.text.contains("ti_db_pool_connections_max "))
            if case .postgres = app.config.database {
                // Its real use, from PostgreSQL: nothing runs but the scrape's own query, left out.
                #expect(metrics.text.contains(#"ti_db_pool_connections{state="active"} 0"#))
                #expect(metrics.text.contains(#"ti_db_pool_connections{state="idle"} "#))
            } else {
                #expect(!metrics.text.contains("ti_db_pool_connections{"))
            }
            #expect(metrics.text.contains("ti_http_requests_in_flight 0"))
        }
    }
}
