import FluentSQL
import Foundation
import TIDomain
import TIPersistence
import Testing
import VaporTesting

@testable import TIWeb

extension AppTests {
    @Suite("Audit log hash chain")
    struct AuditChainTests {
        static func record(_ n: Int, _ app: Application) async throws {
            try await AuditLog.record(
                "essai.\(n)", by: .system(at: FundFixture.now), object: "essai", id: "\(n)", after: ["n": "\(n)"], on: app.db)
        }

        /// Lets a test change the log as someone with direct access to the database could.
        static func dropAppendOnlyTriggers(_ sql: any SQLDatabase) async throws {
            if sql.dialect.name == "sqlite" {
                for trigger in ["audit_events_no_update", "audit_events_no_delete", "audit_chain_no_update", "audit_chain_no_delete"] {
                    try await sql.raw("DROP TRIGGER \(unsafeRaw: trigger)").run()
                }
            } else {
                try await sql.raw("DROP TRIGGER audit_events_append_only ON audit_events").run()
                try await sql.raw("DROP TRIGGER audit_chain_append_only ON audit_chain").run()
            }
        }

        /// Writers and sealers at once, as several servers would run them: one chain, no fork,
        /// no event left out or linked twice.
        @Test func concurrentWritersAndSealersMakeOneChain() async throws {
            try await withTestApp(geo: false) { app in
                let before = try await AuditChain.verify(on: app.db)
                try await Self.record(0, app)
                var chain = try await AuditChain.verify(on: app.db)
                #expect(chain.pending == 1 && chain.chained == before.chained && chain.problems.isEmpty)

                try await withThrowingTaskGroup(of: Void.self) { group in
                    for n in 1...40 {
                        group.addTask {
                            try await app.db.writeTransaction { db in
                                try await AuditLog.record(
                                    "essai.\(n)", by: .system(at: FundFixture.now), object: "essai", id: "\(n)", on: db)
                                try await WriteTransaction.touchesNoFigure(on: db)
                            }
                        }
                        if n % 5 == 0 { group.addTask { try await AuditChain.linkIfPending(on: app.db) } }
                    }
                    try await group.waitForAll()
                }
                try await AuditChain.seal(on: app.db)
                chain = try await AuditChain.verify(on: app.db)
                #expect(chain.problems.isEmpty)
                #expect(chain.pending == 0 && chain.chained == before.chained + 41)
                #expect(chain.head?.count == 64)
                let seqs = try await (app.db as! any SQLDatabase).raw("SELECT seq FROM audit_chain ORDER BY seq").all()
                    .map { try $0.decode(column: "seq", as: Int64.self) }
                #expect(seqs == Array(1...Int64(chain.chained)))
            }
        }

        @Test func aChangedRemovedOrTruncatedLogIsFound() async throws {
            try await withTestApp(geo: false) { app in
                for n in 1...5 { try await Self.record(n, app) }
                try await AuditChain.seal(on: app.db)
                let sealed = try await AuditChain.verify(on: app.db)
                #expect(sealed.problems.isEmpty && sealed.pending == 0)
                let sql = app.db as! any SQLDatabase
                try await Self.dropAppendOnlyTriggers(sql)

                // One event's content changed.
                try await sql.raw("UPDATE audit_events SET after_json = '{\"n\":\"9\"}' WHERE action = 'essai.2'").run()
                var chain = try await AuditChain.verify(on: app.db)
                #expect(chain.problems.count == 1)
                #expect(chain.problems.first?.contains("a été modifié") == true)
                #expect(chain.head == sealed.head)  // the links themselves still stand

                // One event removed with its link: the gap shows.
                let third = try #require(
                    try await sql.raw("SELECT event_id FROM audit_chain ORDER BY seq DESC LIMIT 1 OFFSET 2").first()?
                        .decode(column: "event_id", as: UUID.self))
                try await sql.raw("DELETE FROM audit_chain WHERE event_id = \(bind: third)").run()
                try await sql.raw("DELETE FROM audit_events WHERE id = \(bind: third)").run()
                chain = try await AuditChain.verify(on: app.db)
                #expect(chain.problems.contains { $0.contains("absents de la chaîne") })

                // An event slipped in without a link.
                try await sql.raw("DELETE FROM audit_pending").run()
                try await sql.raw(
                    """
                    INSERT INTO audit_events (id, at_epoch, actor_role, action, object_type, object_id)
                    VALUES (\(bind: UUID()), 0, 'admin', 'essai.ajout', 'essai', '0')
                    """
                ).run()
                try await sql.raw("DELETE FROM audit_pending").run()
                chain = try await AuditChain.verify(on: app.db)
                #expect(chain.problems.contains { $0.contains("le compte n’y est pas") })
            }
        }
    }
}
