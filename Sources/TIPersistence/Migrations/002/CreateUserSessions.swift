import FluentKit

struct CreateUserSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("user_sessions")
            .field("token_hash", .string, .identifier(auto: false))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("created_epoch", .double, .required)
            .field("last_seen_epoch", .double, .required)
            .field("expires_epoch", .double, .required)
            .create()
        try await database.index("user_sessions", "user_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("user_sessions").delete()
    }
}
