import FluentKit

/// The applicant's consent to publication and the public summary shown on laureate pages.
struct AddApplicationPublication: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await database.schema("applications").field("publication_consent", .bool).update()
        try await database.schema("applications").field("public_summary", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("applications").deleteField("publication_consent").update()
        try await database.schema("applications").deleteField("public_summary").update()
    }
}
