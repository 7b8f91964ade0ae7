import FluentKit

/// An action's internal fields (never published), the fund laureates it led to, the funding it seeks.
struct AddActionDisclosure: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("actions").field("internal_fields", .string).update()
        try await database.schema("actions").field("laureate_references", .string).update()
        try await database.schema("actions").field("funding_sought_json", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("actions").deleteField("internal_fields").update()
        try await database.schema("actions").deleteField("laureate_references").update()
        try await database.schema("actions").deleteField("funding_sought_json").update()
    }
}
