import FluentKit

/// The instructor in charge of a file, and the staff's internal notes (never shown to the
/// applicant or the territory).
struct AddReviewFollowing: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("applications").field("assigned_to", .string).update()
        try await database.schema("applications").field("internal_notes", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("applications").deleteField("assigned_to").update()
        try await database.schema("applications").deleteField("internal_notes").update()
    }
}
