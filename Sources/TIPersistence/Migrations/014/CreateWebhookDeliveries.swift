import FluentKit

/// One delivery of one event to one subscription; its id is the idempotency key (`TI-Delivery`).
/// `sequence` orders the deliveries of an application; `next_attempt_epoch` is both the schedule
/// and the claim of the server sending it.
struct CreateWebhookDeliveries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("webhook_deliveries")
            .field("id", .uuid, .identifier(auto: false))
            .field("subscription_id", .uuid, .required, .references("webhook_subscriptions", "id", onDelete: .cascade))
            .field("event", .string, .required)
            .field("application_id", .uuid, .required)
            .field("payload", .string, .required)
            .field("sequence", .int64, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_epoch", .double, .required)
            .field("first_attempt_epoch", .double)
            .field("last_status", .int)
            .field("last_error", .string)
            .field("delivered_epoch", .double)
            .field("created_epoch", .double, .required)
            .create()
        try await database.index("webhook_deliveries", "status", "next_attempt_epoch")
        try await database.index("webhook_deliveries", "subscription_id", "application_id", "sequence")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("webhook_deliveries").delete()
    }
}
