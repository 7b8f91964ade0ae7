import FluentKit
import FluentSQL
import Foundation

/// The transaction for every write made on behalf of a user. On PostgreSQL, an ordinary
/// transaction (row locks and `SerialLock` serialise what must be). On SQLite, `BEGIN IMMEDIATE`
/// takes the write lock first, so concurrent writers queue (the driver retries while the file is
/// busy) instead of failing with « database is locked » when a deferred transaction that has
/// read tries to write. A write transaction that can change a figure bumps the data version
/// (`data_version`) before it commits, so the figure caches of every server process see the change
/// at their next check; when it says which applications it changed (`touch`), they are recorded in
/// `data_changes` with that version so that caches reload only those. One that changes no figure
/// (`touchesNoFigure`: an action plan, a site, notes, tokens) still moves the version on, so that
/// what is kept per version (public pages) shows it, but records that no application changed
/// (`IndicatorDatasetLoader.noApplication`): the figure caches reload nothing. The declarations are rows of
/// the transaction itself (invisible to others until it commits), so they hold on both databases
/// whatever task runs the transaction's body.
public enum WriteTransaction {
    /// Records, inside the current write transaction, that it changed this application (its row,
    /// history, aid, follow-ups): caches then reload just that record. A write transaction that
    /// declares nothing makes caches reload everything.
    public static func touch(application id: UUID, on db: any Database) async throws {
        try await (db as! any SQLDatabase).insert(into: "data_changes").columns("version", "application_id")
            .values(SQLLiteral.numeric("-1"), SQLBind(id)).run()
    }

    /// Records, inside the current write transaction, that it changes no figure (an action plan, a
    /// site, tokens, passwords).
    public static func touchesNoFigure(on db: any Database) async throws {
        try await (db as! any SQLDatabase).insert(into: "data_changes").columns("version", "application_id")
            .values(SQLLiteral.numeric("-2"), SQLLiteral.null).run()
    }

    public static func run<T: Sendable>(on database: any Database, _ body: @escaping @Sendable (any Database) async throws -> T)
        async throws -> T
    {
        if database.inTransaction { return try await body(database) }
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            return try await database.transaction { db in
                let result = try await body(db)
                try await record(on: db)
                return result
            }
        }
        return try await database.withConnection { connection in
            let raw = connection as! any SQLDatabase
            try await raw.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await body(connection)
                try await record(on: connection)
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
    /// Marks the data as changed (inside the caller's transaction), all of it: caches reload everything.
    public static func bumpDataVersion(on database: any Database) async throws {
        _ = try await bump(on: database)
    }

    @discardableResult
    static func bump(on database: any Database) async throws -> Int64 {
        let sql = database as! any SQLDatabase
        let row = try await sql.raw("UPDATE data_version SET version = version + 1 WHERE id = 1 RETURNING version").first()
        return try row?.decode(column: "version", as: Int64.self) ?? 0
    }

    /// At commit: the declared changes (rows at version -1, « no figure » at -2) get the new version;
    /// a transaction that declared nothing gets a row saying « anything » (NULL).
    static func record(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        var touched = 0
        var noFigure = false
        for row in try await sql.raw("SELECT version FROM data_changes WHERE version < 0").all() {
            if try row.decode(column: "version", as: Int64.self) == -1 { touched += 1 } else { noFigure = true }
        }
        if noFigure { try await sql.raw("DELETE FROM data_changes WHERE version = -2").run() }
        let version = try await bump(on: database)
        if touched > 0 {
            try await sql.raw("UPDATE data_changes SET version = \(bind: version) WHERE version = -1").run()
        } else {
            let application: any SQLExpression = noFigure ? SQLBind(IndicatorDatasetLoader.noApplication) : SQLLiteral.null
            try await sql.insert(into: "data_changes").columns("version", "application_id").values(SQLBind(version), application).run()
        }
        // The cache only ever reads recent changes: older ones are dropped now and then.
        if version % 1_000 == 0 {
            try await sql.raw("DELETE FROM data_changes WHERE version >= 0 AND version < \(bind: version - 10_000)").run()
        }
    }
}

extension Database {
    /// `WriteTransaction.run` on this database.
    public func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await WriteTransaction.run(on: self, body)
    }
}
