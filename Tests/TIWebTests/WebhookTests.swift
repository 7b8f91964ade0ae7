import Fluent
import Foundation
import NIOConcurrencyHelpers
import TIDomain
import TIPersistence
import Testing
import VaporTesting

@testable import TIWeb

extension AppTests {
    @Suite("Webhooks: signed, retried, ordered per application, scoped")
    struct WebhookTests {
        /// A real HTTP server on 127.0.0.1 that records every request and answers 500 to the first
        /// `failures[path]` requests of a path.
        final class Receiver: @unchecked Sendable {
            struct Hit: Sendable {
                var path: String
                var delivery: String
                var event: String
                var signature: String
                var contentType: String
                var body: String
                var answered: Int
            }

            let app: Application
            private let state = NIOLockedValueBox<(hits: [Hit], failures: [String: Int])>(([], [:]))
            var port = 0

            init(failures: [String: Int]) async throws {
                app = try await Application.make(.testing)
                app.logger.logLevel = .critical
                state.withLockedValue { $0.failures = failures }
                app.post("hook", ":who") { [state] req -> HTTPStatus in
                    let path = req.url.path
                    let status: HTTPStatus = state.withLockedValue { s in
                        let left = s.failures[path, default: 0]
                        if left > 0 { s.failures[path] = left - 1 }
                        return left > 0 ? .internalServerError : .noContent
                    }
                    let hit = Hit(
                        path: path, delivery: req.headers.first(name: "TI-Delivery") ?? "",
                        event: req.headers.first(name: "TI-Event") ?? "",
                        signature: req.headers.first(name: "TI-Signature") ?? "", contentType: req.headers.first(name: .contentType) ?? "",
                        body: req.body.string ?? "", answered: Int(status.code))
                    state.withLockedValue { $0.hits.append(hit) }
                    return status
                }
                try await app.server.start(address: .hostname("127.0.0.1", port: 0))
                port = app.http.server.shared.localAddress?.port ?? 0
            }

            func url(_ who: String) -> String { "http://127.0.0.1:\(port)/hook/\(who)" }
            func hits(_ who: String) -> [Hit] { state.withLockedValue { $0.hits.filter { $0.path == "/hook/\(who)" } } }

            func stop() async throws {
                await app.server.shutdown()
                try await app.asyncShutdown()
            }
        }

        struct Created: Decodable {
            var id: UUID
            var url: String
            var events: [String]
            var secret: String?
        }

        struct DeliveryLog: Decodable {
            struct Item: Decodable {
                var id: UUID
                var event: String
                var status: String
                var attempts: Int
                var lastStatus: Int?
                var nextAttemptAt: String?
                var sequence: Int64
            }
            var count: Int
            var items: [Item]
        }

        struct Payload: Decodable {
            struct Ref: Decodable {
                var id: UUID
                var state: String
            }
            struct Data: Decodable {
                var from: String?
                var to: String?
                var party: String?
                var favourable: Bool?
                var outcome: String?
                var kind: String?
                var amountCents: Int64?
            }
            var id: UUID
            var event: String
            var application: Ref
            var data: Data
        }

        static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            return try decoder.decode(type, from: Data(text.utf8))
        }

        /// An API token for `user`.
        static func token(for user: TIPersistence.User, on app: Application) async throws -> String {
            let secret = "ti_webhook_\(UUID().uuidString)"
            try await APIToken(userID: user.requireID(), name: "webhooks", tokenHash: Secret.hash(secret), prefix: "ti_webho", expires: 4e9)
                .create(on: app.db)
            return secret
        }

