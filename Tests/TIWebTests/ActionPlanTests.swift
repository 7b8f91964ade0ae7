import Foundation
import TIDomain
import TIPersistence
import Testing
import VaporTesting

@testable import TIWeb

extension AppTests {
    /// Issue 12: a territory writes its action plan, its Région validates each action, the public
    /// sees validated actions only; the CSV import is all or nothing, idempotent, and reads its export back.
    @Suite("Action plans")
    struct ActionPlanTests {
        static let form: [String: String] = [
            "reference": "FA-1", "titre": "École de production <métallerie>", "description": "Former 24 jeunes par an.",
            "axe": "recruter", "thematiques[]": "competences", "type_porteur": "mixte", "porteur": "CA du Pays Ajaccien",
            "siren": "242010056", "investissement": "1 250 000", "statut": "en_preparation", "date_statut": "2021-02-01",
            "specifique[]": "oui",
        ]

        static func actionID(_ res: TestingHTTPResponse) throws -> String {
            let location = try #require(res.headers.first(name: .location))
            return String(try #require(location.split(separator: "/").last?.split(separator: "?").first))
        }

        /// A field marked internal never reaches the public (page, plan CSV, API); the laureates an
        /// action led to are checked against the fund and linked from its page.
        @Test func internalFieldsStayInternalAndLaureatesAreLinked() async throws {
            try await withTestApp(territories: true) { app in
                app.clock = .fixed(FundFixture.today)
                let f = try await FundFixture.make(app)
                let laureate = try await f.application(to: .laureate)
                let reference = try #require(laureate.reference)
                let territory = Browser(app)
                _ = try await territory.signIn("territory@exemple.fr", Accounts.password)
                var form = Self.form
                form["internes[]"] = "siren"
                form["laureats"] = "INCONNU-1"
                form["recherche_instrument[]"] = "ademe-transition"
                form["recherche_montant[]"] = "300 000"
                let refused = try await territory.post("/territoires/TI-AJACCIO/plan/nouvelle", form)
                #expect(refused.status == .badRequest)
                #expect(refused.text.contains("Aucun dossier du fonds ne porte la référence « INCONNU-1 »."))
                #expect(refused.text.contains("value=\"INCONNU-1\""))
                form["laureats"] = reference
                let id = try Self.actionID(try await territory.post("/territoires/TI-AJACCIO/plan/nouvelle", form))
                let region = Browser(app)
                _ = try await region.signIn("region@exemple.fr", Accounts.password)
                #expect(try await region.post("/actions/\(id)/validation", ["decision": "valider"]).status == .seeOther)

                let sirenPattern = "242.?010.?056"
                let own = try await territory.get("/actions/\(id)").text
                #expect(own.range(of: sirenPattern, options: .regularExpression) != nil && own.contains("Interne"))
                let anonymous = Browser(app)
                let published = try await anonymous.get("/actions/\(id)").text
                #expect(published.contains("Non publié") && published.range(of: sirenPattern, options: .regularExpression) == nil)
                #expect(published.contains("href=\"/laureats/\(try laureate.requireID().uuidString)\""))
                #expect(published.contains("ADEME — Études et subventions de décarbonation et de transition écologique : 300"))
                // A funding sought on an instrument counted in another unit is refused, the rest kept.
                var unitless = form
                unitless["recherche_instrument[]"] = "apec-ateliers"
                let refusedSought = try await territory.post("/actions/\(id)/modifier", unitless)
                #expect(refusedSought.status == .badRequest && refusedSought.text.contains("un instrument compté en euros"))
                #expect(published.contains("1 250 000") || published.range(of: "1.250.000", options: .regularExpression) != nil)
                #expect(!(try await anonymous.get("/api/v1/actions").text.contains("242010056")))
                #expect(!(try await anonymous.get("/territoires/TI-AJACCIO/plan.csv").text.contains("242010056")))
                #expect(try await territory.get("/territoires/TI-AJACCIO/plan.csv").text.contains("242010056"))
            }
        }

        @Test func territoryWritesRegionValidatesPublicSees() async throws {
            try await withTestApp(territories: true) { app in
                app.clock = .fixed(FundFixture.today)
                try await Accounts.make(.territory, on: app)
                try await Accounts.make(.territory, email: "lyon@exemple.fr", on: app, territory: "TI-LYON")
                try await Accounts.make(.region, on: app, region: "94")
                try await Accounts.make(.region, email: "ara@exemple.fr", on: app, region: "84")

                let territory = Browser(app)
                _ = try await territory.signIn("territory@exemple.fr", Accounts.password)
                #expect(try await territory.get("/territoires/TI-AJACCIO/plan/nouvelle").status == .ok)
                // A refused form keeps what was typed and says what is wrong.
                var bad = Self.form
                bad["titre"] = String(repeating: "x", count: 201)
                bad["investissement"] = "1e99"
                let refused = try await territory.post("/territoires/TI-AJACCIO/plan/nouvelle", bad)
                #expect(refused.status == .badRequest)
                #expect(refused.text.contains("Le titre tient en 200 caractères."))
                #expect(refused.text.contains("value=\"1e99\""))
                #expect(try await ActionQueries.plan(TerritoryID("TI-AJACCIO")!, all: true, on: app.db).isEmpty)

                let created = try await territory.post("/territoires/TI-AJACCIO/plan/nouvelle", Self.form)
                #expect(created.status == .seeOther)
                let id = try Self.actionID(created)
                #expect(try await territory.get("/actions/\(id)").text.contains("À valider"))

                // Pending: not public, not in the API.
                let anonymous = Browser(app)
                #expect(try await anonymous.get("/actions/\(id)").status == .notFound)
                #expect(!(try await anonymous.get("/territoires/TI-AJACCIO/plan").text.contains("École de production")))
                #expect(try await anonymous.get("/api/v1/actions").text.contains("\"count\":0"))

                // Another territory cannot write this plan; another région cannot review it.
                let lyon = Browser(app)
                _ = try await lyon.signIn("lyon@exemple.fr", Accounts.password)
                #expect(try await lyon.post("/actions/\(id)/modifier", Self.form).status == .notFound)
                #expect(try await lyon.post("/territoires/TI-AJACCIO/plan/nouvelle", Self.form).status == .notFound)
                let ara = Browser(app)
                _ = try await ara.signIn("ara@exemple.fr", Accounts.password)
                #expect(try await ara.post("/actions/\(id)/validation", ["decision": "valider"]).status == .notFound)

                // The Région sends it back (a reason is required), the territory edits, the Région validates.
                let region = Browser(app)
                _ = try await region.signIn("region@exemple.fr", Accounts.password)
                let noReason = try await region.post("/actions/\(id)/validation", ["decision": "renvoyer"])
                #expect(noReason.status == .badRequest)
                #expect(noReason.text.contains("Indiquez le motif du renvoi."))
                #expect(
                    try await region.post("/actions/\(id)/validation", ["decision": "renvoyer", "motif": "Chiffrez le fonctionnement."])
                        .status == .seeOther)
                #expect(try await territory.get("/actions/\(id)").text.contains("Chiffrez le fonctionnement."))
                var edited = Self.form
                edited["statut"] = "en_cours"
                #expect(try await territory.post("/actions/\(id)/modifier", edited).status == .seeOther)
                #expect(try await region.post("/actions/\(id)/validation", ["decision": "valider"]).status == .seeOther)

                // Validated: public on the plan, the national list, its page and the API; the review stays internal.
                let page = try await anonymous.get("/actions/\(id)")
                #expect(page.status == .ok)
                #expect(page.text.contains("École de production &lt;métallerie&gt;"))
                #expect(!page.text.contains("Historique"))
                #expect(try await anonymous.get("/territoires/TI-AJACCIO/plan").text.contains("FA-1 — École de production"))
                #expect(try await anonymous.get("/plans?region=94&axe=recruter").text.contains("FA-1 — École de production"))
                #expect(!(try await anonymous.get("/plans?region=84").text.contains("FA-1 — École de production")))
                let api = try await anonymous.get("/api/v1/actions?theme=competences")
                #expect(api.text.contains("\"count\":1"))
                #expect(api.text.contains("\"planned_investment_eur\":1250000"))
                #expect(api.text.contains("\"status\":\"en_cours\""))
                // Its history: created, sent back with the reason, modified, validated.
                let history = try await ActionQueries.history(UUID(uuidString: id)!, on: app.db)
                #expect(history.map(\.event) == ["creation", "renvoi", "modification", "validation"])
                #expect(history[1].reason == "Chiffrez le fonctionnement.")
            }
        }

