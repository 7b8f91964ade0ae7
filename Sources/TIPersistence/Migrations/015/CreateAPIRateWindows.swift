import FluentKit

/// The API's rate limit per token, in the database so that every app server counts the same
/// window: one row per token, the window's start and the requests seen in it.
struct CreateAPIRateWindows: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("api_rate_windows")
            .field("token_id", .uuid, .identifier(auto: false), .references("api_tokens", "id", onDelete: .cascade))
            .field("window_start_epoch", .double, .required)
            .field("hits", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("api_rate_windows").delete()
    }
}
