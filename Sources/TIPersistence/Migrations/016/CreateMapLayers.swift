import FluentKit

/// The maps' outlines as separate documents (`MapLayers`): one row per document, named by the
/// hash of its text, so that every app server serves what any of them drew.
struct CreateMapLayers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("map_layers")
            .field("hash", .string, .identifier(auto: false))
            .field("svg", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("map_layers").delete()
    }
}
