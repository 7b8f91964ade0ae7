import FluentKit

struct CreateTerritoryEpcis: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TerritoryEpci.schema)
            .id()
            .field("territory_id", .string, .required, .references(Territory.schema, "id", onDelete: .cascade))
            .field("epci_siren", .string, .required, .references(Epci.schema, "siren"))
            .unique(on: "epci_siren")
            .create()
        try await database.index(TerritoryEpci.schema, "territory_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TerritoryEpci.schema).delete()
    }
}