        /// A plan at a past date is the plan as it was then, from the history: an action edited since
        /// shows as it was, and the public saw it only while it was validated.
        @Test func aPlanAtAPastDateIsThePlanAsItWas() async throws {
            try await withTestApp(territories: true) { app in
                app.clock = .fixed(try CivilDate(parsing: "2021-09-24"))
                let territory = try await Accounts.make(.territory, on: app)
                let region = try await Accounts.make(.region, on: app, region: "94")
                func at(_ day: String, _ user: TIPersistence.User) throws -> AuditLog.Actor {
                    AuditLog.Actor(id: user.id!.uuidString, role: user.role.rawValue, at: try CivilDate(parsing: day).noonInParis)
                }
                let ti = TerritoryID("TI-AJACCIO")!
                var content = ActionContent(
                    reference: "FA-1", title: "Première version", axis: .attract, themes: [.land], carrierType: .publicBody, status: .idea,
                    statusOn: try CivilDate(parsing: "2021-01-10"), specific: true)
                let id = try await ActionService.save(
                    content, id: nil, territory: ti, by: try at("2021-01-10", territory), principal: territory.principal,
                    today: try CivilDate(parsing: "2021-01-10"), on: app.db)
                try await ActionService.review(
                    id, validate: true, reason: nil, regions: ["94"], by: try at("2021-02-01", region), principal: region.principal,
                    on: app.db)
                content.title = "Seconde version"
                try await ActionService.save(
                    content, id: id, territory: ti, by: try at("2021-06-01", territory), principal: territory.principal,
                    today: try CivilDate(parsing: "2021-06-01"), on: app.db)

                let visitor = Browser(app)
                #expect(!(try await visitor.get("/territoires/TI-AJACCIO/plan?as_of=2021-01-31").text.contains("version")))
                let february = try await visitor.get("/territoires/TI-AJACCIO/plan?as_of=2021-03-01").text
                #expect(february.contains("FA-1 — Première version") && february.contains("Plan au 1er mars 2021"))
                #expect(!(try await visitor.get("/territoires/TI-AJACCIO/plan?as_of=2021-07-01").text.contains("version")))
                let staff = Browser(app)
                _ = try await staff.signIn("territory@exemple.fr", Accounts.password)
                let june = try await staff.get("/territoires/TI-AJACCIO/plan?as_of=2021-07-01").text
                #expect(june.contains("FA-1 — Seconde version") && !june.contains("Ajouter une action"))
                #expect(try await visitor.get("/territoires/TI-AJACCIO/plan?as_of=2021-02-30").status == .badRequest)
            }
        }

