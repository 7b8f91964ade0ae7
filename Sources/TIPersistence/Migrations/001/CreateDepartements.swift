import FluentKit

struct CreateDepartements: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("departements")
            .field("code", .string, .identifier(auto: false))
            .field("region_code", .string, .required, .references("regions", "code"))
            .field("name", .string, .required)
            .create()
        try await database.index("departements", "region_code")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("departements").delete()
    }
}
