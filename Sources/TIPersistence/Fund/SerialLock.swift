import FluentKit
import FluentSQL
import Foundation

/// A lock held until the end of the current transaction, for checks that read several rows
/// before writing (the State-aid ceiling of one undertaking). PostgreSQL: a transaction-level
/// advisory lock on the key's hash. SQLite: nothing to do, `BEGIN IMMEDIATE` already serialises
/// every writer.
public enum SerialLock {
    public static func acquire(_ key: String, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name != "sqlite" else { return }
        try await sql.raw("SELECT pg_advisory_xact_lock(hashtext(\(bind: key)))").run()
    }
}