        @Test func filtersRefuseUnknownValues() async throws {
            try await withTestApp(territories: true) { app in
                let b = Browser(app)
                let empty = try await b.get("/plans")
                #expect(empty.status == .ok)
                #expect(empty.text.contains("Aucune action ne correspond à ces critères."))
                #expect(try await b.get("/plans?axe=conquerir").status == .badRequest)
                #expect(try await b.get("/plans?region=99").status == .badRequest)
                #expect(try await b.get("/plans?page=99999999999").status == .badRequest)
                #expect(try await b.get("/api/v1/actions?statut=fini").status == .badRequest)
                #expect(try await b.get("/territoires/TI-INCONNU/plan").status == .notFound)
            }
        }

        @Test func importIsAllOrNothingIdempotentAndReadsItsExportBack() async throws {
            try await withTestApp(territories: true) { app in
                let user = try await Accounts.make(.territory, on: app)
                let actor = AuditLog.Actor(id: user.id!.uuidString, role: "territory", at: FundFixture.now)
                let ti = TerritoryID("TI-AJACCIO")!
                func run(_ text: String) async throws -> ActionService.ImportSummary {
                    try await ActionService.importPlan(
                        text, territory: ti, by: actor, principal: user.principal, today: FundFixture.today, on: app.db)
                }
                let header = "reference;titre;axe;thematiques;type_porteur;statut;date_statut;specifique;investissement_prevu_eur\n"
                let good =
                    header + """
                        FA-1;Friche des Salines;attirer;foncier|transition_ecologique;public;en_cours;2020-06-01;oui;4 000 000
                        FA-2;Campus des métiers;recruter;competences;mixte;idee;2021-01-10;non;
                        FA-3;Guichet unique;simplifier;autre;public;realisee;2020-11-30;oui;15000,50
                        """
                let bad = good.replacingOccurrences(of: "FA-3;Guichet unique;simplifier", with: "FA-3;Guichet unique;simplifie")
                let rejected = await #expect(throws: ImportRejected.self) { try await run(bad) }
                #expect(rejected?.issues.map(\.line) == [4])
                #expect(try await ActionQueries.plan(ti, all: true, on: app.db).isEmpty)

                #expect(try await run(good) == .init(created: 3, updated: 0, unchanged: 0))
                #expect(try await run(good) == .init(created: 0, updated: 0, unchanged: 3))
                // The export, imported again, changes nothing; a changed line changes one action.
                let export = try await Browser(app).get("/territoires/TI-AJACCIO/plan.csv")
                #expect(export.status == .ok)
                #expect(export.text.isEmpty == false)
                let exported = ActionPlanCSV.export(try await ActionQueries.plan(ti, all: true, on: app.db).map(\.content))
                #expect(try await run(exported) == .init(created: 0, updated: 0, unchanged: 3))
                #expect(
                    try await run(good.replacingOccurrences(of: "Campus des métiers", with: "Campus des métiers industriels"))
                        == .init(
                            created: 0, updated: 1, unchanged: 2))
                // Public export: nothing validated yet, so only the header.
                #expect(export.text.split(separator: "\n").count == 1)
            }
        }
    }
}

