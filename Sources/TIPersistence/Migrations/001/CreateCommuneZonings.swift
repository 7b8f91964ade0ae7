import FluentKit

struct CreateCommuneZonings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CommuneZoning.schema)
            .id()
            .field("commune_code", .string, .required, .references(Commune.schema, "code"))
            .field("kind", .string, .required)
            .field("source", .string, .required)
            .unique(on: "commune_code", "kind")
            .create()
        try await database.index(CommuneZoning.schema, "kind")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CommuneZoning.schema).delete()
    }
}
