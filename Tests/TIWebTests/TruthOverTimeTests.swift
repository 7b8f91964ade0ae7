import Fluent
import Foundation
import TIDomain
import TIPersistence
import Testing
import VaporTesting

@testable import TIWeb

extension AppTests {
    /// Writes made through the services change the published figures from their own date on, never
    /// before: read back through the indicators API, as a client would.
    @Suite("Figures true at their date")
    struct TruthOverTimeTests {
        static func figure(_ browser: Browser, _ id: String, _ query: String, part: String? = nil) async throws -> Double? {
            let body = try await browser.get("/api/v1/indicators/\(id)?\(query)").body
            let json = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]
            if let part { return ((json?["parts"] as? [String: Any])?[part] as? [String: Any])?["value"] as? Double }
            return (json?["result"] as? [String: Any])?["value"] as? Double
        }

        /// A laureate of 15 March 2021 reopened on 1 June 2021: before that day it is still a
        /// laureate with its aid and jobs; from that day it is back in committee.
        @Test func reopeningChangesOnlyTheFiguresFromItsDate() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                let laureate = try await f.application(to: .laureate)
                let browser = Browser(app)
                let reopened = try CivilDate(parsing: "2021-06-01")
                func at(_ day: String) async throws -> (count: Double?, aid: Double?, jobs: Double?) {
                    (
                        try await Self.figure(browser, "laureates.count", "as_of=\(day)"),
                        try await Self.figure(browser, "laureates.aid_eur", "as_of=\(day)"),
                        try await Self.figure(browser, "laureates.jobs_planned", "as_of=\(day)")
                    )
                }
                let before = try await at("2021-05-31")
                #expect(before.count == 1 && before.aid == 400_000 && before.jobs == 12)
                _ = try await FundService.perform(
                    .reopen, on: laureate, reason: "Erreur matérielle sur le montant de l’aide.", by: f.actor(.admin).on(reopened),
                    on: app.db)
                let stored = try #require(try await FundApplication.find(laureate.id, on: app.db))
                #expect(stored.state == .inCommittee && stored.decidedOn == nil && stored.aidStateCents == 0)
                let after = try await at("2021-05-31")
                #expect(after.count == before.count && after.aid == before.aid && after.jobs == before.jobs)
                #expect(try await Self.figure(browser, "envelopes.committed_eur", "as_of=2021-05-31") == 400_000)
                let now = try await at("2021-06-01")
                #expect(now.count == 0 && now.aid == 0)
                #expect(try await Self.figure(browser, "envelopes.committed_eur", "as_of=2021-06-01") == 0)
            }
        }

        /// An envelope raised on 1 July 2021 is worth its former amount before that day.
        @Test func anEnvelopeIncreaseCountsFromItsDate() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                let browser = Browser(app)
                let e = try await f.envelope("94", .state)
                let raised = try CivilDate(parsing: "2021-07-01")
                try await EnvelopeLedger.setAmount(
                    e.id!, to: EuroCents(euros: 15_000_000), actor: .system(at: raised.noonInParis), on: app.db)
                func state(_ day: String) async throws -> Double? {
                    try await Self.figure(browser, "envelopes.committed_eur", "as_of=\(day)&region=94", part: "amount_state")
                }
                #expect(try await state("2021-03-14") == 0)  // created with the call on 15 March 2021
                #expect(try await state("2021-06-30") == 10_000_000)
                #expect(try await state("2021-07-01") == 15_000_000)
            }
        }

        /// A follow-up entered on 1 Oct. 2021 about 1 June 2021 counts at 1 July 2021, but not « as
        /// known at » 30 Sept. 2021, before it was entered.
        @Test func aLateFollowUpIsLeftOutOfWhatWasKnownBefore() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                let laureate = try await f.application(to: .laureate)
                try await FundService.recordFollowUp(
                    laureate, on: try CivilDate(parsing: "2021-06-01"), jobsCreated: 6, investment: EuroCents(euros: 1_000_000),
                    comment: nil, by: f.actor(.region).on(try CivilDate(parsing: "2021-10-01")), on: app.db)
                let browser = Browser(app)
                let id = "laureates.share_jobs_created_by_2023"
                #expect(try await Self.figure(browser, id, "as_of=2021-07-01") == 0.5)
                #expect(try await Self.figure(browser, id, "as_of=2021-07-01&known_at=2021-09-30") == 0)
                #expect(try await Self.figure(browser, id, "as_of=2021-07-01&known_at=2021-10-01") == 0.5)
                #expect(try await browser.get("/api/v1/indicators/\(id)?known_at=hier").status == .badRequest)
            }
        }

        /// The région and TI pages show their figures at the date asked for, and say which date.
        @Test func regionAndTerritoryPagesHonourTheDate() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                _ = try await f.application(to: .laureate)  // decided on 15 March 2021, in Corse (TI-AJACCIO)
                let browser = Browser(app)
                func laureates(_ html: String) -> String? {
                    guard let range = html.range(of: "<p class=\"ti-figure__label\">lauréats</p>") else { return nil }
                    let before = html[..<range.lowerBound]
                    guard let open = before.range(of: "<p class=\"ti-figure__value\">", options: .backwards) else { return nil }
                    return String(before[open.upperBound...].prefix { $0 != "<" })
                }
                for path in ["/regions/94", "/territoires/TI-AJACCIO"] {
                    let then = try await browser.get("\(path)?as_of=2021-03-14")
                    #expect(then.status == .ok)
                    #expect(then.text.contains("Chiffres au 14 mars 2021"), "\(path)")
                    #expect(then.text.contains("value=\"2021-03-14\""), "\(path) keeps the date in its form")
                    #expect(laureates(then.text) == "0", "\(path)")
                    let later = try await browser.get("\(path)?as_of=2021-03-15")
                    #expect(later.text.contains("Chiffres au 15 mars 2021"), "\(path)")
                    #expect(laureates(later.text) == "1", "\(path)")
                    #expect(try await browser.get("\(path)?as_of=hier").status == .badRequest, "\(path)")
                }
            }
        }

        /// Ticking « collaboratif » on 1 June 2021 makes the call's laureates collaborative from that
        /// day on, not before; un-ticking it on 1 Sept. 2021 ends it from that day.
        @Test func aCallEditChangesOnlyTheFiguresFromItsDate() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                _ = try await f.application(to: .laureate)
                let browser = Browser(app)
                func collaborative(_ day: String) async throws -> Double? {
                    try await Self.figure(browser, "laureates.collaborative.count", "as_of=\(day)")
                }
                var draft = CallService.Draft(f.call)
                draft.collaborative = true
                _ = try await CallService.save(
                    draft, existing: f.call, actor: .system(at: try CivilDate(parsing: "2021-06-01").noonInParis), on: app.db)
                draft.collaborative = false
                _ = try await CallService.save(
                    draft, existing: f.call, actor: .system(at: try CivilDate(parsing: "2021-09-01").noonInParis), on: app.db)
                #expect(try await collaborative("2021-05-31") == 0)
                #expect(try await collaborative("2021-06-01") == 1)
                #expect(try await collaborative("2021-08-31") == 1)
                #expect(try await collaborative("2021-09-01") == 0)
            }
        }

        /// After writes that say which applications they changed, the cache patches just those
        /// records: what it then computes equals a full reload, at every date, including a deleted draft.
        @Test func theIncrementalRefreshEqualsAFullReload() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                let cache = IndicatorCache(recheck: 0)
                _ = try await f.application(to: .laureate)
                _ = try await cache.dataset(on: app.db)  // loaded once, before the writes below
                let loadedAt = try await IndicatorDatasetLoader.version(on: app.db)
                let second = try await f.application(to: .laureate)
                let draft = try await f.application(to: .draft)
                let third = try await f.application(to: .inCommittee)
                _ = try await FundService.perform(
                    .reopen, on: second, reason: "Erreur matérielle sur le montant de l’aide.",
                    by: f.actor(.admin).on(try CivilDate(parsing: "2021-06-01")), on: app.db)
                _ = try await FundService.deleteDraft(draft, by: f.actor(.applicant), on: app.db)
                let patched = try await cache.dataset(on: app.db)
                let full = try await IndicatorDatasetLoader.load(on: app.db)
                #expect(Set(patched.applications.map(\.id)) == Set(full.applications.map(\.id)))
                #expect(patched.applications.contains { $0.id == third.id!.uuidString })
                #expect(!patched.applications.contains { $0.id == draft.id!.uuidString })
                for day in ["2021-03-15", "2021-06-01", "2026-12-04"] {
                    let scope = IndicatorScope(asOf: try CivilDate(parsing: day))
                    #expect(
                        IndicatorEngine.computeAll(in: patched, scope: scope) == IndicatorEngine.computeAll(in: full, scope: scope),
                        "\(day)")
                }
                let latest = try await IndicatorDatasetLoader.version(on: app.db)
                // Every write since the load said which applications it changed: the refresh was incremental.
                #expect(try await IndicatorDatasetLoader.changes(after: loadedAt, upTo: latest, on: app.db).everything == false)
                // A write that changes no figure (the staff's notes) moves the version on (pages kept per
                // version show it) but names no application: the figure caches reload nothing.
                try await FundService.saveNotes(third, "Relancer le porteur sur les devis.", by: f.actor(.reviewer), on: app.db)
                let afterNotes = try await IndicatorDatasetLoader.version(on: app.db)
                #expect(afterNotes == latest + 1)
                let notes = try await IndicatorDatasetLoader.changes(after: latest, upTo: afterNotes, on: app.db)
                #expect(!notes.everything && notes.applications.isEmpty)
                // The call and its envelopes were created without saying so: from version 0, everything.
                #expect(try await IndicatorDatasetLoader.changes(after: 0, upTo: latest, on: app.db).everything)
            }
        }
    }
}