extension AppTests {
    /// Issue 12: the partners' commitments. An admin records one (refused values kept and said);
    /// /financement counts it from its own date on; the fund's line is never typed in.
    @Suite("Financing")
    struct FinancingTests {
        @Test func anAdminRecordsACommitmentCountedFromItsDate() async throws {
            try await withTestApp(territories: true) { app in
                app.clock = .fixed(FundFixture.today)
                try await Accounts.make(.admin, on: app)
                try await Accounts.make(.region, on: app)
                let admin = Browser(app)
                _ = try await admin.signIn("admin@exemple.fr", Accounts.password)
                let form = ["instrument": "ademe-transition", "date": "2021-02-01", "montant": "1 500 000", "region": "94"]
                var bad = form
                bad["montant"] = "-5"
                bad["quantite"] = "3"
                let refused = try await admin.post("/financement/engagements", bad)
                #expect(refused.status == .badRequest)
                #expect(refused.text.contains("Le montant est positif, au plus 10 milliards d’euros."))
                #expect(refused.text.contains("indiquez un montant, pas une quantité"))
                #expect(refused.text.contains("value=\"-5\""))
                var fund = form
                fund["instrument"] = "fonds-acceleration"
                #expect(try await admin.post("/financement/engagements", fund).text.contains("il ne se saisit pas"))
                #expect(try await admin.post("/financement/engagements", form).status == .created)

                let visitor = Browser(app)
                #expect(try await visitor.get("/financement?as_of=2021-02-01").text.contains("1,5 M€"))
                #expect(!(try await visitor.get("/financement?as_of=2021-01-31").text.contains("1,5 M€")))
                #expect(try await visitor.get("/api/v1/commitments?partner=ademe").text.contains("\"amount_eur\":1500000"))
                #expect(try await visitor.get("/financement?as_of=2021-13-01").status == .badRequest)
                // Only admins record commitments.
                let region = Browser(app)
                _ = try await region.signIn("region@exemple.fr", Accounts.password)
                #expect(try await region.post("/financement/engagements", form).status == .forbidden)
            }
        }

