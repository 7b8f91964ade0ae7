import FluentKit

/// The partner's own reference of a commitment: a yearly file imported twice changes nothing.
struct AddCommitmentReference: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("commitments").field("reference", .string).update()
        try await database.index("commitments", "instrument_code", "reference")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("commitments").deleteField("reference").update()
    }
}
