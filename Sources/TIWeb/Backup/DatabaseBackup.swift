import FluentSQL
import Foundation
import TIPersistence
import Vapor

/// `ti backup` and `ti restore`: a consistent copy of the database taken while the servers
/// write, and its restoration into an empty database, checked table by table.
///
/// - SQLite: `VACUUM INTO` writes a consistent snapshot of the live file (readers and writers go
///   on); the inventory is then taken from the copy itself.
/// - PostgreSQL: a `REPEATABLE READ` transaction exports its snapshot; the inventory is taken in
///   it and `pg_dump --snapshot` dumps exactly that state (custom format).
///
/// Next to the backup, `FILE.manifest.json` records the engine, the instant, every table's row
/// count with the audit log's digest, and the audit chain's head (pending events are linked just
/// before the copy). `restore` refuses a database that has tables, restores, then compares the
/// restored database with the manifest, recomputes the audit chain, and says every difference.
enum DatabaseBackup {
    struct Manifest: Codable, Equatable {
        var engine: String
        var createdAt: Date
        var tables: [DatabaseInventory.Table]
        /// The audit chain's last hash in the backup (nil when the log is empty or for a manifest
        /// written before the chain existed).
        var auditHead: String?
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static func manifestPath(_ file: String) -> String { file + ".manifest.json" }

    // MARK: Backup

    @discardableResult
    static func backup(_ app: Application, to file: String) async throws -> Manifest {
        guard !FileManager.default.fileExists(atPath: file) else {
            throw Failure("« \(file) » existe déjà : choisissez un autre nom, une sauvegarde n’en écrase jamais une autre.")
        }
        let manifest: Manifest
        switch app.config.database {
        case .sqlite:
            try await AuditChain.seal(on: app.db)
            try await (app.db as! any SQLDatabase).raw("VACUUM INTO \(bind: file)").run()
            let (tables, head) = try await inventory(ofSQLiteFile: file, app)
            manifest = Manifest(engine: "sqlite", createdAt: app.clock.now, tables: tables, auditHead: head)
        case .sqliteInMemory:
            throw Failure("une base SQLite en mémoire ne se sauvegarde pas.")
        case .postgres(let url):
            try await AuditChain.seal(on: app.db)
            manifest = try await app.db.transaction { db in
                let sql = db as! any SQLDatabase
                try await sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").run()
                let snapshot = try await sql.raw("SELECT pg_export_snapshot() AS s").first()?.decode(column: "s", as: String.self) ?? ""
                let tables = try await DatabaseInventory.take(on: db)
                try await run(
                    "pg_dump", ["--format=custom", "--no-owner", "--snapshot=\(snapshot)", "--file=\(file)", "--dbname=\(url)"])
                return Manifest(
                    engine: "postgresql", createdAt: app.clock.now, tables: tables, auditHead: try await AuditChain.head(on: db))
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(manifest).write(to: URL(fileURLWithPath: manifestPath(file)), options: .atomic)
        return manifest
    }

    /// The inventory of a SQLite file and its audit chain's head, read through a second, temporary database id.
    static func inventory(ofSQLiteFile file: String, _ app: Application) async throws -> ([DatabaseInventory.Table], String?) {
        let id = DatabaseID(string: "backup-\(UUID().uuidString)")
        app.databases.use(.sqlite(.file(file)), as: id, isDefault: false)
        defer { app.databases.reinitialize(id) }
        guard let db = app.databases.database(id, logger: app.logger, on: app.eventLoopGroup.next()) else {
            throw Failure("la copie « \(file) » ne s’ouvre pas.")
        }
        return (try await DatabaseInventory.take(on: db), try await AuditChain.head(on: db))
    }

    // MARK: Restore

    /// What a restored database holds: its tables and its audit chain, recomputed.
    struct Restored {
        var tables: [DatabaseInventory.Table]
        var chain: AuditChain.Verification
    }

    /// Restores `file` into the configured database, which must have no table, then checks it.
    static func restore(_ app: Application, from file: String) async throws -> (Manifest, Restored) {
        guard let data = FileManager.default.contents(atPath: manifestPath(file)) else {
            throw Failure("manifeste « \(manifestPath(file)) » introuvable : il accompagne chaque sauvegarde de ti backup.")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let manifest = try decoder.decode(Manifest.self, from: data)
        let existing = try await DatabaseInventory.tableNames(on: app.db)
        guard existing.isEmpty else {
            throw Failure(
                "la base cible n’est pas vide (\(existing.count) table(s), dont \(existing.prefix(3).joined(separator: ", "))) : restaurez dans une base neuve."
            )
        }
        switch (app.config.database, manifest.engine) {
        case (.sqlite(let path), "sqlite"):
            try await restoreSQLite(app, path: path, from: file)
        case (.postgres(let url), "postgresql"):
            try await run("pg_restore", ["--no-owner", "--exit-on-error", "--dbname=\(url)", file])
        default:
            throw Failure(
                "sauvegarde \(manifest.engine), base cible \(app.config.database.kind) : restaurez dans une base du même moteur.")
        }
        let restored = Restored(tables: try await DatabaseInventory.take(on: app.db), chain: try await AuditChain.verify(on: app.db))
        return (manifest, restored)
    }

    /// Puts the backup file in place of the (empty) live one: the connections are closed first,
    /// the next query opens the restored file.
    static func restoreSQLite(_ app: Application, path: String, from file: String) async throws {
        app.databases.reinitialize(.sqlite)
        let files = FileManager.default
        for suffix in ["", "-wal", "-shm"] where files.fileExists(atPath: path + suffix) { try files.removeItem(atPath: path + suffix) }
        try files.copyItem(atPath: file, toPath: path)
    }

    /// Lines that differ between the manifest and the restored database, then what breaks its audit
    /// chain; empty when they agree and the chain holds.
    static func differences(_ manifest: Manifest, _ restored: Restored) -> [String] {
        let after = Dictionary(uniqueKeysWithValues: restored.tables.map { ($0.name, $0) })
        var lines: [String] = []
        for table in manifest.tables {
            guard let now = after[table.name] else {
                lines.append("\(table.name) : table absente après restauration")
                continue
            }
            if now.rows != table.rows { lines.append("\(table.name) : \(table.rows) lignes sauvegardées, \(now.rows) restaurées") }
            if let digest = table.digest, now.digest != digest { lines.append("\(table.name) : contenu différent (empreinte)") }
        }
        for name in after.keys where !manifest.tables.contains(where: { $0.name == name }) {
            lines.append("\(name) : table en trop après restauration")
        }
        lines.sort()
        lines += restored.chain.problems.map { "journal d’audit : \($0)" }
        if let head = manifest.auditHead, restored.chain.head != head {
            lines.append("journal d’audit : la chaîne ne finit pas par le maillon sauvegardé (\(head.prefix(12))…)")
        }
        return lines
    }

    // MARK: Tools

    /// Runs a PostgreSQL client tool (`TI_PG_BIN` is its folder when it is not on the path).
    static func run(_ tool: String, _ arguments: [String]) async throws {
        let folder =
            Environment.get("TI_PG_BIN")
            ?? ["/usr/lib/postgresql/15/bin", "/usr/bin"].first {
                FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
            }
        guard let folder else { throw Failure("\(tool) introuvable : installez postgresql-client-15 ou indiquez TI_PG_BIN.") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "\(folder)/\(tool)")
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        guard status == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw Failure("\(tool) a échoué (\(status)) : \(message.prefix(2_000))")
        }
    }
}
