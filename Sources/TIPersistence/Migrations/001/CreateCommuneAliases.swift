import FluentKit

struct CreateCommuneAliases: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("commune_aliases")
            .field("key", .string, .identifier(auto: false))
            .field("commune_code", .string, .required, .references("communes", "code"))
            .field("code", .string, .required)
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .create()
        try await database.index("commune_aliases", "commune_code")
        try await database.index("commune_aliases", "code")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("commune_aliases").delete()
    }
}
