import FluentSQL
import Foundation
import TIDomain

/// `ti demo`: fills an empty database with a deterministic dataset reproducing the programme at
/// 24 September 2021 (see `DemoTargets`), plus applications in every state and one account per role.
/// Everything it creates is marked as demonstration data (zonings, accounts, and a banner in the UI).
public enum DemoGenerator {
    public struct Account: Sendable {
        public var role: Role, email: String, password: String, name: String
    }

    public static let accounts: [Account] = [
        .init(role: .admin, email: "admin@demo.ti.local", password: "Demo-admin-2026", name: "Équipe nationale (démo)"),
        .init(role: .region, email: "region@demo.ti.local", password: "Demo-region-2026", name: "Conseil régional ARA (démo)"),
        .init(
            role: .prefecture, email: "prefecture@demo.ti.local", password: "Demo-prefecture-2026", name: "Préfecture de région ARA (démo)"),
        .init(
            role: .reviewer, email: "bpifrance@demo.ti.local", password: "Demo-reviewer-2026", name: "Chargé d’affaires Bpifrance (démo)"),
        .init(
            role: .territory, email: "territoire@demo.ti.local", password: "Demo-territory-2026",
            name: "Cheffe de projet Grand Annecy (démo)"),
        .init(role: .applicant, email: "porteur@demo.ti.local", password: "Demo-applicant-2026", name: "MECALAC (démo)"),
        .init(role: .viewer, email: "lecteur@demo.ti.local", password: "Demo-viewer-2026", name: "Lecteur premium (démo)"),
        .init(role: .partner, email: "ademe@demo.ti.local", password: "Demo-partner-2026", name: "ADEME, direction régionale (démo)"),
    ]

    public struct Report: Sendable {
        public var territories = 0, laureates = 0, applications = 0, seconds = 0.0
    }

    /// Whether the database already holds programme data (territories, calls, applications or accounts).
    public static func hasData(on db: any Database) async throws -> Bool {
        let territories = try await Territory.query(on: db).count()
        let calls = try await FundCall.query(on: db).count()
        let users = try await User.query(on: db).count()
        return territories + calls + users > 0
    }

    /// `now` stamps the audit entry; the history itself is dated by the plan.
    public static func run(
        seed: UInt64, replace: Bool, now: Date, hash: @escaping @Sendable (String) async throws -> String,
        on db: any Database, progress: @escaping @Sendable (String) -> Void
    ) async throws -> Report {
        let clock = Stopwatch()
        let say: @Sendable (String) -> Void = { progress(clock.line($0)) }
        guard try await Commune.query(on: db).count() > 0 else { throw DemoError("importez d’abord la géographie (ti import geo)") }
        if try await hasData(on: db) {
            guard replace else { throw DemoError("la base contient déjà des données ; relancez avec --replace pour les remplacer") }
            say("suppression des données existantes (le journal d’audit, inaltérable, est conservé)")
            try await clear(on: db)
        }
        let geo = try await DemoGeography.load(on: db)
        var rng = SeededRandom(seed: seed)
        let territories = try DemoTerritoryPlan.make(geo, rng: &rng)
        say("\(territories.count) territoires d’industrie sur de vrais EPCI")
        var planner = DemoPlanner(geo: geo, territories: territories, seed: seed &+ 1)
        let laureates = try planner.laureates()
        let applicantSiren = laureates[0].siren  // MECALAC
        let others = try planner.others(applicantSiren: applicantSiren)
        say("\(laureates.count) lauréats calibrés et \(others.count) autres dossiers")
        let actions = try DemoActionPlan.make(territories, seed: seed &+ 2)
        var passwords: [String: String] = [:]
        for account in accounts { passwords[account.email] = try await hash(account.password) }
        let hashes = passwords
        try await db.transaction { db in
            try await DemoWriter(db: db, geo: geo, now: now, say: say).write(
                territories: territories, laureates: laureates, others: others, actions: actions,
                applicantSiren: applicantSiren, passwords: hashes)
            try await WriteTransaction.bumpDataVersion(on: db)
        }
        var report = Report()
        report.territories = territories.count
        report.laureates = laureates.count
        report.applications = laureates.count + others.count
        report.seconds = clock.seconds
        say("terminé")
        return report
    }

    /// Removes the demonstration's tables' content (children first). The audit log stays.
    static func clear(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        for table in [
            ReportEdition.schema, SurveyInvitation.schema, SurveyCampaign.schema, Notification.schema, FollowUp.schema, Payment.schema,
            Attachment.schema, ApplicationMessage.schema,
            ApplicationEvent.schema, FundApplication.schema, EnvelopeMovement.schema, Envelope.schema, "call_history", FundCall.schema,
            APIToken.schema, UserSession.schema, PasswordResetToken.schema, LoginAttempt.schema, User.schema,
            InspiringProjectRecord.schema, SiteRecord.schema, CommitmentRecord.schema, ActionHistoryEntry.schema, ActionRecord.schema,
            TerritoryEpci.schema,
            Territory.schema,
        ] {
            try await sql.delete(from: table).run()
        }
        try await sql.delete(from: CommuneZoning.schema).where("source", .equal, ZoningSource.demo.rawValue).run()
        try await sql.delete(from: Outline.schema).where("level", .equal, Outline.Level.territory.rawValue).run()
    }
}
