import FluentKit

/// Inspiring projects: case studies of the territories, published after an admin's review.
struct CreateInspiringProjects: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("inspiring_projects")
            .field("id", .uuid, .identifier(auto: false))
            .field("territory_id", .string, .required, .references("territories", "id"))
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .field("axis", .string, .required)
            .field("laureate_reference", .string)
            .field("image_key", .string)
            .field("image_type", .string)
            .field("status", .string, .required)
            .field("review_reason", .string)
            .field("created_at_epoch", .double, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("inspiring_projects").delete()
    }
}
