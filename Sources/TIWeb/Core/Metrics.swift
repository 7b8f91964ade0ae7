import FluentSQL
import Foundation
import NIOConcurrencyHelpers
import Synchronization
import Vapor

/// Metrics in the Prometheus text format, at `/metrics` (administrators, by session or token): per
/// route template (`/dossiers/:id`, never the address itself) and status, a count and a latency
/// histogram; requests in flight and the database pool's size; the kept pages' hits and misses;
/// the figure dataset's loads and how long they took; mails sent and failed; the data version.
/// Kept per process (Prometheus scrapes each app server), behind a lock: every request records here
/// (`FrontMiddleware`).
final class RequestMetrics: Sendable {
    static let buckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    struct Series {
        /// `method="GET",route="/territoires/:id",status="200"`.
        var labels: String
        var count = 0
        var sum = 0.0
        var buckets = [Int](repeating: 0, count: RequestMetrics.buckets.count)

        mutating func record(_ seconds: Double) {
            count += 1
            sum += seconds
            for (i, bound) in RequestMetrics.buckets.enumerated() where seconds <= bound { buckets[i] += 1 }
        }
    }

    /// A series: the route (nil outside any route) and method, and the status — hashed at every
    /// request, so no text; the labels are written once, when the series starts.
    struct SeriesKey: Hashable {
        var route: ObjectIdentifier?
        var method: String
        var status: UInt
    }

    private struct State {
        var series: [SeriesKey: Series] = [:]
        var mailsSent = 0
        var mailsFailed = 0
    }

    private let state = NIOLockedValueBox(State())
    private let requestsInFlight = Atomic<Int>(0)

    func started() { requestsInFlight.add(1, ordering: .relaxed) }

    /// Requests between `started()` and `observe(...)`.
    var inFlight: Int { requestsInFlight.load(ordering: .relaxed) }

    func observe(route: Route?, method: HTTPMethod, status: UInt, seconds: Double) {
        let key = SeriesKey(route: route.map(ObjectIdentifier.init), method: method.rawValue, status: status)
        requestsInFlight.subtract(1, ordering: .relaxed)
        state.withLockedValue { state in
            // In place: a copy of the series would copy its buckets at every request.
            state.series[key, default: Series(labels: Self.labels(route: route, method: key.method, status: status))].record(seconds)
        }
    }

    /// `unmatched` for an answer outside any route (a 404): an attacker's addresses cannot grow the series.
    static func labels(route: Route?, method: String, status: UInt) -> String {
        let template = route?.template ?? "unmatched"
        return "method=\"\(escaped(method))\",route=\"\(escaped(template))\",status=\"\(status)\""
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
        let all = series.values.sorted { $0.labels < $1.labels }
        for s in all { lines.append("ti_http_requests_total{\(s.labels)} \(s.count)") }
        lines += [
            "# HELP ti_http_request_duration_seconds Durée des requêtes, par route et statut.",
            "# TYPE ti_http_request_duration_seconds histogram",
        ]
        for s in all {
            let key = s.labels
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
        metric("ti_http_requests_in_flight", "gauge", "Requêtes en cours.", [("", "\(inFlight - 1)")])
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
        metric("ti_page_cache_bytes", "gauge", "Octets gardés (pages et leurs versions compressées).", [("", "\(pages.bytes)")])
        metric(
            "ti_page_cache_brotli_entries", "gauge", "Pages gardées aussi en brotli (dès leur deuxième demande).",
            [("", "\(pages.brotli)")])
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

extension Route {
    /// `/territoires/:id`: the route's path as registered, never an address.
    var template: String { "/" + path.map(\.description).joined(separator: "/") }
}
