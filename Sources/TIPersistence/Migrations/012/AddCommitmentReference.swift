import FluentKit
import SQLKit

/// The partner's own reference of a commitment (a yearly file imported twice changes nothing) and
/// the action of a plan it finances.
struct AddCommitmentReference: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("commitments").field("reference", .string).update()
        try await database.schema("commitments").field("action_id", .uuid).update()
        try await database.index("commitments", "action_id")
        try await database.index("commitments", "instrument_code", "reference")
    }

    func revert(on database: any Database) async throws {
        // SQLite refuses to drop a column an index still names.
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "idx_commitments_instrument_code_reference").run()
        try await sql.drop(index: "idx_commitments_action_id").run()
        try await database.schema("commitments").deleteField("reference").update()
        try await database.schema("commitments").deleteField("action_id").update()
    }
}
