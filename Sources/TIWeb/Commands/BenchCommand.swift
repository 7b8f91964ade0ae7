import Fluent
import FluentSQL
import Foundation
import NIOConcurrencyHelpers
import TIDomain
import TIPersistence
import Vapor

/// `ti bench indicators [--applications N] [--laureates N] [--iterations N]`: fills the current
/// database with a bench population (once), then times, warm, the national dashboard, a région
/// dashboard, the indicators API and the région choropleth through the whole HTTP pipeline, and
/// the raw SQL aggregate of the same figures for comparison. Prints p50 / p95 / p99.
///
/// `ti bench export`: the same population, every application a laureate by default, then the SCDL
/// grants export streamed over HTTP with the process's memory sampled (`BenchExport`).
///
/// `ti bench population [--applications N] [--laureates N]`: only fills the database (for
/// `scripts/bench-load`). `ti bench trivial [--port P]`: a bare Vapor server whose one route answers
/// a constant string, the ceiling `scripts/bench-load` compares the pages with.
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "indicators ou export")
        var what: String
        @Option(name: "applications", help: "Dossiers à générer (100 000 par défaut).")
        var applications: Int?
        @Option(name: "laureates", help: "Dont lauréats (20 000 par défaut).")
        var laureates: Int?
        @Option(name: "iterations", help: "Mesures par cas (50 par défaut).")
        var iterations: Int?
        @Option(name: "port", help: "Port du serveur trivial (8090 par défaut).")
        var port: Int?
    }

    var help: String { "Mesure les temps de réponse des indicateurs, tableaux de bord et cartes sur une population générée." }

    static let benchCallTitle = "Banc d’essai — population générée"

    func run(using context: CommandContext, signature: Signature) async throws {
        guard ["indicators", "export", "population", "trivial"].contains(signature.what) else {
            context.console.output(
                "Banc inconnu « \(signature.what) » : « indicators », « export », « population » ou « trivial ».".consoleText(.error))
            throw CommandFailure()
        }
        if signature.what == "trivial" { return try await Self.trivialServer(port: signature.port ?? 8090, context: context) }
        let app = context.application
        try await app.autoMigrate()
        let say = { (s: String) in context.console.output(s.consoleText()) }
        let total = signature.applications ?? 100_000
        // The export bench wants every application decided: 200 000 lines (State and Région) by default.
        let laureates = signature.laureates ?? (signature.what == "export" ? total : 20_000)
        let existing = try await FundCall.query(on: app.db).filter(\.$title == Self.benchCallTitle).first()
        if existing == nil {
            let clock = Stopwatch()
            try await BenchPopulation.generate(total: total, laureates: laureates, on: app.db) { say(clock.line($0)) }
        } else {
            say("Population de banc d’essai déjà présente : réutilisée.")
        }
        let count = try await FundApplication.query(on: app.db).count()
        say("Base \(app.config.database.kind) : \(FrenchNumber.grouped(count)) dossiers.")
        if signature.what == "population" { return }

        if signature.what == "export" {
            app.logger.logLevel = .warning
            let r = try await BenchExport.run(app, say: say)
            let mb = { (kb: Int) in String(format: "%.1f Mo", Double(kb) / 1024) }
            say("")
            say("Export SCDL /donnees/subventions.csv en flux, par HTTP sur la boucle locale")
            say("lignes          taille     durée     lignes/s   1er octet   mémoire avant   au plus haut   après")
            say(
                [
                    FrenchNumber.grouped(Int64(r.lines)).padding(toLength: 12, withPad: " ", startingAt: 0),
                    String(format: "%7.1f Mo", Double(r.bytes) / 1_048_576), String(format: "%7.1f s", r.seconds),
                    String(format: "%10.0f", Double(r.lines) / max(r.seconds, 0.001)), String(format: "%8.0f ms", r.firstByteMs),
                    mb(r.rssBefore).padding(toLength: 14, withPad: " ", startingAt: 0),
                    mb(r.rssPeak).padding(toLength: 13, withPad: " ", startingAt: 0),
                    mb(r.rssAfter),
                ].joined(separator: "   "))
            return
        }
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

    /// A Vapor server with one route, `GET /` → `ok`, and nothing else (no middleware, no database):
    /// what this machine and framework can serve at most. `GET /octets/N` answers N constant bytes
    /// (at most 8 Mo), the ceiling for a page of that size. Runs until the process is stopped.
    static func trivialServer(port: Int, context: CommandContext) async throws {
        let trivial = try await Application.make(.production)
        trivial.logger.logLevel = .warning
        trivial.middleware = Middlewares()
        trivial.get { _ in "ok" }
        let bodies = NIOLockedValueBox([Int: ByteBuffer]())
        trivial.get("octets", ":n") { req -> Response in
            guard let n = req.parameters.get("n", as: Int.self), (0...(8 << 20)).contains(n) else { throw Abort(.badRequest) }
            let body = bodies.withLockedValue { kept in
                if let body = kept[n] { return body }
                let body = ByteBuffer(repeating: UInt8(ascii: "x"), count: n)
                kept[n] = body
                return body
            }
            return Response(status: .ok, body: .init(buffer: body))
        }
        trivial.http.server.configuration.hostname = "127.0.0.1"
        trivial.http.server.configuration.port = port
        try await trivial.server.start(address: nil)
        context.console.output("Serveur trivial sur http://127.0.0.1:\(port)/".consoleText())
        while true { try await Task.sleep(for: .seconds(3_600)) }
    }

    /// A GET through the application's whole responder chain (middleware, routing, rendering), in process.
    static func get(_ path: String, _ app: Application) async throws -> Response {
        let request = Request(application: app, method: .GET, url: URI(string: path), on: app.eventLoopGroup.next())
        return try await app.responder.current.respond(to: request).get()
    }
}
