import FluentKit

/// Operator accounts: a user may belong to a partner, and enters that partner's commitments only.
struct AddPartnerAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users").field("partner_code", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").deleteField("partner_code").update()
    }
}
