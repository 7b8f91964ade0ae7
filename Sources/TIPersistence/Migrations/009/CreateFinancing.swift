import FluentKit
import SQLKit

/// The programme's partners, their instruments and their dated commitments. The partners and
/// instruments the report names are recorded here as the starting point; admins add others.
struct CreateFinancing: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("partners")
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .create()
        try await database.schema("instruments")
            .field("code", .string, .identifier(auto: false))
            .field("partner_code", .string, .required, .references("partners", "code"))
            .field("name", .string, .required)
            .field("unit", .string, .required)
            // Counted from the fund's own records (envelopes), never entered.
            .field("from_fund", .bool, .required)
            .create()
        try await database.schema("commitments")
            .field("id", .uuid, .identifier(auto: false))
            .field("instrument_code", .string, .required, .references("instruments", "code"))
            .field("on_date", .string, .required)
            .field("region_code", .string)
            .field("territory_id", .string)
            .field("amount_cents", .int64)
            .field("quantity", .int)
            .field("note", .string)
            .field("recorded_by", .string)
            .field("recorded_at_epoch", .double, .required)
            .create()
        try await database.index("commitments", "instrument_code")
        let sql = database as! any SQLDatabase
        let partners: [(String, String, String)] = [
            ("etat", "État", "etat"), ("ademe", "ADEME", "operateur"), ("bdt", "Banque des Territoires", "operateur"),
            ("bpifrance", "Bpifrance", "operateur"), ("france-travail", "Pôle emploi / France Travail", "operateur"),
            ("business-france", "Business France", "operateur"), ("dgefp", "DGEFP / AFPA", "operateur"), ("apec", "APEC", "operateur"),
            ("action-logement", "Action Logement", "operateur"), ("cnam", "Cnam", "operateur"), ("regions", "Régions", "regions"),
        ]
        var insertPartners = sql.insert(into: "partners").columns("code", "name", "kind")
        for p in partners { insertPartners = insertPartners.values(SQLBind(p.0), SQLBind(p.1), SQLBind(p.2)) }
        try await insertPartners.run()
        let instruments: [(String, String, String, String, Bool)] = [
            ("fonds-acceleration", "etat", "Fonds d’accélération des investissements industriels (État)", "euros", true),
            ("territoires-innovation", "etat", "Territoires d’innovation (PIA)", "euros", false),
            ("dsil-fnadt-detr", "etat", "DSIL, FNADT, DETR", "euros", false),
            ("vte-etat", "etat", "Subventions aux volontariats territoriaux en entreprise", "euros", false),
            ("accelerateurs", "etat", "Subventions aux accélérateurs Bpifrance", "euros", false),
            ("fonds-friches", "etat", "Fonds friches (projets en Territoires d’industrie)", "projets", false),
            ("ademe-transition", "ademe", "Études et subventions de décarbonation et de transition écologique", "euros", false),
            ("bdt-ingenierie", "bdt", "Ingénierie et financement de projets", "euros", false),
            ("bpifrance-acceleration", "bpifrance", "Accélération d’entreprises industrielles et VTE", "euros", false),
            ("france-travail-formation", "france-travail", "Formation et préparation opérationnelle à l’emploi", "euros", false),
            ("business-france-coachs", "business-france", "Coachs internationaux (export)", "coachs", false),
            ("business-france-attractivite", "business-france", "Territoires accompagnés (attractivité)", "territoires", false),
            ("dgefp-etudes", "dgefp", "Études prospectives sur les compétences (AFPA)", "etudes", false),
            ("dgefp-bilans", "dgefp", "Bilans des difficultés de recrutement", "bilans", false),
            ("apec-ateliers", "apec", "Ateliers et événements de recrutement", "ateliers", false),
            ("cnam-antennes", "cnam", "Antennes « Au cœur des territoires »", "territoires", false),
            ("regions-investissement", "regions", "Subventions d’investissement, aménagement, formation et insertion", "euros", false),
            ("fonds-acceleration-regions", "regions", "Fonds d’accélération (part des Régions, « 1 pour 1 »)", "euros", true),
        ]
        var insertInstruments = sql.insert(into: "instruments").columns("code", "partner_code", "name", "unit", "from_fund")
        for i in instruments {
            insertInstruments = insertInstruments.values(SQLBind(i.0), SQLBind(i.1), SQLBind(i.2), SQLBind(i.3), SQLBind(i.4))
        }
        try await insertInstruments.run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("commitments").delete()
        try await database.schema("instruments").delete()
        try await database.schema("partners").delete()
    }
}
