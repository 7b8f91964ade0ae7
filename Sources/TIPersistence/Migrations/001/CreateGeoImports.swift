import FluentKit

struct CreateGeoImports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("geo_imports")
            .id()
            .field("source", .string, .required)
            .field("population_vintage", .int, .required)
            .field("regions", .int, .required)
            .field("departements", .int, .required)
            .field("epcis", .int, .required)
            .field("communes", .int, .required)
            .field("aliases", .int, .required)
            .field("changes", .int, .required)
            .field("gap_fillers", .int, .required)
            .field("import_seconds", .double, .required)
            .field("outline_seconds", .double, .required)
            .field("imported_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("geo_imports").delete()
    }
}
