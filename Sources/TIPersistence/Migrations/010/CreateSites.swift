import FluentKit

/// Turnkey industrial sites (sites industriels clés en main).
struct CreateSites: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("sites")
            .field("id", .uuid, .identifier(auto: false))
            .field("name", .string, .required)
            .field("commune_code", .string, .required)
            .field("surface_m2", .int, .required)
            .field("available_m2", .int, .required)
            .field("planning_cleared", .bool, .required)
            .field("archaeology_cleared", .bool, .required)
            .field("environment_cleared", .bool, .required)
            .field("wave", .string, .required)
            .field("contact_name", .string)
            .field("contact_email", .string)
            .field("settled", .string)
            .field("laureate_id", .uuid)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sites").delete()
    }
}
