import FluentKit

/// The instructor in charge of a file, and the staff's internal notes (never shown to the
/// applicant or the territory).
struct AddReviewFollowing: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FundApplication.schema).field("assigned_to", .string).update()
        try await database.schema(FundApplication.schema).field("internal_notes", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FundApplication.schema).deleteField("assigned_to").update()
        try await database.schema(FundApplication.schema).deleteField("internal_notes").update()
    }
}
