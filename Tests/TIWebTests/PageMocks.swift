import Foundation
import Vapor

@testable import TIDomain
@testable import TIPersistence
@testable import TIWeb

/// Plain values the page snapshots are rendered from: no database, no request. Texts carry
/// markup-like characters (`<`, `&`, quotes) so that a snapshot shows they are escaped.
enum Mock {
    static func day(_ iso: String) -> CivilDate { try! CivilDate(parsing: iso) }
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }
    static let today = day("2021-09-24")
    static let epoch = 1_632_475_800.0  // 24 Sept. 2021, 11:30 in Paris

    static let content: ApplicationContent = {
        var c = ApplicationContent()
        c.carrierName = "Forges <de> l’Adour & fils"
        c.siren = "732829320"
        c.carrierKind = .company
        c.size = .pme
        c.legalForm = "SAS"
        c.nafCode = "2550A"
        c.sector = .metallurgie
        c.communeCode = "64445"
        c.title = "Nouvelle ligne de forge « verte »"
        c.description = "Remplacement de deux fours à gaz par un four à induction.\nFormation de 12 opérateurs."
        c.investment = Investment(
            buildings: EuroCents(euros: 400_000), equipment: EuroCents(euros: 2_100_000), intangible: EuroCents(euros: 150_000))
        c.requestedAid = EuroCents(euros: 500_000)
        c.startDate = day("2021-01-04")
        c.endDate = day("2022-06-30")
        c.jobsCreated = 14
        c.jobsByHorizon = 9
        c.jobsMaintained = 60
        c.stakes = [.ecological, .skills]
        c.ecological = [.decarbonisation]
        c.skills = [.inHouseTraining]
        c.trainingPlaces = 12
        c.publicationConsent = true
        c.publicSummary = "Une forge qui divise par trois ses émissions."
        return c
    }()

    static let place = CommuneResolution(
        requestedCode: "64445", matchedAs: "commune", matchedName: nil, commune: .init(code: "64445", name: "Pau"), population: 75_665,
        epci: .init(siren: "200067254", name: "CA Pau Béarn Pyrénées", kind: "CA"),
        territories: [.init(id: "TI-PAU", name: "Pau Béarn")], departement: .init(code: "64", name: "Pyrénées-Atlantiques"),
        region: .init(code: "75", name: "Nouvelle-Aquitaine"), zonings: [])

    static func application(_ state: ApplicationState) -> ApplicationDetail {
        ApplicationDetail(
            id: id(1), reference: state == .draft ? nil : "FA-2021-75-00042", callID: CallSummary.mock.id,
            organisationSiren: "732829320", state: state, content: content, assignedTo: id(7).uuidString,
            infoMessage: state == .informationRequested ? "Merci de joindre le devis du four." : nil,
            internalNotes: "Visite du site prévue.", regionCode: "75", territoryID: "TI-PAU", fragile: true,
            submittedOn: state == .draft ? nil : "2021-02-01", decidedOn: state.isLaureate || state == .rejected ? "2021-04-15" : nil,
            technicalOpinion: "Projet mûr, devis fournis.", financialOpinion: "Structure financière saine.",
            eligibleInvestmentCents: 250_000_000, proposedStateCents: 40_000_000, proposedRegionCents: 10_000_000,
            stateDecision: state.isLaureate ? .init(favourable: true, motivation: "Projet structurant.") : nil,
            regionDecision: state.isLaureate ? .init(favourable: true, motivation: "Avis conforme.") : nil,
            aidStateCents: state.isLaureate ? 40_000_000 : 0, aidRegionCents: state.isLaureate ? 10_000_000 : 0,
            regimeID: "SA.56985-2020", agreementReference: state == .paymentsInProgress ? "CONV-2021-042" : nil,
            agreementOn: state == .paymentsInProgress ? "2021-05-10" : nil, updatedAt: Date(timeIntervalSince1970: epoch))
    }

    static let documents = [
        ApplicationFile.Document(id: id(21), filename: "devis four.pdf", sizeBytes: 2_400_000, document: "Devis", atEpoch: epoch - 86_400),
        ApplicationFile.Document(id: id(22), messageID: id(31), filename: "kbis.pdf", sizeBytes: 80_000, atEpoch: epoch),
    ]

    static let checks = [
        EligibilityCheck(id: "periode", label: "Dépôt pendant l’ouverture de l’appel", passed: true, detail: "Déposé le 1 février 2021."),
        EligibilityCheck(
            id: "investissement", label: "Investissement minimum", passed: false, detail: "Sous le minimum de l’appel (100 000 €)."),
    ]

    static let accounts = [
        AccountSummary(
            id: id(7), email: "instructeur@exemple.fr", displayName: "Inès <Instructrice>", role: .reviewer,
            scope: Scope(regions: ["75"])),
        AccountSummary(
            id: id(8), email: "porteur@exemple.fr", displayName: "Paul Porteur", role: .applicant,
            scope: Scope(organisation: Siren("732829320")), isDemo: true, active: false),
    ]

    static let territorySummary = GeoQueries.TerritorySummary(
        id: TerritoryID("TI-PAU")!, name: "Pau Béarn", active: true, fundedProjectLead: true, hasProjectLead: true, labelDate: "2018-11-22",
        endDate: nil, epcis: ["200067254"], communes: 31, population: 162_000, departements: ["64"], regions: ["75"])

    static let regionSummary = GeoQueries.RegionSummary(
        code: "75", name: "Nouvelle-Aquitaine", overseas: false, departements: 12, epcis: 154, communes: 4_309, population: 5_979_778,
        territories: 14)

    static let epci = GeoQueries.EpciStats(
        siren: "200067254", name: "CA Pau Béarn Pyrénées", kind: .ca, communes: 31, population: 162_000, departements: ["64"],
        regions: ["75"], territory: "TI-PAU")

    static let departementStats: GeoQueries.DepartementStats = {
        var s = GeoQueries.DepartementStats()
        s.communes = 546
        s.population = 677_309
        return s
    }()

    static let actions: [ActionSummary] = [
        ActionSummary(
            id: id(41), territoryID: TerritoryID("TI-PAU")!, territoryName: "Pau Béarn",
            content: ActionContent(
                reference: "FA-1", title: "École de production <métallerie>",
                description: "Former 24 jeunes par an.\nAvec les industriels.",
                axis: .recruit, themes: [.skills, .recruitment], carrierType: .mixed, carrierName: "CA Pau Béarn Pyrénées",
                siren: Siren("200067254"), plannedInvestment: EuroCents(euros: 1_250_000), status: .inProgress,
                statusOn: day("2021-03-01"), specific: true),
            validation: .validated, createdOn: day("2020-01-15")),
        ActionSummary(
            id: id(42), territoryID: TerritoryID("TI-PAU")!, territoryName: "Pau Béarn",
            content: ActionContent(
                reference: "FA-2", title: "Requalifier la friche « Sud »", axis: .attract, themes: [.land], carrierType: .publicBody,
                status: .preparing, statusOn: day("2021-06-10"), specific: false),
            validation: .returned, validationReason: "Chiffrez l’investissement.", createdOn: day("2021-06-10")),
    ]

    static let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><title>Carte</title></svg>"
    static let dashboard = "<section><h2>Tableau de bord</h2><p>1 416 lauréats</p></section>"
}
