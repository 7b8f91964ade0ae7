import Foundation
import SnapshotTesting
import Testing

@testable import TIDomain
@testable import TIPersistence
@testable import TIWeb

/// Each page rendered from its `Model.mock`, compared with the HTML committed under
/// `__Snapshots__/` (one element per line, so a change reads as a diff). A deliberate change is
/// recorded with `SNAPSHOT_TESTING_RECORD=all swift test --filter PageSnapshotTests`, then reviewed.
@Suite("Pages from their mocks")
struct PageSnapshotTests {
    @Test func envelopes() {
        assertSnapshot(of: EnvelopesPage(model: .mock).render(), as: .html)
    }

    @Test func envelope() {
        assertSnapshot(of: EnvelopePage(model: .mock).render(), as: .html)
    }

    @Test func fundIndex() {
        assertSnapshot(of: FundIndexPage.mock.render(), as: .html)
    }

    @Test func callForAnApplicant() {
        assertSnapshot(of: CallPage.mock.render(), as: .html)
    }

    @Test func workQueue() {
        assertSnapshot(of: QueuePage(model: .mock).render(), as: .html)
    }

    /// Just created (its secret shown once), active, expired, revoked.
    @Test func apiTokens() {
        func token(_ n: Int, _ name: String, expires: Double, revoked: Double? = nil) -> APITokenSummary {
            APITokenSummary(
                id: UUID(uuidString: "00000000-0000-0000-0000-00000000000\(n)")!, name: name, prefix: "ti_ab12c\(n)",
                createdEpoch: 1_615_800_000, expiresEpoch: expires, lastUsedEpoch: n == 1 ? 1_615_900_000 : nil, revokedEpoch: revoked)
        }
        let page = TokensPage(
            tokens: [
                token(1, "Tableau de bord <régional>", expires: 1_700_000_000), token(2, "Ancien script", expires: 1_600_000_000),
                token(3, "Export", expires: 1_700_000_000, revoked: 1_616_000_000),
            ],
            created: ("Tableau de bord <régional>", "ti_ab12c1-secret-shown-once"), now: 1_616_100_000)
        assertSnapshot(of: page.render(), as: .html)
    }

    /// A subscription with a delivered, a pending (after a 500) and a given-up delivery.
    @Test func webhooks() {
        func delivery(_ n: Int, _ status: WebhookDelivery.Status, attempts: Int, last: Int?) -> WebhookService.Delivery {
            WebhookService.Delivery(
                id: UUID(uuidString: "00000000-0000-0000-0000-00000000010\(n)")!, event: n == 3 ? "dossier.paiement" : "dossier.etat",
                applicationID: UUID(uuidString: "ABCDEF12-0000-0000-0000-000000000001")!, sequence: Int64(n), status: status,
                attempts: attempts, nextAttemptEpoch: status == .pending ? 1_615_806_030 : nil, lastStatus: last, lastError: nil,
                deliveredEpoch: status == .delivered ? 1_615_806_000 : nil, createdEpoch: 1_615_806_000)
        }
        let subscription = WebhookService.Subscription(
            id: UUID(uuidString: "00000000-0000-0000-0000-000000000100")!, url: "https://exemple.fr/hook?<x>",
            events: [.state, .payment], active: true, createdEpoch: 1_615_800_000)
        let page = WebhooksPage(
            entries: [
                .init(
                    subscription: subscription,
                    deliveries: [
                        delivery(3, .failed, attempts: 31, last: 500), delivery(2, .pending, attempts: 1, last: 500),
                        delivery(1, .delivered, attempts: 1, last: 204),
                    ], total: 25)
            ], notice: "La livraison sera renvoyée dans quelques secondes.")
        assertSnapshot(of: page.render(), as: .html)
    }

    @Test func signInWithAnError() {
        assertSnapshot(
            of: SignInPage(email: "porteur@exemple.fr", back: "/dossiers", error: "Adresse ou mot de passe incorrect.").render(), as: .html)
    }

    @Test func forgotPasswordSent() {
        assertSnapshot(of: ForgotPasswordPage(sent: true).render(), as: .html)
    }

