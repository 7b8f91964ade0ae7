import Foundation
import Testing

@testable import TIDomain

/// A hand-made dataset: 12 applications over Auvergne-Rhône-Alpes (84), Grand Est (44),
/// Bourgogne-Franche-Comté (27), Guadeloupe (01) and La Réunion (04); three active TI, one of which
/// (Nord Franche-Comté) straddles Grand Est and Bourgogne-Franche-Comté, plus an inactive one.
///
/// Laureates on 2024-06-30: A1, A2, A3, A4, A5, A6, A10 (A7 was reopened in 2022).
/// Laureates on 2021-12-31: A1, A2, A5, A6, A7.
enum IndicatorFixture {
    static func d(_ y: Int, _ m: Int, _ day: Int) -> CivilDate { try! CivilDate(year: y, month: m, day: day) }
    static func eur(_ euros: Int64) -> EuroCents { EuroCents(euros: euros) }

    static let june2024 = d(2024, 6, 30)
    static let end2021 = d(2021, 12, 31)

    static let dataset: IndicatorDataset = {
        let apps: [ApplicationRecord] = [
            ApplicationRecord(
                id: "A1", callID: "c1",
                history: [
                    (d(2021, 1, 10), .draft), (d(2021, 2, 1), .submitted), (d(2021, 3, 15), .laureate), (d(2021, 6, 1), .agreementSigned),
                ],
                decidedOn: d(2021, 3, 15), regionCode: "84", departementCode: "74", territoryIDs: ["ti-annecy"],
                fragile: false, size: .pme, sector: .mecanique, stakesKnown: true, stakes: [.relocation],
                investment: EuroCents(cents: 100_000_050), aidState: eur(200_000), aidRegion: eur(100_000), jobsPlanned: 10,
                relocatedJobs: 4,
                followUps: [
                    FollowUpRecord(date: d(2022, 6, 30), jobsCreated: 4, investment: eur(300_000)),
                    FollowUpRecord(date: d(2023, 12, 31), jobsCreated: 8, investment: eur(900_000)),
                    FollowUpRecord(date: d(2024, 3, 1), jobsCreated: 12, investment: eur(1_000_000)),
                ]),
            ApplicationRecord(
                id: "A2", callID: "c1",
                history: [(d(2021, 1, 5), .draft), (d(2021, 1, 20), .submitted), (d(2021, 5, 10), .laureate)],
                decidedOn: d(2021, 5, 10), regionCode: "84", departementCode: "69",
                fragile: true, size: .eti, sector: .agroalimentaire, stakesKnown: true, stakes: [.skills, .ecological],
                skills: [.cfa, .inHouseTraining], ecological: [.decarbonisation],
                investment: eur(2_000_000), aidState: eur(300_000), jobsPlanned: 20, trainingPlaces: 15, collaborative: true,
                followUps: [FollowUpRecord(date: d(2023, 6, 30), jobsCreated: 5, investment: eur(1_000_000))]),
            ApplicationRecord(
                id: "A3", callID: "c2",
                history: [(d(2022, 1, 10), .draft), (d(2022, 2, 1), .submitted), (d(2022, 4, 1), .laureate)],
                decidedOn: d(2022, 4, 1), regionCode: "44", departementCode: "57", territoryIDs: ["ti-nfc"],
                fragile: true, size: .ge, sector: .mecanique, stakesKnown: false,
                investment: eur(5_000_000), aidState: eur(500_000), aidRegion: eur(250_000), jobsPlanned: 30,
                followUps: [FollowUpRecord(date: d(2024, 1, 15), jobsCreated: 10, investment: eur(2_000_000))]),
            ApplicationRecord(
                id: "A4", callID: "c2",
                history: [(d(2022, 1, 15), .draft), (d(2022, 2, 10), .submitted), (d(2022, 5, 1), .laureate)],
                decidedOn: d(2022, 5, 1), regionCode: "27", departementCode: "25", territoryIDs: ["ti-nfc"],
                stakesKnown: true, stakes: [.ecological], ecological: [.decarbonisation, .hydrogen],
                investment: eur(800_000), aidState: eur(100_000), aidRegion: eur(100_000), jobsPlanned: 5),
            ApplicationRecord(
                id: "A5", callID: "c1",
                history: [
                    (d(2021, 2, 1), .draft), (d(2021, 3, 1), .submitted), (d(2021, 7, 1), .laureate),
                    (d(2021, 9, 1), .agreementSigned), (d(2022, 1, 1), .paymentsInProgress),
                ],
                decidedOn: d(2021, 7, 1), regionCode: "01", departementCode: "971",
                fragile: true, size: .tpe, sector: .agroalimentaire, stakesKnown: true, stakes: [.relocation],
                investment: eur(300_000), aidState: eur(60_000), aidRegion: eur(30_000), jobsPlanned: 3,
                followUps: [FollowUpRecord(date: d(2023, 1, 1), jobsCreated: 3, investment: eur(300_000))]),
            ApplicationRecord(
                id: "A6", callID: "c1",
                history: [(d(2021, 2, 1), .draft), (d(2021, 3, 1), .submitted), (d(2021, 8, 1), .laureate)],
                decidedOn: d(2021, 8, 1), regionCode: "04", departementCode: "974", territoryIDs: ["ti-reunion"],
                fragile: false, size: .pme, sector: .energie, stakesKnown: true,
                investment: eur(600_000), aidState: eur(120_000), jobsPlanned: 6, collaborative: true),
            // Laureate in 2021, reopened (back in committee) in March 2022.
            ApplicationRecord(
                id: "A7", callID: "c1",
                history: [
                    (d(2021, 1, 10), .draft), (d(2021, 2, 1), .submitted), (d(2021, 6, 1), .laureate), (d(2022, 3, 1), .inCommittee),
                ],
                decidedOn: d(2021, 6, 1), regionCode: "84", departementCode: "38",
                size: .pme, sector: .chimie, investment: eur(400_000), aidState: .zero,
                aidChanges: [AidChange(date: d(2021, 6, 1), state: eur(80_000)), AidChange(date: d(2022, 3, 1), state: eur(-80_000))],
                jobsPlanned: 4),
            // Withdrawn before any decision.
            ApplicationRecord(
                id: "A8", callID: "c2",
                history: [
                    (d(2022, 1, 10), .draft), (d(2022, 2, 1), .submitted), (d(2022, 3, 1), .underReview), (d(2022, 6, 1), .withdrawn),
                ],
                regionCode: "44", departementCode: "67"),
            ApplicationRecord(
                id: "A9", callID: "c1",
                history: [(d(2021, 1, 10), .draft), (d(2021, 2, 1), .submitted), (d(2021, 6, 1), .rejected)],
                decidedOn: d(2021, 6, 1), regionCode: "84", departementCode: "01"),
            // Decided in May 2024.
            ApplicationRecord(
                id: "A10", callID: "c2",
                history: [(d(2022, 1, 5), .draft), (d(2022, 2, 1), .submitted), (d(2024, 5, 1), .laureate)],
                decidedOn: d(2024, 5, 1), regionCode: "84", departementCode: "74", territoryIDs: ["ti-annecy"],
                fragile: false, size: .pme, sector: .mecanique, stakesKnown: true, stakes: [.skills], skills: [.ecoleProduction],
                investment: eur(1_500_000), aidState: eur(250_000), aidRegion: eur(150_000), jobsPlanned: 12, collaborative: true),
            ApplicationRecord(id: "A11", callID: "c2", history: [(d(2024, 1, 10), .draft)], regionCode: "27"),
            ApplicationRecord(
                id: "A12", callID: "c2",
                history: [
                    (d(2022, 1, 10), .draft), (d(2022, 2, 1), .submitted), (d(2022, 3, 1), .underReview),
                    (d(2022, 4, 1), .informationRequested), (d(2022, 5, 1), .underReview), (d(2022, 6, 1), .reviewed),
                    (d(2022, 7, 1), .inCommittee),
                ],
                regionCode: "01", departementCode: "971"),
        ]
        let territories = [
            TerritoryRecord(
                id: "ti-annecy", name: "Grand Annecy", regions: ["84"], projectLead: "Marie Curie", projectLeadFundedByState: true),
            TerritoryRecord(
                id: "ti-nfc", name: "Nord Franche-Comté", regions: ["44", "27"], projectLead: "Paul Martin", projectLeadFundedByState: true),
            TerritoryRecord(
                id: "ti-reunion", name: "Est Réunion", regions: ["04"], projectLead: " marie  CURIE ", projectLeadFundedByState: true),
            TerritoryRecord(
                id: "ti-old", name: "Ancien territoire", regions: ["84"], active: false, projectLead: "Jean Dupont",
                projectLeadFundedByState: true),
        ]
        let envelopes = [
            EnvelopeRecord(callID: "c1", region: "84", funder: "state", amount: eur(1_000_000)),
            EnvelopeRecord(callID: "c1", region: "84", funder: "region", amount: eur(500_000)),
            EnvelopeRecord(callID: "c1", region: "44", funder: "state", amount: eur(800_000)),
            EnvelopeRecord(callID: "c1", region: "01", funder: "state", amount: eur(200_000)),
            EnvelopeRecord(callID: "c1", region: "04", funder: "state", amount: eur(300_000)),
        ]
        return IndicatorDataset(
            applications: apps, territories: territories, envelopes: envelopes,
            regionNames: [
                "84": "Auvergne-Rhône-Alpes", "44": "Grand Est", "27": "Bourgogne-Franche-Comté",
                "01": "Guadeloupe", "04": "La Réunion", "11": "Île-de-France",
            ],
            departementNames: ["74": "Haute-Savoie", "69": "Rhône", "57": "Moselle", "25": "Doubs"],
            territoryNames: ["ti-annecy": "Grand Annecy", "ti-nfc": "Nord Franche-Comté", "ti-reunion": "Est Réunion"],
            callNames: ["c1": "Appel à projets 2021", "c2": "Appel à projets 2022"])
    }()
}

