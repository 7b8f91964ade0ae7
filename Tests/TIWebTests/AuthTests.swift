import Fluent
import Foundation
import TIDomain
import TIPersistence
import Testing
import VaporTesting

@testable import TIWeb

extension AppTests {
    @Suite("Sign-in, sessions, password reset, lockout")
    struct AuthTests {
        @Test func signInShowsTheAccountAndSignOutEndsTheSession() async throws {
            try await withTestApp(territories: true) { app in
                try await Accounts.make(.region, on: app)
                let browser = Browser(app)
                let anonymous = try await browser.get("/compte")
                #expect(anonymous.status == .seeOther)
                #expect(anonymous.headers.first(name: .location) == "/connexion?retour=%2Fcompte")

                let signIn = try await browser.signIn("REGION@exemple.fr ", Accounts.password)
                #expect(signIn.status == .seeOther)
                // Each role lands on its own work: the Région on its committee.
                #expect(signIn.headers.first(name: .location) == "/comites/94")
                let cookie = try #require(signIn.headers[.setCookie].first { $0.hasPrefix("ti_session=") })
                #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
                #expect(!cookie.contains("Secure"))  // plain HTTP here; Secure behind HTTPS

                let account = try await browser.get("/compte")
                #expect(account.status == .ok)
                #expect(account.text.contains("Conseil régional") && account.text.contains("Région 94"))
                #expect(account.text.contains("Se déconnecter") && account.text.contains(">Compte region</a>"))
                #expect(account.headers.first(name: .cacheControl) == "private, no-store")

                let out = try await browser.post("/deconnexion")
                #expect(out.status == .seeOther)
                #expect(try await UserSession.query(on: app.db).count() == 0)
                #expect(try await browser.get("/compte").status == .seeOther)
                #expect(try await browser.get("/").text.contains("Se connecter"))
            }
        }

        /// Behind the TLS proxy (a trusted address, `TI_TRUSTED_PROXIES`), over real HTTP, with a
        /// client that does not follow the redirect, so the sign-in answer itself is read.
        @Test func sessionCookieIsSecureBehindHTTPS() async throws {
            try await withTestApp(geo: false) { app in
                app.config.trustedProxies = ["127.0.0.1"]
                try await Accounts.make(.viewer, on: app)
                let browser = Browser(app)
                let token = try await browser.csrfToken()
                try await app.server.start(address: .hostname("127.0.0.1", port: 0))
                let port = try #require(app.http.server.shared.localAddress?.port)
                let response = try await app.client.post(
                    URI(string: "http://127.0.0.1:\(port)/connexion"),
                    headers: [
                        "X-Forwarded-Proto": "https", "Cookie": "ti_csrf=\(browser.cookies["ti_csrf"]!)",
                        "Content-Type": "application/x-www-form-urlencoded",
                    ]
                ) { request in
                    request.body = ByteBuffer(string: "email=viewer%40exemple.fr&password=\(Accounts.password)&_csrf=\(token)")
                }
                #expect(response.status == .seeOther)
                #expect(response.headers[.setCookie].contains { $0.hasPrefix("ti_session=") && $0.contains("Secure") })
                #expect(response.headers.first(name: .strictTransportSecurity) != nil)
                await app.server.shutdown()
            }
        }

        @Test func redirectAfterSignInStaysOnTheSite() async throws {
            try await withTestApp(geo: false) { app in
                try await Accounts.make(.admin, on: app)
                let browser = Browser(app)
                let good = try await browser.post(
                    "/connexion", ["email": "admin@exemple.fr", "password": Accounts.password, "retour": "/admin/journal"])
                #expect(good.headers.first(name: .location) == "/admin/journal")
                let evil = try await Browser(app).post(
                    "/connexion", ["email": "admin@exemple.fr", "password": Accounts.password, "retour": "//evil.example/"])
                #expect(evil.headers.first(name: .location) == "/admin/utilisateurs")
            }
        }

