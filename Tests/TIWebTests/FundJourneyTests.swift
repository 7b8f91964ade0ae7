import Fluent
import Foundation
import TIDomain
import TIPersistence
import Testing
import VaporTesting

@testable import TIWeb

extension AppTests {
    /// The whole journey through HTTP, each role with its own browser.
    @Suite("Fund journey over HTTP")
    struct FundJourneyTests {
        static func id(fromLocation response: TestingHTTPResponse) -> String? {
            response.headers.first(name: .location)?.split(separator: "/").dropFirst().first.map(String.init)
        }

        static func multipart(_ fields: [String: String], file: (name: String, filename: String, bytes: [UInt8])?) -> (String, ByteBuffer) {
            let boundary = "----ti\(UUID().uuidString.prefix(8))"
            var body = ByteBuffer()
            for (k, v) in fields {
                body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n")
            }
            if let file {
                body.writeString(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                )
                body.writeBytes(file.bytes)
                body.writeString("\r\n")
            }
            body.writeString("--\(boundary)--\r\n")
            return ("multipart/form-data; boundary=\(boundary)", body)
        }

        static func postMultipart(_ browser: Browser, _ path: String, _ fields: [String: String], file: (String, String, [UInt8])?)
            async throws -> TestingHTTPResponse
        {
            var all = fields
            all["_csrf"] = try await browser.csrfToken()
            let (type, body) = multipart(all, file: file.map { ($0.0, $0.1, $0.2) })
            var headers = HTTPHeaders()
            headers.add(name: .cookie, value: browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
            headers.replaceOrAdd(name: .contentType, value: type)
            return try await browser.app.testing().sendRequest(.POST, path, headers: headers, body: body)
        }

        @Test func fromCallToFollowUp() async throws {
            try await withTestApp(territories: true) { app in
                app.clock = .fixed(FundFixture.today)
                var browsers: [Role: Browser] = [:]
                for role in Role.allCases {
                    let user = try await Accounts.make(role, on: app, region: "94")
                    let b = Browser(app)
                    try await b.signIn(user.email, Accounts.password)
                    browsers[role] = b
                }
                let admin = browsers[.admin]!
                let applicant = browsers[.applicant]!
                let reviewer = browsers[.reviewer]!
                let prefecture = browsers[.prefecture]!
                let region = browsers[.region]!

                // Admin: a call and its Corsican envelopes.
                let created = try await admin.post(
                    "/admin/appels/nouveau",
                    [
                        "titre": "Appel de test", "description": "Un appel pour les projets industriels de Corse.",
                        "ouverture": "2020-09-01", "cloture": "2021-06-30", "porteurs[]": "company", "tailles[]": "pme",
                        "regions": "94", "investissement_minimum": "100 000", "demarrage": "12", "regime": "SA.56985-2022",
                    ])
                #expect(created.status == .created)
                let call = try #require(try await FundCall.query(on: app.db).first())
                let callID = call.id!.uuidString
                #expect(
                    try await admin.post(
                        "/admin/appels/\(callID)/enveloppes", ["region": "94", "financeur": "state", "montant": "1 000 000"]
                    ).status == .created)
                #expect(
                    try await admin.post(
                        "/admin/appels/\(callID)/enveloppes", ["region": "94", "financeur": "region", "montant": "500 000"]
                    ).status == .created)
                #expect(try await Browser(app).get("/fonds/appels/\(callID)").text.contains("1\u{202F}000\u{202F}000 €"))

                // Applicant: draft, incomplete submission, complete submission.
                let draft = try await applicant.post("/fonds/appels/\(callID)/candidater")
                #expect(draft.status == .seeOther)
                let id = try #require(Self.id(fromLocation: draft))
                let partial = try await applicant.post(
                    "/dossiers/\(id)/modifier", ["titre": "Ligne d’usinage", "intention": "enregistrer"])
                #expect(partial.text.contains("Brouillon enregistré"))
                let incomplete = try await applicant.post(
                    "/dossiers/\(id)/modifier", ["titre": "Ligne d’usinage", "intention": "deposer", "aide_demandee": "abc"])
                #expect(incomplete.status == .badRequest)
                #expect(incomplete.text.contains("Le montant « abc » est invalide"))
                var form: [String: String] = [
                    "raison_sociale": "Ateliers d’Ajaccio", "type_porteur": "company", "taille": "pme", "forme_juridique": "SAS",
                    "code_naf": "25.62B", "filiere": "mecanique", "commune": "2A004", "titre": "Ligne d’usinage",
                    "description": "Installation d’une ligne d’usinage de précision et formation de douze opérateurs.",
                    "investissement_equipement": "800 000", "investissement_immobilier": "200 000", "aide_demandee": "300 000",
                    "date_debut": "2022-09-01", "date_fin": "2023-06-30", "emplois_crees": "12", "emplois_maintenus": "40",
                    "enjeux[]": "relocation", "intention": "deposer",
                ]
                let saved = try await applicant.post("/dossiers/\(id)/modifier", form)
                #expect(saved.status == .seeOther && saved.headers.first(name: .location) == "/dossiers/\(id)/deposer")
                // The deposit page: the checks, then the sworn statement, required.
                let confirm = try await applicant.get("/dossiers/\(id)/deposer")
                #expect(confirm.text.contains("Investissement minimum") && confirm.text.contains("Plafond d’aides d’État"))
                #expect(confirm.text.contains("J’atteste sur l’honneur"))
                #expect(try await applicant.post("/dossiers/\(id)/deposer").status == .badRequest)
                let submitted = try await applicant.post("/dossiers/\(id)/deposer", ["attestation": "oui"])
                #expect(submitted.status == .seeOther)
                let show = try await applicant.get("/dossiers/\(id)?ok=depose")
                let year = 2021
                #expect(show.text.contains("FA-\(year)-94-00001") && show.text.contains("Dossier déposé"))
                #expect(show.text.contains("Territoire d’industrie : Pays ajaccien"))
                #expect(try await applicant.get("/dossiers/\(id)/accuse").text.contains("Accusé de dépôt"))
                #expect(try await applicant.get("/dossiers").text.contains("FA-\(year)-94-00001"))

                // A second draft, deleted after confirmation; a deposited file cannot be.
                let extra = try #require(Self.id(fromLocation: try await applicant.post("/fonds/appels/\(callID)/candidater")))
                #expect(try await applicant.post("/dossiers/\(extra)/supprimer").text.contains("Confirmer la suppression"))
                #expect(try await FundApplication.find(UUID(uuidString: extra), on: app.db) != nil)
                let deleted = try await applicant.post("/dossiers/\(extra)/supprimer", ["confirmer": "oui"])
                #expect(deleted.status == .seeOther && deleted.headers.first(name: .location) == "/dossiers?ok=supprime")
                #expect(try await FundApplication.find(UUID(uuidString: extra), on: app.db) == nil)
                #expect(try await applicant.post("/dossiers/\(id)/supprimer", ["confirmer": "oui"]).status == .conflict)

                // Reviewer: queue, take charge, ask for information.
                #expect(try await reviewer.get("/instruction").text.contains("FA-\(year)-94-00001"))
                #expect(try await reviewer.post("/dossiers/\(id)/actions/start_review").status == .seeOther)
                // Internal notes and the instructor in charge: staff only.
                #expect(
                    try await reviewer.post("/dossiers/\(id)/notes", ["notes": "Note interne : appeler le directeur financier."]).status
                        == .seeOther)
                let reviewerID = try #require(try await TIPersistenceUser.query(on: app.db).filter(\.$role == .reviewer).first()?.id)
                #expect(try await reviewer.post("/dossiers/\(id)/instructeur", ["instructeur": reviewerID.uuidString]).status == .seeOther)
                #expect(try await reviewer.post("/dossiers/\(id)/instructeur", ["instructeur": UUID().uuidString]).status == .badRequest)
                let staffView = try await prefecture.get("/dossiers/\(id)").text
                #expect(staffView.contains("Note interne : appeler") && staffView.contains("Instructeur en charge : Compte reviewer"))
                #expect(staffView.contains("Plafond d’aides d’État") && staffView.contains("non dérogeable"))
                for outsider in [applicant, browsers[.territory]!] {
                    let page = try await outsider.get("/dossiers/\(id)").text
                    #expect(!page.contains("Note interne") && !page.contains("Instructeur en charge"))
                }
                #expect(try await applicant.post("/dossiers/\(id)/notes", ["notes": "x"]).status == .forbidden)
                let asked = try await reviewer.post(
                    "/dossiers/\(id)/complements", ["motif_type": "incomplete", "message": "Joignez les devis des machines."])
                #expect(asked.status == .seeOther)
                let mails = await (app.mailer as! CapturingMailer).sent.map(\.body)
                #expect(mails.contains { $0.contains("Joignez les devis des machines.") })