    @Test func resetPasswordExpired() {
        assertSnapshot(of: ResetPasswordPage(token: "expire", valid: false).render(), as: .html)
    }

    @Test func committeeConfirmation() {
        let page = CommitteeConfirmPage(
            regionCode: "94", regionName: "Corse", page: 1,
            decisions: [
                .init(
                    id: "00000000-0000-0000-0000-0000000000a1", reference: "FA-2021-94-00001", carrier: "Ateliers d’Ajaccio",
                    favourable: true, motivation: "Projet structurant pour le territoire."),
                .init(
                    id: "00000000-0000-0000-0000-0000000000a2", reference: "FA-2021-94-00002", carrier: "Scierie <du> « Niolu »",
                    favourable: false, motivation: "Plan de financement incomplet."),
            ])
        assertSnapshot(of: page.render(), as: .html)
    }
}

// MARK: - Every other page, from `Mock`

extension PageSnapshotTests {
    // Public site

    @Test func home() {
        let counts = GeoQueries.Counts(regions: 18, departements: 101, epcis: 1_254, communes: 34_965, territories: 146)
        assertSnapshot(of: HomePage(counts: counts, map: Mock.svg).render(), as: .html)
    }

    @Test func openData() {
        let day = try! CivilDate(parsing: "2021-09-24")
        let datasets = [
            OpenDataset(
                id: "subventions", title: "Subventions du fonds d’accélération", description: "Une ligne par décision et par financeur.",
                schema: ("SCDL subventions 2.1.1", "https://schema.data.gouv.fr/scdl/subventions/2.1.1/"),
                distributions: [.init(format: "CSV", mediaType: "text/csv", path: "/donnees/subventions.csv")], rows: 1_234,
                modified: day)
        ]
        assertSnapshot(
            of: DataPage(datasets: datasets, regions: [("84", "Auvergne-Rhône-Alpes")], publicURL: "https://ti.example").render(),
            as: .html)
    }

    @Test func regions() {
        assertSnapshot(of: RegionIndexPage(regions: [Mock.regionSummary], map: Mock.svg).render(), as: .html)
    }

    @Test func region() {
        let model = RegionShowPage.Model(
            code: "75", name: "Nouvelle-Aquitaine", asOf: Mock.today, summary: Mock.regionSummary,
            departements: [(code: "64", name: "Pyrénées-Atlantiques", stats: Mock.departementStats)], territories: [Mock.territorySummary],
            map: Mock.svg, dashboard: Mock.dashboard)
        assertSnapshot(of: RegionShowPage(model: model).render(), as: .html)
    }

    @Test func departement() {
        let model = DepartementShowPage.Model(
            code: "64", name: "Pyrénées-Atlantiques", regionCode: "75", regionName: "Nouvelle-Aquitaine", stats: Mock.departementStats,
            epcis: [Mock.epci], territoryNames: ["TI-PAU": "Pau Béarn"], asOf: Mock.today, pagination: try! Pagination(page: 2, size: 50),
            laureateCount: 51, laureatesInside: 1,
            laureates: [
                LaureatePoint(
                    id: UUID(uuidString: "00000000-0000-0000-0000-000000000051")!, name: "Forges <de> l’Adour", commune: "64445",
                    communeName: "Pau", departement: "64", territory: "TI-PAU", lon: -0.37, lat: 43.3,
                    investment: EuroCents(cents: 1_000_000_00), aid: EuroCents(cents: 150_000_00), jobs: 12, decided: Mock.today)
            ])
        assertSnapshot(of: DepartementShowPage(model: model).render(), as: .html)
    }

    @Test func territories() {
        let model = TerritoryIndexPage.Model(
            regions: [(code: "75", name: "Nouvelle-Aquitaine")], selectedRegion: "75", query: "pau <b>", status: .active,
            territories: [Mock.territorySummary], totalCount: 146, hasGeography: true)
        assertSnapshot(of: TerritoryIndexPage(model: model).render(), as: .html)
    }