        /// An operator enters its own organisation's commitments only: on the page, through the API
        /// and by file; the page lists its own and offers only its instruments.
        @Test func anOperatorRecordsItsOwnCommitmentsOnly() async throws {
            try await withTestApp(territories: true) { app in
                app.clock = .fixed(FundFixture.today)
                let operatorAccount = try await Accounts.make(.partner, on: app)
                #expect(operatorAccount.scope.partner == "ademe")
                let ademe = Browser(app)
                _ = try await ademe.signIn("partner@exemple.fr", Accounts.password)
                let page = try await ademe.get("/financement/engagements")
                #expect(page.status == .ok)
                #expect(page.text.contains("value=\"ademe-transition\""))
                #expect(!page.text.contains("value=\"bdt-ingenierie\""))
                let own = ["instrument": "ademe-transition", "date": "2021-03-01", "montant": "250 000"]
                #expect(try await ademe.post("/financement/engagements", own).status == .created)
                var other = own
                other["instrument"] = "bdt-ingenierie"
                let refused = try await ademe.post("/financement/engagements", other)
                #expect(refused.status == .badRequest)
                #expect(refused.text.contains("n’est pas celui de votre organisation"))
                // Through the API, with a token: created (201), another partner's refused (400), the same reference twice a conflict.
                let api = Browser(app)
                api.bearer = try await APITokens.create(for: operatorAccount, on: app)
                func postJSON(_ json: String) async throws -> TestingHTTPResponse {
                    var headers = HTTPHeaders()
                    headers.bearerAuthorization = .init(token: api.bearer!)
                    headers.contentType = .json
                    return try await app.testing().sendRequest(
                        .POST, "/api/v1/commitments", headers: headers, body: ByteBuffer(string: json))
                }
                let created = try await postJSON(
                    #"{"instrument":"ademe-transition","on":"2021-03-02","amount_eur":1000000,"reference":"ADEME-2021-7"}"#)
                #expect(created.status == .created)
                #expect(created.text.contains("\"reference\":\"ADEME-2021-7\""))
                let again = try await postJSON(
                    #"{"instrument":"ademe-transition","on":"2021-03-02","amount_eur":1000000,"reference":"ADEME-2021-7"}"#)
                #expect(again.status == .conflict)
                let notOurs = try await postJSON(#"{"instrument":"bdt-ingenierie","on":"2021-03-02","amount_eur":5}"#)
                // Valid for the API's schema, refused by the rules: 422 (a malformed date is a 400).
                #expect(notOurs.status == .unprocessableEntity)
                #expect(notOurs.text.contains("n’est pas celui de votre organisation"))
                let badDate = try await postJSON(#"{"instrument":"ademe-transition","on":"2021-02-30","amount_eur":5}"#)
                #expect(badDate.status == .badRequest)
                // What the operator's page lists: its own two, nobody else's.
                try await Accounts.make(.admin, on: app)
                let admin = Browser(app)
                _ = try await admin.signIn("admin@exemple.fr", Accounts.password)
                #expect(
                    try await admin.post(
                        "/financement/engagements", ["instrument": "apec-ateliers", "date": "2021-03-01", "quantite": "4"]
                    ).status
                        == .created)
                #expect(try await ademe.get("/financement/engagements").text.contains("2 engagements saisis"))
                #expect(try await admin.get("/financement/engagements").text.contains("3 engagements saisis"))
                // Other roles: no page.
                try await Accounts.make(.viewer, on: app)
                let viewer = Browser(app)
                _ = try await viewer.signIn("viewer@exemple.fr", Accounts.password)
                #expect(try await viewer.get("/financement/engagements").status == .forbidden)
            }
        }

        /// Admins add the partners and instruments the report does not name; their commitments count at once.
        @Test func anAdminAddsAPartnerAndAnInstrument() async throws {
            try await withTestApp(territories: true) { app in
                app.clock = .fixed(FundFixture.today)
                try await Accounts.make(.admin, on: app)
                try await Accounts.make(.partner, on: app)
                let admin = Browser(app)
                _ = try await admin.signIn("admin@exemple.fr", Accounts.password)
                let badCode = try await admin.post(
                    "/financement/partenaires", ["code": "Fondation <X>", "nom": "Fondation X", "genre": "operateur"])
                #expect(badCode.status == .badRequest && badCode.text.contains("lettres minuscules sans accent"))
                #expect(badCode.text.contains("value=\"Fondation &lt;X&gt;\""))
                let added = try await admin.post(
                    "/financement/partenaires", ["code": "fondation-x", "nom": "Fondation X", "genre": "operateur"])
                #expect(added.status == .created && added.text.contains("Partenaire « Fondation X » ajouté."))
                #expect(
                    try await admin.post("/financement/partenaires", ["code": "fondation-x", "nom": "Autre", "genre": "operateur"]).text
                        .contains("Le partenaire « fondation-x » existe déjà."))
                let instrument = try await admin.post(
                    "/financement/instruments",
                    [
                        "code": "fondation-x-bourses", "nom": "Bourses d’apprentissage", "partenaire": "fondation-x",
                        "unite": "personnes_formees",
                    ])
                #expect(instrument.status == .created && instrument.text.contains("value=\"fondation-x-bourses\""))
                #expect(
                    try await admin.post(
                        "/financement/engagements", ["instrument": "fondation-x-bourses", "date": "2021-03-01", "quantite": "12"]
                    ).status == .created)
                #expect(try await Browser(app).get("/financement").text.contains("12 personnes formées"))
                let ademe = Browser(app)
                _ = try await ademe.signIn("partner@exemple.fr", Accounts.password)
                #expect(
                    try await ademe.post(
                        "/financement/instruments", ["code": "ademe-autre", "nom": "Autre", "partenaire": "ademe", "unite": "euros"]
                    ).status == .forbidden)
            }
        }

