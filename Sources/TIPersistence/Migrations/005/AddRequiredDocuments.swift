import FluentKit

/// Each call's checklist of documents, and which document of the checklist an attachment is.
struct AddRequiredDocuments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("calls").field("required_documents", .string).update()
        try await database.schema("attachments").field("document", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("calls").deleteField("required_documents").update()
        try await database.schema("attachments").deleteField("document").update()
    }
}