        @Test func wrongPasswordsSlowDownThenLockTheAccount() async throws {
            try await withTestApp(geo: false) { app in
                try await Accounts.make(.viewer, on: app)
                let browser = Browser(app)
                var last: TestingHTTPResponse?
                for _ in 1...3 { last = try await browser.signIn("viewer@exemple.fr", "mauvais") }
                #expect(last?.status == .unauthorized)
                #expect(last?.text.contains("Adresse électronique ou mot de passe incorrect.") == true)
                #expect(last?.text.contains("Encore 2 essais avant un blocage temporaire") == true)
                try await browser.signIn("viewer@exemple.fr", "mauvais")
                let fifth = try await browser.signIn("viewer@exemple.fr", "mauvais")
                #expect(fifth.status == .tooManyRequests)
                #expect(fifth.text.contains("bloqué pendant encore 15 minutes"))
                // Even the right password is refused while locked.
                let locked = try await browser.signIn("viewer@exemple.fr", Accounts.password)
                #expect(locked.status == .tooManyRequests)
                #expect(try await UserSession.query(on: app.db).count() == 0)
                // An unknown address answers like a wrong password.
                let unknown = try await Browser(app).signIn("personne@exemple.fr", "x")
                #expect(unknown.status == .unauthorized)
            }
        }

        @Test func throttleRulesUnlockAfterTheLock() {
            let rules = LoginThrottle()
            #expect(rules.verdict(failures: 2, lockedUntil: nil, now: 0, limit: 5) == .allowed(delay: 0, remaining: 3))
            #expect(rules.verdict(failures: 4, lockedUntil: nil, now: 0, limit: 5) == .allowed(delay: 2, remaining: 1))
            #expect(rules.lockAfterFailure(failuresIncludingThis: 5, now: 100, limit: 5) == 1000.0)
            #expect(rules.verdict(failures: 5, lockedUntil: 1000, now: 999.5, limit: 5) == .locked(secondsLeft: 1))
            #expect(rules.verdict(failures: 0, lockedUntil: 1000, now: 1001, limit: 5) == .allowed(delay: 0, remaining: 5))
        }

        @Test func passwordResetIsSingleUseAndTimeLimited() async throws {
            try await withTestApp(geo: false) { app in
                try await Accounts.make(.applicant, on: app)
                let browser = Browser(app)
                let asked = try await browser.post("/mot-de-passe-oublie", ["email": "applicant@exemple.fr"])
                #expect(asked.text.contains("Si un compte existe pour cette adresse"))
                let mails = await (app.mailer as! CapturingMailer).sent
                #expect(mails.count == 1)
                let link = try #require(mails.first?.body.split(separator: "\n").first { $0.contains("/reinitialisation/") })
                let path = String(link[link.range(of: "/reinitialisation/")!.lowerBound...])

                #expect(try await browser.get(path).status == .ok)
                let weak = try await browser.post(path, ["password": "court", "confirmation": "court"])
                #expect(weak.status == .badRequest)
                #expect(weak.text.contains("Mot de passe trop faible"))
                let mismatch = try await browser.post(path, ["password": "Nouveau-mot-de-passe-7", "confirmation": "Autre-chose-7"])
                #expect(mismatch.text.contains("ne sont pas identiques"))
                let done = try await browser.post(path, ["password": "Nouveau-mot-de-passe-7", "confirmation": "Nouveau-mot-de-passe-7"])
                #expect(done.status == .seeOther)
                #expect(try await browser.get(path).status == .gone)  // single use
                #expect(try await Browser(app).signIn("applicant@exemple.fr", Accounts.password).status == .unauthorized)
                #expect(try await Browser(app).signIn("applicant@exemple.fr", "Nouveau-mot-de-passe-7").status == .seeOther)

                // Unknown address: same answer, no mail.
                let unknown = try await browser.post("/mot-de-passe-oublie", ["email": "inconnu@exemple.fr"])
                #expect(unknown.text.contains("Si un compte existe pour cette adresse"))
                #expect(await (app.mailer as! CapturingMailer).sent.count == 1)

                // An expired link is refused.
                let user = try #require(try await TIPersistence.User.query(on: app.db).first())
                try await PasswordResetToken(tokenHash: Secret.hash("perime"), userID: user.requireID(), expires: 1).create(on: app.db)
                #expect(try await browser.get("/reinitialisation/perime").status == .gone)
            }
        }

        @Test func sessionsExpireWhenIdleOrOld() async throws {
            try await withTestApp(geo: false) { app in
                let user = try await Accounts.make(.viewer, on: app)
                let store = SessionStore(database: app.db)
                let now = Date().timeIntervalSince1970
                let token = try await store.open(for: user, now: now)
                #expect(try await store.user(forToken: token, now: now + 60)?.id == user.id)
                #expect(try await store.user(forToken: token, now: now + SessionStore.idleTimeout + 120) == nil)
                #expect(try await UserSession.query(on: app.db).count() == 0)
                let old = try await store.open(for: user, now: now - SessionStore.lifetime - 1)
                #expect(try await store.user(forToken: old, now: now) == nil)
            }
        }