        /// A commitment may finance an action of a plan: recorded from the action's page link, listed on it.
        @Test func aCommitmentFinancesAnAction() async throws {
            try await withTestApp(territories: true) { app in
                app.clock = .fixed(FundFixture.today)
                let territoryUser = try await Accounts.make(.territory, on: app)
                try await Accounts.make(.partner, on: app)
                let content = ActionContent(
                    reference: "FA-9", title: "Décarbonation de la zone portuaire", axis: .innovate, themes: [.ecological],
                    carrierType: .publicBody, status: .inProgress, statusOn: FundFixture.today, specific: true)
                let id = try await ActionService.save(
                    content, id: nil, territory: TerritoryID("TI-AJACCIO")!, by: .system(at: FundFixture.now),
                    principal: territoryUser.principal, today: FundFixture.today, on: app.db)
                let ademe = Browser(app)
                _ = try await ademe.signIn("partner@exemple.fr", Accounts.password)
                #expect(try await ademe.get("/actions/\(id)").status == .notFound)  // pending: not public, not the partner's
                let prefilled = try await ademe.get("/financement/engagements?action=\(id)")
                #expect(prefilled.text.contains("value=\"\(id.uuidString)\""))
                let form = ["instrument": "ademe-transition", "date": "2021-03-01", "montant": "400 000", "action": id.uuidString]
                var unknown = form
                unknown["action"] = UUID().uuidString
                let refused = try await ademe.post("/financement/engagements", unknown)
                #expect(refused.status == .badRequest && refused.text.contains("Aucune action de plan ne porte l’identifiant"))
                #expect(try await ademe.post("/financement/engagements", form).status == .created)
                let territory = Browser(app)
                _ = try await territory.signIn("territory@exemple.fr", Accounts.password)
                let page = try await territory.get("/actions/\(id)").text
                #expect(page.contains("Financements des partenaires") && page.contains("Études et subventions de décarbonation"))
                #expect(page.range(of: "400.000", options: .regularExpression) != nil)
            }
        }

        /// A partner's yearly file: refused whole with problems by line; imported; imported again
        /// unchanged; a changed amount updates that commitment only.
        @Test func aPartnersFileIsAllOrNothingAndIdempotent() async throws {
            try await withTestApp(territories: true) { app in
                app.clock = .fixed(FundFixture.today)
                let user = try await Accounts.make(.partner, on: app)
                let actor = AuditLog.Actor.system(at: FundFixture.now)
                func importing(_ text: String) async throws -> ActionService.ImportSummary {
                    try await FinancingService.importFile(text, by: actor, principal: user.principal, today: FundFixture.today, on: app.db)
                }
                let header = "reference;instrument;date;region;montant_eur;quantite\n"
                let good = header + "A-1;ademe-transition;2021-01-10;84;120000;\nA-2;ademe-transition;2021-02-10;;80000,50;\n"
                let bad =
                    good + "A-3;bdt-ingenierie;2021-02-10;;5;\nA-4;ademe-transition;2021-02-10;99;5;\nA-5;ademe-transition;2021-02-10;;;\n"
                let rejected = try await #require(throws: ImportRejected.self) { try await importing(bad) }
                #expect(rejected.issues.map(\.line) == [4, 5, 6])
                #expect(rejected.issues[0].message.contains("n’est pas celui de votre organisation"))
                #expect(rejected.issues[1].message.contains("La région « 99 » n’existe pas"))
                #expect(rejected.issues[2].message.contains("indiquez le montant"))
                #expect(try await CommitmentRecord.query(on: app.db).count() == 0)
                #expect(try await importing(good) == .init(created: 2))
                #expect(try await importing(good) == .init(unchanged: 2))
                let changed = good.replacingOccurrences(of: "80000,50", with: "90000")
                #expect(try await importing(changed) == .init(updated: 1, unchanged: 1))
                let figures = try await FinancingQueries.figures(asOf: FundFixture.today, fund: (.zero, .zero), on: app.db)
                #expect(figures.lines.first { $0.instrument == "ademe-transition" }?.amount == EuroCents(euros: 210_000))
                #expect(try await CommitmentRecord.query(on: app.db).count() == 2)
                // What the export writes, the import reads back unchanged.
                let stored = try await CommitmentRecord.query(on: app.db).all().compactMap(\.content)
                #expect(try await importing(CommitmentCSV.export(stored)) == .init(unchanged: 2))
            }
        }
    }
}

