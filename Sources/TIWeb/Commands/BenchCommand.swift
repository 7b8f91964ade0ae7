import Fluent
import FluentSQL
import Foundation
import TIDomain
import TIPersistence
import Vapor

/// `ti bench indicators [--applications N] [--laureates N] [--iterations N]`: fills the current
/// database with a bench population (once), then times, warm, the national dashboard, a région
/// dashboard, the indicators API and the région choropleth through the whole HTTP pipeline, and
/// the raw SQL aggregate of the same figures for comparison. Prints p50 / p95 / p99.
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "indicators")
        var what: String
        @Option(name: "applications", help: "Dossiers à générer (100 000 par défaut).")
        var applications: Int?
        @Option(name: "laureates", help: "Dont lauréats (20 000 par défaut).")
        var laureates: Int?
        @Option(name: "iterations", help: "Mesures par cas (50 par défaut).")
        var iterations: Int?
    }

    var help: String { "Mesure les temps de réponse des indicateurs, tableaux de bord et cartes sur une population générée." }

    static let benchCallTitle = "Banc d’essai — population générée"

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.what == "indicators" else {
            context.console.output("Banc inconnu « \(signature.what) » : seul « indicators » existe.".consoleText(.error))
            throw CommandFailure()
        }
        let app = context.application
        try await app.autoMigrate()
        let say = { (s: String) in context.console.output(s.consoleText()) }
        let total = signature.applications ?? 100_000
        let laureates = signature.laureates ?? 20_000
        let existing = try await FundCall.query(on: app.db).filter(\.$title == Self.benchCallTitle).first()
        if existing == nil {
            let clock = Stopwatch()
            try await BenchPopulation.generate(total: total, laureates: laureates, on: app.db) { say(clock.line($0)) }
        } else {
            say("Population de banc d’essai déjà présente : réutilisée.")
        }
        let count = try await FundApplication.query(on: app.db).count()
        say("Base \(app.config.database.kind) : \(FrenchNumber.grouped(count)) dossiers.")

        let iterations = signature.iterations ?? 50
        app.logger.logLevel = .warning  // request logs would weigh on the measure
        let cases: [(String, String)] = [
            ("Tableau de bord national (/indicateurs)", "/indicateurs"),
            ("Tableau de bord régional (/regions/84)", "/regions/84"),
            ("API des indicateurs (/api/v1/indicators)", "/api/v1/indicators"),
            ("Carte choroplèthe des régions (/carte)", "/carte?niveau=region&points=non"),
        ]
        var lines: [(String, [Double])] = []
        for (label, path) in cases {
            for _ in 0..<5 { _ = try await Self.get(path, app) }  // warm: dataset loaded, caches filled
            var times: [Double] = []
            for _ in 0..<iterations {
                let t = DispatchTime.now()
                let response = try await Self.get(path, app)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - t.uptimeNanoseconds) / 1e6)
                guard response.status == .ok else { throw Abort(.internalServerError, reason: "\(path) → \(response.status.code)") }
            }
            lines.append((label, times))
        }
        let sql = app.db as! any SQLDatabase
        let states = ApplicationState.allCases.filter(\.isLaureate).map { "'\($0.rawValue)'" }.joined(separator: ",")
        var raw: [Double] = []
        for _ in 0..<iterations {
            let t = DispatchTime.now()
            _ = try await sql.raw(
                """
                SELECT region_code, COUNT(*) AS n, SUM(investment_total_cents) AS inv, SUM(aid_state_cents + aid_region_cents) AS aid,
                       SUM(jobs_created) AS jobs, SUM(CASE WHEN fragile THEN 1 ELSE 0 END) AS fragile
                FROM applications WHERE state IN (\(unsafeRaw: states)) GROUP BY region_code
                """
            ).all()
            raw.append(Double(DispatchTime.now().uptimeNanoseconds - t.uptimeNanoseconds) / 1e6)
        }
        lines.append(("Agrégat SQL brut équivalent", raw))

        say("")
        Self.table(lines, header: "(ms, \(iterations) mesures à chaud)", say: say)

        say("")
        say("Sous écriture : un comité décide 10 dossiers par seconde pendant 10 s")
        let load = try await BenchWriteLoad.run(app, say: say)
        say("")
        Self.table(
            [
                ("Tableau de bord national (/indicateurs)", load.dashboard), ("API des indicateurs (/api/v1/indicators)", load.api),
                ("Délai avant qu’une décision s’affiche", load.visible),
            ], header: "(ms, \(load.decisions) décisions, \(load.dashboard.count + load.api.count) lectures)", say: say)
    }

    static func table(_ lines: [(String, [Double])], header: String, say: (String) -> Void) {
        say("cas".padding(toLength: 46, withPad: " ", startingAt: 0) + "      p50      p95      p99      max   " + header)
        for (label, times) in lines where !times.isEmpty {
            let s = times.sorted()
            func p(_ q: Double) -> String {
                let v = s[min(s.count - 1, max(0, Int((Double(s.count) * q).rounded(.up)) - 1))]
                let text = String(format: "%.1f", v)
                return String(repeating: " ", count: max(0, 9 - text.count)) + text
            }
            say(label.padding(toLength: 46, withPad: " ", startingAt: 0) + p(0.5) + p(0.95) + p(0.99) + p(1))
        }
    }

    /// A GET through the application's whole responder chain (middleware, routing, rendering), in process.
    static func get(_ path: String, _ app: Application) async throws -> Response {
        let request = Request(application: app, method: .GET, url: URI(string: path), on: app.eventLoopGroup.next())
        return try await app.responder.current.respond(to: request).get()
    }
}

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