        @Test func csrfTokenIsRequiredOnForms() async throws {
            try await withTestApp(geo: false) { app in
                try await Accounts.make(.viewer, on: app)
                let browser = Browser(app)
                try await browser.get("/connexion")
                let missing = try await browser.post(
                    "/connexion", ["email": "viewer@exemple.fr", "password": Accounts.password], csrf: false)
                #expect(missing.status == .forbidden)
                #expect(missing.text.contains("Le formulaire a expiré"))
                let wrong = try await browser.post(
                    "/connexion", ["email": "viewer@exemple.fr", "password": Accounts.password, "_csrf": "faux"])
                #expect(wrong.status == .forbidden)
                // The token is derived from the session, never the cookie itself.
                #expect(!(try await browser.get("/connexion").text.contains("name=\"_csrf\" value=\"\(browser.cookies["ti_csrf"]!)\"")))
                // An attacker who plants the same short value in cookie and form is refused.
                browser.cookies["ti_csrf"] = "0123456789"
                let planted = try await browser.post(
                    "/connexion", ["email": "viewer@exemple.fr", "password": Accounts.password, "_csrf": "0123456789"])
                #expect(planted.status == .forbidden)
            }
        }

        @Test func securityHeadersOnEveryKindOfResponse() async throws {
            try await withTestApp { app in
                // Documents: pages (found or not), maps.
                for path in ["/", "/nexiste-pas", "/cartes/regions.svg"] {
                    let response = try await app.testing().sendRequest(.GET, path)
                    let csp = try #require(response.headers.first(name: .contentSecurityPolicy), "\(path)")
                    #expect(csp.contains("script-src 'self'") && csp.contains("style-src 'self'") && csp.contains("frame-ancestors 'none'"))
                    #expect(!csp.contains("unsafe-inline"))
                    #expect(response.headers.first(name: .xContentTypeOptions) == "nosniff")
                    #expect(response.headers.first(name: "Referrer-Policy") == "strict-origin-when-cross-origin")
                    #expect(response.headers.first(name: "Permissions-Policy")?.contains("camera=()") == true)
                }
                // Data (JSON answers, problems, health, CSV): nothing may load, nothing may frame it.
                for path in ["/api/v1/regions", "/api/v1/communes/1", "/healthz", "/donnees/subventions.csv"] {
                    let response = try await app.testing().sendRequest(.GET, path)
                    #expect(response.headers.first(name: .contentSecurityPolicy) == "default-src 'none'; frame-ancestors 'none'", "\(path)")
                    #expect(response.headers.first(name: .xContentTypeOptions) == "nosniff")
                    #expect(response.headers.first(name: .xFrameOptions) == "DENY")
                    #expect(response.headers.first(name: "Permissions-Policy") == nil)
                }
            }
        }

        @Test func productionRefusesAnUnsafeConfigurationWithEveryReason() async throws {
            try await withTestApp(geo: false) { app in
                app.config.publicURL = "https://ti.exemple.gouv.fr"
                app.environment = .production
                defer { app.environment = .testing }
                let sqlite = app.config.database.kind == "sqlite"
                try await ProductionGuard.check(app, allowSQLite: true)  // HTTPS, info, no demo account: fine
                let hash = try await app.password.async.hash(Accounts.password)
                _ = try await UserAccounts.create(
                    .init(email: "demo@exemple.fr", displayName: "Démo", role: "viewer"),
                    passwordHash: hash, isDemo: true, actor: .system(at: FundFixture.now), on: app.db)
                app.config.publicURL = "http://ti.exemple.gouv.fr"
                app.logger.logLevel = .debug
                defer { app.logger.logLevel = .warning }
                let refusal = await #expect(throws: ProductionRefusal.self) { try await ProductionGuard.check(app) }
                let reasons = refusal?.reasons.joined(separator: "\n") ?? ""
                #expect(reasons.contains("https://") && reasons.contains("LOG_LEVEL") && reasons.contains("démonstration"))
                #expect(reasons.contains("SQLite") == sqlite)
                #expect(refusal?.reasons.count == (sqlite ? 4 : 3))
            }
        }
    }
}
