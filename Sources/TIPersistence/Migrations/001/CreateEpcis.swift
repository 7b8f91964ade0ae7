import FluentKit

struct CreateEpcis: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("epcis")
            .field("siren", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("epcis").delete()
    }
}
