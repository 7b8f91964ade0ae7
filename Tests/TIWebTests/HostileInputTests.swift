import Fluent
import Foundation
import TIDomain
import TIPersistence
import Testing
import VaporTesting

@testable import TIWeb

/// The findings of the security probe (issue 8), one test each: every one of these crashed the
/// server, answered 500, leaked or let input create markup before its fix.
extension AppTests {
    @Suite("Hostile input")
    struct HostileInputTests {
        /// A page number past the end, or below 1, on a list of several pages: the pagination
        /// trapped (`lowerBound > upperBound`) and took the whole server down (`/plans?page=50`).
        @Test func aPageNumberPastTheEndRendersAPaginationWindow() {
            let links = { (n: Int) in "/plans?page=\(n)" }
            for page in [-5, 0, 1, 3, 4, 5, 50, Int.max] {
                let html = Components.pagination(page: page, pages: 3, url: links).render()
                #expect(html.contains("fr-pagination__list") && html.contains("/plans?page=2"), "page \(page)")
            }
        }

        static func signedIn(_ role: Role, _ app: Application, fixture: FundFixture? = nil) async throws -> Browser {
            let browser = Browser(app)
            let email: String
            if let existing = fixture?.users[role]?.email {
                email = existing
            } else {
                email = try await Accounts.make(role, on: app, region: "94").email
            }
            #expect(try await browser.signIn(email, Accounts.password).status == .seeOther)
            return browser
        }

        // MARK: 1–2: numbers from outside, stored data

