import TIPersistence
import Vapor

/// Health for the load balancer and the operator.
///
/// - `GET /healthz/live`: the process answers (no database access): restart it if not.
/// - `GET /healthz/ready`: it can serve: database reachable, every migration applied, geography
///   imported; 503 otherwise, so the proxy sends no traffic to it.
/// - `GET /healthz`: the same readiness with details (database kind, pending migrations, last
///   geography import, object counts cached per data version).
///
/// Each check is one short query on small tables; the counts come from the figure cache.
struct HealthController {
    struct Health: Content {
        struct DatabaseState: Content {
            var kind: String
            var reachable: Bool
            var error: String?
        }
        struct Migrations: Content {
            var applied: Int
            var pending: [String]
        }
        struct Geography: Content {
            var imported: Bool
            var lastImport: Date?
            var source: String?
            var populationVintage: Int?
        }
        var status: String
        var live: Bool
        var ready: Bool
        var database: DatabaseState
        var migrations: Migrations?
        var geography: Geography?
        var counts: GeoQueries.Counts?
    }

    func live(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: #"{"status":"ok","live":true}"#))
        response.headers.contentType = .json
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    func ready(req: Request) async throws -> Response {
        try await answer(try await Self.health(req, details: false))
    }

    func check(req: Request) async throws -> Response {
        try await answer(try await Self.health(req, details: true))
    }

    func answer(_ health: Health) async throws -> Response {
        let response = Response(status: health.ready ? .ok : .serviceUnavailable)
        try response.content.encode(health)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    static func health(_ req: Request, details: Bool) async throws -> Health {
        let kind = req.application.config.database.kind
        do {
            let applied = try await HealthQueries.appliedMigrations(on: req.db)
            let pending = AppMigrations.all.map(\.name).filter { !applied.contains($0) }
            let last = try await GeoQueries.lastImport(on: req.db)
            let ready = pending.isEmpty && last != nil
            let counts =
                details && pending.isEmpty
                ? try await req.application.indicatorCache.memoised("health-counts", on: req.db) { [db = req.db] in
                    try await GeoQueries.counts(on: db)
                } : nil
            return Health(
                status: ready ? "ok" : (pending.isEmpty ? "geographie_absente" : "migrations_en_attente"), live: true, ready: ready,
                database: .init(kind: kind, reachable: true, error: nil),
                migrations: .init(applied: applied.count, pending: pending),
                geography: .init(
                    imported: last != nil, lastImport: last?.importedAt, source: last?.source, populationVintage: last?.populationVintage),
                counts: counts)
        } catch {
            req.logger.error("health check: database unreachable: \(String(reflecting: error))")
            return Health(
                status: "indisponible", live: true, ready: false,
                database: .init(kind: kind, reachable: false, error: "base de données injoignable"))
        }
    }
}
