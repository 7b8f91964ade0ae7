import FluentSQL
import Foundation
import TIDomain
import TIPersistence
import Testing
import VaporTesting

@testable import TIWeb

extension AppTests {
    @Suite("Backup and restore")
    struct BackupTests {
        /// A database with the fund's journey in it, backed up, restored into a new database of the
        /// same engine, and compared table by table, every row of every table.
        @Test func aBackupRestoresEveryTableExactly() async throws {
            let file = "/tmp/ti-backup-\(UUID().uuidString)"
            defer { for path in [file, DatabaseBackup.manifestPath(file)] { try? FileManager.default.removeItem(atPath: path) } }
            var original: [DatabaseInventory.Table] = []
            var target: String?
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                _ = try await f.application(to: .laureate)
                _ = try await f.application(to: .underReview)
                let manifest = try await DatabaseBackup.backup(app, to: file)
                #expect(manifest.tables.first { $0.name == "applications" }?.rows == 2)
                #expect(manifest.tables.first { $0.name == "audit_events" }?.digest != nil)
                // Written after the backup: not in it.
                try await AuditLog.record("essai.apres_sauvegarde", by: .system(at: FundFixture.now), object: "essai", id: "1", on: app.db)
                await #expect(throws: DatabaseBackup.Failure.self) { try await DatabaseBackup.backup(app, to: file) }  // never overwrites

                original = try await DatabaseInventory.take(on: app.db, digested: nil)
                if case .postgres(let url) = app.config.database {
                    let name = "ti_restore_\(UUID().uuidString.prefix(8).lowercased())"
                    try await (app.db as! any SQLDatabase).raw("CREATE DATABASE \(unsafeRaw: name)").run()
                    target = String(url[..<url.lastIndex(of: "/")!]) + "/" + name
                } else {
                    target = "sqlite:///tmp/ti-restore-\(UUID().uuidString).sqlite"
                }
            }
            defer {  // the restored SQLite file is the test's own; the PostgreSQL cluster is the suite's
                if let target, target.hasPrefix("sqlite://") {
                    let path = String(target.dropFirst("sqlite://".count))
                    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                }
            }
            let app = try await Application.make(.testing)
            app.logger.logLevel = .warning
            do {
                try await configure(
                    app,
                    config: AppConfig(
                        database: try AppConfig.databaseChoice(from: target!, workingDirectory: "/"), geoSourceDirectory: "/",
                        publicDirectory: "/nonexistent/"))
                let (manifest, restored) = try await DatabaseBackup.restore(app, from: file)
                #expect(DatabaseBackup.differences(manifest, restored).isEmpty)
                // The chain was sealed before the copy: every event in it is linked, up to the head the manifest recorded.
                #expect(restored.chain.problems.isEmpty && restored.chain.pending == 0)
                #expect(manifest.auditHead != nil && restored.chain.head == manifest.auditHead)
                let everything = try await DatabaseInventory.take(on: app.db, digested: nil)
                let before = Dictionary(uniqueKeysWithValues: original.map { ($0.name, $0) })
                for table in everything where !table.name.hasPrefix("audit_") {
                    #expect(before[table.name] == table, "\(table.name) differs after the round trip")
                }
                #expect(everything.first { $0.name == "applications" }?.rows == 2)
                let audit = try #require(everything.first { $0.name == "audit_events" })
                #expect(audit.rows == manifest.tables.first { $0.name == "audit_events" }?.rows)
                #expect(audit.rows == (before["audit_events"]?.rows ?? 0) - 1)  // the event written after the backup is not there
                #expect(restored.chain.chained == audit.rows)
                await #expect(throws: DatabaseBackup.Failure.self) { try await DatabaseBackup.restore(app, from: file) }  // not empty now
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            try await app.asyncShutdown()
        }
    }
}

extension AppTests.BackupTests {
    @Test func storedFilesAppearWholeUnderTheirKeyAndNothingElseIsLeft() async throws {
        let directory = "/tmp/ti-storage-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let storage = LocalFileStorage(directory: directory)
        let bytes = [UInt8](repeating: 7, count: 300_000)
        let key = try await storage.store(ByteBuffer(bytes: bytes))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == [key])  // no temporary file left
        #expect(Array(buffer: try await storage.read(key)) == bytes)
        try await storage.delete(key)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }
}

extension AppTests.BackupTests {
    /// A restore whose audit chain does not hold, or ends before the head the manifest recorded
    /// (the last events cut off), is refused with what is wrong.
    @Test func aBrokenOrCutAuditChainFailsTheRestore() {
        let tables = [DatabaseInventory.Table(name: "audit_events", rows: 3, digest: "abc")]
        let manifest = DatabaseBackup.Manifest(
            engine: "sqlite", createdAt: FundFixture.now, tables: tables, auditHead: "feedbeef" + String(repeating: "0", count: 56))
        let holds = AuditChain.Verification(chained: 3, pending: 0, head: manifest.auditHead, problems: [])
        #expect(DatabaseBackup.differences(manifest, .init(tables: tables, chain: holds)).isEmpty)
        var cut = holds
        cut.head = String(repeating: "1", count: 64)
        #expect(
            DatabaseBackup.differences(manifest, .init(tables: tables, chain: cut)) == [
                "journal d’audit : la chaîne ne finit pas par le maillon sauvegardé (feedbeef0000…)"
            ])
        var broken = holds
        broken.problems = ["maillon 2 : l’événement ou son empreinte a été modifié"]
        #expect(
            DatabaseBackup.differences(manifest, .init(tables: tables, chain: broken)) == [
                "journal d’audit : maillon 2 : l’événement ou son empreinte a été modifié"
            ])
    }
}
