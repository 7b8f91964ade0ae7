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
        territories: [DemoTerritoryPlan.Planned], laureates: [DemoApp], others: [DemoApp], actions: [DemoActionPlan.Planned],
        applicantSiren: String, passwords: [String: String]
    ) async throws {
        try await writeTerritories(territories)
        try await writeActions(actions)
        let commitments = DemoFinancing.make(regions: geo.regionNames.keys.sorted(), seed: 2021)
        for c in commitments { try await CommitmentRecord(c, by: .system(at: now)).create(on: db) }
        say("\(commitments.count) engagements des partenaires")
        let zonings = try await writeZonings(laureates + others)
        let calls = try await writeCalls()
        let envelopes = try await writeEnvelopes(calls: calls, laureates: laureates)
        let count = try await writeApplications(
            laureates + others, calls: calls, envelopes: envelopes, zonings: zonings,
            allotments: allotments(envelopes.all, calls: calls, laureates: laureates))
        try await writeSites(territories)
        try await writeInspiringProjects()
        try await DemoSurveys.write(territories: territories.map { ($0.id, $0.regions.sorted().first) }, on: db, now: now)
        say("2 enquêtes (87 territoires et 142 lauréats ont répondu)")
        try await writeAccounts(applicantSiren: applicantSiren, passwords: passwords)
        try await AuditLog.record(
            "demo.generation", by: .system(at: now), object: "base", id: "demo",
            after: ["territoires": String(territories.count), "dossiers": String(count)], on: db)
        say("\(DemoGenerator.accounts.count) comptes de démonstration")
    }

    /// Territories and their EPCI, then their outlines.
    func writeTerritories(_ territories: [DemoTerritoryPlan.Planned]) async throws {
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
    }

    /// Demonstration zonings where the projects' fragility needs them.
    func writeZonings(_ applications: [DemoApp]) async throws -> [CommuneZoning] {
        var zonings: [CommuneZoning] = []
        var zoned = Set<String>()
        for a in applications where a.fragile && !zoned.contains(a.commune) {
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
        return zonings
    }

    /// The three calls (2020-2021, collaborative 2021, 2026-2027) and the regional aid regime.
    func writeCalls() async throws -> [FundCall] {
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
        return [callA, callB, callC]
    }

    /// Envelopes per call, région and funder, sized on what the laureates committed; keyed
    /// `call:region:funder`.
    func writeEnvelopes(calls: [FundCall], laureates: [DemoApp]) async throws -> (all: [Envelope], byKey: [String: Envelope]) {
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
            envelopes.append(Envelope(callID: calls[2].id!, region: region, funder: .state, amount: EuroCents(euros: 20_000_000)))
            if !RegionGroup.isOverseas(regionCode: region), region != "94" {
                envelopes.append(
                    Envelope(
                        callID: calls[2].id!, region: region, funder: .region, amount: EuroCents(euros: 5_000_000),
                        oneForOne: region == "53"))
            }
        }
        try await envelopes.create(on: db)
        var byKey: [String: Envelope] = [:]
        for e in envelopes {
            let call = calls.firstIndex { $0.id == e.$call.id }!
            byKey["\(call):\(e.$region.id):\(e.funder.rawValue)"] = e
        }
        say("\(calls.count) appels, \(envelopes.count) enveloppes")
        return (envelopes, byKey)
    }

    /// The turnkey sites; SaôneOr linked to the Vicky Foods laureate that settled there.
    func writeSites(_ territories: [DemoTerritoryPlan.Planned]) async throws {
        let vicky = try await FundApplication.query(on: db).filter(\.$carrierName == "Vicky Foods").first()?.id
        let sites = DemoSites.make(geo, territories: territories, seed: 2021)
        for s in sites { try await SiteRecord(s, laureate: s.name == "SaôneOr" ? vicky : nil).create(on: db) }
        say("\(sites.count) sites industriels clés en main")
    }

    /// Inspiring projects the report tells (seed 003), on their real TI, published; and one from the
    /// demo territory awaiting review.
    func writeInspiringProjects() async throws {
        let vicky = try await FundApplication.query(on: db).filter(\.$carrierName == "Vicky Foods").first()?.reference
        let projects: [(String, String, ActionAxis, String, String?, InspiringStatus)] = [
            (
                "TI-AXE-SEINE", "Une banque de compensation environnementale pour concilier biodiversité et industrie", .simplify,
                "Avec l’appui de l’ANCT et de la Banque des Territoires, le territoire étudie une banque de compensation : un site naturel restauré sur le long terme dégage des « unités de compensation » que les porteurs de projets industriels acquièrent quand ils ne peuvent ni éviter ni réduire leurs impacts. L’étude a été étendue au Territoire d’industrie Nord Cotentin.",
                nil, .published
            ),
            (
                "TI-VALLEE-BRESLE", "[G]host : transmettre les gestes verriers en réalité virtuelle", .recruit,
                "Porté par le Centre européen de recherches et de formation aux arts verriers (CERFAV) avec les Territoires d’industrie Terres de Lorraine, Vallée de la Bresle - Vimeu et Flandre Saint-Omer, le projet capte les gestes des verriers pour les restituer en réalité virtuelle et augmentée, et former en environnement industriel.",
                nil, .published
            ),
            (
                "TI-GRAND-CHALON", "Vicky Foods s’installe sur le site clés en main SaôneOr", .attract,
                "Le groupe agroalimentaire a choisi le site industriel clés en main SaôneOr, à Fragnes-la-Loyère, pour construire sur 14 ha une usine de viennoiseries et de pains : 62 M€ d’investissement, 2,20 M€ du fonds d’accélération, 250 emplois prévus d’ici 2023.",
                vicky, .published
            ),
            (
                "TI-GRAND-ANNECY", "Un campus de la mécatronique avec les industriels de la vallée", .recruit,
                "Les entreprises du décolletage et l’agglomération montent ensemble des formations en alternance. (Projet de démonstration, en attente de relecture.)",
                nil, .pending
            ),
        ]
        for (ti, title, axis, text, reference, status) in projects {
            guard let id = TerritoryID(ti) else { continue }
            let record = InspiringProjectRecord(
                InspiringProjectContent(title: title, summary: text, axis: axis, territory: id, laureateReference: reference), at: now)
            record.status = status
            try await record.create(on: db)
        }
        say("\(projects.count) projets inspirants")
    }

    /// One account per role.
    func writeAccounts(applicantSiren: String, passwords: [String: String]) async throws {
        for account in DemoGenerator.accounts {
            var scope = Scope()
            switch account.role {
            case .region, .prefecture, .reviewer: scope.regions = ["84"]
            case .territory: scope.territory = TerritoryID("TI-GRAND-ANNECY")
            case .applicant: scope.organisation = Siren(applicantSiren)
            case .partner: scope.partner = "ademe"
            default: break
            }
            try await User(
                email: account.email, displayName: account.name, passwordHash: passwords[account.email]!, role: account.role,
                scope: scope, isDemo: true
            ).create(on: db)
        }
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
