import FluentKit
import Foundation
import NIOCore
import TIDomain
import TIPersistence
import Testing
import VaporTesting

@testable import TIWeb

extension AppTests {
    /// Issue 15: the attachments and personal data of files closed without aid are deleted 5 years
    /// after closure (`ti purge`), audited; the file, its figures and the other files stay.
    @Suite("Retention: ti purge")
    struct RetentionTests {
        @Test func theRetentionPeriodRunsFromClosureAndFebruaryTheTwentyNinthHolds() throws {
            let policy = try RetentionPolicy()
            let closed = try CivilDate(parsing: "2020-02-29")
            #expect(policy.dueOn(closedOn: closed).iso == "2025-02-28")
            #expect(!policy.isDue(state: .rejected, closedOn: closed, today: try CivilDate(parsing: "2025-02-27")))
            #expect(policy.isDue(state: .withdrawn, closedOn: closed, today: try CivilDate(parsing: "2025-02-28")))
            #expect(!policy.isDue(state: .laureate, closedOn: closed, today: try CivilDate(parsing: "2030-01-01")))
            #expect(throws: DomainError.self) { try RetentionPolicy(years: 0) }
            #expect(throws: DomainError.self) { try RetentionPolicy(years: 31) }
        }

        @Test func aDryRunListsAndTheApplyDeletesOnlyWhatIsDueAndAuditsIt() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                // Rejected on 2021-03-15 (the fixture's day), with a file and a message.
                let rejected = try await f.application(to: .inCommittee)
                _ = try await FundService.decide(
                    rejected.id!, favourable: false, motivation: "Projet insuffisamment mûr.", by: f.actor(.region), on: app.db)
                let key = try await app.fileStorage.store(ByteBuffer(string: "%PDF-1.4 devis"))
                try await FundService.attach(
                    rejected, filename: "devis.pdf", contentType: "application/pdf", sizeBytes: 14, storageKey: key, document: nil,
                    messageID: nil, by: f.actor(.applicant), on: app.db)
                _ = try await FundService.postMessage(rejected, body: "Mon numéro : 06 12 34 56 78.", by: f.actor(.applicant), on: app.db)
                // Withdrawn the same day; rejected a year later; a laureate.
                let withdrawn = try await f.application(to: .submitted)
                _ = try await FundService.perform(
                    .withdraw, on: withdrawn, reason: "Projet abandonné par l’entreprise.", by: f.actor(.applicant), on: app.db)
                let recent = try await f.application(to: .inCommittee)
                _ = try await FundService.decide(
                    recent.id!, favourable: false, motivation: "Hors critères du fonds.",
                    by: f.actor(.region).on(try CivilDate(parsing: "2022-03-15")),
                    on: app.db)
                let laureate = try await f.application(to: .laureate)
                let laureateKey = try await app.fileStorage.store(ByteBuffer(string: "%PDF-1.4 convention"))
                try await FundService.attach(
                    laureate, filename: "convention.pdf", contentType: "application/pdf", sizeBytes: 19, storageKey: laureateKey,
                    document: nil, messageID: nil, by: f.actor(.applicant), on: app.db)

                app.clock = .fixed(try CivilDate(parsing: "2026-03-16"))
                let figuresBefore = try await Self.figures(app)
                var lines: [String] = []
                #expect(try await PurgeCommand.execute(app, policy: try RetentionPolicy(), apply: false) { lines.append($0) } == 0)
                let listing = lines.joined(separator: "\n")
                #expect(listing.contains(rejected.reference!) && listing.contains(withdrawn.reference!))
                #expect(!listing.contains(recent.reference!) && !listing.contains(laureate.reference!))
                #expect(listing.contains("Simulation : 2 dossiers, 1 pièce"))
                #expect(try await Attachment.query(on: app.db).count() == 2)  // nothing deleted

                lines = []
                #expect(try await PurgeCommand.execute(app, policy: try RetentionPolicy(), apply: true) { lines.append($0) } == 2)
                #expect(lines.last == "Purge terminée : 2 dossiers purgés sur 2, inscrits au journal d’audit.")
                // The file and the message's text are gone; the laureate's file stays.
                #expect(try await Attachment.query(on: app.db).all().map(\.storageKey) == [laureateKey])
                await #expect(throws: (any Error).self) { _ = try await app.fileStorage.read(key) }
                #expect(try await app.fileStorage.read(laureateKey).readableBytes == 19)
                let messages = try await ApplicationMessage.query(on: app.db).filter(\.$application.$id == rejected.id!).all()
                #expect(messages.count == 1 && !messages[0].body.contains("06 12") && messages[0].authorName == "—")
                let purged = try #require(try await FundApplication.find(rejected.id, on: app.db))
                #expect(purged.state == .rejected && purged.description == nil && purged.createdBy == nil)
                #expect(purged.reference == rejected.reference && purged.investmentTotalCents == rejected.investmentTotalCents)
                // Audited, in the file's history too; the figures, at every date, are unchanged.
                let audit = try await AuditLog.entries(.init(action: "dossier.purge"), on: app.db).entries
                #expect(Set(audit.map(\.objectID)) == [rejected.id!.uuidString, withdrawn.id!.uuidString])
                #expect(
                    try await ApplicationEvent.query(on: app.db).filter(\.$action == RetentionService.purgeAction).count() == 2)
                #expect(try await Self.figures(app) == figuresBefore)

                // Done once: a second run finds nothing; a year later the 2022 rejection is due.
                lines = []
                #expect(try await PurgeCommand.execute(app, policy: try RetentionPolicy(), apply: true) { lines.append($0) } == 0)
                #expect(lines.last == "Aucun dossier dont la durée de conservation est échue.")
                app.clock = .fixed(try CivilDate(parsing: "2027-03-15"))
                #expect(try await PurgeCommand.execute(app, policy: try RetentionPolicy(), apply: true) { _ in } == 1)
            }
        }

        /// The indicators at two dates, as the public API gives them.
        static func figures(_ app: Application) async throws -> [String] {
            var answers: [String] = []
            for day in ["2021-03-15", "2026-03-16"] {
                answers.append(try await app.testing().sendRequest(.GET, "/api/v1/indicators?as_of=\(day)").body.string)
            }
            return answers
        }
    }
}
