import FluentKit
import FluentSQL

/// A transaction for writes that move money. On PostgreSQL, an ordinary transaction (row locks
/// taken by the conditional updates serialise concurrent commitments). On SQLite, `BEGIN IMMEDIATE`
/// takes the write lock first, so two writers queue instead of failing on a stale snapshot.
public enum MoneyTransaction {
    public static func run<T: Sendable>(on database: any Database, _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            return try await database.transaction(body)
        }
        return try await database.withConnection { connection in
            let raw = connection as! any SQLDatabase
            try await raw.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await body(connection)
                try await raw.raw("COMMIT").run()
                return result
            } catch {
                try? await raw.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}
