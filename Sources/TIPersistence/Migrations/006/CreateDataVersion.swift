import FluentKit
import SQLKit

/// One row, one counter: bumped by every write transaction, read by the figure caches of every
/// server process (a change of any table a figure reads, counted or not, shows within seconds).
struct CreateDataVersion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("data_version")
            .field("id", .int, .identifier(auto: false))
            .field("version", .int64, .required)
            .create()
        try await (database as! any SQLDatabase).insert(into: "data_version").columns("id", "version")
            .values(SQLBind(1), SQLBind(Int64(0))).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("data_version").delete()
    }
}
