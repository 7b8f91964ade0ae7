import FluentKit
import FluentSQL
import Foundation

/// What `/healthz/ready` asks the database: one cheap query each, no counting of big tables.
public enum HealthQueries {
    /// The names of the migrations applied (Fluent's `_fluent_migrations`).
    public static func appliedMigrations(on db: any Database) async throws -> Set<String> {
        let rows = try await (db as! any SQLDatabase).raw("SELECT name FROM _fluent_migrations").all()
        return Set(try rows.map { try $0.decode(column: "name", as: String.self) })
    }
}
