import Foundation
import Vapor

/// Request metrics in the Prometheus text format, at `/metrics` (administrators, by session or
/// token): per route template (`/dossiers/:id`, never the address itself) and status, a count and
/// a latency histogram; the figure cache's data version. Kept per process: Prometheus scrapes each
/// app server.
actor RequestMetrics {
    static let buckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    struct Series {
        var count = 0
        var sum = 0.0
        var buckets = [Int](repeating: 0, count: RequestMetrics.buckets.count)
    }

    private var series: [String: Series] = [:]

    func observe(method: String, route: String, status: UInt, seconds: Double) {
        let key = "method=\"\(method)\",route=\"\(Self.escaped(route))\",status=\"\(status)\""
        var s = series[key] ?? Series()
        s.count += 1
        s.sum += seconds
        for (i, bound) in Self.buckets.enumerated() where seconds <= bound { s.buckets[i] += 1 }
        series[key] = s
    }

    func exposition(dataVersion: Int64?) -> String {
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
        if let dataVersion {
            lines += [
                "# HELP ti_data_version Version des données vue par ce serveur.", "# TYPE ti_data_version gauge",
                "ti_data_version \(dataVersion)",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}

/// Times every request and records it under its route's template (`unmatched` for a 404 outside
/// any route, so an attacker's addresses cannot grow the series).
struct MetricsMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: request)
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        await request.application.metrics.observe(
            method: request.method.rawValue, route: route, status: response.status.code, seconds: seconds)
        return response
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
        let version = try? await req.application.indicatorCache.currentVersion(on: req.db)
        let response = Response(status: .ok, body: .init(string: await req.application.metrics.exposition(dataVersion: version)))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
