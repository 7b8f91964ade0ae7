import FluentSQL
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Metrics in the Prometheus text format, at `/metrics` (administrators, by session or token): per
/// route template (`/dossiers/:id`, never the address itself) and status, a count and a latency
/// histogram; requests in flight and the database pool's size; the kept pages' hits and misses;
/// the figure dataset's loads and how long they took; mails sent and failed; the data version.
/// Kept per process (Prometheus scrapes each app server), behind a lock: every request records here.
final class RequestMetrics: Sendable {
    static let buckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    struct Series {
        var count = 0
        var sum = 0.0
        var buckets = [Int](repeating: 0, count: RequestMetrics.buckets.count)
    }

    private struct State {
        var series: [String: Series] = [:]
        var inFlight = 0
        var mailsSent = 0
        var mailsFailed = 0
    }

    private let state = NIOLockedValueBox(State())

    func started() { state.withLockedValue { $0.inFlight += 1 } }

    /// Requests between `started()` and `observe(...)`.
    var inFlight: Int { state.withLockedValue { $0.inFlight } }

    func observe(method: String, route: String, status: UInt, seconds: Double) {
        let key = "method=\"\(method)\",route=\"\(Self.escaped(route))\",status=\"\(status)\""
        state.withLockedValue { state in
            state.inFlight -= 1
            var s = state.series[key] ?? Series()
            s.count += 1
            s.sum += seconds
            for (i, bound) in Self.buckets.enumerated() where seconds <= bound { s.buckets[i] += 1 }
            state.series[key] = s
        }
    }

    func mail(sent: Bool) {
        state.withLockedValue { state in
            if sent { state.mailsSent += 1 } else { state.mailsFailed += 1 }
        }
    }

    /// What the other parts of the process report, read when `/metrics` is asked for.
    struct Gauges {
        var dataVersion: Int64?
        var pages = PageCache.Counters()
        var loads = IndicatorCache.Loads()
        var poolSize = 0
        /// This server's PostgreSQL connections by state (`active`, `idle`…), nil on SQLite.
        var poolConnections: [String: Int]?
    }

    func exposition(_ gauges: Gauges) -> String {
        let state = state.withLockedValue { $0 }
        let series = state.series
        var lines = [
            "# HELP ti_http_requests_total Requêtes servies, par route et statut.", "# TYPE ti_http_requests_total counter",
        ]
        let keys = series.keys.sorted()
        for key in keys { lines.append("ti_http_requests_total{\(key)} \(series[key]!.count)") }
        lines += [
            "# HELP ti_http_request_duration_seconds Durée des requêtes, par route et statut.",
            "# TYPE ti_http_request_duration_seconds histogram",
        ]
        for key in keys {
            let s = series[key]!
            for (i, bound) in Self.buckets.enumerated() {
                lines.append("ti_http_request_duration_seconds_bucket{\(key),le=\"\(bound)\"} \(s.buckets[i])")
            }
            lines.append("ti_http_request_duration_seconds_bucket{\(key),le=\"+Inf\"} \(s.count)")
            lines.append("ti_http_request_duration_seconds_sum{\(key)} \(s.sum)")
            lines.append("ti_http_request_duration_seconds_count{\(key)} \(s.count)")
        }
        func metric(_ name: String, _ type: String, _ help: String, _ values: [(String, String)]) {
            lines += ["# HELP \(name) \(help)", "# TYPE \(name) \(type)"]
            for (labels, value) in values { lines.append(name + labels + " " + value) }
        }
        let (pages, loads) = (gauges.pages, gauges.loads)
        metric("ti_http_requests_in_flight", "gauge", "Requêtes en cours.", [("", "\(state.inFlight - 1)")])
        metric(
            "ti_db_pool_connections_max", "gauge", "Connexions à la base au plus (toutes boucles d’événements).",
            [("", "\(gauges.poolSize)")])
        if let connections = gauges.poolConnections {
            metric(
                "ti_db_pool_connections", "gauge",
                "Connexions ouvertes par ce serveur, par état (pg_stat_activity ; active : en cours de requête, hors celle de cette mesure).",
                connections.sorted { $0.key < $1.key }.map { ("{state=\"\(Self.escaped($0.key))\"}", "\($0.value)") })
        }
        metric(
            "ti_page_cache_requests_total", "counter", "Pages publiques servies depuis le cache (hit) ou rendues (miss).",
            [("{result=\"hit\"}", "\(pages.hits)"), ("{result=\"miss\"}", "\(pages.misses)")])
        metric("ti_page_cache_entries", "gauge", "Pages gardées.", [("", "\(pages.entries)")])
        metric("ti_page_cache_bytes", "gauge", "Octets gardés (pages et leur version gzip).", [("", "\(pages.bytes)")])
        metric(
            "ti_dataset_loads_total", "counter", "Chargements du jeu des indicateurs : complet ou par dossiers changés.",
            [("{kind=\"full\"}", "\(loads.full)"), ("{kind=\"incremental\"}", "\(loads.incremental)")])
        metric(
            "ti_dataset_load_seconds_total", "counter", "Temps passé à charger le jeu des indicateurs.",
            [("{kind=\"full\"}", "\(loads.fullSeconds)"), ("{kind=\"incremental\"}", "\(loads.incrementalSeconds)")])
        metric(
            "ti_dataset_last_load_seconds", "gauge", "Durée du dernier chargement complet du jeu des indicateurs.",
            [("", "\(loads.lastFullSeconds)")])
        metric(
            "ti_mails_total", "counter", "Courriels envoyés ou en échec.",
            [("{result=\"sent\"}", "\(state.mailsSent)"), ("{result=\"failed\"}", "\(state.mailsFailed)")])
        if let version = gauges.dataVersion {
            metric("ti_data_version", "gauge", "Version des données vue par ce serveur.", [("", "\(version)")])
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func escaped(_ text: String) -> String {
        // Route templates seldom need it: a scan is cheaper than three replacements per request.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") })
        else { return text }
        return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}

/// Times every request and records it under its route's template (`unmatched` for a 404 outside
/// any route, so an attacker's addresses cannot grow the series).
/// Future-based: no hop to Swift's executor (see `RequestLogMiddleware`).
struct MetricsMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let metrics = request.application.metrics
        let start = ContinuousClock.now
        metrics.started()
        return next.respond(to: request).always { result in
            let status: UInt
            switch result {
            case .success(let response): status = response.status.code
            case .failure: status = 500
            }
            metrics.observe(method: request.method.rawValue, route: Self.template(request), status: status, seconds: start.secondsSince)
        }
    }

    static func template(_ request: Request) -> String {
        request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
    }
}

extension Application {
    private struct MetricsKey: StorageKey { typealias Value = RequestMetrics }

