import Fluent
import FluentSQL
import Foundation
import TIDomain
import TIPersistence
import Testing
import VaporTesting

@testable import TIWeb

extension AppTests {
    @Suite("API tokens and audit log")
    struct TokenAndAuditTests {
        /// Creates a token through the page and returns the secret shown once.
        static func createToken(_ browser: Browser, name: String = "tableau de bord") async throws -> String {
            let created = try await browser.post("/compte/jetons", ["name": name, "days": "30"])
            #expect(created.status == .created)
            let html = created.text
            let start = try #require(html.range(of: "id=\"nouveau-jeton\">"))
            return String(html[start.upperBound...].prefix { $0 != "<" })
        }

        @Test func tokensAreShownOnceActForTheirOwnerAndCanBeRevoked() async throws {
            try await withTestApp { app in
                try await Accounts.make(.reviewer, on: app, region: "84")
                let browser = Browser(app)
                try await browser.signIn("reviewer@exemple.fr", Accounts.password)
                let secret = try await Self.createToken(browser)
                #expect(secret.hasPrefix("ti_") && secret.count > 40)
                let stored = try #require(try await APIToken.query(on: app.db).first())
                #expect(stored.tokenHash == Secret.hash(secret) && stored.tokenHash != secret)
                #expect(!(try await browser.get("/compte/jetons").text.contains(secret)))  // never shown again

                let api = Browser(app)
                api.bearer = secret
                let me = try await api.get("/api/v1/me")
                #expect(me.status == .ok)
                #expect(me.text.contains("\"role\":\"reviewer\"") && me.text.contains("\"regions\":[\"84\"]"))
                #expect(!me.text.contains("exemple.fr"))  // no e-mail in the API answer

                #expect(try await browser.post("/compte/jetons/\(stored.id!.uuidString)/revoquer").status == .seeOther)
                let revoked = try await api.get("/api/v1/me")
                #expect(revoked.status == .unauthorized)
                #expect(revoked.text.contains("\"code\":\"jeton_invalide\""))

                let actions = try await AuditEvent.query(on: app.db).all().map(\.action)
                #expect(actions.contains("jeton.creation") && actions.contains("jeton.revocation"))
            }
        }

        @Test func anotherPersonsTokenIsNotFound() async throws {
            try await withTestApp(geo: false) { app in
                try await Accounts.make(.viewer, on: app)
                try await Accounts.make(.admin, on: app)
                let owner = Browser(app)
                try await owner.signIn("viewer@exemple.fr", Accounts.password)
                _ = try await Self.createToken(owner)
                let id = try #require(try await APIToken.query(on: app.db).first()?.id)
                let other = Browser(app)
                try await other.signIn("admin@exemple.fr", Accounts.password)
                #expect(try await other.post("/compte/jetons/\(id.uuidString)/revoquer").status == .notFound)
                #expect(try await APIToken.find(id, on: app.db)?.revokedEpoch == nil)
            }
        }

        @Test func expiredAndUnknownTokensAreRefused() async throws {
            try await withTestApp(geo: false) { app in
                let user = try await Accounts.make(.viewer, on: app)
                try await APIToken(
                    userID: user.requireID(), name: "vieux", tokenHash: Secret.hash("ti_vieux"), prefix: "ti_vieux", expires: 1
                ).create(on: app.db)
                let api = Browser(app)
                api.bearer = "ti_vieux"
                #expect(try await api.get("/api/v1/me").status == .unauthorized)
                api.bearer = "ti_inconnu"
                #expect(try await api.get("/api/v1/regions").status == .unauthorized)
                api.bearer = nil
                let anonymous = try await api.get("/api/v1/me")
                #expect(anonymous.status == .unauthorized)
                #expect(anonymous.text.contains("authentification_requise"))
            }
        }

        @Test func tokensAreRateLimited() async throws {
            try await withTestApp(
                geo: false, adjust: { $0.apiRateLimit = 3 },
                { app in
                    try await Accounts.make(.viewer, on: app)
                    let browser = Browser(app)
                    try await browser.signIn("viewer@exemple.fr", Accounts.password)
                    let api = Browser(app)
                    api.bearer = try await Self.createToken(browser)
                    for _ in 1...3 { #expect(try await api.get("/api/v1/me").status == .ok) }
                    let limited = try await api.get("/api/v1/me")
                    #expect(limited.status == .tooManyRequests)
                    #expect(Int(limited.headers.first(name: .retryAfter) ?? "") ?? 0 > 0)
                    #expect(limited.text.contains("trop_de_requetes"))
                })
        }

        /// The window is counted in the database: requests another app server counted there use up
        /// this server's allowance too.
        @Test func theRateLimitIsSharedByEveryServer() async throws {
            try await withTestApp(geo: false) { app in
                app.config.apiRateLimit = 3
                app.rateLimiter = RateLimiter(limit: 3)
                try await Accounts.make(.viewer, on: app)
                let browser = Browser(app)
                try await browser.signIn("viewer@exemple.fr", Accounts.password)
                let api = Browser(app)
                api.bearer = try await Self.createToken(browser)
                #expect(try await api.get("/api/v1/me").status == .ok)
                let token = try #require(try await APIToken.query(on: app.db).first()?.id)
                for _ in 1...2 { _ = try await TIPersistence.APITokens.countRequest(token: token, now: app.clock.epoch, on: app.db) }
                #expect(try await api.get("/api/v1/me").status == .tooManyRequests)
            }
        }

        @Test func auditLogIsAppendOnly() async throws {
            try await withTestApp(geo: false) { app in
                try await AuditLog.record("essai", by: .system(at: FundFixture.now), object: "test", id: "1", after: ["a": "b"], on: app.db)
                let event = try #require(try await AuditEvent.query(on: app.db).first())
                event.action = "falsifie"
                await #expect(throws: (any Error).self) { try await event.save(on: app.db) }
                await #expect(throws: (any Error).self) { try await AuditEvent.query(on: app.db).delete() }
                await #expect(throws: (any Error).self) {
                    try await (app.db as! any SQLDatabase).raw("UPDATE audit_events SET action = 'x'").run()
                }
                let after = try await AuditEvent.query(on: app.db).all()
                #expect(after.count == 1 && after[0].action == "essai" && after[0].afterJSON == "{\"a\":\"b\"}")
            }
        }

