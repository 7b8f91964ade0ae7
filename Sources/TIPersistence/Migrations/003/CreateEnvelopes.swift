import FluentKit

struct CreateEnvelopes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("envelopes")
            .id()
            .field("call_id", .uuid, .required, .references("calls", "id"))
            .field("region_code", .string, .required, .references("regions", "code"))
            .field("funder", .string, .required)
            .field("amount_cents", .int64, .required)
            .field("committed_cents", .int64, .required)
            .field("paid_cents", .int64, .required)
            .field("one_for_one", .bool, .required)
            .unique(on: "call_id", "region_code", "funder")
            .create()
        try await database.schema("envelope_movements")
            .id()
            .field("envelope_id", .uuid, .required, .references("envelopes", "id"))
            .field("application_id", .uuid)
            .field("kind", .string, .required)
            .field("amount_cents", .int64, .required)
            .field("at_epoch", .double, .required)
            .field("actor_id", .string)
            .field("note", .string)
            .create()
        try await database.index("envelope_movements", "envelope_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("envelope_movements").delete()
        try await database.schema("envelopes").delete()
    }
}
