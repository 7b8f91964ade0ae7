import Foundation
import TIDomain
import TIPersistence
import Testing
import VaporTesting

@testable import TIWeb

extension AppTests {
    @Suite("Open data: SCDL grants, dispositifs d'aide, DCAT catalogue")
    struct OpenDataTests {
        /// Rows of a comma-separated file (no field here holds a comma or a quote).
        static func rows(_ text: String) -> [[String]] {
            text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        }

        @Test func aTwoKeyLaureateGivesOneLinePerFunderAndNothingElseIsPublished() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                _ = try await f.application(to: .laureate)
                _ = try await f.application(to: .underReview)
                let browser = Browser(app)

                let all = try await browser.get("/donnees/subventions.csv")
                #expect(all.status == .ok && all.headers.contentType == Download.csv)
                #expect(all.headers.first(name: .contentDisposition)?.contains("subventions.csv") == true)
                let rows = Self.rows(all.text)
                #expect(rows.first == SCDLSubventions.header)
                #expect(rows.count == 3)
                let references = rows.dropFirst().map { $0[SCDLSubventions.header.firstIndex(of: "referenceDecision")!] }.sorted()
                #expect(references == ["FA-2021-94-00001-ETAT", "FA-2021-94-00001-REGION"])
                #expect(!all.text.contains("Installation d’une ligne"))  // the confidential description

                let state = try await browser.get("/donnees/subventions.csv?region=94&financeur=etat")
                #expect(Self.rows(state.text).count == 2 && state.text.contains("-ETAT") && !state.text.contains("-REGION"))
                #expect(state.headers.first(name: .contentDisposition)?.contains("subventions-94-etat.csv") == true)
                #expect(Self.rows(try await browser.get("/donnees/subventions.csv?region=84").text).count == 1)
            }
        }

        @Test("Unknown région or funder: a clear 400", arguments: ["region=99", "financeur=europe", "region=%3Cb%3E"])
        func badFilter(_ query: String) async throws {
            try await withTestApp { app in
                let response = try await Browser(app).get("/donnees/subventions.csv?" + query)
                #expect(response.status == .badRequest)
                #expect(!response.text.contains("<b>"))
            }
        }

        @Test func callsAndCatalogue() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                let browser = Browser(app)
                let schemes = try await browser.get("/donnees/dispositifs.csv").text
                #expect(schemes.hasPrefix(DispositifAide.header.joined(separator: ",") + "\n"))
                #expect(schemes.components(separatedBy: "\n" + f.call.id!.uuidString.lowercased() + ",").count == 2)

                let catalogue = try await browser.get("/donnees/catalog.jsonld")
                #expect(catalogue.headers.contentType?.subType == "ld+json")
                let json = try #require(try JSONSerialization.jsonObject(with: Data(catalogue.text.utf8)) as? [String: Any])
                let datasets = try #require(json["dcat:dataset"] as? [[String: Any]])
                #expect(
                    datasets.map { $0["dct:identifier"] as? String } == [
                        "subventions", "dispositifs", "laureats", "territoires", "sites", "zonages", "actions",
                    ])

                let page = try await browser.get("/donnees")
                #expect(page.text.contains("Licence Ouverte") && page.text.contains("/donnees/subventions.csv"))
            }
        }
    }
}

extension AppTests.OpenDataTests {
    static let scdlHeader =
        "nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire,objet,montant,nature\n"

    static func upload(_ browser: Browser, _ csv: String) async throws -> TestingHTTPResponse {
        try await AppTests.FundJourneyTests.postMultipart(
            browser, "/admin/cofinancements", [:], file: ("fichier", "subventions.csv", Array(csv.utf8)))
    }

    @Test func anAdminImportsARegionsPublishedGrantsOnceAndForAll() async throws {
        try await withTestApp(territories: true) { app in
            let f = try await FundFixture.make(app)
            let laureate = try await f.application(to: .laureate)
            _ = try await f.application(to: .underReview, content: FundFixture.content(siren: "356000000"))
            let admin = Browser(app)
            try await admin.signIn(f.users[.admin]!.email, Accounts.password)
            let page = try await admin.get("/admin/cofinancements")
            #expect(page.status == .ok && page.text.contains("Aucun cofinancement importé"))

            let file =
                Self.scdlHeader
                + "Collectivité de Corse,23009400500017,2021-06-01,CDC-2021-7 \(laureate.reference!),Ateliers d’Ajaccio,,Ligne,150000,aide en numéraire\n"
                + "Collectivité de Corse,23009400500017,2021-06-15,,Ateliers d’Ajaccio,55210055400013,Formation,20000.50,aide en numéraire\n"
            let first = try await Self.upload(admin, file)
            #expect(first.status == .ok && first.text.contains("2 cofinancements ajoutés"))
            #expect(first.text.contains("150\u{202F}000 €") && first.text.contains(laureate.reference!))
            #expect(try await Cofunding.query(on: app.db).count() == 2)

            let again = try await Self.upload(admin, file)
            #expect(again.text.contains("0 cofinancement ajouté") && again.text.contains("2 inchangés"))
            let corrected = try await Self.upload(admin, file.replacingOccurrences(of: "20000.50", with: "25000"))
            #expect(corrected.text.contains("1 modifié") && corrected.text.contains("25\u{202F}000 €"))
            #expect(try await Cofunding.query(on: app.db).count() == 2)
        }
    }

    @Test func aLineThatMatchesNoLaureateRefusesTheWholeFile() async throws {
        try await withTestApp(territories: true) { app in
            let f = try await FundFixture.make(app)
            let laureate = try await f.application(to: .laureate)
            let pending = try await f.application(to: .underReview, content: FundFixture.content(siren: "356000000"))
            let admin = Browser(app)
            try await admin.signIn(f.users[.admin]!.email, Accounts.password)
            let file =
                Self.scdlHeader
                + "Collectivité de Corse,23009400500017,2021-06-01,\(laureate.reference!),Ateliers,,Ligne,1000,aide en numéraire\n"
                + "Collectivité de Corse,23009400500017,2021-06-01,\(pending.reference!),Autre,,Ligne,1000,aide en numéraire\n"
                + "Collectivité de Corse,23009400500017,2021-06-01,FA-2030-94-99999,Autre,,Ligne,1000,aide en numéraire\n"
                + "Collectivité de Corse,23009400500017,2020-01-01,,Ateliers,55210055400013,Avant la décision,1000,aide en numéraire\n"
                + "Collectivité de Corse,23009400500017,2021-06-01,\(laureate.reference!)-B,Ateliers,35600000000056,SIRET d’une autre entreprise,1000,aide en numéraire\n"
            let response = try await Self.upload(admin, file)
            #expect(response.status == .badRequest && response.text.contains("rien n’a été importé"))
            #expect(response.text.contains("ligne 3 : le dossier \(pending.reference!) n’est pas lauréat"))
            #expect(response.text.contains("ligne 4 : aucun dossier du fonds ne porte la référence FA-2030-94-99999"))
            #expect(response.text.contains("ligne 5 : aucun dossier lauréat de l’entreprise SIREN 552100554"))
            #expect(response.text.contains("ligne 6 : le SIRET 35600000000056"))
            #expect(try await Cofunding.query(on: app.db).count() == 0)
        }
    }
}
