import FluentKit

struct CreateCommuneZonings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("commune_zonings")
            .id()
            .field("commune_code", .string, .required, .references("communes", "code"))
            .field("kind", .string, .required)
            .field("source", .string, .required)
            .unique(on: "commune_code", "kind")
            .create()
        try await database.index("commune_zonings", "kind")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("commune_zonings").delete()
    }
}
