import FluentKit

struct CreateCommuneAliases: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CommuneAlias.schema)
            .field("key", .string, .identifier(auto: false))
            .field("commune_code", .string, .required, .references(Commune.schema, "code"))
            .field("code", .string, .required)
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .create()
        try await database.index(CommuneAlias.schema, "commune_code")
        try await database.index(CommuneAlias.schema, "code")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CommuneAlias.schema).delete()
    }
}
