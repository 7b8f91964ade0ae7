import FluentKit

/// Grants other bodies published in the SCDL « subventions » format and imported against the
/// fund's applications (`ti import grants`): a Région's co-funding, say. One line per funder
/// and decision reference, so a re-import updates instead of adding.
struct CreateCofundings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("cofundings")
            .field("id", .uuid, .identifier(auto: false))
            .field("application_id", .uuid, .required, .references("applications", "id", onDelete: .cascade))
            .field("funder_name", .string, .required)
            .field("funder_siret", .string, .required)
            .field("import_key", .string, .required)
            .field("reference", .string, .required)
            .field("convention_on", .string, .required)
            .field("amount_cents", .int64, .required)
            .field("nature", .string, .required)
            .field("purpose", .string, .required)
            .field("beneficiary_name", .string, .required)
            .field("imported_epoch", .double, .required)
            .unique(on: "funder_siret", "import_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("cofundings").delete()
    }
}
