import Fluent
import FluentSQL
import Foundation
import TIDomain
import TIPersistence
import Vapor

/// The bench population: applications spread over real communes, a fifth of them laureates.
enum BenchPopulation {
    static func generate(total: Int, laureates: Int, on db: any Database, say: @escaping (String) -> Void) async throws {
        let sql = db as! any SQLDatabase
        var communes: [(code: String, dep: String, reg: String, epci: String?)] = []
        for row in try await sql.raw(
            "SELECT c.code, c.departement_code AS dep, d.region_code AS reg, c.epci_siren AS epci FROM communes c JOIN departements d ON d.code = c.departement_code ORDER BY c.code"
        ).all() {
            communes.append(
                (
                    try row.decode(column: "code", as: String.self), try row.decode(column: "dep", as: String.self),
                    try row.decode(column: "reg", as: String.self), try row.decode(column: "epci", as: String?.self)
                ))
        }
        guard !communes.isEmpty else { throw Abort(.badRequest, reason: "importez d’abord la géographie (ti import geo)") }
        var territoryOf: [String: String] = [:]
        for m in try await TerritoryEpci.query(on: db).all() { territoryOf[m.$epci.id] = m.$territory.id }
        let call = FundCall()
        call.title = BenchCommand.benchCallTitle
        call.description = "Population générée par ti bench : à ne pas confondre avec des données réelles."
        call.$regime.id = "SA.56985-2020"
        call.apply(
            CallRules(
                opensOn: try CivilDate(parsing: "2020-01-01"), closesOn: try CivilDate(parsing: "2020-12-31"), carriers: [.company],
                sizes: Set(CompanySize.allCases), minimumInvestment: .zero, startWithinMonths: 12, regions: [], collaborative: false))
        try await call.create(on: db)
        var rng = SystemRandomNumberGenerator()
        let laureateStates: [ApplicationState] = [.laureate, .agreementSigned, .paymentsInProgress, .closed]
        let otherStates: [ApplicationState] = [
            .draft, .submitted, .underReview, .informationRequested, .reviewed, .inCommittee, .rejected, .withdrawn,
        ]
        var batch: [FundApplication] = []
        for i in 0..<total {
            let c = communes[Int.random(in: 0..<communes.count, using: &rng)]
            let a = FundApplication(callID: call.id!, regimeID: "SA.56985-2020", organisation: "552100554", createdBy: nil)
            a.state = i < laureates ? laureateStates[i % 4] : otherStates[i % otherStates.count]
            a.carrierName = "Banc \(i)"
            a.carrierKind = CarrierKind.company.rawValue
            a.communeCode = c.code
            a.regionCode = c.reg
            a.departementCode = c.dep
            a.epciSiren = c.epci
            a.territoryID = c.epci.flatMap { territoryOf[$0] }
            a.fragile = Bool.random(using: &rng)
            a.size = i % 5 == 0 ? nil : CompanySize.allCases[i % 4].rawValue
            a.sector = i % 7 == 0 ? nil : Sector.allCases[i % Sector.allCases.count].rawValue
            a.stakes = [Stake.relocation, .skills, .ecological][i % 3].rawValue
            a.investmentTotalCents = Int64.random(in: 20_000_000...2_000_000_000, using: &rng)
            a.investmentEquipmentCents = a.investmentTotalCents
            a.jobsCreated = Int.random(in: 0...80, using: &rng)
            a.submittedOn = "2020-0\(1 + i % 9)-15"
            if i < laureates {
                a.decidedOn = "2020-\(String(format: "%02d", 1 + i % 12))-20"
                a.aidStateCents = a.investmentTotalCents / 10
                a.aidRegionCents = a.investmentTotalCents / 40
            }
            a.searchText = "banc \(i)"
            batch.append(a)
            if batch.count == 150 || i == total - 1 {
                try await batch.create(on: db)
                batch.removeAll(keepingCapacity: true)
                if (i + 1) % 10_000 == 0 || i == total - 1 { say("\(FrenchNumber.grouped(i + 1)) dossiers générés") }
            }
        }
    }
}
