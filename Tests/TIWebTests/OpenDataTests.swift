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
                        "subventions", "dispositifs", "laureats", "territoires", "sites", "actions",
                    ])

                let page = try await browser.get("/donnees")
                #expect(page.text.contains("Licence Ouverte") && page.text.contains("/donnees/subventions.csv"))
            }
        }
    }
}