    @Test func territory() {
        let profile = TerritoryProfile(
            id: TerritoryID("TI-PAU")!, name: "Pau Béarn", electedOfficial: Contact(name: "Élue <Vice-présidente>", role: "VP économie"),
            industrialist: Contact(name: "Jean Industriel", organisation: "Forges & Cie"), projectLead: Contact(name: "Chloé Cheffe"),
            projectLeadFundedByState: true, labelDate: Mock.day("2018-11-22"))
        let model = TerritoryShowPage.Model(
            dashboard: Mock.dashboard, asOf: Mock.today, territory: profile, summary: Mock.territorySummary, members: [Mock.epci],
            communes: [.init(code: "64445", name: "Pau", population: 75_665), .init(code: "64348", name: "Lons", population: nil)],
            regions: [(code: "75", name: "Nouvelle-Aquitaine")], departements: [(code: "64", name: "Pyrénées-Atlantiques")],
            maps: [(code: "75", name: "Nouvelle-Aquitaine", svg: Mock.svg)], ownFiles: true)
        assertSnapshot(of: TerritoryShowPage(model: model).render(), as: .html)
    }

    @Test func map() {
        let page = MapPage(
            measure: .aide, byRegion: true, perInhabitant: false, asOf: Mock.today, showPoints: true, svg: Mock.svg,
            legend: [("#000091", "plus de 50 M€"), ("#e3e3fd", "moins de 10 M€")],
            areas: [.init(code: "75", name: "Nouvelle-Aquitaine", value: 56_500_000, population: 5_979_778)], laureates: 126, inside: 100,
            query: .init(mesure: "aide", niveau: "region", perInhabitant: nil, asOf: "2021-09-24", points: "oui"))
        assertSnapshot(of: page.render(), as: .html)
    }

    /// Too many laureates for a dot each: the page says how they are grouped, and circles lead to départements.
    @Test func mapGrouped() {
        let page = MapPage(
            measure: .laureats, byRegion: false, perInhabitant: false, asOf: Mock.today, showPoints: true, svg: Mock.svg, legend: [],
            grouping:
                "Au-delà de 1 500 points, la carte deviendrait illisible : les lauréats sont regroupés par département (96 départements).",
            areas: [], laureates: 200_000, inside: 120_000,
            query: .init(mesure: "laureats", niveau: "departement", perInhabitant: nil, asOf: nil, points: nil))
        assertSnapshot(of: page.render(), as: .html)
    }

    @Test func laureate() {
        let page = LaureatePage(application: Mock.application(.paymentsInProgress), callTitle: CallSummary.mock.title, place: Mock.place)
        assertSnapshot(of: page.render(), as: .html)
    }