                // Applicant: attachment, then resubmission.
                let pdf = Array("%PDF-1.4\n1 0 obj\n".utf8)
                let withFile = try await Self.postMultipart(
                    applicant, "/dossiers/\(id)/messages", ["message": "Voici les devis."], file: ("piece", "devis.pdf", pdf))
                #expect(withFile.status == .seeOther)
                let refused = try await Self.postMultipart(
                    applicant, "/dossiers/\(id)/messages", ["message": "Programme"], file: ("piece", "outil.exe", [0x4D, 0x5A]))
                #expect(refused.status == .unsupportedMediaType)
                #expect(refused.text.contains("Type de fichier refusé"))
                let attachment = try #require(try await Attachment.query(on: app.db).first())
                let download = try await reviewer.get("/dossiers/\(id)/pieces/\(attachment.id!.uuidString)")
                #expect(download.status == .ok && download.body.readableBytes == pdf.count)
                form["description"]! += " Devis joints."
                #expect(try await applicant.post("/dossiers/\(id)/modifier", form).status == .seeOther)
                #expect(try await applicant.post("/dossiers/\(id)/deposer", ["attestation": "oui"]).status == .seeOther)

                // Reviewer: review, complete, committee.
                let tooMuch = try await reviewer.post(
                    "/dossiers/\(id)/instruction",
                    [
                        "avis_technique": "Projet techniquement solide.", "avis_financier": "Structure financière saine.",
                        "investissement_eligible": "1 000 000", "aide_etat": "250 000", "aide_region": "100 000",
                    ])
                #expect(tooMuch.status == .badRequest && tooMuch.text.contains("dépasse l’aide demandée (300\u{202F}000 €)"))
                let badReview = try await reviewer.post(
                    "/dossiers/\(id)/instruction",
                    [
                        "avis_technique": "court", "avis_financier": "Structure financière saine.", "investissement_eligible": "1 000 000",
                        "aide_etat": "200 000", "aide_region": "100 000",
                    ])
                #expect(badReview.status == .badRequest)
                #expect(badReview.text.contains("Rédigez l’avis technique"))
                #expect(
                    try await reviewer.post(
                        "/dossiers/\(id)/instruction",
                        [
                            "avis_technique": "Projet techniquement solide.", "avis_financier": "Structure financière saine.",
                            "investissement_eligible": "1 000 000", "aide_etat": "200 000", "aide_region": "100 000",
                        ]
                    ).status == .seeOther)
                // The start date (Sept. 2022) is outside the 12-month window: an override is required.
                let blocked = try await reviewer.post("/dossiers/\(id)/actions/complete_review")
                #expect(blocked.status == .conflict)
                #expect(blocked.text.contains("Démarrage dans les 12 mois"))
                #expect(
                    try await reviewer.post(
                        "/dossiers/\(id)/instruction",
                        [
                            "avis_technique": "Projet techniquement solide.", "avis_financier": "Structure financière saine.",
                            "investissement_eligible": "1 000 000", "aide_etat": "200 000", "aide_region": "100 000",
                            "derogation_demarrage": "Démarrage anticipé confirmé par le porteur.",
                        ]
                    ).status == .seeOther)
                #expect(try await reviewer.post("/dossiers/\(id)/actions/complete_review").status == .seeOther)
                #expect(try await reviewer.post("/dossiers/\(id)/actions/send_to_committee").status == .seeOther)

                // Committee: the State from the committee page, the Région from the application page.
                let committee = try await prefecture.get("/comites/94")
                #expect(committee.text.contains("FA-\(year)-94-00001") && committee.text.contains("Ateliers d’Ajaccio"))
                let ticked = [
                    "avis_\(id.uppercased())": "favorable", "motivation_\(id.uppercased())": "Projet structurant pour la filière.",
                ]
                let nothing = try await prefecture.post("/comites/94", [:])
                #expect(nothing.status == .badRequest && nothing.text.contains("Aucune décision cochée"))
                let toConfirm = try await prefecture.post("/comites/94", ticked)
                #expect(toConfirm.text.contains("Vous allez enregistrer 1 décision"))
                #expect(try await FundApplication.find(UUID(uuidString: id), on: app.db)?.stateFavourable == nil)
                let batch = try await prefecture.post("/comites/94", ticked.merging(["confirmer": "oui"]) { a, _ in a })
                #expect(batch.status == .ok)
                #expect(batch.text.contains("en attente de l’autre partie"))
                let decided = try await region.post(
                    "/dossiers/\(id)/decision", ["avis": "favorable", "motivation": "Projet structurant pour la filière."])
                #expect(decided.status == .seeOther)
                let laureate = try #require(try await FundApplication.find(UUID(uuidString: id), on: app.db))
                #expect(laureate.state == .laureate && laureate.aidTotal == EuroCents(euros: 300_000))
                #expect(try await applicant.get("/dossiers/\(id)/courrier").text.contains("est lauréat"))

                // After the decision.
                #expect(
                    try await region.post("/dossiers/\(id)/convention", ["reference": "CONV-94-001", "date": "2021-04-01"]).status
                        == .seeOther)
                let overpaid = try await prefecture.post(
                    "/dossiers/\(id)/versements", ["financeur": "state", "montant": "250 000", "date": "2021-05-01"])
                #expect(overpaid.status == .conflict)
                #expect(overpaid.text.contains("au-delà de l’aide accordée"))
                #expect(
                    try await prefecture.post(
                        "/dossiers/\(id)/versements", ["financeur": "state", "montant": "100 000", "date": "2021-05-01"]
                    ).status == .seeOther)
                #expect(
                    try await applicant.post("/dossiers/\(id)/suivi", ["date": "2023-12-31", "emplois": "9", "investissement": "950 000"])
                        .status == .seeOther)
                // Ten times the planned jobs: confirmed first, kept as typed, then flagged to staff.
                let unusual = ["date": "2024-12-31", "emplois": "120", "investissement": "950 000"]
                let unusualAsked = try await applicant.post("/dossiers/\(id)/suivi", unusual)
                #expect(
                    unusualAsked.status == .badRequest
                        && unusualAsked.text.contains("Au-delà du prévu : 120 emplois créés déclarés pour 12 prévus"))
                #expect(unusualAsked.text.contains("value=\"120\"") && unusualAsked.text.contains("Je confirme ces chiffres"))
                #expect(
                    try await applicant.post("/dossiers/\(id)/suivi", unusual.merging(["confirme": "oui"]) { a, _ in a }).status
                        == .seeOther)
                #expect(try await prefecture.get("/dossiers/\(id)").text.contains("À vérifier"))
                let final = try await admin.get("/dossiers/\(id)")
                #expect(final.text.contains("Versements en cours") && final.text.contains("CONV-94-001"))

                // Exports and envelopes.
                let csv = try await reviewer.get("/instruction.csv?etat=payments_in_progress")
                #expect(csv.text.contains("FA-\(year)-94-00001") && csv.text.split(separator: "\n").count == 2)
                #expect(try await reviewer.get("/instruction.csv?etat=rejected").text.split(separator: "\n").count == 1)
                #expect(try await admin.get("/fonds/enveloppes").text.contains("200\u{202F}000 €"))

                // Recovery after payment: a reason, never beyond what was paid, in the journal by reference.
                #expect(
                    try await prefecture.post("/dossiers/\(id)/reversement", ["montant": "10 000", "motif": "court"]).status == .badRequest)
                #expect(
                    try await prefecture.post(
                        "/dossiers/\(id)/reversement", ["montant": "150 000", "motif": "Site fermé avant la fin du programme."]
                    ).status == .conflict)
                #expect(
                    try await region.post(
                        "/dossiers/\(id)/reversement",
                        ["financeur": "state", "montant": "1 000", "motif": "Site fermé avant la fin du programme."]
                    ).status == .forbidden)
                #expect(
                    try await prefecture.post(
                        "/dossiers/\(id)/reversement", ["montant": "10 000", "motif": "Site fermé avant la fin du programme."]
                    ).status == .seeOther)
                #expect(try await admin.get("/fonds/enveloppes").text.contains("190\u{202F}000 €"))
                let journal = try await admin.get("/admin/journal?action=reversement").text
                #expect(journal.contains("Site fermé avant la fin du programme.") && journal.contains("FA-\(year)-94-00001"))
                #expect(!journal.lowercased().contains("dossier " + id.lowercased()))
                #expect(try await admin.get("/admin/journal?action=ouverture").text.contains("session.ouverture"))
                // Every change after the deposit: the content edit (before → after), the message, the attachment.
                let changes = try await admin.get("/admin/journal?objet=dossier&action=dossier.").text
                #expect(changes.contains("dossier.modification") && changes.contains("Devis joints."))
                #expect(changes.contains("Voici les devis.") && changes.contains("devis.pdf"))

                // An account's scope, edited after creation.
                let reviewerAccount = try #require(try await TIPersistenceUser.query(on: app.db).filter(\.$role == .reviewer).first())
                #expect(try await admin.get("/admin/utilisateurs/\(reviewerAccount.id!.uuidString)").text.contains("Modifier le compte"))
                let badScope = try await admin.post(
                    "/admin/utilisateurs/\(reviewerAccount.id!.uuidString)", ["name": "Chargée d’affaires", "regions": "99"])
                #expect(badScope.status == .badRequest && badScope.text.contains("La région « 99 » n’existe pas"))
                #expect(
                    try await admin.post(
                        "/admin/utilisateurs/\(reviewerAccount.id!.uuidString)", ["name": "Chargée d’affaires", "regions": "94, 84"]
                    ).status == .ok)
                #expect(try await TIPersistenceUser.find(reviewerAccount.id, on: app.db)?.regions == "94,84")
            }
        }

        @Test func scopesHideOtherRegionsOrganisationsAndTerritories() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                let a = try await f.application(to: .underReview)
                let id = a.id!.uuidString
                func browser(
                    _ role: Role, email: String, region: String = "94", territory: String = "TI-AJACCIO", organisation: String = "552100554"
                ) async throws -> Browser {
                    let user = try await Accounts.make(
                        role, email: email, on: app, region: region, territory: territory, organisation: organisation)
                    let b = Browser(app)
                    try await b.signIn(user.email, Accounts.password)
                    return b
                }
                #expect(try await browser(.reviewer, email: "r84@exemple.fr", region: "84").get("/dossiers/\(id)").status == .notFound)
                #expect(
                    try await browser(.applicant, email: "autre@exemple.fr", organisation: "200000172").get("/dossiers/\(id)").status
                        == .notFound)
                #expect(
                    try await browser(.territory, email: "lyon@exemple.fr", territory: "TI-LYON").get("/dossiers/\(id)").status == .notFound
                )
                let ti = try await browser(.territory, email: "ajaccio@exemple.fr")
                let visible = try await ti.get("/dossiers/\(id)")
                #expect(visible.status == .ok)
                #expect(!visible.text.contains("Contrôles d’éligibilité"))  // no review content for the territory
                #expect(try await ti.post("/dossiers/\(id)/messages", ["message": "Bonjour"]).status == .forbidden)
                #expect(try await browser(.viewer, email: "v@exemple.fr").get("/dossiers/\(id)").status == .forbidden)
                let queue = try await browser(.prefecture, email: "p84@exemple.fr", region: "84").get("/instruction")
                #expect(!queue.text.contains(a.reference!))
                #expect(try await browser(.region, email: "reg84@exemple.fr", region: "84").get("/comites/94").status == .notFound)
            }
        }

        /// A région with more files in committee than a page shows: the figures count them all,
        /// the cards come 50 at a time, and a decision ticked on page 2 is saved from page 2's
        /// own form (followed from the page's links, as a person would), which then shows page 2 again.
        @Test func aLargeCommitteeIsShownAndDecidedPageByPage() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                var ids: [UUID] = []
                for _ in 0..<53 { ids.append(try await f.application(to: .inCommittee, proposal: (20_000, 10_000)).id!) }
                let prefecture = Browser(app)
                try await prefecture.signIn(f.users[.prefecture]!.email, Accounts.password)
                let first = try await prefecture.get("/comites/94")
                #expect(first.status == .ok)
                #expect(first.text.contains("Dossiers en comité (53, page 1 sur 2)"))
                #expect(first.text.contains(">1,6 M€<") && first.text.contains(">636<"))  // 53 × 30 000 €, 53 × 12 jobs: every file
                #expect(first.text.components(separatedBy: "ti-committee-card").count - 1 == 50)
                let next = try #require(first.text.firstMatch(of: /href="(\/comites\/94\?page=2)"/)?.1)
                let second = try await prefecture.get(String(next))
                #expect(second.text.components(separatedBy: "ti-committee-card").count - 1 == 3)
                let action = try #require(second.text.firstMatch(of: /<form method="post" action="(\/comites\/[^"]+)"/)?.1)
                #expect(action == "/comites/94?page=2")
                let onSecond = try #require(ids.first { second.text.contains("avis_\($0.uuidString)") })
                #expect(!first.text.contains(onSecond.uuidString))
                let ticked = ["avis_\(onSecond.uuidString)": "favorable", "motivation_\(onSecond.uuidString)": "Projet mûr."]
                let confirm = try await prefecture.post(String(action), ticked)
                #expect(confirm.text.contains("Vous allez enregistrer 1 décision"))
                #expect(confirm.text.contains(#"action="/comites/94?page=2""#))
                let saved = try await prefecture.post(String(action), ticked.merging(["confirmer": "oui"]) { a, _ in a })
                #expect(saved.status == .ok && saved.text.contains("en attente de l’autre partie"))
                #expect(saved.text.contains("page 2 sur 2"))
                #expect(try await FundApplication.find(onSecond, on: app.db)?.stateFavourable == true)
                // Past the last page: said, with the way back; not a number: the first page; 0: refused.
                let past = try await prefecture.get("/comites/94?page=9")
                #expect(past.status == .ok && past.text.contains("Cette page est vide") && past.text.contains("page=2"))
                #expect(try await prefecture.get("/comites/94?page=abc").text.contains("page 1 sur 2"))
                #expect(try await prefecture.get("/comites/94?page=0").status == .badRequest)
            }
        }

        @Test func apiDecisionsAndEnvelopeRefusals() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app, stateEnvelope: 250_000, regionEnvelope: 1_000_000)
                let first = try await f.application(to: .inCommittee, proposal: (200_000, 100_000))
                let second = try await f.application(to: .inCommittee, proposal: (100_000, 100_000))
                func token(_ role: Role) async throws -> Browser {
                    let user = f.users[role]!
                    let secret = "ti_api_\(role.rawValue)"
                    try await APIToken(userID: user.id!, name: "api", tokenHash: Secret.hash(secret), prefix: "ti_api", expires: 4e9)
                        .create(on: app.db)
                    let b = Browser(app)
                    b.bearer = secret
                    return b
                }
                let prefecture = try await token(.prefecture)
                let region = try await token(.region)
                func decide(_ b: Browser, _ a: FundApplication, _ body: String) async throws -> TestingHTTPResponse {
                    var headers = HTTPHeaders()
                    headers.bearerAuthorization = .init(token: b.bearer!)
                    headers.contentType = .json
                    return try await app.testing().sendRequest(
                        .POST, "/api/v1/applications/\(a.id!.uuidString)/decisions", headers: headers, body: ByteBuffer(string: body))
                }
                let yes = #"{"favourable": true, "motivation": "Projet mûr et structurant."}"#
                #expect(try await decide(prefecture, first, yes).status == .ok)
                let laureate = try await decide(region, first, yes)
                #expect(laureate.status == .ok && laureate.text.contains("\"state\":\"laureate\""))
                #expect(try await decide(prefecture, second, yes).status == .ok)
                let short = try await decide(region, second, yes)
                #expect(short.status == .conflict)
                let error = try JSONDecoder().decode(ErrorBody.self, from: short.body)
                #expect(error.error.code == "enveloppe_insuffisante" && error.error.message.contains("manque 50\u{202F}000 €"))
                #expect(try await decide(region, second, #"{"motivation": "x"}"#).status == .badRequest)
                #expect(try await decide(region, second, "pas du json").status == .badRequest)
                let list = try await region.get("/api/v1/applications?etat=laureate")
                #expect(list.status == .ok && list.text.contains("\"count\":1") && list.text.contains("\"review\""))
                let calls = try await Browser(app).get("/api/v1/calls")
                #expect(calls.text.contains("\"ceiling_cents\":180000000"))
                let envelopes = try await region.get("/api/v1/envelopes")
                #expect(envelopes.text.contains("\"committed_cents\":20000000"))
                #expect(try await region.get("/api/v1/applications/pas-un-uuid").status == .badRequest)
                #expect(try await region.get("/api/v1/applications/\(UUID().uuidString)").status == .notFound)
            }
        }
    }
}