@Suite("Indicator engine")
struct IndicatorEngineTests {
    let data = IndicatorFixture.dataset
    let national = IndicatorScope(asOf: IndicatorFixture.june2024)

    func run(_ id: String, _ scope: IndicatorScope? = nil, by breakdown: Breakdown? = nil) throws -> IndicatorResult {
        try #require(try IndicatorEngine.compute(id, in: data, scope: scope ?? national, breakdown: breakdown))
    }

    func row(_ result: IndicatorResult, _ key: String) -> IndicatorValue? {
        result.rows?.first { $0.key == key }?.result
    }

    @Test func catalogueIsComplete() {
        let ids = Set(IndicatorEngine.definitions.map(\.id))
        let expected: Set<String> = [
            "laureates.count", "laureates.investment_eur", "laureates.aid_eur", "laureates.aid_eur.state",
            "laureates.aid_eur.region", "laureates.jobs_planned", "laureates.investment_avg_eur",
            "laureates.share_fragile", "laureates.share_sme_midcap", "laureates.share_jobs_planned_by_2023",
            "laureates.share_jobs_created_by_2023",
            "laureates.by_sector", "laureates.stake.relocation", "laureates.stake.skills", "laureates.stake.ecological",
            "laureates.collaborative.count", "applications.by_state", "envelopes.committed_eur",
            "territories.count", "territories.chefs_de_projet",
        ]
        #expect(ids == expected)
        #expect(IndicatorEngine.definitions.count == expected.count)
        #expect(IndicatorEngine.definition("laureates.count")?.unit == .count)
        #expect(IndicatorEngine.definition("nope") == nil)
        #expect(Breakdown.stake.isMultiLabel && Breakdown.skills.isMultiLabel && Breakdown.ecological.isMultiLabel)
        #expect(!Breakdown.region.isMultiLabel)
        #expect(Breakdown.inTerritory.rawValue == "in_territory" && Breakdown.decisionMonth.label == "Mois de décision")
    }