extension AppTests {
    /// Issue 12: turnkey sites. An admin records one (refused values kept and said); it is in the
    /// catalogue from its wave's date on, in the CSV, the GeoJSON, the API and on the map.
    @Suite("Turnkey sites")
    struct SiteTests {
        @Test func anAdminRecordsASiteShownFromItsWave() async throws {
            try await withTestApp(territories: true) { app in
                app.clock = .fixed(try CivilDate(parsing: "2021-10-01"))
                try await Accounts.make(.admin, on: app)
                let admin = Browser(app)
                _ = try await admin.signIn("admin@exemple.fr", Accounts.password)
                let form = [
                    "nom": "Parc <Ajaccio> du Vazzio", "commune": "2A004", "surface": "12,5", "disponible": "8",
                    "procedures[]": "urbanisme",
                    "vague": "2021-09",
                ]
                var bad = form
                bad["disponible"] = "20"
                let refused = try await admin.post("/admin/sites", bad)
                #expect(refused.status == .badRequest)
                #expect(refused.text.contains("La surface disponible est comprise entre 0 et la surface du site."))
                #expect(refused.text.contains("value=\"Parc &lt;Ajaccio&gt; du Vazzio\""))
                var unknown = form
                unknown["commune"] = "99999"
                let nowhere = try await admin.post("/admin/sites", unknown)
                #expect(nowhere.status == .badRequest)
                #expect(nowhere.text.contains("Aucune commune ne porte le code INSEE 99999."))
                let created = try await admin.post("/admin/sites", form)
                #expect(created.status == .seeOther)

                let visitor = Browser(app)
                let catalogue = try await visitor.get("/sites")
                #expect(catalogue.text.contains("Parc &lt;Ajaccio&gt; du Vazzio"))
                #expect(catalogue.text.contains("12,5 ha (8 ha)"))
                #expect(!(try await visitor.get("/sites?as_of=2021-09-22").text.contains("Vazzio")))
                #expect(!(try await visitor.get("/sites?procedures=toutes").text.contains("Vazzio")))
                #expect(try await visitor.get("/sites.csv").text.contains("2A004"))
                #expect(try await visitor.get("/sites.geojson").text.contains("\"surface_m2\":125000"))
                #expect(try await visitor.get("/api/v1/sites?region=94").text.contains("\"territory_id\":\"TI-AJACCIO\""))
                #expect(try await visitor.get("/sites?vague=2030").status == .badRequest)
                #expect(try await visitor.get("/sites?as_of=2021-02-30").status == .badRequest)
                #expect(try await visitor.get("/sites/00000000-0000-0000-0000-000000000000").status == .notFound)

                // The admin edits it from its page: its values in the form, a wrong laureate refused, the change shown.
                let siteID = try #require(created.headers.first(name: .location)?.split(separator: "/").last.map(String.init))
                #expect(try await admin.get("/sites/\(siteID)").text.contains("href=\"/admin/sites/\(siteID)\""))
                #expect(!(try await visitor.get("/sites/\(siteID)").text.contains("/admin/sites/")))
                let edit = try await admin.get("/admin/sites/\(siteID)").text
                #expect(edit.contains("value=\"Parc &lt;Ajaccio&gt; du Vazzio\"") && edit.contains("value=\"12,5\""))
                var changed = form
                changed["disponible"] = "3"
                changed["laureat"] = "FA-0000"
                let wrongLaureate = try await admin.post("/admin/sites/\(siteID)", changed)
                #expect(wrongLaureate.status == .badRequest)
                #expect(wrongLaureate.text.contains("Aucun lauréat du fonds ne porte la référence « FA-0000 »."))
                changed["laureat"] = ""
                #expect(try await admin.post("/admin/sites/\(siteID)", changed).status == .seeOther)
                #expect(try await visitor.get("/sites").text.contains("12,5 ha (3 ha)"))
                #expect(try await visitor.get("/api/v1/sites?region=94").text.components(separatedBy: "\"id\"").count == 2)
                #expect(try await visitor.get("/admin/sites/\(siteID)").status != .ok)
            }
        }
    }
}

