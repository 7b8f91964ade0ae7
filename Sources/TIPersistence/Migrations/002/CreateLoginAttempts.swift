import FluentKit

struct CreateLoginAttempts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("login_attempts")
            .field("key", .string, .identifier(auto: false))
            .field("failures", .int, .required)
            .field("window_start_epoch", .double, .required)
            .field("locked_until_epoch", .double)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("login_attempts").delete()
    }
}
