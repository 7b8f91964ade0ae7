import Fluent
import Foundation
import TIDomain
import TIPersistence
import Testing
import VaporTesting

@testable import TIWeb

extension AppTests {
    @Suite("Fund: workflow, envelopes, ceilings, concurrency")
    struct FundServiceTests {
        @Test func theWholeJourneyWithAnInformationRequest() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                let db = app.db
                let a = try await f.application(to: .underReview)
                #expect(a.reference == "FA-2021-94-00001")
                #expect(a.regionCode == "94" && a.departementCode == "2A" && a.territoryID == "TI-AJACCIO")

                _ = try await FundService.requestInformation(
                    a, reason: .incomplete, message: "Joignez les devis des machines.", by: f.actor(.reviewer), on: db)
                #expect(a.state == .informationRequested && a.infoReason == "incomplete")
                var content = a.content
                content.description! += " Devis joints."
                try await FundService.save(a, content: content, by: f.actor(.applicant), on: db)
                _ = try await FundService.submit(a, by: f.actor(.applicant), on: db)
                #expect(a.state == .underReview && a.reference == "FA-2021-94-00001")

                try await FundService.recordReview(
                    a,
                    .init(
                        technicalOpinion: "Projet techniquement solide.", financialOpinion: "Structure saine.",
                        eligibleInvestment: EuroCents(euros: 1_800_000), proposedState: EuroCents(euros: 300_000),
                        proposedRegion: EuroCents(euros: 100_000), overrides: [:]), by: f.actor(.reviewer), on: db)
                _ = try await FundService.perform(.completeReview, on: a, reason: nil, by: f.actor(.reviewer), on: db)
                _ = try await FundService.perform(.sendToCommittee, on: a, reason: nil, by: f.actor(.reviewer), on: db)
                let (afterState, _) = try await FundService.decide(
                    a.id!, favourable: true, motivation: "Projet structurant, emplois.", by: f.actor(.prefecture), on: db)
                #expect(afterState.state == .inCommittee)  // one key is not enough
                let (laureate, notes) = try await FundService.decide(
                    a.id!, favourable: true, motivation: "Projet structurant, emplois.", by: f.actor(.region), on: db)
                #expect(laureate.state == .laureate && laureate.aidStateCents == 30_000_000 && laureate.aidRegionCents == 10_000_000)
                #expect(notes.count == 1)
                #expect(try await f.envelope("94", .state).committedCents == 30_000_000)
                #expect(try await f.envelope("94", .region).committedCents == 10_000_000)

