import FluentKit

/// La Poste's postal codes of each commune (several communes share one code, and a commune may
/// have several), so that an applicant can find their site by postal code.
struct CreateCommunePostalCodes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("commune_postal_codes")
            .field("key", .string, .identifier(auto: false))
            .field("commune_code", .string, .required, .references("communes", "code"))
            .field("postal_code", .string, .required)
            .create()
        try await database.index("commune_postal_codes", "postal_code")
        try await database.index("commune_postal_codes", "commune_code")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("commune_postal_codes").delete()
    }
}