extension AppTests {
    /// Issue 12: inspiring projects, written by a territory or its Région, published by an admin.
    @Suite("Inspiring projects")
    struct InspiringProjectTests {
        @Test func publishedAfterAnAdminsReview() async throws {
            try await withTestApp(territories: true) { app in
                let territory = try await Accounts.make(.territory, on: app)
                let corse = try await Accounts.make(.region, email: "corse@exemple.fr", on: app, region: "94")
                let ara = try await Accounts.make(.region, email: "ara@exemple.fr", on: app, region: "84")
                try await Accounts.make(.admin, on: app)
                let content = InspiringProjectContent(
                    title: "Un atelier <partagé> au Vazzio", summary: "Trois PME partagent une ligne d’usinage.", axis: .innovate,
                    territory: TerritoryID("TI-AJACCIO")!)
                let actor = AuditLog.Actor(id: nil, role: "territory", at: FundFixture.now)
                let id = try await InspiringProjects.create(
                    content, regions: ["94"], image: nil, by: actor, principal: territory.principal, on: app.db)
                try await InspiringProjects.create(content, regions: ["94"], image: nil, by: actor, principal: corse.principal, on: app.db)
                let outside = await #expect(throws: FundError.self) {
                    try await InspiringProjects.create(
                        content, regions: ["94"], image: nil, by: actor, principal: ara.principal, on: app.db)
                }
                #expect(outside?.kind == .forbidden)

                let visitor = Browser(app)
                #expect(try await visitor.get("/projets-inspirants/\(id)").status == .notFound)
                #expect(!(try await visitor.get("/projets-inspirants").text.contains("Vazzio")))
                let admin = Browser(app)
                _ = try await admin.signIn("admin@exemple.fr", Accounts.password)
                #expect(try await admin.get("/projets-inspirants").text.contains("À relire"))
                let refused = try await admin.post("/projets-inspirants/\(id)/relecture", ["decision": "renvoyer"])
                #expect(refused.status == .badRequest && refused.text.contains("Indiquez le motif du renvoi."))
                #expect(try await admin.post("/projets-inspirants/\(id)/relecture", ["decision": "publier"]).status == .seeOther)
                let page = try await visitor.get("/projets-inspirants/\(id)")
                #expect(page.status == .ok && page.text.contains("Un atelier &lt;partagé&gt; au Vazzio"))
                #expect(try await visitor.get("/projets-inspirants").text.contains("Un atelier &lt;partagé&gt; au Vazzio"))
                #expect(try await visitor.get("/projets-inspirants/\(id)/image").status == .notFound)

                // Returned, the territory changes it and sends it again: it waits for a new review.
                #expect(
                    try await admin.post("/projets-inspirants/\(id)/relecture", ["decision": "renvoyer", "motif": "Ajoutez les emplois."])
                        .status == .seeOther)
                let own = Browser(app)
                _ = try await own.signIn("territory@exemple.fr", Accounts.password)
                #expect(try await own.get("/projets-inspirants/\(id)").text.contains("Modifier et proposer à nouveau"))
                let edit = try await own.get("/projets-inspirants/\(id)/modifier")
                #expect(edit.status == .ok && edit.text.contains("value=\"Un atelier &lt;partagé&gt; au Vazzio\""))
                let fields = [
                    "titre": "Un atelier partagé au Vazzio : 12 emplois", "territoire": "TI-AJACCIO", "axe": "innover",
                    "texte": "Trois PME partagent une ligne d’usinage ; 12 emplois créés.",
                ]
                var empty = fields
                empty["titre"] = ""
                let refusedEdit = try await own.post("/projets-inspirants/\(id)/modifier", empty)
                #expect(
                    refusedEdit.status == .badRequest && refusedEdit.text.contains("Trois PME partagent une ligne d’usinage ; 12 emplois"))
                var noSuchAction = fields
                noSuchAction["action"] = "FA-404"
                let refusedAction = try await own.post("/projets-inspirants/\(id)/modifier", noSuchAction)
                #expect(
                    refusedAction.status == .badRequest
                        && refusedAction.text.contains("Le plan de ce territoire n’a pas d’action « FA-404 »."))
                let site = try await SiteService.save(
                    SiteContent(
                        name: "Parc du Vazzio", commune: InseeCode("2A004")!, surface: 120_000, available: 80_000, planningCleared: true,
                        archaeologyCleared: false, environmentCleared: false, wave: .edition2021),
                    by: .system(at: FundFixture.now), principal: Principal(userID: "a", role: .admin, scope: .national), on: app.db)
                var onSite = fields
                onSite["site"] = site.uuidString
                #expect(try await own.post("/projets-inspirants/\(id)/modifier", onSite).status == .seeOther)
                #expect(try await visitor.get("/projets-inspirants/\(id)").status == .notFound)  // pending again
                let reviewed = try await admin.get("/projets-inspirants/\(id)").text
                #expect(reviewed.contains("12 emplois") && reviewed.contains("href=\"/sites/\(site.uuidString)\">Parc du Vazzio</a>"))
                let other = Browser(app)
                _ = try await other.signIn("ara@exemple.fr", Accounts.password)
                #expect(try await other.get("/projets-inspirants/\(id)/modifier").status == .notFound)
            }
        }
    }
}
