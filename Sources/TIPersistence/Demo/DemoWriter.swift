import FluentSQL
import Foundation
import TIDomain

/// Writes the planned records in batches.
struct DemoWriter {
    let db: any Database
    let geo: DemoGeography
    let now: Date
    let say: @Sendable (String) -> Void

    func write(
        territories: [DemoTerritoryPlan.Planned], laureates: [DemoApp], others: [DemoApp],
        applicantSiren: String, passwords: [String: String]
    ) async throws {
        // Territories and their EPCI.
        var models: [Territory] = []
        var members: [TerritoryEpci] = []
        for t in territories {
            let m = Territory()
            m.apply(t.profile)
            models.append(m)
            members += t.epcis.map { TerritoryEpci(territoryID: t.id, epciSiren: $0) }
        }
        try await chunks(models, 200) { try await $0.create(on: db) }
        try await chunks(members, 300) { try await $0.create(on: db) }
        let outlines = try await TerritoryOutlines.recomputeAll(on: db)
        say("territoires enregistrés (\(outlines) contours)")

        // Demonstration zonings where the projects' fragility needs them.
        var zonings: [CommuneZoning] = []
        var zoned = Set<String>()
        for a in laureates + others where a.fragile && !zoned.contains(a.commune) {
            zoned.insert(a.commune)
            let place = geo.communes[a.commune]!
            let kind: ZoningKind =
                RegionGroup.isOverseas(regionCode: place.region)
                ? .afr
                : place.population >= 20_000 ? .qpv : place.population >= 8_000 ? .acv : place.population < 3_500 ? .zrr : .afr
            zonings.append(CommuneZoning(communeCode: a.commune, kind: kind, source: .demo))
        }
        try await chunks(zonings, 500) { try await $0.create(on: db) }
        say("\(zonings.count) zonages de démonstration")

        // Calls and envelopes.
        let callA = FundCall()
        let callB = FundCall()
        let callC = FundCall()
        func setup(
            _ call: FundCall, _ title: String, _ description: String, _ opens: String, _ closes: String, regime: String,
            collaborative: Bool, carriers: Set<CarrierKind>
        ) throws {
            call.title = title
            call.description = description
            call.$regime.id = regime
            call.apply(
                CallRules(
                    opensOn: try CivilDate(parsing: opens), closesOn: try CivilDate(parsing: closes), carriers: carriers,
                    sizes: Set(CompanySize.allCases), minimumInvestment: EuroCents(euros: 100_000), startWithinMonths: 12,
                    regions: [], collaborative: collaborative))
        }
        try setup(
            callA, "Fonds d’accélération des investissements industriels — 2020-2021",
            "Projets industriels mûrs dont l’investissement peut démarrer dans les 6 à 12 mois, portés par des entreprises de toutes tailles. Instruction par Bpifrance, décision conjointe de l’État et de la Région.",
            "2020-09-07", "2021-09-30", regime: "SA.56985-2020", collaborative: false, carriers: [.company, .association, .collective])
        try setup(
            callB, "Projets collaboratifs — 2021",
            "Actifs partagés, projets de filière entre entreprises, compétences (écoles de production…) : une enveloppe de 31 M€ réservée aux projets collaboratifs.",
            "2021-01-15", "2021-09-30", regime: "SA.56985-2020", collaborative: true, carriers: [.collective, .association, .company])
        try setup(
            callC, "Fonds d’accélération — appel 2026-2027",
            "Nouvel appel pour les projets industriels des territoires. (Appel de démonstration.)",
            "2026-06-01", "2027-06-30", regime: "SA.56985-2022", collaborative: false, carriers: [.company, .association, .collective])
        try await [callA, callB, callC].create(on: db)
        let regional = DemoTargets.regionalAidRegime
        if try await AidRegimeRecord.find(regional.id, on: db) == nil {
            try await AidRegimeRecord(id: regional.id, label: regional.label, ceiling: EuroCents(euros: regional.ceilingEuros)).create(
                on: db)
        }
        let calls = [callA, callB, callC]

        // Committed amounts per call, région and funder, from the laureates.
        var committed: [String: (state: Int64, region: Int64)] = [:]
        for a in laureates {
            let key = "\(a.call):\(a.region)"
            committed[key, default: (0, 0)].state += (a.aid - a.aidRegion) * 100
            committed[key, default: (0, 0)].region += a.aidRegion * 100
        }
        let stateA = committed.filter { $0.key.hasPrefix("0:") }.values.reduce(Int64(0)) { $0 + $1.state }
        let regionA = committed.filter { $0.key.hasPrefix("0:") }.values.reduce(Int64(0)) { $0 + $1.region }
        let stateB = committed.filter { $0.key.hasPrefix("1:") }.values.reduce(Int64(0)) { $0 + $1.state }
        let mainState = (DemoTargets.stateEnvelopeEuros - DemoTargets.collaborativeEnvelopeEuros) * 100
        guard stateA <= mainState, regionA <= DemoTargets.regionEnvelopeEuros * 100, stateB <= DemoTargets.collaborativeEnvelopeEuros * 100
        else {
            throw DemoError("les aides calibrées dépassent les enveloppes")
        }
        var envelopes: [Envelope] = []
        func add(call: Int, funder: Envelope.Funder, total: Int64, pick: ((state: Int64, region: Int64)) -> Int64) {
            let keys = committed.keys.filter { $0.hasPrefix("\(call):") && pick(committed[$0]!) > 0 }.sorted()
            let amounts = apportion(total, weights: keys.map { Double(pick(committed[$0]!)) })
            for (k, key) in keys.enumerated() {
                let region = String(key.split(separator: ":")[1])
                let amount = max(amounts[k], pick(committed[key]!))
                let e = Envelope(
                    callID: calls[call].id!, region: region, funder: funder, amount: EuroCents(cents: amount),
                    oneForOne: funder == .region && region == "53")
                e.committedCents = pick(committed[key]!)
                envelopes.append(e)
            }
        }
        add(call: 0, funder: .state, total: mainState) { $0.state }
        add(call: 0, funder: .region, total: DemoTargets.regionEnvelopeEuros * 100) { $0.region }
        add(call: 1, funder: .state, total: DemoTargets.collaborativeEnvelopeEuros * 100) { $0.state }
        for region in geo.regionNames.keys.sorted() {
            envelopes.append(Envelope(callID: callC.id!, region: region, funder: .state, amount: EuroCents(euros: 20_000_000)))
            if !RegionGroup.isOverseas(regionCode: region), region != "94" {
                envelopes.append(
                    Envelope(
                        callID: callC.id!, region: region, funder: .region, amount: EuroCents(euros: 5_000_000), oneForOne: region == "53"))
            }
        }
        try await envelopes.create(on: db)
        var byKey: [String: Envelope] = [:]
        for e in envelopes {
            let call = calls.firstIndex { $0.id == e.$call.id }!
            byKey["\(call):\(e.$region.id):\(e.funder.rawValue)"] = e
        }
        say("\(calls.count) appels, \(envelopes.count) enveloppes")

        // Applications with their history, payments and follow-ups.
        var applications: [FundApplication] = []
        var events: [ApplicationEvent] = []
        var payments: [Payment] = []
        var followUps: [FollowUp] = []
        var movements = allotments(envelopes, calls: calls, laureates: laureates)
        var sequence: [String: Int] = [:]
        let reviewer = AuditLog.Actor(id: nil, role: "reviewer", at: now)
        let applicant = AuditLog.Actor(id: nil, role: "applicant", at: now)
        let prefecture = AuditLog.Actor(id: nil, role: "prefecture", at: now)
        let region = AuditLog.Actor(id: nil, role: "region", at: now)
        let admin = AuditLog.Actor(id: nil, role: "admin", at: now)

        for a in laureates + others {
            let call = calls[a.call]
            let m = FundApplication(callID: call.id!, regimeID: a.regime ?? call.$regime.id, organisation: a.siren, createdBy: nil)
            m.id = UUID()
            var content = ApplicationContent()
            content.carrierName = a.name
            content.siren = a.siren
            content.carrierKind = a.carrier
            content.size = a.size
            content.legalForm = a.carrier == .association ? "Association" : "SAS"
            content.nafCode = DemoApplicationPlan.nafBySector[a.sector ?? .autre]
            content.sector = a.sector
            content.communeCode = a.commune
            content.title = a.title
            content.description = a.description
            let buildings = a.investment / 4
            content.investment = Investment(buildings: EuroCents(euros: buildings), equipment: EuroCents(euros: a.investment - buildings))
            content.requestedAid = EuroCents(euros: max(a.aid, 1))
            content.startDate = a.submitted.adding(days: 90)
            content.endDate = a.submitted.adding(days: 700)
            content.jobsCreated = a.jobs
            content.jobsMaintained = a.jobsMaintained
            content.jobsByHorizon = a.jobsBy2023
            content.stakes = a.stakes
            content.skills = a.skills
            content.ecological = a.ecological
            content.trainingPlaces = a.trainingPlaces
            content.relocatedJobs = a.relocatedJobs
            content.partners = a.partners
            // The demo's projects come from public announcements: published with that text.
            content.publicationConsent = true
            content.publicSummary = a.description
            m.content = content
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
                sequence[key, default: 0] += 1
                m.reference = ApplicationReference.make(year: year, region: place.region, sequence: sequence[key]!)
                m.submittedOn = a.submitted.iso
            }
            m.refreshSearchText()
            // History.
            func event(
                _ action: String, _ from: ApplicationState?, _ to: ApplicationState?, _ date: CivilDate, _ actor: AuditLog.Actor,
                _ reason: String? = nil
            ) {
                events.append(
                    ApplicationEvent(
                        applicationID: id, actor: actor, action: action, from: from, to: to, reason: reason, at: Self.epoch(date)))
            }
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
                m.aidStateCents = (a.aid - a.aidRegion) * 100
                m.aidRegionCents = a.aidRegion * 100
                for (funder, cents) in [(Envelope.Funder.state, m.aidStateCents), (.region, m.aidRegionCents)] where cents > 0 {
                    let e = byKey["\(a.call):\(a.region):\(funder.rawValue)"]!
                    movements.append(
                        EnvelopeMovement(
                            envelopeID: e.id!, kind: .commitment, amount: cents, applicationID: id, actorID: nil, at: Self.epoch(decided)))
                }
                if [.agreementSigned, .paymentsInProgress, .closed].contains(a.state) {
                    let signed = decided.adding(days: 35)
                    m.agreementReference = "CONV-\(m.reference ?? "")"
                    m.agreementOn = signed.iso
                    event("sign_agreement", .laureate, .agreementSigned, signed, region, "Convention \(m.agreementReference!)")
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
                        p.reference = "VERS-\(payments.count + 1)"
                        payments.append(p)
                        let e = byKey["\(a.call):\(a.region):\(funder.rawValue)"]!
                        e.paidCents += amount
                        movements.append(
                            EnvelopeMovement(
                                envelopeID: e.id!, kind: .payment, amount: amount, applicationID: id, actorID: nil, at: Self.epoch(paidOn)))
                    }
                    event("versement", .agreementSigned, .paymentsInProgress, paidOn, prefecture)
                }
                if a.state == .closed { event("close", .paymentsInProgress, .closed, try CivilDate(parsing: "2024-06-30"), admin) }
                if let f = a.followUp {
                    let follow = FollowUp()
                    follow.$application.id = id
                    follow.onDate = "2023-12-31"
                    follow.jobsCreated = f.jobs
                    follow.investmentCents = f.investment * 100
                    follow.recordedBy = "demo"
                    follow.recordedOn = DemoTargets.followUpRecorded.iso
                    followUps.append(follow)
                }
            }
            applications.append(m)
        }
        try await chunks(applications, 150) { try await $0.create(on: db) }
        say("\(applications.count) dossiers enregistrés")
        try await chunks(events, 500) { try await $0.create(on: db) }
        try await chunks(payments, 500) { try await $0.create(on: db) }
        try await chunks(followUps, 500) { try await $0.create(on: db) }
        for e in envelopes where e.paidCents > 0 { try await e.save(on: db) }
        try await chunks(movements, 500) { try await $0.create(on: db) }
        say(
            "\(events.count) événements, \(payments.count) versements, \(followUps.count) suivis, \(movements.count) mouvements d’enveloppes"
        )

        // One account per role.
        for account in DemoGenerator.accounts {
            var scope = Scope()
            switch account.role {
            case .region, .prefecture, .reviewer: scope.regions = ["84"]
            case .territory: scope.territory = TerritoryID("TI-GRAND-ANNECY")
            case .applicant: scope.organisation = Siren(applicantSiren)
            default: break
            }
            try await User(
                email: account.email, displayName: account.name, passwordHash: passwords[account.email]!, role: account.role,
                scope: scope, isDemo: true
            ).create(on: db)
        }
        try await AuditLog.record(
            "demo.generation", by: .system(at: now), object: "base", id: "demo",
            after: ["territoires": String(territories.count), "dossiers": String(applications.count)], on: db)
        say("\(DemoGenerator.accounts.count) comptes de démonstration")
    }

    /// Each envelope's allotments, dated: the State's 400 M€ at launch then the March 2021
    /// reinforcement, each Région's share when it commits its first aid, later calls at their opening.
    func allotments(_ envelopes: [Envelope], calls: [FundCall], laureates: [DemoApp]) -> [EnvelopeMovement] {
        var regionJoined: [String: CivilDate] = [:]
        for a in laureates where a.call == 0 && a.aidRegion > 0 {
            if let decided = a.decided, decided < regionJoined[a.region] ?? decided.adding(days: 1) { regionJoined[a.region] = decided }
        }
        let mainState = envelopes.filter { $0.$call.id == calls[0].id && $0.funder == .state }
        let atLaunch = apportion(DemoTargets.launchStateEnvelopeEuros * 100, weights: mainState.map { Double($0.amountCents) })
        var movements: [EnvelopeMovement] = []
        func allot(_ e: Envelope, _ kind: EnvelopeMovement.Kind, _ cents: Int64, _ day: CivilDate, _ note: String) {
            guard cents > 0 else { return }
            movements.append(EnvelopeMovement(envelopeID: e.id!, kind: kind, amount: cents, actorID: nil, note: note, at: Self.epoch(day)))
        }
        for e in envelopes {
            if let k = mainState.firstIndex(where: { $0 === e }) {
                allot(e, .initial, atLaunch[k], DemoTargets.launch, "Dotation France Relance (démonstration)")
                allot(e, .increase, e.amountCents - atLaunch[k], DemoTargets.reinforcement, "Abondement de mars 2021 (démonstration)")
            } else if e.$call.id == calls[0].id {
                allot(
                    e, .initial, e.amountCents, regionJoined[e.$region.id] ?? DemoTargets.launch,
                    "Dotation de la Région, « 1 pour 1 » (démonstration)")
            } else if e.$call.id == calls[1].id {
                allot(e, .initial, e.amountCents, DemoTargets.reinforcement, "Enveloppe des projets collaboratifs (démonstration)")
            } else {
                let opens = calls.first { $0.id == e.$call.id }.flatMap { try? CivilDate(parsing: $0.opensOn) } ?? DemoTargets.launch
                allot(e, .initial, e.amountCents, opens, "Dotation (démonstration)")
            }
        }
        return movements
    }

    static func epoch(_ date: CivilDate) -> Double {
        var c = DateComponents(year: date.year, month: date.month, day: date.day, hour: 10)
        c.timeZone = TimeZone(identifier: "Europe/Paris")
        return Calendar(identifier: .gregorian).date(from: c)!.timeIntervalSince1970
    }

    func chunks<T: Model>(_ items: [T], _ size: Int, _ body: ([T]) async throws -> Void) async throws {
        var start = 0
        while start < items.count {
            try await body(Array(items[start..<min(start + size, items.count)]))
            start += size
        }
    }
}
