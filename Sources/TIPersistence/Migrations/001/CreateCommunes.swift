import FluentKit

struct CreateCommunes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Commune.schema)
            .field("code", .string, .identifier(auto: false))
            .field("departement_code", .string, .required, .references(Departement.schema, "code"))
            .field("epci_siren", .string, .references(Epci.schema, "siren"))
            .field("name", .string, .required)
            .field("search_name", .string, .required)
            .field("population", .int)
            .field("area_km2", .double)
            .field("centroid_lon", .double)
            .field("centroid_lat", .double)
            .create()
        try await database.index(Commune.schema, "departement_code")
        try await database.index(Commune.schema, "epci_siren")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Commune.schema).delete()
    }
}
