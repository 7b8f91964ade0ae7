import Fluent
import Foundation
import TIPersistence
import Testing
import VaporTesting

@testable import TIWeb

extension AppTests {
    @Suite("Geography import")
    struct GeographyImportTests {
        @Test func migrationsRevertAndMigrateAgain() async throws {
            try await withTestApp(geo: false) { app in
                try await app.autoRevert()
                try await app.autoMigrate()
                #expect(try await Region.query(on: app.db).count() == 0)
            }
        }

        @Test func importsTheFixtureAndIsIdempotent() async throws {
            try await withTestApp { app in
                #expect(try await Region.query(on: app.db).count() == 18)
                #expect(try await Departement.query(on: app.db).count() == 101)
                #expect(try await Epci.query(on: app.db).count() == 6)
                #expect(try await Commune.query(on: app.db).count() == 25)
                // Arrondissements, sectors and delegated communes are aliases of their commune.
                let lyon3 = try #require(try await CommuneAlias.find("ARM:69383", on: app.db))
                #expect(lyon3.$commune.id == "69123")
                // Outlines for every level and both details.
                let departementOutlines = try await OutlineStore.shapes(.departement, detail: .coarse, on: app.db)
                #expect(Set(departementOutlines.keys).isSuperset(of: ["2A", "2B", "69", "75", "13", "01", "29"]))
                #expect(try await OutlineStore.shapes(.epci, detail: .fine, on: app.db).count == 6)
                #expect(try await OutlineStore.shapes(.region, detail: .fine, on: app.db)["94"] != nil)
                // Commune measures come from the geometry.
                let ajaccio = try #require(try await Commune.find("2A004", on: app.db))
                #expect((80...84).contains(ajaccio.areaKm2 ?? 0))
                #expect(abs((ajaccio.centroidLon ?? 0) - 8.7) < 0.2)

                let again = try await GeoImporter.run(source: GeoSource(directory: Fixtures.geo), on: app.db) { _ in }
                #expect(again.changes == 0)
                #expect(try await GeoImport.query(on: app.db).count() == 2)
            }
        }

        @Test func missingFilesAreReportedAndNothingIsWritten() async throws {
            try await withTestApp(geo: false) { app in
                let empty = FileManager.default.temporaryDirectory.appendingPathComponent("ti-empty-\(UUID())")
                try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: empty) }
                await #expect(throws: GeoImportError.self) {
                    try await GeoImporter.run(source: GeoSource(directory: empty), on: app.db) { _ in }
                }
                #expect(try await Region.query(on: app.db).count() == 0)
            }
        }

        @Test func aFailingImportLeavesNothingHalfWritten() async throws {
            try await withTestApp(geo: false) { app in
                // A copy of the fixture whose last commune points at an unknown département.
                let broken = FileManager.default.temporaryDirectory.appendingPathComponent("ti-broken-\(UUID())")
                try FileManager.default.copyItem(at: Fixtures.geo, to: broken)
                defer { try? FileManager.default.removeItem(at: broken) }
                let communes = broken.appendingPathComponent("communes.csv")
                var lines = try String(contentsOf: communes, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(
                    String.init)
                let index = lines.lastIndex { $0.contains(",COM,") }!
                var fields = lines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                fields[7] = "999"
                lines[index] = fields.joined(separator: ",")
                try lines.joined(separator: "\n").write(to: communes, atomically: true, encoding: .utf8)
                await #expect(throws: GeoImportError.self) {
                    try await GeoImporter.run(source: GeoSource(directory: broken), on: app.db) { _ in }
                }
                #expect(try await Region.query(on: app.db).count() == 0)
                #expect(try await Commune.query(on: app.db).count() == 0)
            }
        }
    }
}

@Suite("Commune names")
struct CommuneNameTests {
    @Test(
        "The INSEE article code is put back",
        arguments: [
            ("Port", "2", "Le Port"), ("Ferté Macé", "3", "La Ferté Macé"), ("Mureaux", "4", "Les Mureaux"),
            ("Isle-Adam", "5", "L’Isle-Adam"), ("Annecy", "1", "Annecy"), ("Marseille", "0", "Marseille"), ("Lyon", nil, "Lyon"),
        ])
    func article(name: String, code: String?, expected: String) {
        #expect(CommuneName.withArticle(name, typeNom: code) == expected)
    }
}
