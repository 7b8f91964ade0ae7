import FluentKit
import FluentSQL

/// Every migration of the application, in order. Add new ones at the end, in a new
/// numbered folder (`Migrations/002/…`); never edit one that has shipped.
public enum AppMigrations {
    public static let all: [any Migration] = [
        CreateRegions(),
        CreateDepartements(),
        CreateEpcis(),
        CreateCommunes(),
        CreateCommuneAliases(),
        CreateCommuneZonings(),
        CreateTerritories(),
        CreateTerritoryEpcis(),
        CreateOutlines(),
        CreateGeoImports(),
        // 002: accounts and security
        CreateUsers(),
        CreateUserSessions(),
        CreatePasswordResetTokens(),
        CreateLoginAttempts(),
        CreateAPITokens(),
        CreateAuditEvents(),
        // 003: the acceleration fund
        CreateAidRegimes(),
        CreateCalls(),
        CreateEnvelopes(),
        CreateApplications(),
        // 004: hostile input and concurrency
        CreateReferenceSequences(),
        // 005: the applicant's journey in a browser
        CreateCommunePostalCodes(),
        AddApplicationPublication(),
        AddRequiredDocuments(),
        AddReviewFollowing(),
        // 006: figures never stale
        CreateDataVersion(),
        // 007: figures true at every date
        AddDatedFigures(),
        // 008: the programme beyond the fund
        CreateActions(),
        CreateFinancing(),
        CreateSites(),
        CreateInspiringProjects(),
        // 012: partners enter their own commitments
        AddPartnerAccounts(),
        AddCommitmentReference(),
        AddProgrammeInstruments(),
        AddActionDisclosure(),
        AddInspiringLinks(),
        // 013: surveys and the report
        CreateSurveys(),
        CreateReportEditions(),
        // 014: webhooks
        CreateWebhookSubscriptions(),
        CreateWebhookDeliveries(),
        // 014: open data
        CreateCofundings(),
        // 015: production
        CreateAPIRateWindows(),
        CreateAuditChain(),
        // 016: lighter pages
        CreateMapLayers(),
    ]
}

extension Database {
    /// A plain (non-unique) index, named after its table and columns. Indexes are dropped with their table.
    func index(_ table: String, _ columns: String...) async throws {
        try await index(table, columns)
    }

    func index(_ table: String, _ columns: [String]) async throws {
        guard let sql = self as? any SQLDatabase else { return }
        let builder = sql.create(index: "idx_\(table)_\(columns.joined(separator: "_"))").on(table)
        for column in columns { builder.column(column) }
        try await builder.run()
    }
}

extension SQLDatabase {
    /// Makes `table` append-only: triggers refuse UPDATE and DELETE. SQLite: `<table>_no_update`
    /// and `<table>_no_delete`; PostgreSQL: `<table>_append_only`, calling the function
    /// `audit_events_append_only()` that `CreateAuditEvents` creates first.
    func appendOnly(_ table: String) async throws {
        if dialect.name == "sqlite" {
            for operation in ["UPDATE", "DELETE"] {
                try await raw(
                    """
                    CREATE TRIGGER \(unsafeRaw: table)_no_\(unsafeRaw: operation.lowercased()) BEFORE \(unsafeRaw: operation) ON \(unsafeRaw: table)
                    BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: table) is append-only'); END
                    """
                ).run()
            }
        } else {
            try await raw(
                """
                CREATE TRIGGER \(unsafeRaw: table)_append_only BEFORE UPDATE OR DELETE ON \(unsafeRaw: table)
                FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()
                """
            ).run()
        }
    }
}
