import FluentKit
import SQLKit

/// The programme's other instruments the report counts (seed 003): VTE contracts signed in the
/// TI, écoles de production supported, days of industrial experts in territories facing a
/// closure; Cnam's antennas counted as antennas.
struct AddProgrammeInstruments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.insert(into: "instruments").columns("code", "partner_code", "name", "unit", "from_fund")
            .values(
                SQLBind("vte-contrats"), SQLBind("bdt"),
                SQLBind("Volontariats territoriaux en entreprise signés en Territoires d’industrie"),
                SQLBind("contrats"), SQLBind(false)
            )
            .values(
                SQLBind("ecoles-production"), SQLBind("etat"), SQLBind("Écoles de production soutenues (France Relance)"),
                SQLBind("ecoles"), SQLBind(false)
            )
            .values(
                SQLBind("ingenierie-mutations"), SQLBind("etat"),
                SQLBind("Accompagnement en ingénierie des territoires en mutation (jours d’experts industriels)"),
                SQLBind("jours_consultant"), SQLBind(false)
            )
            .run()
        // Cnam's « Au cœur des territoires » counts antennas, not territories.
        try await sql.update("instruments").set("unit", to: "antennes").where("code", .equal, "cnam-antennes").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.update("instruments").set("unit", to: "territoires").where("code", .equal, "cnam-antennes").run()
        let codes = ["vte-contrats", "ecoles-production", "ingenierie-mutations"]
        // Their commitments go with them (PostgreSQL enforces the reference).
        try await sql.delete(from: "commitments").where("instrument_code", .in, codes).run()
        try await sql.delete(from: "instruments").where("code", .in, codes).run()
    }
}