    @Test func recordStateAtADate() {
        let a7 = data.applications[6]
        #expect(a7.state(on: IndicatorFixture.d(2021, 1, 9)) == nil)
        #expect(a7.state(on: IndicatorFixture.d(2021, 1, 10)) == .draft)
        #expect(a7.isLaureate(on: IndicatorFixture.end2021))
        #expect(!a7.isLaureate(on: IndicatorFixture.june2024))
        #expect(a7.state(on: IndicatorFixture.june2024) == .inCommittee)
        #expect(!data.applications[0].isLaureate(on: IndicatorFixture.d(2021, 3, 14)))
        #expect(data.applications[0].isLaureate(on: IndicatorFixture.d(2021, 3, 15)))
    }

    @Test func countsAndMoneyAreExact() throws {
        let count = try run("laureates.count")
        #expect(count.result.value == 7)
        #expect(count.asOf == "2024-06-30")
        #expect(count.scope == "France entière")
        #expect(count.label == "Nombre de lauréats")
        #expect(count.unit == .count)
        #expect(count.result.coverage == Coverage(known: 7, total: 7, description: "données complètes pour les 7 lauréats"))

        let investment = try run("laureates.investment_eur")
        #expect(investment.result.cents == 1_120_000_050)
        #expect(investment.result.value == 11_200_000.5)
        #expect(investment.unit == .euros)

        let aid = try run("laureates.aid_eur")
        #expect(aid.result.cents == 216_000_000)
        #expect(aid.parts?["state"]?.cents == 153_000_000)
        #expect(aid.parts?["region"]?.cents == 63_000_000)
        #expect(try run("laureates.aid_eur.state").result.cents == 153_000_000)
        #expect(try run("laureates.aid_eur.region").result.cents == 63_000_000)

        let jobs = try run("laureates.jobs_planned")
        #expect(jobs.result.value == 86)
        #expect(jobs.unit == .jobs)

        let average = try run("laureates.investment_avg_eur")
        #expect(average.result.numerator == 11_200_000.5)
        #expect(average.result.denominator == 7)
        #expect(average.result.value == 11_200_000.5 / 7)

        #expect(try run("laureates.collaborative.count").result.value == 3)
    }

