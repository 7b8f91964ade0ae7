import FluentKit

/// Webhook subscriptions: an account's HTTPS endpoint, the secret that signs its deliveries, and
/// the events it asked for (comma-separated `WebhookEvent` raw values).
struct CreateWebhookSubscriptions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("webhook_subscriptions")
            .field("id", .uuid, .identifier(auto: false))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("url", .string, .required)
            .field("secret", .string, .required)
            .field("events", .string, .required)
            .field("active", .bool, .required)
            .field("created_epoch", .double, .required)
            .create()
        try await database.index("webhook_subscriptions", "user_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("webhook_subscriptions").delete()
    }
}
