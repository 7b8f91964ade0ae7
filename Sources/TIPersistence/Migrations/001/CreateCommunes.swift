import FluentKit

struct CreateCommunes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("communes")
            .field("code", .string, .identifier(auto: false))
            .field("departement_code", .string, .required, .references("departements", "code"))
            .field("epci_siren", .string, .references("epcis", "siren"))
            .field("name", .string, .required)
            .field("search_name", .string, .required)
            .field("population", .int)
            .field("area_km2", .double)
            .field("centroid_lon", .double)
            .field("centroid_lat", .double)
            .create()
        try await database.index("communes", "departement_code")
        try await database.index("communes", "epci_siren")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("communes").delete()
    }
}
