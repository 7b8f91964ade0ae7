import FluentKit

/// Each call's checklist of documents, and which document of the checklist an attachment is.
struct AddRequiredDocuments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FundCall.schema).field("required_documents", .string).update()
        try await database.schema(Attachment.schema).field("document", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FundCall.schema).deleteField("required_documents").update()
        try await database.schema(Attachment.schema).deleteField("document").update()
    }
}
