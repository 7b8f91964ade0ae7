import FluentKit

struct CreateTerritoryEpcis: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("territory_epcis")
            .id()
            .field("territory_id", .string, .required, .references("territories", "id", onDelete: .cascade))
            .field("epci_siren", .string, .required, .references("epcis", "siren"))
            .unique(on: "epci_siren")
            .create()
        try await database.index("territory_epcis", "territory_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("territory_epcis").delete()
    }
}
