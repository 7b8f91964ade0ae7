import FluentKit
import Testing

@testable import TIPersistence

@Suite("Migrations")
struct MigrationTests {
    /// Fluent records each migration by name in `_fluent_migrations`: a renamed type would run its
    /// migration again on every existing database. The shipped names are written out here.
    @Test func shippedMigrationNamesNeverChange() {
        let shipped = [
            "CreateRegions", "CreateDepartements", "CreateEpcis", "CreateCommunes", "CreateCommuneAliases", "CreateCommuneZonings",
            "CreateTerritories", "CreateTerritoryEpcis", "CreateOutlines", "CreateGeoImports",
            "CreateUsers", "CreateUserSessions", "CreatePasswordResetTokens", "CreateLoginAttempts", "CreateAPITokens", "CreateAuditEvents",
            "CreateAidRegimes", "CreateCalls", "CreateEnvelopes", "CreateApplications",
            "CreateReferenceSequences",
            "CreateCommunePostalCodes", "AddApplicationPublication", "AddRequiredDocuments", "AddReviewFollowing",
            "CreateDataVersion",
            "AddDatedFigures",
            "CreateActions", "CreateFinancing", "CreateSites", "CreateInspiringProjects", "AddPartnerAccounts", "AddCommitmentReference",
            "AddProgrammeInstruments", "AddActionDisclosure", "AddInspiringLinks", "CreateSurveys", "CreateReportEditions",
            "CreateWebhookSubscriptions", "CreateWebhookDeliveries", "CreateCofundings",
        ].map { "TIPersistence." + $0 }
        #expect(Array(AppMigrations.all.map(\.name).prefix(shipped.count)) == shipped)
    }
}
