import TIPersistence
import Vapor

/// `GET /healthz`: database kind and reachability, geography counts, last import. 503 if the database is unreachable.
struct HealthController {
    struct Health: Content {
        struct DatabaseState: Content {
            var kind: String
            var reachable: Bool
            var error: String?
        }
        struct Geography: Content {
            var lastImport: Date?
            var source: String?
            var populationVintage: Int?
        }
        var status: String
        var database: DatabaseState
        var counts: GeoQueries.Counts?
        var geography: Geography?
    }

    func check(req: Request) async throws -> Response {
        let kind = req.application.config.database.kind
        var health: Health
        do {
            let counts = try await GeoQueries.counts(on: req.db)
            let last = try await GeoQueries.lastImport(on: req.db)
            health = Health(
                status: "ok", database: .init(kind: kind, reachable: true, error: nil), counts: counts,
                geography: .init(lastImport: last?.importedAt, source: last?.source, populationVintage: last?.populationVintage))
        } catch {
            req.logger.error("health check: database unreachable: \(String(reflecting: error))")
            health = Health(
                status: "indisponible", database: .init(kind: kind, reachable: false, error: "base de données injoignable"),
                counts: nil, geography: nil)
        }
        let response = Response(status: health.database.reachable ? .ok : .serviceUnavailable)
        try response.content.encode(health)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
