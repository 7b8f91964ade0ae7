import FluentKit

/// La Poste's postal codes of each commune (several communes share one code, and a commune may
/// have several), so that an applicant can find their site by postal code.
struct CreateCommunePostalCodes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CommunePostalCode.schema)
            .field("key", .string, .identifier(auto: false))
            .field("commune_code", .string, .required, .references(Commune.schema, "code"))
            .field("postal_code", .string, .required)
            .create()
        try await database.index(CommunePostalCode.schema, "postal_code")
        try await database.index(CommunePostalCode.schema, "commune_code")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CommunePostalCode.schema).delete()
    }
}
