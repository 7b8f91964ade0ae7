import FluentKit
import FluentSQL

/// The audit log, append-only at the database level: triggers refuse UPDATE and DELETE.
struct CreateAuditEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_events")
            .id()
            .field("at_epoch", .double, .required)
            .field("actor_id", .string)
            .field("actor_role", .string, .required)
            .field("action", .string, .required)
            .field("object_type", .string, .required)
            .field("object_id", .string, .required)
            .field("before_json", .string)
            .field("after_json", .string)
            .create()
        try await database.index("audit_events", "at_epoch")
        try await database.index("audit_events", "action")
        let sql = database as! any SQLDatabase
        if sql.dialect.name != "sqlite" {
            try await sql.raw(
                """
                CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$
                """
            ).run()
        }
        try await sql.appendOnly("audit_events")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_events").delete()
        let sql = database as! any SQLDatabase
        if sql.dialect.name != "sqlite" {
            try await sql.raw("DROP FUNCTION IF EXISTS audit_events_append_only()").run()
        }
    }
}
