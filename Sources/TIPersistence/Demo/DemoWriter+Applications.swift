import FluentKit
import Foundation
import TIDomain

extension DemoWriter {
    /// What is written with the applications, gathered first and written in batches.
    struct ApplicationBatch {
        var applications: [FundApplication] = []
        var events: [ApplicationEvent] = []
        var payments: [Payment] = []
        var followUps: [FollowUp] = []
        var movements: [EnvelopeMovement]
        /// Deposits per `year-région`, for the references.
        var sequence: [String: Int] = [:]

        mutating func event(
            _ application: UUID, _ action: String, _ from: ApplicationState?, _ to: ApplicationState?, _ date: CivilDate,
            _ actor: AuditLog.Actor, _ reason: String? = nil
        ) {
            events.append(
                ApplicationEvent(
                    applicationID: application, actor: actor, action: action, from: from, to: to, reason: reason,
                    at: DemoWriter.epoch(date)))
        }
    }

    /// Who acts in the demo's histories (no account: the role only).
    func actor(_ role: String) -> AuditLog.Actor { AuditLog.Actor(id: nil, role: role, at: now) }

    /// Applications with their history, payments, follow-ups and envelope movements.
    func writeApplications(
        _ all: [DemoApp], calls: [FundCall], envelopes: (all: [Envelope], byKey: [String: Envelope]), zonings: [CommuneZoning],
        allotments: [EnvelopeMovement]
    ) async throws -> Int {
        var batch = ApplicationBatch(movements: allotments)
        for a in all { try record(a, call: calls[a.call], envelopes: envelopes.byKey, zonings: zonings, into: &batch) }
        try await chunks(batch.applications, 150) { try await $0.create(on: db) }
        say("\(batch.applications.count) dossiers enregistrés")
        try await chunks(batch.events, 500) { try await $0.create(on: db) }
        try await chunks(batch.payments, 500) { try await $0.create(on: db) }
        try await chunks(batch.followUps, 500) { try await $0.create(on: db) }
        for e in envelopes.all where e.paidCents > 0 { try await e.save(on: db) }
        try await chunks(batch.movements, 500) { try await $0.create(on: db) }
        say(
            "\(batch.events.count) événements, \(batch.payments.count) versements, \(batch.followUps.count) suivis, \(batch.movements.count) mouvements d’enveloppes"
        )
        return batch.applications.count
    }

    /// The application form as its carrier filled it.
    static func content(_ a: DemoApp) -> ApplicationContent {
        var c = ApplicationContent()
        c.carrierName = a.name
        c.siren = a.siren
        c.carrierKind = a.carrier
        c.size = a.size
        c.legalForm = a.carrier == .association ? "Association" : "SAS"
        c.nafCode = DemoApplicationPlan.nafBySector[a.sector ?? .autre]
        c.sector = a.sector
        c.communeCode = a.commune
        c.title = a.title
        c.description = a.description
        let buildings = a.investment / 4
        c.investment = Investment(buildings: EuroCents(euros: buildings), equipment: EuroCents(euros: a.investment - buildings))
        c.requestedAid = EuroCents(euros: max(a.aid, 1))
        c.startDate = a.submitted.adding(days: 90)
        c.endDate = a.submitted.adding(days: 700)
        c.jobsCreated = a.jobs
        c.jobsMaintained = a.jobsMaintained
        c.jobsByHorizon = a.jobsBy2023
        c.stakes = a.stakes
        c.skills = a.skills
        c.ecological = a.ecological
        c.trainingPlaces = a.trainingPlaces
        c.relocatedJobs = a.relocatedJobs
        c.partners = a.partners
        // The demo's projects come from public announcements: published with that text.
        c.publicationConsent = true
        c.publicSummary = a.description
        return c
    }