    /// Set by `configure`.
    var metrics: RequestMetrics {
        get { storage[MetricsKey.self]! }
        set { storage[MetricsKey.self] = newValue }
    }
}

enum MetricsController {
    static func show(req: Request) async throws -> Response {
        let app = req.application
        let gauges = RequestMetrics.Gauges(
            dataVersion: try? await app.indicatorCache.currentVersion(on: req.db), pages: app.pageCache.counters,
            loads: app.indicatorCache.loads,
            poolSize: app.config.database.poolSize(loops: app.eventLoopGroup.makeIterator().reduce(0) { n, _ in n + 1 }),
            poolConnections: try? await DatabasePoolUsage.connections(on: req.db))
        let response = Response(status: .ok, body: .init(string: app.metrics.exposition(gauges)))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

/// The database pool's real use, PostgreSQL only: the pool itself does not say how many of its
/// connections are busy, but PostgreSQL does, for the connections named after this process.
enum DatabasePoolUsage {
    static let applicationName = "ti-\(ProcessInfo.processInfo.processIdentifier)"

    /// This process's connections by state; the one asking is left out of `active`. Nil on SQLite.
    static func connections(on db: any Database) async throws -> [String: Int]? {
        guard let sql = db as? any SQLDatabase, sql.dialect.name != "sqlite" else { return nil }
        var counts = ["active": 0, "idle": 0, "idle in transaction": 0]
        for row in try await sql.raw(
            "SELECT state, COUNT(*) AS n FROM pg_stat_activity WHERE application_name = \(bind: applicationName) GROUP BY state"
        ).all() {
            counts[try row.decode(column: "state", as: String?.self) ?? "inconnu", default: 0] += try row.decode(column: "n", as: Int.self)
        }
        counts["active"] = max(0, (counts["active"] ?? 0) - 1)
        return counts
    }
}

extension ContinuousClock.Instant {
    var secondsSince: Double {
        let elapsed = ContinuousClock.now - self
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

extension Application {
    /// Sends a mail and counts it, sent or failed, in the metrics.
    func sendMail(_ mail: Mail) async throws {
        do {
            try await mailer.send(mail)
            metrics.mail(sent: true)
        } catch {
            metrics.mail(sent: false)
            throw error
        }
    }
}
