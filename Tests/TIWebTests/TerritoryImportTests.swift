import Fluent
import Foundation
import TIDomain
import TIPersistence
import Testing
import VaporTesting

@testable import TIWeb

extension AppTests {
    @Suite("Territory and zoning imports")
    struct TerritoryImportTests {
        @Test func importsTerritoriesFromEpciAndCommuneRows() async throws {
            try await withTestApp(territories: true) { app in
                #expect(try await Territory.query(on: app.db).count() == 3)
                let ajaccio = try #require(try await Territory.find("TI-AJACCIO", on: app.db))
                #expect(ajaccio.projectLeadFundedByState)
                #expect(ajaccio.electedName == "Mme Maria Santini")
                #expect(ajaccio.labelDate == "2018-11-22")
                let lyonMembers = try await TerritoryEpci.query(on: app.db).filter(\.$territory.$id == "TI-LYON").all()
                #expect(lyonMembers.map(\.$epci.id) == ["200046977"])  // via arrondissement 69383 → Lyon → Métropole
                // The interregional TI spans Corse and Auvergne-Rhône-Alpes.
                let summaries = try await GeoQueries.territorySummaries(on: app.db)
                #expect(summaries.first { $0.id.rawValue == "TI-MIXTE" }?.regions == ["84", "94"])
                // Outlines computed for each TI.
                #expect(try await OutlineStore.shapes(.territory, detail: .coarse, on: app.db).count == 3)
            }
        }

        @Test func anInvalidFileImportsNothing() async throws {
            try await withTestApp { app in
                let csv = """
                    ti_id,ti_nom,epci_siren,code_insee
                    T-OK,Valide,242010056,
                    T-KO,Invalide,242010057,
                    T-ILE,Île,,29083
                    """
                await #expect(throws: ImportRejected.self) {
                    try await TerritoryImporter.run(csv: csv, on: app.db) { _ in }
                }
                do {
                    _ = try await TerritoryImporter.run(csv: csv, on: app.db) { _ in }
                } catch let rejected as ImportRejected {
                    #expect(rejected.issues.map(\.line) == [3, 4])
                    #expect(rejected.description.contains("rien n’a été importé"))
                }
                #expect(try await Territory.query(on: app.db).count() == 0)
            }
        }

        @Test func reimportReplacesMembersAndMovesEpci() async throws {
            try await withTestApp(territories: true) { app in
                let csv = "ti_id,ti_nom,epci_siren\nTI-NOUVEAU,Nouveau,242010056\n"
                let report = try await TerritoryImporter.run(csv: csv, on: app.db) { _ in }
                #expect(report.created == 1)
                let owner = try await TerritoryEpci.query(on: app.db).filter(\.$epci.$id == "242010056").all()
                #expect(owner.map(\.$territory.id) == ["TI-NOUVEAU"])
                #expect(try await Territory.query(on: app.db).count() == 4)
            }
        }

        @Test func zoningImportMakesCommunesFragile() async throws {
            try await withTestApp { app in
                _ = try await ZoningImporter.run(kind: .qpv, csv: "code_insee\n2A004\n13201\n", on: app.db) { _ in }
                try await app.testing().test(.GET, "/api/v1/communes/13201") { res in
                    #expect(res.status == .ok)
                    let body = try res.content.decode(CommuneResolution.self, using: snakeDecoder)
                    #expect(body.zonings == [.qpv])
                    #expect(body.fragile)
                    #expect(body.commune.code == "13055")
                }
                // A bad file changes nothing; a good one replaces the list.
                await #expect(throws: ImportRejected.self) {
                    try await ZoningImporter.run(kind: .qpv, csv: "code_insee\n2A004\n99999\n", on: app.db) { _ in }
                }
                #expect(try await CommuneZoning.query(on: app.db).count() == 2)
                _ = try await ZoningImporter.run(kind: .qpv, csv: "code_insee;nom\n2B033;Bastia\n", on: app.db) { _ in }
                let codes = try await CommuneZoning.query(on: app.db).all().map(\.$commune.id)
                #expect(codes == ["2B033"])
            }
        }
    }
}

let snakeDecoder: JSONDecoder = {
    let d = JSONDecoder()
    d.keyDecodingStrategy = .convertFromSnakeCase
    return d
}()