    @Test func indicators() {
        let page = IndicatorsPage(
            dashboard: Mock.dashboard, scopeLabel: "Nouvelle-Aquitaine", asOf: Mock.today,
            regions: [(code: "75", name: "Nouvelle-Aquitaine")],
            territories: [(id: "TI-PAU", name: "Pau Béarn")],
            query: try! JSONDecoder().decode(IndicatorQuery.self, from: Data(#"{"as_of": "2021-09-24", "region": "75"}"#.utf8)))
        assertSnapshot(of: page.render(), as: .html)
    }

    @Test func notFound() {
        assertSnapshot(of: ErrorPage(status: .notFound, message: "Ce dossier n’existe pas <ou plus>.").render(), as: .html)
    }

    // The applicant

    @Test func myApplications() {
        let page = MyApplicationsPage(
            applications: [(Mock.application(.draft), CallSummary.mock.title), (Mock.application(.informationRequested), "Appel 2021")],
            notifications: [.init(atEpoch: Mock.epoch, text: "Des compléments sont demandés.", applicationID: Mock.id(1))],
            openCalls: [.mock], notice: "Brouillon supprimé.")
        assertSnapshot(of: page.render(), as: .html)
    }

    /// After a refused save: every problem listed, the values as typed.
    @Test func applicationFormWithErrors() {
        let page = ApplicationEditPage(
            application: Mock.application(.informationRequested), call: .mock, content: Mock.content,
            errors: ["siren": "Le SIREN « 12 » doit compter 9 chiffres.", "commune": "Plusieurs communes portent ce nom : choisissez."],
            typed: ["siren": "12", "commune": "Saint-Martin"],
            communeChoices: [.init(code: "64445", name: "Pau", departementCode: "64", postalCodes: ["64000"])],
            attachments: Mock.documents, notice: nil, place: nil)
        assertSnapshot(of: page.render(), as: .html)
    }

    @Test func applicationSubmit() {
        let page = ApplicationSubmitPage(
            application: Mock.application(.draft), call: .mock, place: Mock.place, checks: Mock.checks, files: Mock.documents,
            error: "Cochez l’attestation sur l’honneur pour déposer le dossier.")
        assertSnapshot(of: page.render(), as: .html)
    }

    @Test func deleteDraft() {
        assertSnapshot(of: DeleteDraftPage(id: Mock.id(1), title: "Nouvelle ligne <de forge>").render(), as: .html)
    }

    @Test func receipt() {
        let page = ReceiptPage(
            application: Mock.application(.submitted), call: .mock, depositedAt: Mock.epoch, place: Mock.place, files: Mock.documents)
        assertSnapshot(of: page.render(), as: .html, named: "screen")
        assertSnapshot(of: page.printable(), as: .html, named: "print")
    }

    @Test func decisionLetter() {
        let page = DecisionLetterPage(
            application: Mock.application(.laureate), call: .mock, regime: "SA.56985-2020 (Encadrement temporaire)")
        assertSnapshot(of: page.render(), as: .html)
    }

    // One file, as each role sees it

    static func applicationPage(_ state: ApplicationState, _ role: Role) -> ApplicationShowPage {
        ApplicationShowPage(
            model: .init(
                application: Mock.application(state), call: .mock,
                principal: Principal(userID: Mock.id(7).uuidString, role: role, scope: Scope(regions: ["75"])), place: Mock.place,
                checks: Mock.checks,
                events: [
                    .init(
                        atEpoch: Mock.epoch - 86_400, actorID: Mock.id(8).uuidString, actorRole: "applicant", action: "submit",
                        toState: "submitted", reason: nil),
                    .init(
                        atEpoch: Mock.epoch, actorID: Mock.id(7).uuidString, actorRole: "reviewer", action: "request_information",
                        toState: "information_requested", reason: "Devis <manquant>"),
                ],
                messages: [
                    .init(id: Mock.id(31), authorRole: "applicant", authorName: "Paul Porteur", body: "Voici le Kbis.", atEpoch: Mock.epoch)
                ],
                attachments: Mock.documents,
                payments: [.init(funder: .state, amountCents: 20_000_000, dueOn: "2021-06-01", paidOn: "2021-06-03", reference: "V-1")],
                followUps: [.init(onDate: "2023-12-31", jobsCreated: 11, investmentCents: 240_000_000, comment: "Four livré.")],
                actorNames: [Mock.id(7).uuidString: "Inès <Instructrice>", Mock.id(8).uuidString: "Paul Porteur"],
                instructors: [(id: Mock.id(7).uuidString, name: "Inès <Instructrice>")], today: Mock.today))
    }

    @Test func applicationForTheApplicant() {
        assertSnapshot(of: Self.applicationPage(.informationRequested, .applicant).render(), as: .html)
    }

    @Test func applicationForTheReviewer() {
        assertSnapshot(of: Self.applicationPage(.underReview, .reviewer).render(), as: .html)
    }

    @Test func applicationInCommitteeForTheRegion() {
        assertSnapshot(of: Self.applicationPage(.inCommittee, .region).render(), as: .html)
    }

    @Test func applicationAfterTheDecision() {
        assertSnapshot(of: Self.applicationPage(.paymentsInProgress, .prefecture).render(), as: .html)
    }

    // Committee and administration

    @Test func committee() {
        let page = CommitteePage(
            regionCode: "75", regionName: "Nouvelle-Aquitaine", applications: [Mock.application(.inCommittee)],
            summary: .init(count: 120, proposed: EuroCents(euros: 14_200_000), jobsCreated: 340),
            pagination: try! Pagination(page: 2, size: 50), party: .state,
            territories: ["TI-PAU": "Pau Béarn"], results: [Mock.id(1): (false, "Enveloppe insuffisante : il reste 120 000 €.")],
            envelopes: EnvelopesPage.Model.mock.envelopes)
        assertSnapshot(of: page.render(), as: .html)
    }

    @Test func adminCalls() {
        assertSnapshot(of: AdminCallsPage(calls: [.mock], today: Mock.today).render(), as: .html)
    }

    @Test func adminCallForm() {
        let draft = CallService.Draft(
            title: "Appel <2022>", description: "Projets mûrs.", opensOn: "2022-01-10", closesOn: "2021-12-31", carriers: ["entreprise"],
            sizes: ["pme", "eti"], regions: "75", minimumInvestment: "100 000", startWithinMonths: "12", regimeID: "SA.56985-2020",
            collaborative: true)
        let page = AdminCallFormPage(
            call: .init(id: CallSummary.mock.id, title: CallSummary.mock.title), draft: draft,
            regimes: [AidRegime(id: "SA.56985-2020", label: "Encadrement temporaire", ceiling: EuroCents(euros: 1_800_000))],
            envelopes: EnvelopesPage.Model.mock.envelopes, regions: [(code: "75", name: "Nouvelle-Aquitaine")],
            errors: ["cloture": "La clôture doit suivre l’ouverture."], notice: nil)
        assertSnapshot(of: page.render(), as: .html)
    }

    @Test func regimes() {
        let page = RegimesPage(
            regimes: [AidRegime(id: "SA.40453", label: "Régime régional <AFR>", ceiling: EuroCents(euros: 2_500_000))],
            error: "Le plafond doit être un montant positif.")
        assertSnapshot(of: page.render(), as: .html)
    }

    @Test func adminUsers() {
        let page = AdminUsersPage(
            users: Mock.accounts, draft: .init(email: "nouveau@", name: "", role: "reviewer", regions: "75"),
            errors: ["email": "Adresse électronique invalide."], notice: nil)
        assertSnapshot(of: page.render(), as: .html)
    }

    @Test func adminUserEdit() {
        let page = AdminUserEditPage(user: Mock.accounts[0], draft: .init(Mock.accounts[0]), errors: ["regions": "Région « 99 » inconnue."])
        assertSnapshot(of: page.render(), as: .html)
    }

    @Test func audit() {
        let page = AuditPage(
            events: [
                .init(
                    atEpoch: Mock.epoch, actorID: Mock.id(7).uuidString, actorRole: "reviewer", action: "dossier.instruction",
                    objectType: "dossier", objectID: Mock.id(1).uuidString, beforeJSON: #"{"etat":"depose"}"#,
                    afterJSON: #"{"etat":"en_instruction"}"#),
                .init(
                    atEpoch: Mock.epoch - 60, actorID: nil, actorRole: "systeme", action: "import.territoires", objectType: "territoires",
                    objectID: "146", beforeJSON: nil, afterJSON: nil),
            ],
            actors: [Mock.id(7).uuidString: "Inès <Instructrice>"], files: [Mock.id(1).uuidString: "FA-2021-75-00042"],
            filter: AuditQuery(action: "dossier", du: "2021-09-01"), page: 2, hasNext: true, total: 120)
        assertSnapshot(of: page.render(), as: .html)
    }

    // Action plans

    /// The territory's own plan: its tools, the review state, a refused import.
    @Test func actionPlanForItsTerritory() {
        let page = ActionPlanPage(
            model: .init(
                territoryID: TerritoryID("TI-PAU")!, territoryName: "Pau Béarn", actions: Mock.actions, filter: .init(), mayEdit: true,
                seesAll: true, today: Mock.today, notice: nil,
                importIssues: [ImportIssue(line: 3, message: "axe « conquérir » inconnu : attirer, recruter, innover, simplifier")]))
        assertSnapshot(of: page.render(), as: .html)
    }

    @Test func actionPlanForThePublic() {
        let page = ActionPlanPage(
            model: .init(
                territoryID: TerritoryID("TI-PAU")!, territoryName: "Pau Béarn", actions: [Mock.actions[0]],
                filter: .init(axe: "recruter"), mayEdit: false, seesAll: false, asOf: Mock.day("2021-06-30"), today: Mock.today))
        assertSnapshot(of: page.render(), as: .html)
    }

    @Test func actionFormWithErrors() {
        var form = ActionForm(Mock.actions[0].content)
        form.titre = ""
        form.investissement = "beaucoup"
        let page = ActionFormPage(
            model: .init(
                territoryID: TerritoryID("TI-PAU")!, territoryName: "Pau Béarn", actionID: Mock.id(41), form: form,
                errors: ["titre": "Donnez un titre à l’action.", "investissement": "Le montant « beaucoup » est invalide."]))
        assertSnapshot(of: page.render(), as: .html)
    }

    @Test func actionForTheRegion() {
        let page = ActionPage(
            model: .init(
                action: Mock.actions[1],
                history: [
                    .init(atEpoch: Mock.epoch - 86_400, actorRole: "territory", event: "creation", reason: nil),
                    .init(atEpoch: Mock.epoch, actorRole: "region", event: "renvoi", reason: "Chiffrez l’investissement."),
                ], mayEdit: false, mayReview: true, seesAll: true, notice: nil))
        assertSnapshot(of: page.render(), as: .html)
    }

    @Test func plans() {
        let page = PlansPage(
            model: .init(
                actions: Mock.actions, total: 1_803, figures: ActionPlanFigures(Mock.actions.map(\.content)),
                query: PlansQuery(region: "75", theme: "competences"), page: 2, pageCount: 37,
                regions: [(code: "75", name: "Nouvelle-Aquitaine")]))
        assertSnapshot(of: page.render(), as: .html)
    }

    // Financing

    static let instruments: [FinancingQueries.Instrument] = [
        .init(
            code: "ademe-transition", name: "Décarbonation", partner: "ademe", partnerName: "ADEME", kind: .operator, unit: .euros,
            fromFund: false),
        .init(
            code: "apec-ateliers", name: "Ateliers", partner: "apec", partnerName: "APEC", kind: .operator, unit: .workshops,
            fromFund: false),
        .init(
            code: "fonds-acceleration", name: "Fonds d’accélération (État)", partner: "etat", partnerName: "État", kind: .state,
            unit: .euros,
            fromFund: true),
    ]

    @Test func financing() {
        let figures = FinancingFigures(lines: [
            .init(
                partner: "etat", partnerName: "État", kind: .state, instrument: "fonds-acceleration",
                instrumentName: "Fonds d’accélération (État)",
                unit: .euros, amount: EuroCents(euros: 700_000_000)),
            .init(
                partner: "ademe", partnerName: "ADEME", kind: .operator, instrument: "ademe-transition",
                instrumentName: "Décarbonation <études>",
                unit: .euros, amount: EuroCents(euros: 287_000_000)),
            .init(
                partner: "apec", partnerName: "APEC", kind: .operator, instrument: "apec-ateliers", instrumentName: "Ateliers",
                unit: .workshops,
                quantity: 676),
            .init(
                partner: "regions", partnerName: "Régions", kind: .region, instrument: "regions-investissement",
                instrumentName: "Investissement",
                unit: .euros, amount: EuroCents(euros: 426_000_000)),
        ])
        assertSnapshot(of: FinancingPage(model: .init(asOf: Mock.today, figures: figures)).render(), as: .html)
    }

    @Test func commitmentsWithAnError() {
        let page = CommitmentsPage(
            model: .init(
                commitments: [
                    .init(
                        id: Mock.id(51), instrument: Self.instruments[0],
                        content: CommitmentContent(
                            instrument: "ademe-transition", on: Mock.day("2021-02-01"), region: "75", amount: EuroCents(euros: 1_500_000))),
                    .init(
                        id: Mock.id(52), instrument: Self.instruments[1],
                        content: CommitmentContent(instrument: "apec-ateliers", on: Mock.day("2021-03-01"), quantity: 12)),
                ], total: 2, page: 1, pageCount: 1, instruments: Self.instruments, regions: [(code: "75", name: "Nouvelle-Aquitaine")],
                form: CommitmentForm(instrument: "ademe-transition", date: "2021-09-24", montant: "-5"),
                errors: ["montant": "Le montant est positif, au plus 10 milliards d’euros."]))
        assertSnapshot(of: page.render(), as: .html)
    }

    // Turnkey sites

    static let site = SiteQueries.Site(
        id: Mock.id(61),
        content: SiteContent(
            name: "SaôneOr <Fragnes>", commune: InseeCode("71204")!, surface: 1_100_000, available: 460_000, planningCleared: true,
            archaeologyCleared: true, environmentCleared: false, wave: .packRebond2020, contactName: "Agence économique",
            settled: "Vicky Foods"),
        communeName: "Fragnes-La Loyère", departement: "71", region: "27", territory: "TI-GRAND-CHALON", territoryName: "Grand Chalon",
        lon: 4.84, lat: 46.83, laureateID: Mock.id(1))

    @Test func sites() {
        let page = SitesPage(
            model: .init(
                sites: [Self.site], query: SitesQuery(asOf: "2021-09-24", region: "27", vague: nil, procedures: nil), asOf: Mock.today,
                regions: [(code: "27", name: "Bourgogne-Franche-Comté")]))
        assertSnapshot(of: page.render(), as: .html)
    }

    @Test func site() {
        assertSnapshot(of: SitePage(site: Self.site).render(), as: .html)
    }

    @Test func siteFormWithErrors() {
        let page = SiteFormPage(
            form: SiteForm(
                nom: "Parc <Vazzio>", commune: "99999", surface: "12,5", disponible: "20", procedures: ["urbanisme"], vague: "2021-09"),
            errors: [
                "commune": "Aucune commune ne porte le code INSEE 99999.",
                "disponible": "La surface disponible est comprise entre 0 et la surface du site.",
            ])
        assertSnapshot(of: page.render(), as: .html)
    }

    // Inspiring projects

    static let inspiring = InspiringProjects.Project(
        id: Mock.id(71),
        content: InspiringProjectContent(
            title: "Vicky Foods s’installe sur <SaôneOr>", summary: "Une usine de 14 ha.\n250 emplois prévus.", axis: .attract,
            territory: TerritoryID("TI-GRAND-CHALON")!, laureateReference: "FA-2021-27-00001"),
        territoryName: "Grand Chalon", status: .pending, hasImage: true, laureateID: Mock.id(1))

    @Test func inspiringProjects() {
        var published = Self.inspiring
        published.status = .published
        published.id = Mock.id(72)
        let page = InspiringProjectsPage(projects: [Self.inspiring, published], mayPropose: true, seesPending: true)
        assertSnapshot(of: page.render(), as: .html)
    }

    @Test func inspiringProjectForAnAdmin() {
        assertSnapshot(of: InspiringProjectPage(project: Self.inspiring, mayPublish: true, notice: nil).render(), as: .html)
    }

    @Test func inspiringProjectFormWithErrors() {
        let page = InspiringProjectFormPage(
            form: InspiringProjectForm(titre: "", territoire: "TI-GRAND-CHALON", axe: "attirer", texte: "Un <texte>"),
            territories: [(id: "TI-GRAND-CHALON", name: "Grand Chalon")],
            errors: ["titre": "Donnez un titre au projet.", "image": "L’image est un fichier PNG ou JPEG."])
        assertSnapshot(of: page.render(), as: .html)
    }

    @Test func account() {
        assertSnapshot(of: AccountPage(user: Mock.accounts[0]).render(), as: .html)
    }
}

extension Snapshotting where Value == String, Format == String {
    /// HTML with one tag per line.
    static var html: Snapshotting {
        Snapshotting(pathExtension: "html", diffing: .lines).pullback { (html: String) in
            html.replacingOccurrences(of: "><", with: ">\n<")
        }
    }
}