        static func call(
            _ app: Application, _ method: HTTPMethod, _ path: String, token: String, json: String? = nil
        ) async throws -> TestingHTTPResponse {
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: token)
            if json != nil { headers.contentType = .json }
            return try await app.testing().sendRequest(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) })
        }

        static func subscribe(_ app: Application, token: String, url: String, events: [String]) async throws -> Created {
            let body = #"{"url": "\#(url)", "events": [\#(events.map { "\"\($0)\"" }.joined(separator: ", "))]}"#
            let response = try await call(app, .POST, "/api/v1/webhooks", token: token, json: body)
            #expect(response.status == .created, "\(response.body.string)")
            return try decode(Created.self, response.body.string)
        }

        /// The signature as a receiver checks it: HMAC-SHA256 with the secret over "<t>.<body>".
        static func verify(_ hit: Receiver.Hit, secret: String, at epoch: Int64) -> Bool {
            let key = SymmetricKey(data: Data(secret.utf8))
            let mac = HMAC<SHA256>.authenticationCode(for: Data("\(epoch).\(hit.body)".utf8), using: key)
            return hit.signature == "t=\(epoch),v1=" + mac.map { String(format: "%02x", $0) }.joined()
        }

        static func withWebhookApp(_ body: (Application) async throws -> Void) async throws {
            let allowLoopback: (inout AppConfig) -> Void = { $0.webhookAllowHTTPLoopback = true }
            try await withTestApp(territories: true, adjust: allowLoopback) { app in
                app.clock = .fixed(FundFixture.now)
                try await body(app)
            }
        }

        @Test func deliveriesAreSignedRetriedOrderedScopedAndRedelivered() async throws {
            try await Self.withWebhookApp { app in
                let receiver = try await Receiver(failures: ["/hook/reviewer": 1])
                do {
                    let f = try await FundFixture.make(app)
                    let outsider = try await Accounts.make(.reviewer, email: "instructeur84@exemple.fr", on: app, region: "84")
                    let all = WebhookEvent.allCases.map(\.rawValue)
                    let reviewerToken = try await Self.token(for: f.users[.reviewer]!, on: app)
                    let reviewer = try await Self.subscribe(app, token: reviewerToken, url: receiver.url("reviewer"), events: all)
                    let applicantToken = try await Self.token(for: f.users[.applicant]!, on: app)
                    let applicant = try await Self.subscribe(
                        app, token: applicantToken, url: receiver.url("applicant"), events: ["dossier.etat", "dossier.decision"])
                    _ = try await Self.subscribe(
                        app, token: try await Self.token(for: outsider, on: app), url: receiver.url("outsider"), events: all)
                    #expect(reviewer.secret?.hasPrefix("whsec_") == true && reviewer.secret != applicant.secret)

                    // Act: a file goes from deposit to its first payment.
                    let a = try await f.application(to: .laureate)
                    _ = try await FundService.signAgreement(
                        a, reference: "CONV-2021-01", date: FundFixture.today, by: f.actor(.region), on: app.db)
                    _ = try await FundService.recordPayment(
                        a, funder: .state, amount: EuroCents(euros: 50_000), paidOn: FundFixture.today, reference: nil,
                        by: f.actor(.prefecture), on: app.db)
                    let t0 = FundFixture.now.timeIntervalSince1970
                    let dispatcher = WebhookDispatcher(app: app)
                    await dispatcher.runDue()

                    // The reviewer's first delivery got a 500: it waits 30 s, and so do the later ones of the file.
                    let first = receiver.hits("reviewer")
                    #expect(first.count == 1 && first.first?.answered == 500)
                    var log = try Self.decode(
                        DeliveryLog.self,
                        try await Self.call(app, .GET, "/api/v1/webhooks/\(reviewer.id)/deliveries", token: reviewerToken).body.string)
                    let oldest = try #require(log.items.min { $0.sequence < $1.sequence })
                    #expect(oldest.status == "pending" && oldest.attempts == 1 && oldest.lastStatus == 500)
                    #expect(oldest.nextAttemptAt == ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: t0 + 30)))
                    #expect(log.items.filter { $0.status == "pending" }.count == log.count)

                    // The applicant's are all there, in order: states, then only the outcome of the decision.
                    let applicantHits = receiver.hits("applicant")
                    let applicantPayloads = try applicantHits.map { try Self.decode(Payload.self, $0.body) }
                    #expect(
                        applicantPayloads.map { $0.event == "dossier.etat" ? $0.data.to! : $0.data.outcome! } == [
                            "submitted", "under_review", "reviewed", "in_committee", "laureate", "laureate", "agreement_signed",
                            "payments_in_progress",
                        ])
                    #expect(applicantPayloads.allSatisfy { $0.data.party == nil && $0.data.favourable == nil })
                    #expect(applicantHits.allSatisfy { Self.verify($0, secret: applicant.secret!, at: Int64(t0)) })
                    #expect(receiver.hits("outsider").isEmpty)  // another région's reviewer sees nothing of it

                    // Not before the backoff: nothing is sent at 29 s.
                    app.clock = .fixed(Date(timeIntervalSince1970: t0 + 29))
                    await dispatcher.runDue()
                    #expect(receiver.hits("reviewer").count == 1)

                    // At 30 s: the retry succeeds with the same id, then the others follow in order.
                    app.clock = .fixed(Date(timeIntervalSince1970: t0 + 30))
                    await dispatcher.runDue()
                    let hits = receiver.hits("reviewer")
                    let payloads = try hits.map { try Self.decode(Payload.self, $0.body) }
                    #expect(hits.count == 11)
                    #expect(hits[0].delivery == hits[1].delivery && hits[1].answered == 204)
                    #expect(hits.dropFirst().allSatisfy { Self.verify($0, secret: reviewer.secret!, at: Int64(t0 + 30)) })
                    #expect(Self.verify(hits[0], secret: reviewer.secret!, at: Int64(t0)))
                    #expect(!Self.verify(hits[1], secret: applicant.secret!, at: Int64(t0 + 30)))
                    #expect(zip(hits, payloads).allSatisfy { $0.delivery == $1.id.uuidString && $0.event == $1.event })
                    #expect(hits.allSatisfy { $0.contentType.hasPrefix("application/json") })
                    #expect(
                        payloads.dropFirst().map { p in
                            switch p.event {
                            case "dossier.etat": "etat:" + p.data.to!
                            case "dossier.decision": "decision:\(p.data.party!):\(p.data.favourable!):\(p.data.outcome!)"
                            default: "paiement:\(p.data.kind!):\(p.data.amountCents!)"
                            }
                        } == [
                            "etat:submitted", "etat:under_review", "etat:reviewed", "etat:in_committee", "decision:state:true:pending",
                            "decision:region:true:laureate", "etat:laureate", "etat:agreement_signed", "etat:payments_in_progress",
                            "paiement:versement:5000000",
                        ])
                    log = try Self.decode(
                        DeliveryLog.self,
                        try await Self.call(app, .GET, "/api/v1/webhooks/\(reviewer.id)/deliveries", token: reviewerToken).body.string)
                    #expect(log.count == 10 && log.items.allSatisfy { $0.status == "delivered" })

                    // Manual redelivery: the same id and body again; someone else's subscription is unknown.
                    let path = "/api/v1/webhooks/\(reviewer.id)/deliveries/\(oldest.id)/redeliver"
                    #expect(try await Self.call(app, .POST, path, token: applicantToken).status == .notFound)
                    #expect(try await Self.call(app, .POST, path, token: reviewerToken).status == .accepted)
                    #expect(
                        try await Self.call(
                            app, .POST, "/api/v1/webhooks/\(reviewer.id)/deliveries/\(UUID())/redeliver", token: reviewerToken
                        ).status == .notFound)
                    await dispatcher.runDue()
                    let again = receiver.hits("reviewer")
                    #expect(again.count == 12 && again.last?.delivery == oldest.id.uuidString && again.last?.body == hits[0].body)
                } catch {
                    try? await receiver.stop()
                    throw error
                }
                try await receiver.stop()
            }
        }

        @Test func aDeliveryIsGivenUpAfter24HoursAndClaimedOnce() async throws {
            try await Self.withWebhookApp { app in
                let receiver = try await Receiver(failures: ["/hook/down": 1_000])
                do {
                    let f = try await FundFixture.make(app)
                    let token = try await Self.token(for: f.users[.admin]!, on: app)
                    let subscription = try await Self.subscribe(app, token: token, url: receiver.url("down"), events: ["dossier.etat"])
                    _ = try await f.application(to: .submitted)

                    // Two servers read the same due delivery: only one claim wins.
                    let t0 = FundFixture.now.timeIntervalSince1970
                    let due = try await WebhookQueue.due(now: t0, limit: 10, on: app.db)
                    #expect(due.count == 1)
                    let claims = try await [
                        WebhookQueue.claim(due[0], now: t0, lease: 60, on: app.db),
                        WebhookQueue.claim(due[0], now: t0, lease: 60, on: app.db),
                    ]
                    #expect(claims.filter { $0 }.count == 1)
                    #expect(try await WebhookQueue.due(now: t0 + 59, limit: 10, on: app.db).isEmpty)

                    // The claim expires; then every attempt fails, with growing delays, until 24 h have passed.
                    let dispatcher = WebhookDispatcher(app: app)
                    var now = t0 + 60
                    var waits: [Double] = []
                    for _ in 0..<40 {
                        app.clock = .fixed(Date(timeIntervalSince1970: now))
                        await dispatcher.runDue()
                        guard let next = try await WebhookQueue.due(now: t0 + 1e7, limit: 10, on: app.db).first else { break }
                        waits.append(next.nextAttemptEpoch - now)
                        now = next.nextAttemptEpoch
                    }
                    #expect(Array(waits.prefix(4)) == [30, 60, 120, 240])
                    #expect(waits.max() == 3_600)
                    let log = try Self.decode(
                        DeliveryLog.self,
                        try await Self.call(app, .GET, "/api/v1/webhooks/\(subscription.id)/deliveries", token: token).body.string)
                    #expect(log.items.map(\.status) == ["failed"])
                    #expect(log.items.first?.attempts == receiver.hits("down").count)
                    #expect(now - t0 <= 86_400 && now - t0 > 86_400 - 3_600)
                } catch {
                    try? await receiver.stop()
                    throw error
                }
                try await receiver.stop()
            }
        }

        @Test func theAccountPageShowsTheLogAndRedelivers() async throws {
            try await Self.withWebhookApp { app in
                let f = try await FundFixture.make(app)
                let token = try await Self.token(for: f.users[.admin]!, on: app)
                let subscription = try await Self.subscribe(app, token: token, url: "https://exemple.fr/hook", events: ["dossier.etat"])
                _ = try await f.application(to: .submitted)
                let t0 = FundFixture.now.timeIntervalSince1970
                let due = try #require(try await WebhookQueue.due(now: t0, limit: 10, on: app.db).first)
                try await WebhookQueue.failed(
                    due, status: 500, error: "Réponse HTTP 500", now: t0, backoff: WebhookBackoff(base: 1, cap: 1, horizon: 0), on: app.db)

                let admin = Browser(app)
                #expect(try await admin.signIn(f.users[.admin]!.email, Accounts.password).status == .seeOther)
                var page = try await admin.get("/compte/webhooks").text
                #expect(page.contains("https://exemple.fr/hook") && page.contains("Abandonnée") && page.contains("HTTP 500"))
                #expect(!page.contains(subscription.secret!))

                // Another account cannot redeliver it; the owner can, with the form's CSRF token.
                let path = "/compte/webhooks/\(subscription.id)/livraisons/\(due.id)/renvoyer"
                let applicant = Browser(app)
                #expect(try await applicant.signIn(f.users[.applicant]!.email, Accounts.password).status == .seeOther)
                #expect(try await applicant.post(path).status == .notFound)
                #expect(try await admin.post(path, csrf: false).status == .forbidden)
                let redirected = try await admin.post(path)
                #expect(redirected.status == .seeOther && redirected.headers.first(name: .location) == "/compte/webhooks?renvoi=ok")
                page = try await admin.get("/compte/webhooks?renvoi=ok").text
                #expect(page.contains("En attente") && page.contains("sera renvoyée") && !page.contains("Abandonnée"))
                #expect(try await WebhookQueue.due(now: t0, limit: 10, on: app.db).map(\.id) == [due.id])

                // A deactivated account's deliveries wait.
                let owner = try #require(try await TIPersistence.User.find(f.users[.admin]!.id, on: app.db))
                owner.active = false
                try await owner.save(on: app.db)
                #expect(try await WebhookQueue.due(now: t0, limit: 10, on: app.db).isEmpty)
            }
        }

        @Test func theAPIRefusesBadEndpointsAndHidesOtherAccounts() async throws {
            try await withTestApp(territories: true) { app in
                let owner = try await Self.token(for: try await Accounts.make(.territory, on: app), on: app)
                let other = try await Self.token(for: try await Accounts.make(.applicant, on: app), on: app)
                func post(_ json: String, _ token: String) async throws -> (HTTPStatus, String) {
                    let response = try await Self.call(app, .POST, "/api/v1/webhooks", token: token, json: json)
                    return (response.status, (try? Self.decode(ErrorBody.self, response.body.string).error.code) ?? response.body.string)
                }
                for (json, status, code) in [
                    (#"{"url": "http://exemple.fr/hook", "events": ["dossier.etat"]}"#, HTTPStatus.unprocessableEntity, "url_non_https"),
                    (#"{"url": "http://127.0.0.1:9/hook", "events": ["dossier.etat"]}"#, .unprocessableEntity, "url_non_https"),
                    (#"{"url": "https://10.1.2.3/hook", "events": ["dossier.etat"]}"#, .unprocessableEntity, "url_invalide"),
                    (#"{"url": "https://user:pw@exemple.fr/", "events": ["dossier.etat"]}"#, .unprocessableEntity, "url_invalide"),
                    (#"{"url": "pas une adresse", "events": ["dossier.etat"]}"#, .badRequest, "url_invalide"),
                    (#"{"url": "https://exemple.fr/hook", "events": ["dossier.inconnu"]}"#, .badRequest, "events_invalide"),
                    (#"{"url": "https://exemple.fr/hook", "events": []}"#, .badRequest, "events_invalide"),
                    (#"{"url": "https://exemple.fr/hook"}"#, .badRequest, "events_invalide"),
                    (#"{"url": "https://exemple.fr/hook", "events": ["dossier.etat"], "x": 1}"#, .badRequest, "x_invalide"),
                ] {
                    let (got, gotCode) = try await post(json, owner)
                    #expect(got == status && gotCode == code, "\(json) → \(got.code) \(gotCode)")
                }
                let created = try Self.decode(
                    Created.self,
                    try await Self.call(
                        app, .POST, "/api/v1/webhooks", token: owner,
                        json: #"{"url": "https://exemple.fr/hook", "events": ["dossier.paiement", "dossier.etat", "dossier.etat"]}"#
                    ).body.string)
                #expect(created.events == ["dossier.etat", "dossier.paiement"] && created.secret != nil)

                // The list never shows the secret; another account sees neither the list nor the subscription.
                let list = try await Self.call(app, .GET, "/api/v1/webhooks", token: owner).body.string
                #expect(list.contains(created.id.uuidString) && !list.contains(created.secret!))
                #expect(!(try await Self.call(app, .GET, "/api/v1/webhooks", token: other).body.string.contains(created.id.uuidString)))
                let deliveries = "/api/v1/webhooks/\(created.id)/deliveries"
                #expect(try await Self.call(app, .GET, deliveries, token: other).status == .notFound)
                #expect(try await Self.call(app, .DELETE, "/api/v1/webhooks/\(created.id)", token: other).status == .notFound)
                #expect(try await Self.call(app, .DELETE, "/api/v1/webhooks/pas-un-uuid", token: owner).status == .badRequest)
                #expect(try await Self.call(app, .GET, deliveries, token: owner).status == .ok)
                #expect(try await Self.call(app, .DELETE, "/api/v1/webhooks/\(created.id)", token: owner).status == .noContent)
                #expect(try await Self.call(app, .GET, deliveries, token: owner).status == .notFound)

                // At most 20 per account.
                for _ in 0..<WebhookRules.maxSubscriptions {
                    _ = try await Self.subscribe(app, token: owner, url: "https://exemple.fr/hook", events: ["dossier.etat"])
                }
                let (status, code) = try await post(#"{"url": "https://exemple.fr/hook", "events": ["dossier.etat"]}"#, owner)
                #expect(status == .conflict && code == "trop_d_abonnements")
            }
        }
    }
}