    /// One application: its row, and its history up to its state.
    func record(
        _ a: DemoApp, call: FundCall, envelopes: [String: Envelope], zonings: [CommuneZoning], into batch: inout ApplicationBatch
    ) throws {
        let m = FundApplication(callID: call.id!, regimeID: a.regime ?? call.$regime.id, organisation: a.siren, createdBy: nil)
        m.id = UUID()
        m.content = Self.content(a)
        m.stakesKnown = a.stakesKnown
        let place = geo.communes[a.commune]!
        m.regionCode = place.region
        m.departementCode = place.departement
        m.epciSiren = place.epci
        m.territoryID = a.territory
        m.fragile = a.fragile
        m.zonings = a.fragile ? zonings.first { $0.$commune.id == a.commune }?.kind.rawValue ?? "" : ""
        m.state = a.state
        let id = m.id!
        if a.state != .draft {
            let year = a.submitted.year
            let key = "\(year)-\(place.region)"
            batch.sequence[key, default: 0] += 1
            m.reference = ApplicationReference.make(year: year, region: place.region, sequence: batch.sequence[key]!)
            m.submittedOn = a.submitted.iso
        }
        m.refreshSearchText()
        // History.
        let (applicant, reviewer, prefecture, region) = (actor("applicant"), actor("reviewer"), actor("prefecture"), actor("region"))
        func event(
            _ action: String, _ from: ApplicationState?, _ to: ApplicationState?, _ date: CivilDate, _ actor: AuditLog.Actor,
            _ reason: String? = nil
        ) { batch.event(id, action, from, to, date, actor, reason) }
        let s = a.submitted
        event("creation", nil, .draft, s.adding(days: -10), applicant)
        let reviewedStates: Set<ApplicationState> = [
            .reviewed, .inCommittee, .laureate, .rejected, .agreementSigned, .paymentsInProgress, .closed,
        ]
        if a.state != .draft {
            event("submit", .draft, .submitted, s, applicant)
        }
        if a.state == .withdrawn {
            event("withdraw", .submitted, .withdrawn, s.adding(days: 20), applicant, "Projet reporté par l’entreprise.")
        }
        if [.underReview, .informationRequested].contains(a.state) || reviewedStates.contains(a.state) {
            event("start_review", .submitted, .underReview, s.adding(days: 5), reviewer)
        }
        if a.state == .informationRequested {
            m.infoReason = InformationReason.incomplete.rawValue
            m.infoMessage = "Merci de joindre les devis des principaux équipements."
            event("request_information", .underReview, .informationRequested, s.adding(days: 15), reviewer, m.infoMessage)
        }
        if reviewedStates.contains(a.state) {
            m.technicalOpinion = "Projet industriel mûr, techniquement cohérent. (Avis de démonstration.)"
            m.financialOpinion = "Structure financière compatible avec l’investissement. (Avis de démonstration.)"
            m.eligibleInvestmentCents = a.investment * 100
            m.proposedStateCents = (a.aid - a.aidRegion) * 100
            m.proposedRegionCents = a.aidRegion * 100
            event("complete_review", .underReview, .reviewed, s.adding(days: 25), reviewer)
        }
        if [.inCommittee, .laureate, .rejected, .agreementSigned, .paymentsInProgress, .closed].contains(a.state) {
            event("send_to_committee", .reviewed, .inCommittee, s.adding(days: 26), reviewer)
        }
        if a.state == .inCommittee, a.stateKey == true {
            m.stateFavourable = true
            m.stateMotivation = "Projet structurant pour le territoire. (Démonstration.)"
            event("decision_state", nil, nil, s.adding(days: 27), prefecture, "Favorable")
        }
        if let decided = a.decided {
            m.decidedOn = decided.iso
            let favourable = a.state != .rejected
            m.stateFavourable = true
            m.stateMotivation = "Projet structurant, créateur d’emplois. (Motivation de démonstration.)"
            m.regionFavourable = favourable
            m.regionMotivation =
                favourable
                ? "Projet cohérent avec la stratégie régionale. (Démonstration.)"
                : "Projet insuffisamment mûr à ce stade. (Démonstration.)"
            event("decision_state", nil, nil, decided, prefecture, "Favorable")
            event("decision_region", nil, nil, decided, region, favourable ? "Favorable" : "Défavorable")
            event(favourable ? "decide_laureate" : "decide_rejected", .inCommittee, favourable ? .laureate : .rejected, decided, region)
        }
        if a.state.isLaureate, let decided = a.decided {
            try afterDecision(a, m, decided: decided, envelopes: envelopes, into: &batch)
        }
        batch.applications.append(m)
    }

    /// A laureate's life after the decision: commitments on its envelopes, agreement, payments,
    /// closing and the follow-up at end 2023.
    func afterDecision(
        _ a: DemoApp, _ m: FundApplication, decided: CivilDate, envelopes byKey: [String: Envelope],
        into batch: inout ApplicationBatch
    ) throws {
        let id = m.id!
        let (prefecture, region, admin) = (actor("prefecture"), actor("region"), actor("admin"))
        m.aidStateCents = (a.aid - a.aidRegion) * 100
        m.aidRegionCents = a.aidRegion * 100
        for (funder, cents) in [(Envelope.Funder.state, m.aidStateCents), (.region, m.aidRegionCents)] where cents > 0 {
            let e = byKey["\(a.call):\(a.region):\(funder.rawValue)"]!
            batch.movements.append(
                EnvelopeMovement(
                    envelopeID: e.id!, kind: .commitment, amount: cents, applicationID: id, actorID: nil, at: Self.epoch(decided)))
        }
        if [.agreementSigned, .paymentsInProgress, .closed].contains(a.state) {
            let signed = decided.adding(days: 35)
            m.agreementReference = "CONV-\(m.reference ?? "")"
            m.agreementOn = signed.iso
            batch.event(id, "sign_agreement", .laureate, .agreementSigned, signed, region, "Convention \(m.agreementReference!)")
        }
        if [.paymentsInProgress, .closed].contains(a.state) {
            let paidOn = decided.adding(days: 90)
            for (funder, granted) in [(Envelope.Funder.state, m.aidStateCents), (.region, m.aidRegionCents)] where granted > 0 {
                let amount = a.state == .closed ? granted : granted / 2
                let p = Payment()
                p.$application.id = id
                p.funder = funder
                p.amountCents = amount
                p.paidOn = paidOn.iso
                p.reference = "VERS-\(batch.payments.count + 1)"
                batch.payments.append(p)
                let e = byKey["\(a.call):\(a.region):\(funder.rawValue)"]!
                e.paidCents += amount
                batch.movements.append(
                    EnvelopeMovement(
                        envelopeID: e.id!, kind: .payment, amount: amount, applicationID: id, actorID: nil, at: Self.epoch(paidOn)))
            }
            batch.event(id, "versement", .agreementSigned, .paymentsInProgress, paidOn, prefecture)
        }
        if a.state == .closed { batch.event(id, "close", .paymentsInProgress, .closed, try CivilDate(parsing: "2024-06-30"), admin) }
        if let f = a.followUp {
            let follow = FollowUp()
            follow.$application.id = id
            follow.onDate = "2023-12-31"
            follow.jobsCreated = f.jobs
            follow.investmentCents = f.investment * 100
            follow.recordedBy = "demo"
            follow.recordedOn = DemoTargets.followUpRecorded.iso
            batch.followUps.append(follow)
        }
    }
}
