import TIPersistence
import Vapor

/// Health for the load balancer and the operator.
///
/// - `GET /healthz/live`: the process answers (no database access): restart it if not.
/// - `GET /healthz/ready`: it can serve: database reachable, every migration applied, geography
///   imported, figures loaded (the first probe starts loading them); 503 otherwise, so the proxy
///   sends no traffic to it.
/// - `GET /healthz`: the same readiness with details (database kind, pending migrations, last
///   geography import, object counts cached per data version).
///
/// Everything but liveness is kept per data version: a probe costs a lookup.
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
        let cache = req.application.indicatorCache
        let db = req.db
        let inspect: @Sendable () async throws -> Schema = {
            let applied = try await HealthQueries.appliedMigrations(on: db)
            let last = try await GeoQueries.lastImport(on: db)
            return Schema(
                applied: applied.count, pending: AppMigrations.all.map(\.name).filter { !applied.contains($0) },
                geography: .init(
                    imported: last != nil, lastImport: last?.importedAt, source: last?.source, populationVintage: last?.populationVintage))
        }
        do {
            // Kept per data version (read at most twice a second, which also proves the database
            // answers); read directly when that fails, e.g. before the first migration.
            let schema: Schema
            if let kept = try? await cache.memoised("health-schema", on: db, inspect) {
                schema = kept
            } else {
                schema = try await inspect()
            }
            let migrated = schema.pending.isEmpty
            // The figures' dataset is loaded before the proxy sends traffic: the first visitor
            // must not wait for 1 000 000 applications to be read.
            let warm = migrated && schema.geography.imported && cache.warmUp(on: db)
            let counts =
                details && migrated
                ? try await cache.memoised("health-counts", on: db) { try await GeoQueries.counts(on: db) } : nil
            let status =
                !migrated
                ? "migrations_en_attente" : !schema.geography.imported ? "geographie_absente" : warm ? "ok" : "chargement_des_donnees"
            return Health(
                status: status, live: true, ready: warm, database: .init(kind: kind, reachable: true, error: nil),
                migrations: .init(applied: schema.applied, pending: schema.pending), geography: schema.geography, counts: counts)
        } catch {
            req.logger.error("health check: database unreachable: \(String(reflecting: error))")
            return Health(
                status: "indisponible", live: true, ready: false,
                database: .init(kind: kind, reachable: false, error: "base de données injoignable"))
        }
    }

    /// What the database's schema and geography say, kept per data version.
    struct Schema: Sendable {
        var applied: Int
        var pending: [String]
        var geography: Health.Geography
    }
}
