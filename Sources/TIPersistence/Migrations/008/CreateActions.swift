import FluentKit

/// The territories' action plans (fiches actions) and the dated history of every change to them.
struct CreateActions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("actions")
            .field("id", .uuid, .identifier(auto: false))
            .field("territory_id", .string, .required, .references("territories", "id"))
            .field("reference", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("axis", .string, .required)
            .field("themes", .string, .required)
            .field("carrier_type", .string, .required)
            .field("carrier_name", .string)
            .field("siren", .string)
            .field("planned_investment_cents", .int64)
            .field("status", .string, .required)
            .field("status_on", .string, .required)
            .field("specific", .bool, .required)
            .field("validation", .string, .required)
            .field("validation_reason", .string)
            .field("created_on", .string, .required)
            .field("search_text", .string, .required)
            .unique(on: "territory_id", "reference")
            .create()
        try await database.index("actions", "validation")
        try await database.schema("action_history")
            .field("id", .uuid, .identifier(auto: false))
            .field("action_id", .uuid, .required, .references("actions", "id"))
            .field("at_epoch", .double, .required)
            .field("actor_id", .string)
            .field("actor_role", .string, .required)
            .field("event", .string, .required)
            .field("reason", .string)
            .field("snapshot_json", .string, .required)
            .create()
        try await database.index("action_history", "action_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("action_history").delete()
        try await database.schema("actions").delete()
    }
}
