import FluentKit

/// One counter per reference prefix (`FA-2026-84-`), incremented atomically at each deposit.
struct CreateReferenceSequences: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("reference_sequences")
            .field("prefix", .string, .identifier(auto: false))
            .field("last_value", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("reference_sequences").delete()
    }
}
