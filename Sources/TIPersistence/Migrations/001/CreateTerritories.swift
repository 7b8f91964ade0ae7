import FluentKit

struct CreateTerritories: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("territories")
            .field("id", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("search_name", .string, .required)
            .field("elected_name", .string)
            .field("elected_role", .string)
            .field("elected_organisation", .string)
            .field("industrialist_name", .string)
            .field("industrialist_role", .string)
            .field("industrialist_organisation", .string)
            .field("project_lead_name", .string)
            .field("project_lead_role", .string)
            .field("project_lead_organisation", .string)
            .field("project_lead_fnadt", .bool, .required)
            .field("label_date", .string)
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("territories").delete()
    }
}