    @Test func sharesUseTheKnownRecordsAsDenominator() throws {
        let fragile = try run("laureates.share_fragile")
        #expect(fragile.unit == .share)
        #expect(fragile.result.value == 0.5)
        #expect(fragile.result.numerator == 3 && fragile.result.denominator == 6)
        #expect(
            fragile.result.coverage == Coverage(known: 6, total: 7, description: "fragilité du territoire connue pour 6 des 7 lauréats"))

        let sme = try run("laureates.share_sme_midcap")
        #expect(sme.result.numerator == 4 && sme.result.denominator == 6)
        #expect(sme.result.value == 4.0 / 6.0)
        #expect(sme.result.coverage?.description == "taille connue pour 6 des 7 lauréats")
    }

    @Test func jobsCreatedUseTheLatestFollowUpUpToEnd2023() throws {
        // A1: 8 of 10 (follow-up of 2023-12-31, not the 2024 one); A2: 5 of 20; A5: 3 of 3;
        // A3 only has a 2024 follow-up and is left out.
        let share = try run("laureates.share_jobs_created_by_2023")
        #expect(share.result.numerator == 16 && share.result.denominator == 33)
        #expect(share.result.value == 16.0 / 33.0)
        #expect(
            share.result.coverage
                == Coverage(known: 3, total: 7, description: "suivi des emplois à fin 2023 disponible pour 3 des 7 lauréats"))

        // On 2022-12-31 only A1's mid-2022 follow-up exists (A7, reopened, is no longer a laureate).
        let early = try run("laureates.share_jobs_created_by_2023", IndicatorScope(asOf: IndicatorFixture.d(2022, 12, 31)))
        #expect(early.result.numerator == 4 && early.result.denominator == 10)
        #expect(early.result.coverage?.known == 1 && early.result.coverage?.total == 6)
    }

    @Test func sectorsSortedByCountWithUnknownLast() throws {
        let bySector = try run("laureates.by_sector")
        #expect(bySector.breakdown == .sector)
        #expect(bySector.result.value == 7)
        #expect(bySector.result.coverage?.description == "filière connue pour 6 des 7 lauréats")
        #expect(bySector.rows?.map(\.key) == ["mecanique", "agroalimentaire", "energie", "unknown"])
        #expect(bySector.rows?.map(\.result.value) == [3, 2, 1, 1])
        #expect(bySector.rows?.first?.label == "Mécanique")
        #expect(bySector.rows?.last?.label == "Filière non renseignée")
        #expect(!bySector.multiLabel)
    }

    @Test func stakeIndicatorsAndTheirParts() throws {
        let relocation = try run("laureates.stake.relocation")
        #expect(relocation.result.value == 2)
        #expect(relocation.result.coverage?.description == "enjeux renseignés pour 6 des 7 lauréats")
        #expect(relocation.parts?["count"]?.value == 2)
        #expect(relocation.parts?["investment"]?.cents == 130_000_050)
        #expect(relocation.parts?["jobs"]?.value == 4)
        #expect(relocation.parts?["jobs"]?.coverage?.description == "emplois relocalisés renseignés pour 1 des 2 lauréats")

        let skills = try run("laureates.stake.skills")
        #expect(skills.result.value == 2)
        #expect(skills.parts?["training_places"]?.value == 15)
        #expect(skills.parts?["training_places"]?.unit == .places)
        #expect(skills.parts?["investment"]?.cents == 350_000_000)
        #expect(skills.parts?["cfa"]?.value == 1)
        #expect(skills.parts?["formation_interne"]?.value == 1)
        #expect(skills.parts?["ecole_production"]?.value == 1)
        #expect(skills.parts?["pole_excellence"]?.value == 0)

        let ecological = try run("laureates.stake.ecological")
        #expect(ecological.result.value == 2)
        #expect(ecological.parts?["investment"]?.cents == 280_000_000)
        #expect(ecological.parts?["decarbonisation"]?.value == 2)
        #expect(ecological.parts?["hydrogene"]?.value == 1)
        #expect(ecological.parts?["decarbonisation"]?.label == "Décarbonation")
        // Sub-categories overlap: 3 > 2 projects, and the note says so.
        let subTotal = EcologicalCategory.allCases.compactMap { ecological.parts?[$0.rawValue]?.value }.reduce(0, +)
        #expect(subTotal == 3)
        #expect(ecological.note?.contains("plusieurs natures") == true)
    }

    @Test func multiLabelStakeBreakdownIsFlagged() throws {
        let byStake = try run("laureates.count", by: .stake)
        #expect(byStake.multiLabel)
        #expect(byStake.note?.contains("ne s’additionnent pas") == true)
        #expect(byStake.rows?.map(\.key) == ["relocation", "skills", "ecological", "none", "unknown"])
        #expect(byStake.rows?.map(\.result.value) == [2, 2, 2, 1, 1])

        let bySize = try run("laureates.count", by: .size)
        #expect(!bySize.multiLabel && bySize.note == nil)
    }

    @Test func regionBreakdownGroupsOverseas() throws {
        let byRegion = try run("laureates.count", by: .region)
        #expect(byRegion.breakdown == .region)
        #expect(byRegion.rows?.map(\.key) == ["84", "27", "44", "OM"])
        #expect(byRegion.rows?.map(\.label) == ["Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Grand Est", "Outre-mer"])
        #expect(byRegion.rows?.map(\.result.value) == [3, 1, 1, 2])
        #expect(!byRegion.multiLabel)

        let overseas = try run("laureates.count", IndicatorScope(asOf: IndicatorFixture.june2024, region: "OM"))
        #expect(overseas.scope == "Outre-mer")
        #expect(overseas.result.value == 2)
        let reunion = try run("laureates.investment_eur", IndicatorScope(asOf: IndicatorFixture.june2024, region: "04"))
        #expect(reunion.scope == "La Réunion")
        #expect(reunion.result.cents == 60_000_000)
    }

    @Test func rowsKeepTheirOwnDenominators() throws {
        let bySize = try run("laureates.share_sme_midcap", by: .size)
        #expect(bySize.rows?.map(\.key) == ["tpe", "pme", "eti", "ge", "unknown"])
        #expect(row(bySize, "pme")?.value == 1)
        #expect(row(bySize, "pme")?.denominator == 3)
        #expect(row(bySize, "tpe")?.value == 0)
        #expect(row(bySize, "unknown")?.denominator == 0)
        #expect(row(bySize, "unknown")?.coverage?.description == "taille connue pour aucun lauréat sur 1")

        let fragileByRegion = try run("laureates.share_fragile", by: .region)
        // Auvergne-Rhône-Alpes: A2 fragile, A1 and A10 not.
        #expect(row(fragileByRegion, "84")?.numerator == 1 && row(fragileByRegion, "84")?.denominator == 3)
        // Bourgogne-Franche-Comté: A4's fragility is unknown.
        #expect(row(fragileByRegion, "27")?.coverage?.known == 0)
    }

    @Test func otherBreakdowns() throws {
        let inTI = try run("laureates.count", by: .inTerritory)
        #expect(inTI.rows?.map(\.key) == ["in", "out"])
        #expect(inTI.rows?.map(\.label) == ["Dans un Territoire d’industrie", "Hors Territoire d’industrie"])
        #expect(inTI.rows?.map(\.result.value) == [5, 2])

        let byTI = try run("laureates.count", by: .territory)
        #expect(byTI.rows?.map(\.label) == ["Est Réunion", "Grand Annecy", "Nord Franche-Comté"])
        #expect(byTI.rows?.map(\.result.value) == [1, 2, 2])

        let byMonth = try run("laureates.investment_eur", by: .decisionMonth)
        #expect(byMonth.rows?.map(\.key) == ["2021-03", "2021-05", "2021-07", "2021-08", "2022-04", "2022-05", "2024-05"])
        #expect(byMonth.rows?.first?.label == "mars 2021")
        #expect(byMonth.rows?.first?.result.cents == 100_000_050)

        let byCall = try run("laureates.count", by: .call)
        #expect(byCall.rows?.map(\.label) == ["Appel à projets 2021", "Appel à projets 2022"])
        #expect(byCall.rows?.map(\.result.value) == [4, 3])

        let byFragile = try run("laureates.count", by: .fragile)
        #expect(byFragile.rows?.map(\.result.value) == [3, 3, 1])

        let byDepartement = try run("laureates.count", by: .departement)
        #expect(row(byDepartement, "74")?.value == 2)
        #expect(byDepartement.rows?.first { $0.key == "74" }?.label == "Haute-Savoie (74)")

        let bySkills = try run("laureates.count", by: .skills)
        #expect(bySkills.multiLabel)
        #expect(row(bySkills, "cfa")?.value == 1 && row(bySkills, "pole_excellence")?.value == 0)
    }

    @Test func asOfDateExcludesLaterDecisionsAndReopenings() throws {
        let end2021 = IndicatorScope(asOf: IndicatorFixture.end2021)
        let early = try run("laureates.count", end2021)
        #expect(early.result.value == 5)  // includes A7, laureate until its reopening
        #expect(early.asOf == "2021-12-31")
        #expect(try run("laureates.count", IndicatorScope(asOf: IndicatorFixture.d(2024, 4, 30))).result.value == 6)
        #expect(try run("laureates.aid_eur", end2021).result.cents == 89_000_000)
    }

    @Test func applicationsByStateAtTwoDates() throws {
        let now = try run("applications.by_state")
        #expect(now.breakdown == nil)
        #expect(now.groupedBy == "state")
        #expect(now.result.value == 12)
        #expect(now.rows?.map(\.key) == ApplicationState.allCases.map(\.rawValue))
        #expect(row(now, "laureate")?.value == 5)
        #expect(row(now, "agreement_signed")?.value == 1)
        #expect(row(now, "payments_in_progress")?.value == 1)
        #expect(row(now, "in_committee")?.value == 2)
        #expect(row(now, "withdrawn")?.value == 1)
        #expect(row(now, "rejected")?.value == 1)
        #expect(row(now, "draft")?.value == 1)
        #expect(now.rows?.first { $0.key == "in_committee" }?.label == "En comité")
        #expect(now.rows?.reduce(0) { $0 + $1.result.value } == 12)

        let then = try run("applications.by_state", IndicatorScope(asOf: IndicatorFixture.end2021))
        #expect(then.result.value == 6)
        #expect(row(then, "laureate")?.value == 3)
        #expect(row(then, "agreement_signed")?.value == 2)
        #expect(row(then, "rejected")?.value == 1)
        #expect(row(then, "withdrawn")?.value == 0)
        #expect(row(then, "in_committee")?.value == 0)
    }

    @Test func envelopesCommitted() throws {
        let committed = try run("envelopes.committed_eur")
        #expect(committed.result.cents == 216_000_000)
        #expect(committed.parts?["state"]?.cents == 153_000_000)
        #expect(committed.parts?["region"]?.cents == 63_000_000)
        #expect(committed.parts?["amount"]?.cents == 280_000_000)
        #expect(committed.parts?["amount_state"]?.cents == 230_000_000)
        #expect(committed.parts?["rate"]?.value == 2_160_000.0 / 2_800_000.0)
        #expect(committed.result.denominator == 2_800_000)

        let ara = try run("envelopes.committed_eur", IndicatorScope(asOf: IndicatorFixture.june2024, region: "84"))
        #expect(ara.result.cents == 100_000_000)
        #expect(ara.parts?["amount"]?.cents == 150_000_000)

        let byRegion = try run("envelopes.committed_eur", by: .region)
        #expect(byRegion.rows?.map(\.key) == ["84", "27", "44", "OM"])
        #expect(row(byRegion, "OM")?.cents == 21_000_000)
        #expect(row(byRegion, "OM")?.denominator == 500_000)
        #expect(row(byRegion, "27")?.denominator == 0)

        #expect(try run("envelopes.committed_eur", IndicatorScope(asOf: IndicatorFixture.end2021)).result.cents == 89_000_000)

        let inTI = try run("envelopes.committed_eur", IndicatorScope(asOf: IndicatorFixture.june2024, territory: "ti-nfc"))
        #expect(inTI.result.cents == 95_000_000)
        #expect(inTI.parts?["amount"] == nil)
        #expect(inTI.note != nil)
    }

    @Test func territoryStraddlingTwoRegionsCountsOnceNationally() throws {
        let total = try run("territories.count")
        #expect(total.result.value == 3)  // the inactive TI is not counted
        #expect(try run("territories.count", IndicatorScope(asOf: IndicatorFixture.june2024, region: "44")).result.value == 1)
        #expect(try run("territories.count", IndicatorScope(asOf: IndicatorFixture.june2024, region: "27")).result.value == 1)
        #expect(try run("territories.count", IndicatorScope(asOf: IndicatorFixture.june2024, region: "OM")).result.value == 1)

        let byRegion = try run("territories.count", by: .region)
        #expect(byRegion.multiLabel)
        #expect(byRegion.note?.contains("chacune") == true)
        #expect(byRegion.rows?.map(\.key) == ["84", "27", "44", "OM"])
        #expect(byRegion.rows?.map(\.result.value) == [1, 1, 1, 1])

        // In a région scope, the straddling TI only shows the scope's row.
        let inGrandEst = try run("territories.count", IndicatorScope(asOf: IndicatorFixture.june2024, region: "44"), by: .region)
        #expect(inGrandEst.rows?.map(\.key) == ["44"])
    }

    @Test func chefsDeProjetAreDistinctPersons() throws {
        let chefs = try run("territories.chefs_de_projet")
        #expect(chefs.unit == .persons)
        #expect(chefs.result.value == 2)  // "Marie Curie" leads two TI
        #expect(chefs.parts?["territories"]?.value == 3)
        #expect(chefs.result.coverage?.description == "chef de projet renseigné pour les 3 territoires")
    }

    @Test func territoryScope() throws {
        let scope = IndicatorScope(asOf: IndicatorFixture.june2024, territory: "ti-nfc")
        let count = try run("laureates.count", scope)
        #expect(count.scope == "TI Nord Franche-Comté")
        #expect(count.result.value == 2)
        #expect(try run("laureates.investment_eur", scope).result.cents == 580_000_000)
        #expect(try run("territories.count", scope).result.value == 1)
        // Rows of a TI scope stay within the TI.
        #expect(try run("laureates.count", scope, by: .territory).rows?.map(\.key) == ["ti-nfc"])
        // The TI counts in each of its régions.
        #expect(try run("laureates.count", scope, by: .region).rows?.map(\.key) == ["27", "44"])
    }

    @Test func errors() throws {
        #expect(try IndicatorEngine.compute("nope", in: data, scope: national) == nil)
        #expect(throws: DomainError.self) {
            try IndicatorEngine.compute("laureates.by_sector", in: data, scope: national, breakdown: .region)
        }
        #expect(throws: DomainError.self) { try IndicatorEngine.compute("territories.count", in: data, scope: national, breakdown: .size) }
        #expect(throws: DomainError.self) {
            try IndicatorEngine.compute("applications.by_state", in: data, scope: national, breakdown: .region)
        }
        let sector = #expect(throws: DomainError.self) {
            try IndicatorEngine.compute("envelopes.committed_eur", in: data, scope: national, breakdown: .sector)
        }
        #expect(sector?.code == "ventilation_non_disponible")
        #expect(sector?.message.contains("« Filière »") == true)
        let region = #expect(throws: DomainError.self) {
            try IndicatorEngine.compute("laureates.count", in: data, scope: IndicatorScope(asOf: IndicatorFixture.june2024, region: "99"))
        }
        #expect(region?.code == "region_inconnue")
        let territory = #expect(throws: DomainError.self) {
            try IndicatorEngine.compute(
                "laureates.count", in: data, scope: IndicatorScope(asOf: IndicatorFixture.june2024, territory: "ti-x"))
        }
        #expect(territory?.code == "territoire_inconnu")
        #expect(IndicatorEngine.computeAll(in: data, scope: IndicatorScope(asOf: IndicatorFixture.june2024, region: "99")).isEmpty)
    }

    @Test func computeAllGivesEveryIndicator() throws {
        let all = IndicatorEngine.computeAll(in: data, scope: national)
        #expect(Set(all.keys) == Set(IndicatorEngine.definitions.map(\.id)))
        #expect(all["laureates.count"]?.result.value == 7)
        #expect(all["laureates.count"]?.rows == nil)
        #expect(all["laureates.by_sector"]?.rows?.count == 4)
        #expect(all["applications.by_state"]?.rows?.count == ApplicationState.allCases.count)
        let single = try run("laureates.share_sme_midcap")
        #expect(all["laureates.share_sme_midcap"] == single)

        // Results are served as JSON as is.
        let json = try JSONEncoder().encode(all["laureates.stake.ecological"])
        let decoded = try JSONDecoder().decode(IndicatorResult.self, from: json)
        #expect(decoded == all["laureates.stake.ecological"])
    }

    @Test func coverageWording() {
        #expect(
            IndicatorCatalog.coverage(1142, of: 1416, "taille connue", .laureates).description
                == "taille connue pour 1\u{202F}142 des 1\u{202F}416 lauréats")
        #expect(IndicatorCatalog.coverage(0, of: 0, "taille connue", .laureates).description == "aucun lauréat dans le périmètre")
        #expect(IndicatorCatalog.coverage(1, of: 1, "taille connue", .laureates).description == "taille connue pour le seul lauréat")
        #expect(IndicatorCatalog.coverage(0, of: 3, "taille connue", .laureates).description == "taille connue pour aucun des 3 lauréats")
        let empty = IndicatorEngine.computeAll(in: IndicatorDataset(), scope: national)
        #expect(empty["laureates.share_fragile"]?.result.value == 0)
        #expect(empty["laureates.share_fragile"]?.result.denominator == 0)
    }
}
