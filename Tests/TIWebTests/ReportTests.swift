import Fluent
import Foundation
import TIDomain
import TIPersistence
import Testing
import VaporTesting

@testable import TIWeb

extension AppTests.PublishedFiguresTests {
    /// The figures the seed report (003) prints on its key-figures pages, financing table, surveys
    /// and regional annex, as the regenerated report prints them (plain spaces).
    static let reportFigures: [String] = [
        // The programme in brief, the « usine à projets », the fund's key figures.
        "1 416", "5,4 Md€", "69 %", "27 255", "573,4 M€", "1 803", "4 Md€", "55 %", "31 %", "14 %", "84 %", "47 %", "1 142", "3,8 M€",
        // Financing.
        "1,37 Md€", "569 M€", "145 M€", "287 M€", "162 M€", "426 M€", "143 M€", "38 coach", "1 716", "676", "377",
        // The surveys.
        "87", "76 %", "142", "72 %", "88 %", "94 %", "92 %", "74 %",
    ]

    static func plain(_ s: String) -> String {
        s.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    /// The report at 24 Sept. 2021 through the API and as a PDF, then a published edition that a
    /// later data change leaves as it was. Runs on the demo data of `everyPublishedFigure`.
    static func checkReport(_ app: Application, api: Browser) async throws {
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try await api.get("/api/v1/report?as_of=2021-09-24").body.readableBytesView))
                as? [String: Any])
        let figures = try #require(json["figures"] as? [[String: Any]])
        let texts = Set(figures.compactMap { ($0["text"] as? String).map(plain) })
        for f in ["1 416", "27 255", "76 %", "72 %", "94 %", "74 %"] { #expect(texts.contains(f), "API: \(f)") }
        #expect(
            figures.contains {
                $0["indicator"] as? String == "laureates.share_sme_midcap" && ($0["note"] as? String).map(plain)?.contains("1 142") == true
            })

        // The PDF holds every published figure, and each région's row of the annex.
        try #require(PDFPrinter.executable != nil, "Chromium absent : scripts/test l’installe")
        let pdf = try await api.get("/rapport.pdf?as_of=2021-09-24")
        #expect(pdf.status == .ok)
        let text = plain(try #require(await ReportPDF.pageTexts(Data(pdf.body.readableBytesView)), "pdftotext absent").joined())
        for f in reportFigures { #expect(text.contains(f), "PDF: \(f)") }
        for row in table {
            #expect(
                text.contains(FrenchNumber.decimal(row.investment, digits: 1).replacingOccurrences(of: "\u{202F}", with: " ") + " M€"),
                "annexe \(row.code)")
            #expect(text.contains(plain(FrenchNumber.grouped(row.jobs))), "annexe \(row.code) emplois")
        }

        // A published edition is frozen.
        try await Accounts.make(.admin, email: "editrice@exemple.fr", on: app)
        let admin = Browser(app)
        _ = try await admin.signIn("editrice@exemple.fr", Accounts.password)
        let created = try await admin.post("/admin/rapport", ["titre": "Point d’étape 2021", "as_of": "2021-09-24"])
        let edit = try #require(created.headers.first(name: .location))
        _ = try await admin.post(edit, ["titre": "Point d’étape 2021", "texte_avant-propos": "Trois ans après son lancement."])
        _ = try await admin.post(edit + "/publier")
        let id = String(edit.dropFirst("/admin/rapport/".count))
        let before = try await Browser(app).get("/rapport/editions/\(id)").body.string
        #expect(before.contains("Trois ans après son lancement."))
        #expect(plain(before).contains("27 255"))

        // The data change: MECALAC plans 1 000 more jobs.
        let mecalac = try #require(try await FundApplication.query(on: app.db).filter(\.$carrierName == "MECALAC").first())
        try await app.db.writeTransaction { db in
            mecalac.jobsCreated = (mecalac.jobsCreated ?? 0) + 1_000
            try await mecalac.save(on: db)
            try await WriteTransaction.bumpDataVersion(on: db)
        }
        try await Task.sleep(for: .seconds(1))
        let live = try await api.get("/api/v1/report?as_of=2021-09-24").body.string
        #expect(plain(live).contains("28 255"))
        let after = plain(try await Browser(app).get("/rapport/editions/\(id)").body.string)
        #expect(after.contains("27 255") && after.contains("28 255"))  // frozen, and the change listed
        #expect(after.contains("depuis la publication"))
        let frozenPDF = try await Browser(app).get("/rapport/editions/\(id)/pdf")
        let frozenText = plain(try #require(await ReportPDF.pageTexts(Data(frozenPDF.body.readableBytesView))).joined())
        #expect(frozenText.contains("27 255") && !frozenText.contains("28 255"))
        #expect(frozenText.contains("Trois ans après son lancement."))
        // A published edition's text no longer changes.
        #expect(try await admin.post(edit, ["titre": "Autre"]).status == .conflict)
    }
}
