import Fluent
import Foundation
import TIDomain
import TIPersistence
import Vapor

@testable import TIWeb

/// A call open in Corse (94) and Auvergne-Rhône-Alpes (84), envelopes, one account per role, and
/// helpers to bring applications to a given state through the real services.
struct FundFixture {
    let app: Application
    let call: FundCall
    var actors: [Role: FundService.Actor] = [:]
    var users: [Role: TIPersistence.User] = [:]
    static let today = try! CivilDate(parsing: "2021-03-15")
    /// The instant the fixture's actors act at: noon in Paris on `today`.
    static let now = today.noonInParis

    static func make(
        _ app: Application, stateEnvelope: Int64 = 10_000_000, regionEnvelope: Int64? = 5_000_000,
        oneForOne: Bool = false
    ) async throws -> FundFixture {
        let draft = CallService.Draft(
            title: "Fonds d’accélération — appel 2021", description: "Investissements industriels dans les territoires, projets mûrs.",
            opensOn: "2020-09-01", closesOn: "2021-06-30", carriers: ["company", "association", "collective"],
            sizes: ["tpe", "pme", "eti", "ge"],
            regions: "", minimumInvestment: "100000", startWithinMonths: "12", regimeID: "SA.56985-2020", collaborative: false)
        let call = try await CallService.save(draft, existing: nil, actor: .system(at: FundFixture.now), on: app.db)
        for region in ["94", "84"] {
            _ = try await EnvelopeLedger.create(
                call: call.id!, region: region, funder: .state, amount: EuroCents(euros: stateEnvelope),
                oneForOne: false, actor: .system(at: FundFixture.now), on: app.db)
            if let regionEnvelope {
                _ = try await EnvelopeLedger.create(
                    call: call.id!, region: region, funder: .region, amount: EuroCents(euros: regionEnvelope),
                    oneForOne: oneForOne, actor: .system(at: FundFixture.now), on: app.db)
            }
        }
        var fixture = FundFixture(app: app, call: call)
        for role in Role.allCases {
            let user = try await Accounts.make(role, on: app, region: "94")
            fixture.users[role] = user
            fixture.actors[role] = FundService.Actor(principal: user.principal, name: user.displayName, at: now)
        }
        return fixture
    }

    func actor(_ role: Role) -> FundService.Actor { actors[role]! }

    static func content(siren: String = "552100554", commune: String = "2A004", investment: Int64 = 2_000_000, aid: Int64 = 400_000)
        -> ApplicationContent
    {
        var c = ApplicationContent()
        c.carrierName = "Ateliers d’Ajaccio"
        c.siren = siren
        c.carrierKind = .company
        c.size = .pme
        c.legalForm = "SAS"
        c.nafCode = "25.62B"
        c.sector = .mecanique
        c.communeCode = commune
        c.title = "Nouvelle ligne d’usinage"
        c.description = "Installation d’une ligne d’usinage de précision et formation de douze opérateurs sur le site d’Ajaccio."
        c.investment = Investment(buildings: EuroCents(euros: investment / 4), equipment: EuroCents(euros: investment - investment / 4))
        c.requestedAid = EuroCents(euros: aid)
        c.startDate = try! CivilDate(parsing: "2021-05-01")
        c.endDate = try! CivilDate(parsing: "2022-12-31")
        c.jobsCreated = 12
        c.jobsMaintained = 40
        c.stakes = [.relocation, .ecological]
        c.ecological = [.decarbonisation]
        return c
    }

    /// A submitted application, then moved along to `state` through the real steps.
    func application(
        to state: ApplicationState, content: ApplicationContent = FundFixture.content(),
        proposal: (Int64, Int64) = (200_000, 200_000)
    ) async throws -> FundApplication {
        let db = app.db
        let a = try await FundService.createDraft(call: call, by: actor(.applicant), on: db)
        try await FundService.save(a, content: content, by: actor(.applicant), on: db)
        if state == .draft { return a }
        _ = try await FundService.submit(a, by: actor(.applicant), on: db)
        if state == .submitted { return a }
        _ = try await FundService.perform(.startReview, on: a, reason: nil, by: actor(.reviewer), on: db)
        if state == .underReview { return a }
        try await FundService.recordReview(
            a,
            .init(
                technicalOpinion: "Projet techniquement solide.", financialOpinion: "Structure financière saine.",
                eligibleInvestment: a.content.investment.total, proposedState: EuroCents(euros: proposal.0),
                proposedRegion: EuroCents(euros: proposal.1), overrides: [:]), by: actor(.reviewer), on: db)
        _ = try await FundService.perform(.completeReview, on: a, reason: nil, by: actor(.reviewer), on: db)
        if state == .reviewed { return a }
        _ = try await FundService.perform(.sendToCommittee, on: a, reason: nil, by: actor(.reviewer), on: db)
        if state == .inCommittee { return a }
        _ = try await FundService.decide(
            a.id!, favourable: true, motivation: "Projet structurant pour le territoire.", by: actor(.prefecture), on: db)
        _ = try await FundService.decide(
            a.id!, favourable: true, motivation: "Projet structurant pour le territoire.", by: actor(.region), on: db)
        return try await FundApplication.find(a.id, on: db)!
    }

    func envelope(_ region: String, _ funder: Envelope.Funder) async throws -> Envelope {
        try await EnvelopeLedger.envelopes(call: call.id!, region: region, on: app.db)[funder]!
    }
}

extension FundService.Actor {
    /// The same person acting on another day.
    func on(_ day: CivilDate) -> FundService.Actor { FundService.Actor(principal: principal, name: name, at: day.noonInParis) }
}
