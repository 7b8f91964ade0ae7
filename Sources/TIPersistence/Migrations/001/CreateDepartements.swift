import FluentKit

struct CreateDepartements: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Departement.schema)
            .field("code", .string, .identifier(auto: false))
            .field("region_code", .string, .required, .references(Region.schema, "code"))
            .field("name", .string, .required)
            .create()
        try await database.index(Departement.schema, "region_code")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Departement.schema).delete()
    }
}
