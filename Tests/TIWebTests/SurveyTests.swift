import Foundation
import TIDomain
import TIPersistence
import Testing
import VaporTesting

@testable import TIWeb

extension AppTests {
    /// A campaign end to end over HTTP: the admin creates it with the form, sends it (mail with a
    /// personal link), the respondent saves, comes back, submits; results and anonymity rules.
    @Suite("Surveys")
    struct SurveyTests {
        static let questionnaire = """
            ## Gouvernance
            ? Votre binôme se réunit-il ? [oui/non] *
            = Oui : des binômes se réunissent
            ? Combien de fois par an ? [nombre]
            si 1 = Oui
            ? Un commentaire ? [texte]
            """

        static func link(in body: String) -> String? {
            body.split(separator: "\n").first { $0.contains("/enquete/") }.map { line in
                String(line[line.range(of: "/enquete/")!.lowerBound...]).trimmingCharacters(in: .whitespaces)
            }
        }

        @Test func aCampaignFromCreationToResults() async throws {
            try await withTestApp(territories: true) { app in
                app.clock = .fixed(FundFixture.today)
                let admin = Browser(app)
                try await Accounts.make(.admin, on: app)
                _ = try await admin.signIn("admin@exemple.fr", Accounts.password)
                for i in 0..<6 {
                    try await Accounts.make(.territory, email: "ti\(i)@exemple.fr", on: app, territory: "TI-AJACCIO")
                }

                // A malformed questionnaire is refused, what was typed is kept.
                let refused = try await admin.post(
                    "/admin/enquetes",
                    ["titre": "Bilan", "questionnaire": "? Sans type", "population": "territories", "cloture": "2099-01-01"])
                #expect(refused.status == .badRequest)
                #expect(refused.body.string.contains("indiquez le type de la question"))
                #expect(refused.body.string.contains("? Sans type"))

                let created = try await admin.post(
                    "/admin/enquetes",
                    [
                        "titre": "Bilan des binômes", "introduction": "Votre avis.", "questionnaire": Self.questionnaire,
                        "population": "territories", "cloture": "2099-01-01",
                    ])
                #expect(created.status == .seeOther)
                let page = try #require(created.headers.first(name: .location))
                let id = String(page.dropFirst("/enquetes/".count))

                let sent = try await admin.post("/admin/enquetes/\(id)/envoi")
                #expect(sent.headers.first(name: .location) == "\(page)?envoyees=6")
                let mails = await (app.mailer as! CapturingMailer).sent
                #expect(mails.count == 6)
                let path = try #require(Self.link(in: mails[0].body))

                // The respondent, without an account: saves a draft, comes back, then submits.
                let respondent = Browser(app)
                #expect(try await respondent.get(path).body.string.contains("Votre binôme se réunit-il"))
                let saved = try await respondent.post(path, ["q_q1": "Oui", "q_q2": "4", "action": "enregistrer"])
                #expect(saved.status == .ok)
                #expect(saved.body.string.contains("Vos réponses sont enregistrées"))
                #expect(try await respondent.get(path).body.string.contains("value=\"4\""))
                // Submitting without the required answer is refused, the typed answer kept.
                // (Question 2 is asked only after a « Oui » to question 1: alone, it is dropped.)
                let incomplete = try await respondent.post(path, ["q_q2": "4", "action": "envoyer"])
                #expect(incomplete.status == .badRequest)
                #expect(incomplete.body.string.contains("Cette question est obligatoire"))
                let bad = try await respondent.post(path, ["q_q1": "Oui", "q_q2": "beaucoup", "action": "envoyer"])
                #expect(bad.status == .badRequest)
                #expect(bad.body.string.contains("beaucoup"))
                let done = try await respondent.post(path, ["q_q1": "Oui", "q_q2": "4", "q_q3": "Très utile", "action": "envoyer"])
                #expect(done.body.string.contains("Merci, votre réponse est enregistrée"))
                #expect(try await respondent.post(path, ["q_q1": "Non", "action": "envoyer"]).status == .conflict)
                #expect(try await Browser(app).get("/enquete/inconnu").status == .notFound)

                // One response: the admin sees the rate; a Région sees nothing under 5 respondents.
                let results = try await admin.get(page).body.string
                #expect(results.contains(FrenchNumber.percent(1.0 / 6)))
                try await Accounts.make(.region, on: app, region: "94")
                let region = Browser(app)
                _ = try await region.signIn("region@exemple.fr", Accounts.password)
                #expect(try await region.get(page).body.string.contains("Résultats non affichés"))
                #expect(try await region.get("\(page)/reponses.csv").status == .notFound)

                // Five more answers: results and the key figure; free text for the admin only.
                for mail in mails.dropFirst().prefix(5) {
                    let p = try #require(Self.link(in: mail.body))
                    _ = try await Browser(app).post(p, ["q_q1": "Non", "q_q2": "7", "action": "envoyer"])
                }
                let full = try await admin.get(page).body.string
                #expect(full.contains("des binômes se réunissent"))
                #expect(full.contains("Très utile"))
                let regional = try await region.get(page).body.string
                #expect(!regional.contains("Très utile"))
                let csv = try await region.get("\(page)/reponses.csv").body.string
                #expect(csv.hasPrefix("repondant;region;q1;q2"))
                #expect(!csv.contains("Très utile"))

                // Reminders: none left to remind.
                _ = try await admin.post("/admin/enquetes/\(id)/relance")
                #expect(await (app.mailer as! CapturingMailer).sent.count == 6)
            }
        }
    }
}