        @Test func hugePageNumbersAnswer400() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                let reviewer = try await Self.signedIn(.reviewer, app, fixture: f)
                for page in ["9223372036854775807", "100000000000000000", "0", "-1", "10001"] {
                    let response = try await reviewer.get("/instruction?page=\(page)")
                    #expect(response.status == .badRequest, "page=\(page)")
                    #expect(response.text.contains("numéro de page"))
                }
                #expect(try await reviewer.get("/instruction?page=2").status == .ok)
                let admin = try await Self.signedIn(.admin, app, fixture: f)
                #expect(try await admin.get("/admin/journal?page=4611686018427387904").status == .badRequest)
                let token = try await APITokens.create(for: f.users[.applicant]!, on: app)
                let api = Browser(app)
                api.bearer = token
                let response = try await api.get("/api/v1/applications?page=100000000000000000")
                #expect(response.status == .badRequest)
                #expect(try response.content.decode(ErrorBody.self).error.code == "page_invalide")
            }
        }

        @Test func followUpJobsAreBoundedAndStoredExtremesNeverCrashAPage() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                let laureate = try await f.application(to: .laureate)
                let applicant = try await Self.signedIn(.applicant, app, fixture: f)
                let refused = try await applicant.post(
                    "/dossiers/\(laureate.id!.uuidString)/suivi",
                    ["date": "2021-06-01", "emplois": "9223372036854775807", "investissement": "100 000"])
                #expect(refused.status == .badRequest)
                #expect(try await FollowUp.query(on: app.db).count() == 0)
                // Rows written before the bound existed, or by hand: the pages still render.
                for jobs in [Int.max, Int.max, -1] {
                    let row = FollowUp()
                    row.$application.id = laureate.id!
                    row.onDate = "2021-06-01"
                    row.jobsCreated = jobs
                    row.investmentCents = Int64.max
                    row.recordedBy = "test"
                    try await row.create(on: app.db)
                }
                laureate.jobsCreated = Int.max
                try await laureate.save(on: app.db)
                await app.indicatorCache.invalidate()
                for path in ["/", "/indicateurs", "/carte", "/api/v1/indicators", "/regions/94"] {
                    #expect(try await Browser(app).get(path).status == .ok, "\(path)")
                }
            }
        }

        // MARK: 3: the State-aid ceiling under parallel decisions

        /// A call's title and description are bounded: 20 000 characters are refused with a French message.
        @Test func callTextsAreBounded() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                var draft = CallService.Draft(f.call)
                draft.title = String(repeating: "A", count: 20_000)
                draft.description = String(repeating: "d", count: 20_000)
                let (_, errors) = try await CallService.validate(draft, on: app.db)
                #expect(errors["titre"]?.contains("200 caractères au plus") == true)
                #expect(errors["description"]?.contains("5 000 caractères au plus") == true)
            }
        }

        @Test func parallelStateKeysNeverPassTheCeiling() async throws {
            // The applicant's files are all of its own SIREN: one fresh database per round.
            for round in 0..<4 {
                try await withTestApp(territories: true) { app in
                    let f = try await FundFixture.make(app, stateEnvelope: 10_000_000, regionEnvelope: nil)
                    // Two files of one undertaking, 1.5 M€ each, under a 1.8 M€ ceiling, the Région's key given.
                    var ids: [UUID] = []
                    for _ in 0..<2 {
                        let a = try await f.application(
                            to: .inCommittee, content: FundFixture.content(investment: 6_000_000, aid: 1_500_000),
                            proposal: (1_500_000, 0))
                        _ = try await FundService.decide(
                            a.id!, favourable: true, motivation: "Favorable, projet mûr.", by: f.actor(.region),
                            on: app.db)
                        ids.append(a.id!)
                    }
                    let prefecture = f.actor(.prefecture)
                    let outcomes = await withTaskGroup(of: String.self) { group in
                        for id in ids {
                            group.addTask {
                                do {
                                    _ = try await FundService.decide(
                                        id, favourable: true, motivation: "Favorable, projet mûr.", by: prefecture,
                                        on: app.db)
                                    return "laureate"
                                } catch let error as FundError {
                                    return error.code
                                } catch {
                                    return "error: \(error)"
                                }
                            }
                        }
                        return await group.reduce(into: [String]()) { $0.append($1) }
                    }
                    #expect(outcomes.sorted() == ["laureate", "plafond_aides"], "round \(round): \(outcomes)")
                    #expect(try await FundApplication.query(on: app.db).filter(\.$state == .laureate).count() == 1)
                }
            }
        }

        /// A thousand Région keys race for an envelope with room for a hundred: exactly a hundred
        /// laureates, and the envelope's commitment equals its movements.
        @Test func aThousandParallelDecisionsNeverOverCommit() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app, stateEnvelope: 10_000_000, regionEnvelope: nil)
                let template = try await f.application(to: .inCommittee, content: FundFixture.content(aid: 100_000), proposal: (100_000, 0))
                _ = try await FundService.decide(
                    template.id!, favourable: true, motivation: "Favorable, projet mûr.", by: f.actor(.prefecture),
                    on: app.db)
                let stored = try await FundApplication.find(template.id, on: app.db)!
                let json = try JSONEncoder().encode(stored)
                // 999 copies, each its own undertaking (the ceiling is per SIREN).
                let ids: [UUID] = try await app.db.transaction { db in
                    var ids = [stored.id!]
                    for i in 1..<1_000 {
                        let copy = try JSONDecoder().decode(FundApplication.self, from: json)
                        copy.id = UUID()
                        copy.reference = "FA-2021-94-C\(i)"
                        copy.siren = String(format: "9%08d", i)
                        try await copy.create(on: db)
                        ids.append(copy.id!)
                    }
                    return ids
                }
                let region = f.actor(.region)
                var outcomes: [String: Int] = [:]
                try await withThrowingTaskGroup(of: String.self) { group in
                    var pending = ids[...]
                    func launch() {
                        guard let id = pending.popFirst() else { return }
                        group.addTask {
                            do {
                                _ = try await FundService.decide(
                                    id, favourable: true, motivation: "Favorable, projet mûr.", by: region,
                                    on: app.db)
                                return "laureate"
                            } catch let error as FundError { return error.code }
                        }
                    }
                    for _ in 0..<40 { launch() }
                    while let outcome = try await group.next() {
                        outcomes[outcome, default: 0] += 1
                        launch()
                    }
                }
                let envelope = try await f.envelope("94", .state)
                #expect(outcomes["laureate"] == 100, "\(outcomes)")
                #expect(outcomes.values.reduce(0, +) == 1_000)
                #expect(envelope.committedCents == envelope.amountCents)
                #expect(try await FundApplication.query(on: app.db).filter(\.$state == .laureate).count() == 100)
                let movements = try await EnvelopeMovement.query(on: app.db).filter(\.$kind == .commitment).all()
                #expect(movements.reduce(Int64(0)) { $0 + $1.amountCents } == envelope.committedCents)
            }
        }

        // MARK: 4, 6: headers and attributes

        @Test func signInRedirectAcceptsOnlySameSitePaths() {
            #expect(AuthController.safeRedirect("/compte") == "/compte")
            #expect(AuthController.safeRedirect("/instruction?etat=submitted") == "/instruction?etat=submitted")
            for hostile in [
                "/compte\r\nSet-Cookie: ti_csrf=x", "/compte\nX: y", "//evil.example", "/\\evil.example", "https://evil.example",
                "/a\u{0}b", "/a\u{2028}b", "compte", "/" + String(repeating: "a", count: 3000),
            ] {
                #expect(AuthController.safeRedirect(hostile) == nil, "\(hostile.debugDescription)")
            }
        }

        @Test func headerInjectionThroughRetourIsRefused() async throws {
            try await withTestApp(geo: false) { app in
                try await Accounts.make(.viewer, on: app)
                let browser = Browser(app)
                let response = try await browser.post(
                    "/connexion",
                    [
                        "email": "viewer@exemple.fr", "password": Accounts.password,
                        "retour": "/compte\r\nSet-Cookie: ti_csrf=planted",
                    ])
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == "/indicateurs")
                #expect(!response.headers[.setCookie].contains { $0.contains("planted") })
            }
        }

        @Test func attributeValuesAreEscaped() async throws {
            try await withTestApp(geo: false) { app in
                let hostile = "\"><meta http-equiv=\"refresh\" content=\"1;url=https://evil.example\">"
                let page = try await Browser(app).get(
                    "/connexion?retour=" + hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
                #expect(!page.text.contains("<meta http-equiv"))
                let search = try await Browser(app).get(
                    "/territoires?q=" + hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
                #expect(!search.text.contains("<meta http-equiv"))
            }
        }

        @Test func storedCompanyNameCannotCreateMarkupOnThePublicLaureatePage() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                var content = FundFixture.content()
                content.carrierName = "MECALAC\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">"
                let laureate = try await f.application(to: .laureate, content: content)
                let page = try await Browser(app).get("/laureats/\(laureate.id!.uuidString)")
                #expect(page.status == .ok)
                #expect(page.text.contains("MECALAC"))
                #expect(!page.text.contains("<meta http-equiv"))
            }
        }

        // MARK: 5: confidential review content

        @Test func historyHidesOpinionsFromApplicantAndTerritory() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                let a = try await f.application(to: .inCommittee)
                _ = try await FundService.decide(
                    a.id!, favourable: true, motivation: "Motivation confidentielle de l’État.", by: f.actor(.prefecture),
                    on: app.db)
                let applicant = try await Self.signedIn(.applicant, app, fixture: f)
                let page = try await applicant.get("/dossiers/\(a.id!.uuidString)")
                #expect(page.status == .ok)
                #expect(!page.text.contains("Aide proposée"))
                #expect(!page.text.contains("Motivation confidentielle"))
                let staff = try await Self.signedIn(.region, app, fixture: f)
                #expect(try await staff.get("/dossiers/\(a.id!.uuidString)").text.contains("Motivation confidentielle"))
            }
        }

        // MARK: 7: lockout in parallel

        @Test func parallelSignInsCheckAtMostTheLimit() async throws {
            try await withTestApp(geo: false) { app in
                try await Accounts.make(.viewer, on: app)
                let browsers = (0..<15).map { _ in Browser(app) }
                for b in browsers { _ = try await b.csrfToken() }
                let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                    for (i, b) in browsers.enumerated() {
                        group.addTask {
                            try await b.signIn("viewer@exemple.fr", i == 14 ? Accounts.password : "mauvais-\(i)").status
                        }
                    }
                    return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
                }
                #expect(!statuses.contains { $0.code >= 500 })
                let checked = statuses.filter { $0 == .unauthorized || $0 == .seeOther }.count
                // The fifth failure answers 429 with the lock message: at most five passwords checked.
                #expect(checked <= 5, "\(statuses)")
            }
        }

        // MARK: 9: parallel deposits

        @Test func parallelDepositsGetDistinctReferences() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                var drafts: [FundApplication] = []
                for _ in 0..<6 { drafts.append(try await f.application(to: .draft)) }
                let applicant = f.actor(.applicant)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for d in drafts {
                        group.addTask { _ = try await FundService.submit(d, by: applicant, on: app.db) }
                    }
                    try await group.waitForAll()
                }
                let references = try await FundApplication.query(on: app.db).all().compactMap(\.reference)
                #expect(references.count == 6)
                #expect(Set(references).count == 6)
            }
        }

        // MARK: 10, 15: NUL bytes and long segments

        @Test func nulBytesAnswer400Everywhere() async throws {
            try await withTestApp(territories: true) { app in
                try await Accounts.make(.reviewer, on: app)
                let anonymous = Browser(app)
                #expect(try await anonymous.get("/regions/8%004").status == .badRequest)
                #expect(try await anonymous.get("/territoires?q=a%00b").status == .badRequest)
                #expect(try await anonymous.post("/connexion", ["email": "viewer\u{0}@exemple.fr", "password": "x"]).status == .badRequest)
                let json = try await app.testing().sendRequest(
                    .POST, "/api/v1/applications/00000000-0000-0000-0000-000000000000/decisions",
                    headers: ["Content-Type": "application/json"],
                    body: ByteBuffer(string: #"{"favourable":true,"motivation":"a\u0000b"}"#))
                #expect(json.status == .badRequest)
            }
        }

        @Test func overlongPathSegmentAnswers404() async throws {
            try await withTestApp(geo: false) { app in
                let response = try await Browser(app).get("/" + String(repeating: "a", count: 300))
                #expect(response.status == .notFound)
                #expect(try await Browser(app).get("/css/" + String(repeating: "b", count: 256) + ".css").status == .notFound)
            }
        }

        // MARK: 12–14: credentials

        @Test func aNewPasswordEndsOtherResetLinksTokensAndSessions() async throws {
            try await withTestApp(geo: false) { app in
                let user = try await Accounts.make(.viewer, on: app)
                let token = try await APITokens.create(for: user, on: app)
                let browser = Browser(app)
                try await browser.post("/mot-de-passe-oublie", ["email": "viewer@exemple.fr"])
                try await browser.post("/mot-de-passe-oublie", ["email": "viewer@exemple.fr"])
                let links = await (app.mailer as! CapturingMailer).sent.compactMap { mail in
                    mail.body.split(separator: "\n").first { $0.contains("/reinitialisation/") }.map {
                        String($0.split(separator: "/").last!)
                    }
                }
                #expect(links.count == 2)
                let newer = links[1]
                let older = links[0]
                let reset = try await browser.post(
                    "/reinitialisation/\(newer)", ["password": "Nouveau-mot-de-passe-2026", "confirmation": "Nouveau-mot-de-passe-2026"])
                #expect(reset.status == .seeOther)
                #expect(try await browser.get("/reinitialisation/\(older)").status == .gone)
                let api = Browser(app)
                api.bearer = token
                #expect(try await api.get("/api/v1/me").status == .unauthorized)
            }
        }

        @Test func forgottenPasswordIsRateLimitedPerAccountAndPerAddress() async throws {
            try await withTestApp(geo: false) { app in
                try await Accounts.make(.viewer, on: app)
                let browser = Browser(app)
                var statuses: [HTTPStatus] = []
                for _ in 0..<(AuthController.resetRequestsPerAddress + 1) {
                    statuses.append(try await browser.post("/mot-de-passe-oublie", ["email": "viewer@exemple.fr"]).status)
                }
                #expect(await (app.mailer as! CapturingMailer).sent.count == AuthController.resetMailsPerAccount)
                #expect(statuses.dropLast().allSatisfy { $0 == .ok })
                #expect(statuses.last == .tooManyRequests)
            }
        }

        @Test func signingInWithAnExpiredSessionCookieKeepsTheNewSession() async throws {
            try await withTestApp(geo: false) { app in
                try await Accounts.make(.viewer, on: app)
                let browser = Browser(app)
                browser.cookies["ti_session"] = "expired-or-unknown-session-token"
                let response = try await browser.signIn("viewer@exemple.fr", Accounts.password)
                #expect(response.status == .seeOther)
                #expect(browser.cookies["ti_session"] != nil)
                #expect(try await browser.get("/compte").status == .ok)
            }
        }

        // MARK: 16: CSRF origin

        @Test func crossSitePostsAreRefused() async throws {
            try await withTestApp(geo: false) { app in
                try await Accounts.make(.viewer, on: app)
                let browser = Browser(app)
                let token = try await browser.csrfToken()
                for (name, value) in [("Origin", "https://evil.example"), ("Sec-Fetch-Site", "cross-site"), ("Origin", "null")] {
                    var headers = HTTPHeaders()
                    headers.add(name: .cookie, value: browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
                    headers.contentType = .urlEncodedForm
                    headers.add(name: name, value: value)
                    let response = try await app.testing().sendRequest(
                        .POST, "/connexion", headers: headers,
                        body: ByteBuffer(string: "email=viewer%40exemple.fr&password=\(Accounts.password)&_csrf=\(token)"))
                    #expect(response.status == .forbidden, "\(name): \(value)")
                }
            }
        }

        // MARK: 17: public call

        @Test func publicCallShowsNoEnvelopes() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                let anonymous = try await Browser(app).get("/api/v1/calls/\(f.call.id!.uuidString)")
                #expect(anonymous.status == .ok)
                #expect(!anonymous.text.contains("paid_cents"))
                #expect(!anonymous.text.contains("envelopes"))
                let token = try await APITokens.create(for: f.users[.admin]!, on: app)
                let admin = Browser(app)
                admin.bearer = token
                #expect(try await admin.get("/api/v1/calls/\(f.call.id!.uuidString)").text.contains("paid_cents"))
            }
        }
    }
}

/// API tokens for tests, made as `/compte/jetons` makes them.
enum APITokens {
    static func create(for user: TIPersistence.User, on app: Application) async throws -> String {
        let secret = Secret.generate(prefix: "ti_")
        try await APIToken(
            userID: user.requireID(), name: "test", tokenHash: Secret.hash(secret), prefix: String(secret.prefix(9)),
            expires: Date().timeIntervalSince1970 + 86400
        ).create(on: app.db)
        return secret
    }
}