        @Test func adminCreatesAccountsWhoChooseTheirPassword() async throws {
            try await withTestApp(territories: true) { app in
                try await Accounts.make(.admin, on: app)
                let admin = Browser(app)
                try await admin.signIn("admin@exemple.fr", Accounts.password)

                let invalid = try await admin.post(
                    "/admin/utilisateurs", ["email": "pas-une-adresse", "name": "", "role": "prefecture", "regions": ""])
                #expect(invalid.status == .badRequest)
                #expect(invalid.text.contains("L’adresse électronique « pas-une-adresse » est invalide."))
                #expect(invalid.text.contains("s’applique à une seule région"))

                let created = try await admin.post(
                    "/admin/utilisateurs",
                    ["email": "prefet@exemple.fr", "name": "Préfecture Corse", "role": "prefecture", "regions": "94"])
                #expect(created.status == .created)
                #expect(created.text.contains("Compte créé pour prefet@exemple.fr"))
                let mail = try #require(await (app.mailer as! CapturingMailer).sent.last)
                #expect(mail.to == "prefet@exemple.fr" && mail.body.contains("/reinitialisation/"))
                let user = try #require(try await TIPersistence.User.query(on: app.db).filter(\.$email == "prefet@exemple.fr").first())
                #expect(user.role == .prefecture && user.scope.regions == ["94"])

                // Deactivation is recorded with before → after.
                #expect(try await admin.post("/admin/utilisateurs/\(user.id!.uuidString)/desactiver").status == .seeOther)
                let event = try #require(try await AuditEvent.query(on: app.db).filter(\.$action == "utilisateur.desactivation").first())
                #expect(event.beforeJSON?.contains("\"actif\":\"oui\"") == true && event.afterJSON?.contains("\"actif\":\"non\"") == true)
                #expect(event.actorRole == "admin")

                let journal = try await admin.get("/admin/journal?action=utilisateur.creation")
                #expect(journal.status == .ok)
                #expect(journal.text.contains("2 événements"))  // the admin and the préfecture
                #expect(journal.text.contains("prefet@exemple.fr"))
                let csv = try await admin.get("/admin/journal.csv?action=utilisateur.desactivation")
                #expect(csv.headers.contentType?.subType == "csv")
                #expect(csv.text.hasPrefix("date_utc;auteur_id;role;action;type_objet;id_objet;avant;apres\n"))
                #expect(csv.text.split(separator: "\n").count == 2)
                #expect(try await admin.get("/admin/journal?du=demain").status == .badRequest)
            }
        }

        @Test func accountValidationForEveryRole() async throws {
            try await withTestApp(territories: true) { app in
                for role in Role.allCases { try await Accounts.make(role, on: app) }
                let checks: [(UserAccounts.Draft, String)] = [
                    (.init(email: "a@exemple.fr", displayName: "A", role: "territory", territory: "INCONNU"), "territory"),
                    (.init(email: "b@exemple.fr", displayName: "B", role: "applicant", organisation: "552100555"), "organisation"),
                    (.init(email: "c@exemple.fr", displayName: "C", role: "reviewer", regions: ["99"]), "regions"),
                    (.init(email: "d@exemple.fr", displayName: "D", role: "admin", regions: ["84"]), "regions"),
                    (.init(email: "viewer@exemple.fr", displayName: "E", role: "viewer"), "email"),
                    (.init(email: "f@exemple.fr", displayName: "F", role: "superuser"), "role"),
                ]
                for (draft, field) in checks {
                    let errors = try await UserAccounts.validate(draft, on: app.db).errors
                    #expect(errors[field] != nil, "\(draft.role): \(errors)")
                }
            }
        }

        @Test func noSecretsOrAddressesInLogs() async throws {
            try await withTestApp(geo: false) { app in
                let recorder = LogRecorder()
                app.logger = Logger(label: "test") { _ in recorder }
                app.logger.logLevel = .info  // the production level (debug logs SQL with its values)
                try await Accounts.make(.viewer, on: app)
                let browser = Browser(app)
                try await browser.signIn("viewer@exemple.fr", Accounts.password)
                try await browser.post("/mot-de-passe-oublie", ["email": "viewer@exemple.fr"])
                let mail = try #require(await (app.mailer as! CapturingMailer).sent.last)
                let token = String(mail.body.split(separator: "/reinitialisation/")[1].prefix { !$0.isWhitespace })
                try await browser.get("/reinitialisation/\(token)")
                let lines = recorder.lines.joined(separator: "\n")
                // The recorder does see request logs.
                #expect(lines.contains("POST /connexion") && lines.contains("GET /reinitialisation/…"))
                #expect(!lines.contains(token))
                #expect(!lines.contains("viewer@exemple.fr"))
                #expect(!lines.contains(Accounts.password))
            }
        }
    }
}

/// Captures log lines.
final class LogRecorder: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    var lines: [String] { lock.withLock { stored } }
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    func log(
        level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
        file: String, function: String, line: UInt
    ) {
        lock.withLock { stored.append("\(message) \(metadata ?? [:])") }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
}
