import FluentKit

/// An inspiring project may come from an action of its TI's plan and stand on a turnkey site.
struct AddInspiringLinks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("inspiring_projects").field("action_reference", .string).update()
        try await database.schema("inspiring_projects").field("site_id", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("inspiring_projects").deleteField("action_reference").update()
        try await database.schema("inspiring_projects").deleteField("site_id").update()
    }
}