                _ = try await FundService.signAgreement(
                    laureate, reference: "CONV-2021-001", date: try CivilDate(parsing: "2021-04-10"), by: f.actor(.region), on: db)
                // A schedule never beyond the aid; a payment of a planned amount settles that instalment.
                try await FundService.schedulePayment(
                    laureate, funder: .state, amount: EuroCents(euros: 150_000), dueOn: try CivilDate(parsing: "2021-05-01"),
                    by: f.actor(.prefecture), on: db)
                try await FundService.schedulePayment(
                    laureate, funder: .state, amount: EuroCents(euros: 150_000), dueOn: try CivilDate(parsing: "2022-05-01"),
                    by: f.actor(.prefecture), on: db)
                await #expect(throws: FundError.self) {
                    try await FundService.schedulePayment(
                        laureate, funder: .state, amount: EuroCents(euros: 1), dueOn: try CivilDate(parsing: "2023-05-01"),
                        by: f.actor(.prefecture), on: db)
                }
                // Each party records its own share only.
                let notTheirs = await #expect(throws: FundError.self) {
                    try await FundService.recordPayment(
                        laureate, funder: .state, amount: EuroCents(euros: 1), paidOn: try CivilDate(parsing: "2021-05-01"), reference: nil,
                        by: f.actor(.region), on: db)
                }
                #expect(notTheirs?.code == "autre_financeur")
                _ = try await FundService.recordPayment(
                    laureate, funder: .state, amount: EuroCents(euros: 150_000), paidOn: try CivilDate(parsing: "2021-05-01"),
                    reference: nil, by: f.actor(.prefecture), on: db)
                #expect(laureate.state == .paymentsInProgress)
                let lines = try await Payment.query(on: db).filter(\.$application.$id == laureate.id!).all()
                #expect(lines.count == 2 && lines.filter { $0.paidOn != nil }.count == 1 && lines.allSatisfy { $0.dueOn != nil })
                await #expect(throws: FundError.self) {
                    try await FundService.recordPayment(
                        laureate, funder: .state, amount: EuroCents(euros: 150_001), paidOn: try CivilDate(parsing: "2021-06-01"),
                        reference: nil, by: f.actor(.prefecture), on: db)
                }
                #expect(try await f.envelope("94", .state).paidCents == 15_000_000)
                try await FundService.recordFollowUp(
                    laureate, on: try CivilDate(parsing: "2023-12-31"), jobsCreated: 9, investment: EuroCents(euros: 1_700_000),
                    comment: nil, by: f.actor(.applicant), on: db)
                _ = try await FundService.perform(.close, on: laureate, reason: nil, by: f.actor(.admin), on: db)
                #expect(laureate.state == .closed)

                let history = try await ApplicationEvent.query(on: db).filter(\.$application.$id == a.id!).sort(\.$atEpoch).all().map(
                    \.action)
                #expect(
                    history.contains("request_information") && history.contains("resubmit") && history.contains("decide_laureate")
                        && history.contains("versement"))
                #expect(try await AuditEvent.query(on: db).filter(\.$action == "dossier.decision_region").count() == 1)
            }
        }

        /// The decision, the information request and the deposit carry data: their plain-button
        /// route answers 404, so a key cannot be turned without its motivation.
        @Test func actionsWithTheirOwnFormAreNotPlainButtons() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                let a = try await f.application(to: .inCommittee)
                let prefecture = Browser(app)
                try await prefecture.signIn("prefecture@exemple.fr", Accounts.password)
                let refused = try await prefecture.post("/dossiers/\(a.id!.uuidString)/actions/decide_laureate")
                #expect(refused.status == .notFound)
                #expect(try await FundApplication.find(a.id, on: app.db)?.stateFavourable == nil)
            }
        }

        @Test func oneUnfavourableKeyRejects() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                let a = try await f.application(to: .inCommittee)
                let (rejected, _) = try await FundService.decide(
                    a.id!, favourable: false, motivation: "Projet insuffisamment mûr.", by: f.actor(.region), on: app.db)
                #expect(rejected.state == .rejected)
                await #expect(throws: FundError.self) {
                    try await FundService.decide(
                        a.id!, favourable: true, motivation: "Trop tard pour décider.", by: f.actor(.prefecture), on: app.db)
                }
                #expect(try await f.envelope("94", .state).committedCents == 0)
            }
        }

        @Test func forbiddenTransitionsAndRolesAreRefused() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                let a = try await f.application(to: .submitted)
                for (action, role) in [
                    (ApplicationAction.completeReview, Role.reviewer), (.sendToCommittee, .reviewer), (.signAgreement, .admin),
                    (.close, .admin),
                ] {
                    await #expect(throws: FundError.self, "\(action)") {
                        try await FundService.perform(action, on: a, reason: "motif suffisamment long", by: f.actor(role), on: app.db)
                    }
                }
                await #expect(throws: FundError.self) {
                    try await FundService.perform(.startReview, on: a, reason: nil, by: f.actor(.applicant), on: app.db)
                }
                await #expect(throws: FundError.self) {
                    try await FundService.save(a, content: a.content, by: f.actor(.applicant), on: app.db)
                }  // not editable
                await #expect(throws: FundError.self) {
                    try await FundService.decide(
                        a.id!, favourable: true, motivation: "Pas encore en comité.", by: f.actor(.prefecture), on: app.db)
                }
                await #expect(throws: FundError.self) {
                    try await FundService.decide(
                        a.id!, favourable: true, motivation: "Un instructeur ne décide pas.", by: f.actor(.reviewer), on: app.db)
                }
                #expect(try await FundApplication.find(a.id, on: app.db)?.state == .submitted)
            }
        }

        @Test func incompleteAndLateSubmissionsAreRefused() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                let a = try await f.application(to: .draft, content: ApplicationContent())
                do {
                    _ = try await FundService.submit(a, by: f.actor(.applicant), on: app.db)
                    Issue.record("an empty draft was submitted")
                } catch let error as FundError {
                    #expect(error.code == "dossier_incomplet" && error.fields["raison_sociale"] != nil && error.fields["code_naf"] != nil)
                }
                let b = try await f.application(to: .draft)
                do {
                    _ = try await FundService.submit(b, by: f.actor(.applicant).on(try CivilDate(parsing: "2021-07-01")), on: app.db)
                    Issue.record("submitted after closing")
                } catch let error as FundError {
                    #expect(error.code == "appel_clos")
                }
                #expect(b.state == .draft && b.reference == nil)
            }
        }

        @Test func insufficientEnvelopeRefusesTheDecisionAndChangesNothing() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app, stateEnvelope: 300_000, regionEnvelope: 1_000_000)
                let a = try await f.application(to: .inCommittee, proposal: (250_000, 100_000))
                let b = try await f.application(to: .inCommittee, proposal: (100_000, 100_000))
                _ = try await FundService.decide(
                    a.id!, favourable: true, motivation: "Favorable pour ce projet.", by: f.actor(.prefecture), on: app.db)
                _ = try await FundService.decide(
                    a.id!, favourable: true, motivation: "Favorable pour ce projet.", by: f.actor(.region), on: app.db)
                _ = try await FundService.decide(
                    b.id!, favourable: true, motivation: "Favorable pour ce projet.", by: f.actor(.prefecture), on: app.db)
                do {
                    _ = try await FundService.decide(
                        b.id!, favourable: true, motivation: "Favorable pour ce projet.", by: f.actor(.region), on: app.db)
                    Issue.record("over-committed")
                } catch let error as FundError {
                    #expect(error.code == "enveloppe_insuffisante")
                    #expect(error.message.contains("manque 50\u{202F}000 €"))
                }
                let fresh = try #require(try await FundApplication.find(b.id, on: app.db))
                #expect(fresh.state == .inCommittee && fresh.regionFavourable == nil && fresh.aidStateCents == 0)
                #expect(try await f.envelope("94", .state).committedCents == 25_000_000)
                #expect(try await f.envelope("94", .region).committedCents == 10_000_000)  // the Région part was rolled back too
            }
        }

        @Test func aidCeilingPerUndertakingAcrossApplications() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                _ = try await f.application(
                    to: .laureate, content: FundFixture.content(investment: 5_000_000, aid: 1_500_000), proposal: (750_000, 750_000))
                let second = try await f.application(
                    to: .underReview, content: FundFixture.content(commune: "2B033", investment: 3_000_000, aid: 500_000))
                do {
                    try await FundService.recordReview(
                        second,
                        .init(
                            technicalOpinion: "Second projet solide.", financialOpinion: "Finances saines.",
                            eligibleInvestment: EuroCents(euros: 3_000_000), proposedState: EuroCents(euros: 200_000),
                            proposedRegion: EuroCents(euros: 200_000), overrides: [:]), by: f.actor(.reviewer), on: app.db)
                    Issue.record("ceiling not enforced")
                } catch let error as FundError {
                    #expect(error.code == "plafond_aides")
                    #expect(error.message.contains("dépassement de 100\u{202F}000 €"))
                }
                try await FundService.recordReview(
                    second,
                    .init(
                        technicalOpinion: "Second projet solide.", financialOpinion: "Finances saines.",
                        eligibleInvestment: EuroCents(euros: 3_000_000), proposedState: EuroCents(euros: 150_000),
                        proposedRegion: EuroCents(euros: 150_000), overrides: [:]), by: f.actor(.reviewer), on: app.db)
            }
        }

        @Test func oneForOneAndEligibilityOverrides() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app, oneForOne: true)
                let a = try await f.application(to: .underReview, content: FundFixture.content(investment: 50_000, aid: 10_000))
                await #expect(throws: FundError.self) {
                    try await FundService.recordReview(
                        a,
                        .init(
                            technicalOpinion: "Petit projet mais utile.", financialOpinion: "Finances saines.",
                            eligibleInvestment: EuroCents(euros: 50_000), proposedState: EuroCents(euros: 8_000),
                            proposedRegion: EuroCents(euros: 2_000), overrides: [:]), by: f.actor(.reviewer), on: app.db)
                }
                try await FundService.recordReview(
                    a,
                    .init(
                        technicalOpinion: "Petit projet mais utile.", financialOpinion: "Finances saines.",
                        eligibleInvestment: EuroCents(euros: 50_000), proposedState: EuroCents(euros: 5_000),
                        proposedRegion: EuroCents(euros: 5_000), overrides: [:]), by: f.actor(.reviewer), on: app.db)
                // 50 000 € is below the call's 100 000 € minimum: the review cannot complete without a written override.
                await #expect(throws: FundError.self) {
                    try await FundService.perform(.completeReview, on: a, reason: nil, by: f.actor(.reviewer), on: app.db)
                }
                try await FundService.recordReview(
                    a,
                    .init(
                        technicalOpinion: "Petit projet mais utile.", financialOpinion: "Finances saines.",
                        eligibleInvestment: EuroCents(euros: 50_000), proposedState: EuroCents(euros: 5_000),
                        proposedRegion: EuroCents(euros: 5_000),
                        overrides: ["investissement_minimum": "Projet collectif de filière prioritaire."]), by: f.actor(.reviewer),
                    on: app.db)
                _ = try await FundService.perform(.completeReview, on: a, reason: nil, by: f.actor(.reviewer), on: app.db)
                #expect(a.state == .reviewed)
            }
        }

        @Test func reopeningALaureateReleasesItsCommitment() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                let a = try await f.application(to: .laureate)
                #expect(try await f.envelope("94", .state).committedCents == 20_000_000)
                await #expect(throws: FundError.self) {
                    try await FundService.perform(.reopen, on: a, reason: "court", by: f.actor(.admin), on: app.db)
                }
                _ = try await FundService.perform(
                    .reopen, on: a, reason: "Erreur matérielle dans le montant proposé.", by: f.actor(.admin), on: app.db)
                #expect(a.state == .inCommittee && a.stateFavourable == nil && a.aidStateCents == 0)
                #expect(try await f.envelope("94", .state).committedCents == 0)
                let movements = try await EnvelopeMovement.query(on: app.db).all().map(\.kind)
                #expect(movements.contains(.release))
            }
        }

        @Test func envelopesOnlyGrow() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                let e = try await f.envelope("84", .state)
                try await EnvelopeLedger.setAmount(e.id!, to: EuroCents(euros: 12_000_000), actor: .system(at: FundFixture.now), on: app.db)
                await #expect(throws: FundError.self) {
                    try await EnvelopeLedger.setAmount(
                        e.id!, to: EuroCents(euros: 11_000_000), actor: .system(at: FundFixture.now), on: app.db)
                }
                #expect(try await Envelope.find(e.id, on: app.db)?.amountCents == 1_200_000_000)
            }
        }

        /// Eight decisions for one undertaking race against its State-aid ceiling (1.8 M€ under
        /// SA.56985-2020): 4 × 400 000 € pass, a fifth would exceed it; the lock per SIREN serialises
        /// the check, so parallel decisions never pass it together, on SQLite as on PostgreSQL.
        @Test func concurrentDecisionsNeverPassTheCeiling() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app, stateEnvelope: 10_000_000, regionEnvelope: nil)
                var ids: [UUID] = []
                for _ in 0..<8 {
                    let a = try await f.application(
                        to: .inCommittee, content: FundFixture.content(siren: "552100554", aid: 400_000), proposal: (400_000, 0))
                    _ = try await FundService.decide(
                        a.id!, favourable: true, motivation: "Favorable, projet mûr.", by: f.actor(.prefecture), on: app.db)
                    ids.append(a.id!)
                }
                let region = f.actor(.region)
                let results = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for id in ids {
                        group.addTask {
                            do {
                                _ = try await FundService.decide(
                                    id, favourable: true, motivation: "Favorable, projet mûr.", by: region, on: app.db)
                                return true
                            } catch let error as FundError where error.code == "plafond_aides" {
                                return false
                            }
                        }
                    }
                    return try await group.reduce(into: [Bool]()) { $0.append($1) }
                }
                #expect(results.filter { $0 }.count == 4)
                let granted = try await FundApplication.query(on: app.db).filter(\.$siren == "552100554").all()
                    .filter(\.state.isLaureate).reduce(Int64(0)) { $0 + $1.aidStateCents + $1.aidRegionCents }
                #expect(granted == 160_000_000 && granted <= 180_000_000)
            }
        }

        /// Many decisions race for the last euros of one envelope: never over-committed.
        @Test func concurrentDecisionsNeverOverCommit() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app, stateEnvelope: 700_000, regionEnvelope: nil)
                var ids: [UUID] = []
                for _ in 0..<20 {
                    let a = try await f.application(
                        to: .inCommittee, content: FundFixture.content(siren: "552100554", aid: 100_000), proposal: (100_000, 0))
                    _ = try await FundService.decide(
                        a.id!, favourable: true, motivation: "Favorable, projet mûr.", by: f.actor(.prefecture), on: app.db)
                    ids.append(a.id!)
                }
                // The ceiling is per undertaking: 20 × 100 000 € stays under 1.8 M€.
                let region = f.actor(.region)
                let results = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for id in ids {
                        group.addTask {
                            do {
                                _ = try await FundService.decide(
                                    id, favourable: true, motivation: "Favorable, projet mûr.", by: region, on: app.db)
                                return true
                            } catch let error as FundError where error.code == "enveloppe_insuffisante" {
                                return false
                            }
                        }
                    }
                    return try await group.reduce(into: [Bool]()) { $0.append($1) }
                }
                let envelope = try await f.envelope("94", .state)
                #expect(results.filter { $0 }.count == 7)
                #expect(envelope.committedCents == 70_000_000 && envelope.committedCents <= envelope.amountCents)
                #expect(try await FundApplication.query(on: app.db).filter(\.$state == .laureate).count() == 7)
                let committed = try await EnvelopeMovement.query(on: app.db).filter(\.$kind == .commitment).all().reduce(Int64(0)) {
                    $0 + $1.amountCents
                }
                #expect(committed == envelope.committedCents)
            }
        }
    }
}
