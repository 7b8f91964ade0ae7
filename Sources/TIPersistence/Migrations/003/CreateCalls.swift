import FluentKit

struct CreateCalls: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("calls")
            .id()
            .field("regime_id", .string, .required, .references("aid_regimes", "id"))
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("opens_on", .string, .required)
            .field("closes_on", .string, .required)
            .field("carriers", .string, .required)
            .field("sizes", .string, .required)
            .field("regions", .string, .required)
            .field("min_investment_cents", .int64, .required)
            .field("start_within_months", .int, .required)
            .field("collaborative", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("calls").delete()
    }
}
