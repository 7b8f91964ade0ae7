import FluentKit

struct CreateAPITokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(APIToken.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("prefix", .string, .required)
            .field("expires_epoch", .double, .required)
            .field("revoked_epoch", .double)
            .field("last_used_epoch", .double)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.index(APIToken.schema, "user_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(APIToken.schema).delete()
    }
}
