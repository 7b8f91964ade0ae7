import FluentKit
import FluentSQL

/// The transaction for every write made on behalf of a user. On PostgreSQL, an ordinary
/// transaction (row locks and `SerialLock` serialise what must be). On SQLite, `BEGIN IMMEDIATE`
/// takes the write lock first, so concurrent writers queue (the driver retries while the file is
/// busy) instead of failing with « database is locked » when a deferred transaction that has
/// read tries to write. Every write transaction bumps the data version (`data_version`) before it
/// commits, so the figure caches of every server process see the change at their next check.
public enum WriteTransaction {
    public static func run<T: Sendable>(on database: any Database, _ body: @escaping @Sendable (any Database) async throws -> T)
        async throws -> T
    {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            if database.inTransaction { return try await body(database) }
            return try await database.transaction { db in
                let result = try await body(db)
                try await bumpDataVersion(on: db)
                return result
            }
        }
        if database.inTransaction { return try await body(database) }
        return try await database.withConnection { connection in
            let raw = connection as! any SQLDatabase
            try await raw.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await body(connection)
                try await bumpDataVersion(on: connection)
                try await raw.raw("COMMIT").run()
                return result
            } catch {
                try? await raw.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}

extension WriteTransaction {
    /// Marks the data as changed (inside the caller's transaction).
    public static func bumpDataVersion(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("UPDATE data_version SET version = version + 1 WHERE id = 1").run()
    }
}

extension Database {
    /// `WriteTransaction.run` on this database.
    public func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await WriteTransaction.run(on: self, body)
    }
}

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
