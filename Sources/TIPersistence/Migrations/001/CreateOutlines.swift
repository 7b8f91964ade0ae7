import FluentKit

struct CreateOutlines: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("outlines")
            .field("key", .string, .identifier(auto: false))
            .field("level", .string, .required)
            .field("code", .string, .required)
            .field("detail", .string, .required)
            .field("frame", .string, .required)
            .field("shape", .data, .required)
            .create()
        try await database.index("outlines", "level", "detail")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("outlines").delete()
    }
}
