import FluentKit

/// An action's internal fields (never published) and the fund laureates it led to.
struct AddActionDisclosure: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("actions").field("internal_fields", .string).update()
        try await database.schema("actions").field("laureate_references", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("actions").deleteField("internal_fields").update()
        try await database.schema("actions").deleteField("laureate_references").update()
    }
}
