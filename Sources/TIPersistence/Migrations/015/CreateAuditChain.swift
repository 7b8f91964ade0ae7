import FluentKit
import FluentSQL

/// The audit log's hash chain (`AuditChain`): `audit_chain`, append-only like the log, and
/// `audit_pending`, filled by a trigger on every new event. The events already recorded are
/// linked at once, in their order.
struct CreateAuditChain: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_chain")
            .field("seq", .int64, .identifier(auto: false))
            .field("event_id", .uuid, .required, .references("audit_events", "id"))
            .field("hash", .string, .required)
            .unique(on: "event_id")
            .create()
        try await database.schema("audit_pending")
            .field("event_id", .uuid, .identifier(auto: false), .references("audit_events", "id"))
            .create()
        let sql = database as! any SQLDatabase
        // The log's append-only function serves the chain too on PostgreSQL (its message names the log).
        try await sql.appendOnly("audit_chain")
        if sql.dialect.name == "sqlite" {
            try await sql.raw(
                """
                CREATE TRIGGER audit_events_pending AFTER INSERT ON audit_events
                BEGIN INSERT INTO audit_pending (event_id) VALUES (NEW.id); END
                """
            ).run()
        } else {
            try await sql.raw(
                """
                CREATE FUNCTION audit_events_pending() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN INSERT INTO audit_pending (event_id) VALUES (NEW.id); RETURN NEW; END $$
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER audit_events_pending AFTER INSERT ON audit_events
                FOR EACH ROW EXECUTE FUNCTION audit_events_pending()
                """
            ).run()
        }
        try await sql.raw("INSERT INTO audit_pending (event_id) SELECT id FROM audit_events").run()
        try await AuditChain.seal(on: database)
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP TRIGGER IF EXISTS audit_events_pending\(unsafeRaw: sql.dialect.name == "sqlite" ? "" : " ON audit_events")")
            .run()
        try await database.schema("audit_pending").delete()
        try await database.schema("audit_chain").delete()
        if sql.dialect.name != "sqlite" { try await sql.raw("DROP FUNCTION IF EXISTS audit_events_pending()").run() }
    }
}
