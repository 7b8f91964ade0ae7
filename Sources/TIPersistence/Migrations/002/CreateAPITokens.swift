import FluentKit

struct CreateAPITokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("api_tokens")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("prefix", .string, .required)
            .field("expires_epoch", .double, .required)
            .field("revoked_epoch", .double)
            .field("last_used_epoch", .double)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.index("api_tokens", "user_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("api_tokens").delete()
    }
}
